import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInput } from '../../../src/cli/expand-inputs';
import { UsageError } from '../../../src/cli/errors';

describe('CLI inputs: a file, a folder or a pattern (issue 17)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ys-inputs-'));
    for (const name of ['orders-2025-02.csv', 'orders-2025-01.csv', 'orders-2025-10.csv.gz', 'traffic.csv', '.hidden.csv'])
      await writeFile(path.join(dir, name), 'x\n');
    await mkdir(path.join(dir, 'nested'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('keeps a file as it is, even one that does not exist (reading it says so)', async () => {
    expect(await expandInput(path.join(dir, 'traffic.csv'), '--traffic')).toEqual([path.join(dir, 'traffic.csv')]);
    expect(await expandInput(path.join(dir, 'missing.csv'), '--orders')).toEqual([path.join(dir, 'missing.csv')]);
  });

  it('reads a folder as its visible files, sorted by name, without subfolders', async () => {
    expect((await expandInput(dir, '--orders')).map((f) => path.basename(f))).toEqual([
      'orders-2025-01.csv',
      'orders-2025-02.csv',
      'orders-2025-10.csv.gz',
      'traffic.csv',
    ]);
  });

  it('matches a pattern in the last part of the path', async () => {
    const names = async (p: string) => (await expandInput(path.join(dir, p), '--orders')).map((f) => path.basename(f));
    expect(await names('orders-2025-*.csv')).toEqual(['orders-2025-01.csv', 'orders-2025-02.csv']);
    expect(await names('orders-2025-0?.csv')).toEqual(['orders-2025-01.csv', 'orders-2025-02.csv']);
    expect(await names('orders-2025-[01]*')).toEqual(['orders-2025-01.csv', 'orders-2025-02.csv', 'orders-2025-10.csv.gz']);
  });

  it('says when a pattern or a folder gives no file', async () => {
    await expect(expandInput(path.join(dir, 'refunds-*.csv'), '--orders')).rejects.toThrow(UsageError);
    await expect(expandInput(path.join(dir, 'refunds-*.csv'), '--orders')).rejects.toThrow(/no file matches/);
    await expect(expandInput(path.join(dir, 'nested'), '--orders')).rejects.toThrow(/holds no files/);
  });
});
