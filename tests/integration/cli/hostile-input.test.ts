import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Issue 19 through the real `yardstick` command: what an adversarial run fed it.

const ROOT = path.resolve(import.meta.dirname, '../../..');
const BIN = path.join(ROOT, 'src/cli/bin.mjs');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function yardstick(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: os.tmpdir() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The run failed with exit 2, nothing on stdout and exactly one `yardstick:` line: returned. */
function oneLineFailure(run: Run): string {
  expect(run.status, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.split('\n').filter((l) => l.startsWith('yardstick:'));
  expect(lines).toHaveLength(1);
  return lines[0] as string;
}

const MB = 1024 * 1024;

/** `head` then `row` repeated to about `bytes`, gzipped as a stream (never held whole). */
async function gzipRepeated(head: string, row: string, bytes: number): Promise<Buffer> {
  const chunk = Buffer.from(row.repeat(Math.ceil(MB / row.length)));
  async function* text() {
    yield Buffer.from(head);
    for (let n = 0; n < bytes; n += chunk.byteLength) yield chunk;
  }
  const parts: Buffer[] = [];
  for await (const part of Readable.from(text()).pipe(createGzip({ level: 9 }))) parts.push(part as Buffer);
  return Buffer.concat(parts);
}
const HEADER = 'order_id,customer_id,ordered_at,status,order_total\n';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'yardstick-hostile-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('a gzip bomb (issue 19, item 11)', () => {
  it('is refused early with one line naming the file and the limit', async () => {
    // 300 MB of one repeated order row: about 0.7 MB gzipped, so the default limit is its
    // 256 MB floor. The trailer's checksum is spoilt: inflating to the end would say "damaged".
    const bomb = await gzipRepeated(HEADER, 'B-1,b1,2025-01-01,paid,10\n', 300 * MB);
    bomb[bomb.length - 8]! ^= 0xff;
    const file = path.join(tmp, 'bomb.csv.gz');
    await writeFile(file, bomb);
    const kb = Math.ceil(bomb.byteLength / 1024);

    const line = oneLineFailure(
      await yardstick(['report', '--orders', file, '--from', '2025-01-01', '--to', '2025-01-31']),
    );
    expect(line).toBe(
      `yardstick: ${file}: the gzip data expands to more than 256 MB from ${kb} KB; refused as a likely decompression bomb ` +
        '(the limit is 100 times the compressed size, and at least 256 MB). If the file is genuine, allow more with --max-gzip-ratio N.',
    );
  }, 120_000);
});
