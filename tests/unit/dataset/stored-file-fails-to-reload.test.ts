import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNodeWasmEngine } from '../../../src/engine/node';
import { replayStoredFiles, storedFileProblem } from '../../../src/dataset/restore-stored';

// Issue 19, item 8: a stored file that failed to reload (a damaged IndexedDB entry) left an
// empty dashboard with no message; only the browser console said why. Replaying the stored
// files must name each file that does not come back, with the reason, and load the others.

const ORDERS = [
  'order_id,customer_id,ordered_at,status,order_total,currency',
  'A1,c1,2026-10-01 10:00:00,paid,100.00,CNY',
  'A2,c2,2026-10-02 11:00:00,paid,50.50,CNY',
  'A3,c1,2026-10-03 12:00:00,cancelled,20.00,CNY',
  '',
].join('\n');

const TRAFFIC = ['date,channel,sessions', '2026-10-01,email,40', '2026-10-02,direct,60', ''].join('\n');

/** What a damaged entry holds instead of the file: bytes that are no export at all (seeded, so every run is the same). */
function garbage(length: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = 20261001;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const entry = (id: string, name: string, blob: Blob, addedAt: number) => ({ id, name, blob, options: {}, addedAt });

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeWasmEngine();
});
afterAll(async () => {
  await engine.close();
});

describe('a stored file that fails to reload leaves an empty dashboard with no message', () => {
  it('names the damaged file with its reason and loads the other one', async () => {
    const outcome = await replayStoredFiles(engine, [
      entry('f1', 'orders.csv', new Blob([ORDERS]), 1),
      entry('f2', 'traffic.csv', new Blob([garbage(4096) as BlobPart]), 2),
    ]);
    expect(outcome.reports.map((r) => [r.file, r.table, r.rowsLoaded])).toEqual([['orders.csv', 'orders', 3]]);
    expect(outcome.failures).toHaveLength(1);
    expect(outcome.failures[0]).toMatchObject({ id: 'f2', name: 'traffic.csv' });
    // The reason as the import words it, without the file name the banner already shows.
    expect(outcome.failures[0]!.reason).toMatch(/^this is a binary file, not text/);
    // The orders are in the table, counted by hand: 2 paid, 150.50.
    expect(
      await engine.query(`SELECT count(*) AS n, sum(order_total) AS gmv FROM orders WHERE status = 'paid'`),
    ).toEqual([{ n: 2, gmv: 150.5 }]);
    expect(await engine.query('SELECT count(*) AS n FROM traffic')).toEqual([{ n: 0 }]);
  });

  it('keeps going past an entry without its file, and one without a name, in the order they were stored', async () => {
    await engine.run('DELETE FROM orders; DELETE FROM traffic');
    const outcome = await replayStoredFiles(engine, [
      { id: 'f1', name: 'orders.csv', options: {}, addedAt: 1 },
      { id: 'f2', blob: new Blob([ORDERS]), options: {}, addedAt: 2 },
      entry('f3', 'traffic.csv', new Blob([TRAFFIC]), 3),
    ]);
    expect(outcome.failures).toEqual([
      { id: 'f1', name: 'orders.csv', reason: 'the stored copy of the file is missing' },
      { id: 'f2', name: 'stored file 2', reason: 'the entry has no file name' },
    ]);
    expect(outcome.reports.map((r) => [r.file, r.rowsLoaded])).toEqual([['traffic.csv', 2]]);
    expect(await engine.query('SELECT sum(sessions) AS s FROM traffic')).toEqual([{ s: 100 }]);
  });
});

describe('storedFileProblem', () => {
  it('accepts an entry as storeFile writes it', () => {
    expect(storedFileProblem(entry('f1', 'a.csv', new Blob(['x']), 1))).toBeNull();
  });

  it.each([
    [null, 'the entry is not a stored file'],
    ['a.csv', 'the entry is not a stored file'],
    [{ id: 'f', blob: new Blob(['x']), options: {} }, 'the entry has no file name'],
    [{ id: 'f', name: '', blob: new Blob(['x']), options: {} }, 'the entry has no file name'],
    [{ id: 'f', name: 'a.csv', blob: 'a,b\n1,2', options: {} }, 'the stored copy of the file is missing'],
    [{ id: 'f', name: 'a.csv', blob: new Blob(['x']) }, 'how the file was read is missing'],
    [{ id: 'f', name: 'a.csv', blob: new Blob(['x']), options: null }, 'how the file was read is missing'],
  ])('%j: %s', (value, problem) => {
    expect(storedFileProblem(value)).toBe(problem);
  });
});
