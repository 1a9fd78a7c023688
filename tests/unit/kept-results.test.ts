import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine, Row } from '../../src/engine/engine';
import { createNodeWasmEngine } from '../../src/engine/node';
import { rebuildDerived } from '../../src/metrics/derived';
import { computeKpis } from '../../src/metrics/queries/kpis';
import { filesFingerprint, sampleFingerprint } from '../../src/dataset/kept-results';
import { previewEngine } from '../../src/dataset/preview-engine';
import {
  buildsOwnTableOnly,
  KEPT_MAX_ROWS,
  KEPT_MAX_TOTAL_ROWS,
  keptResultsPending,
  recordedResults, startRecording,
  stopRecording,
  stopRecordingOnWrite,
} from '../../src/dataset/result-recorder';
import { loadTables, MARCH_SHOP } from '../fixtures/metrics/tables';

// Issue 18, item 11: a page reopened on the same data shows the last results at once, from
// results kept beside the data, and never results kept for other data.

const MARCH = { from: '2025-03-01', to: '2025-03-31' };
const APRIL = { from: '2025-04-01', to: '2025-04-30' };
/** A promise that never settles: a preview that asks the live engine would hang, and the test time out. */
const never = new Promise<Engine>(() => undefined);

describe('results kept for the next visit', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = stopRecordingOnWrite(await createNodeWasmEngine());
    await loadTables(engine, MARCH_SHOP);
    await rebuildDerived(engine);
  });
  afterAll(async () => {
    stopRecording();
    await engine.close();
  });

  it('answers a view computed on the last visit without the engine, with the same numbers', async () => {
    startRecording(engine, Promise.resolve('fp'));
    const live = await computeKpis(engine, MARCH);
    // By hand (fixtures/metrics/tables.ts): paid in March o2 60 + o3 40 + o4 80 + o8 25 = 205, 4 orders; sessions 300 + 200.
    expect(live).toMatchObject({ gmv: 205, orders: 4, sessions: 500 });
    const kept = new Map(recordedResults());
    expect(kept.size).toBeGreaterThan(0);
    const preview = previewEngine(kept, never);
    expect(await computeKpis(preview, MARCH)).toEqual(live);
  });

  it('hands a view not kept to the live engine once it runs', async () => {
    let start!: (e: Engine) => void;
    const preview = previewEngine(new Map(), new Promise<Engine>((resolve) => (start = resolve)));
    const asked = computeKpis(preview, APRIL);
    start(engine);
    // April by hand: o9 15 + o10 15 paid (o5's wall clock is April 1: 999), so 1029 over 3 orders.
    expect(await asked).toMatchObject({ gmv: 1029, orders: 3 });
  });

  it('keeps recording while a query builds a table of its own (ys_…) from the data', async () => {
    startRecording(engine, Promise.resolve('fp'));
    await engine.run('CREATE OR REPLACE TABLE ys_scratch AS SELECT 1 AS x');
    await computeKpis(engine, { from: '2025-01-01', to: '2025-01-31' });
    expect(recordedResults().length).toBeGreaterThan(0);
    expect(buildsOwnTableOnly('CREATE OR REPLACE TABLE ys_a AS SELECT 1; DELETE FROM orders')).toBe(false);
    expect(buildsOwnTableOnly('DELETE FROM orders')).toBe(false);
  });

  it('leaves out a result longer than the limit (each save copies every kept row on the page thread)', async () => {
    startRecording(engine, Promise.resolve('fp'));
    const atLimit = `SELECT range AS n FROM range(${KEPT_MAX_ROWS})`;
    const over = `SELECT range AS n FROM range(${KEPT_MAX_ROWS + 1})`;
    expect(await engine.query(atLimit)).toHaveLength(KEPT_MAX_ROWS);
    expect(await engine.query(over)).toHaveLength(KEPT_MAX_ROWS + 1);
    expect(recordedResults().map(([sql]) => sql)).toEqual([atLimit]);
  });

  it('drops the oldest results once all of them together pass the total limit', async () => {
    startRecording(engine, Promise.resolve('fp'));
    // Six results of 10,000 rows against a total of 50,000: the first goes.
    expect(KEPT_MAX_TOTAL_ROWS).toBe(50_000);
    const asked = Array.from({ length: 6 }, (_, i) => `SELECT range + ${i} AS n FROM range(10000)`);
    for (const sql of asked) await engine.query(sql);
    expect(recordedResults().map(([sql]) => sql)).toEqual(asked.slice(1));
  });

  it('says a save is pending from a new result until the save after the pause has ended', async () => {
    startRecording(engine, Promise.resolve('fp'));
    expect(keptResultsPending()).toBe(false);
    await engine.query('SELECT 42 AS answer');
    expect(keptResultsPending()).toBe(true);
    // Node has no IndexedDB: the save ends as soon as the 1.5 s pause is over.
    await expect.poll(keptResultsPending, { timeout: 10_000, interval: 50 }).toBe(false);
    await engine.query('SELECT 43 AS answer');
    expect(keptResultsPending()).toBe(true);
    stopRecording();
    expect(keptResultsPending()).toBe(false);
  });

  it('stops keeping results at the first write: the data is about to change', async () => {
    startRecording(engine, Promise.resolve('fp'));
    await engine.run('CREATE TEMP TABLE scratch AS SELECT 1 AS x');
    // Same build of the derived tables, a view not asked before: only the write keeps it out.
    await computeKpis(engine, { from: '2025-02-01', to: '2025-02-28' });
    expect(recordedResults()).toEqual([]);
  });

  it('keys results by the data: another file, another size, other options or the sample never match', () => {
    const file = { id: 'a', name: 'orders.csv', blob: new Blob(['x,y\n1,2\n']), options: {}, addedAt: 1 };
    const base = filesFingerprint([file]);
    expect(filesFingerprint([file])).toBe(base);
    expect(filesFingerprint([{ ...file, blob: new Blob(['x,y\n1,2\n3,4\n']) }])).not.toBe(base);
    expect(filesFingerprint([{ ...file, id: 'b' }])).not.toBe(base);
    expect(filesFingerprint([{ ...file, options: { table: 'orders' as const } }])).not.toBe(base);
    expect(filesFingerprint([file, { ...file, id: 'b', addedAt: 2 }])).not.toBe(base);
    expect(filesFingerprint([])).not.toBe(sampleFingerprint());
    expect(sampleFingerprint()).not.toBe(base);
  });
});

export type { Row };
