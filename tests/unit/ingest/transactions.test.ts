import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNodeWasmEngine } from '../../../src/engine/node';
import { importFile } from '../../../src/ingest/import';
import type { ImportPhase, ImportProgress } from '../../../src/ingest/types';
import { checksum, fixture, one, resetTables, textFile } from './helpers';

// All or nothing per file (DATA.md "Bad input", issue 3 "Safety"), cancel and progress.
// Failures are injected into the real engine at one statement: everything else runs for real.

let engine: Engine;
let before: string;

beforeAll(async () => {
  engine = await createNodeWasmEngine();
});
afterAll(async () => {
  await engine.close();
});
beforeEach(async () => {
  await resetTables(engine);
  await importFile(engine, fixture('canonical_orders.csv'));
  await importFile(engine, fixture('canonical_traffic.tsv'));
  before = await checksum(engine);
});

/** The real engine, except that `run` fails (or calls `onHit`) on the first statement matching `pattern`. */
function faultyEngine(
  pattern: RegExp,
  onHit: () => void = () => {
    throw new Error('disk full (injected)');
  },
): Engine {
  let hit = false;
  return {
    ...engine,
    run: async (sql: string) => {
      if (!hit && pattern.test(sql.trim())) {
        hit = true;
        await engine.run(sql);
        onHit();
        return;
      }
      await engine.run(sql);
    },
  };
}

// already exist: this file deletes them before inserting its rows.
const replacing = textFile(
  'replacing.csv',
  'order_id,customer_id,ordered_at,status,order_total\nA-4,c3@example.com,2025-02-04,paid,41\nA-5,c4@example.com,2025-02-05,paid,61\nA-9,c9@example.com,2025-02-09,paid,9\n',
);

describe('a failure halfway leaves the tables as they were', () => {
  it('when the insert fails after the delete ran', async () => {
    const faulty = faultyEngine(/^INSERT INTO orders/);
    await expect(importFile(faulty, replacing)).rejects.toThrow('disk full (injected)');
    expect(await checksum(engine)).toBe(before);
    // The engine is usable again and the same file then loads: 5 + A-9 = 6 orders.
    const r = await importFile(engine, replacing);
    expect(r).toMatchObject({ rowsLoaded: 3, duplicates: 2 });
    expect(await one(engine, 'SELECT count(*) AS n FROM orders')).toEqual({ n: 6 });
  });

  it('when the line items fail after the orders went in (Shopify)', async () => {
    const faulty = faultyEngine(/^INSERT INTO order_items/);
    await expect(importFile(faulty, fixture('shopify_orders_export.csv'))).rejects.toThrow('disk full (injected)');
    expect(await checksum(engine)).toBe(before);
  });

  it('and leaves no work tables or views behind', async () => {
    const faulty = faultyEngine(/^CREATE TEMP TABLE "_ys_stage_orders"/);
    await expect(importFile(faulty, fixture('shopify_orders_export.csv'))).rejects.toThrow('disk full (injected)');
    const left = await one(
      engine,
      `SELECT (SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '\\_ys\\_%' ESCAPE '\\')
            + (SELECT count(*) FROM duckdb_views() WHERE view_name LIKE '\\_ys\\_%' ESCAPE '\\') AS n`,
    );
    expect(left).toEqual({ n: 0 });
  });
});

describe('cancel', () => {
  it('before the start changes nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(importFile(engine, replacing, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(await checksum(engine)).toBe(before);
  });

  it('when the merge is about to start changes nothing', async () => {
    const controller = new AbortController();
    const onProgress = (p: ImportProgress): void => {
      if (p.phase === 'merge') controller.abort();
    };
    await expect(importFile(engine, replacing, { signal: controller.signal, onProgress })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(await checksum(engine)).toBe(before);
  });

  it('inside the transaction rolls it back', async () => {
    const controller = new AbortController();
    const faulty = faultyEngine(/^INSERT INTO orders/, () => controller.abort());
    await expect(importFile(faulty, replacing, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(await checksum(engine)).toBe(before);
  });

  it('while a GBK file is being decoded changes nothing', async () => {
    const controller = new AbortController();
    const onProgress = (p: ImportProgress): void => {
      if (p.phase === 'decode') controller.abort();
    };
    await expect(
      importFile(engine, fixture('taobao_orders_gbk.csv'), { signal: controller.signal, onProgress }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(await checksum(engine)).toBe(before);
  });
});

describe('progress', () => {
  it('reports each phase in order with the file size and, at the end, the rows read', async () => {
    const file = fixture('canonical_orders.csv');
    const events: ImportProgress[] = [];
    const r = await importFile(engine, file, { onProgress: (p) => events.push(p) });
    const phases = events.map((e) => e.phase).filter((p, i, all) => all.indexOf(p) === i);
    expect(phases).toEqual<ImportPhase[]>(['read', 'parse', 'validate', 'merge', 'done']);
    const size = (file.data as Uint8Array).length;
    expect(events[0]).toEqual({ phase: 'read', bytes: 0, totalBytes: size });
    expect(events.at(-1)).toEqual({ phase: 'done', bytes: size, totalBytes: size, rows: 5 });
    expect(r.rowsRead).toBe(5);
  });

  it('reports decoded bytes while re-encoding GBK, up to the file size', async () => {
    const file = fixture('taobao_orders_gbk.csv');
    const decode: number[] = [];
    await importFile(engine, file, { onProgress: (p) => p.phase === 'decode' && decode.push(p.bytes) });
    expect(decode.length).toBeGreaterThan(0);
    expect(decode.at(-1)).toBe((file.data as Uint8Array).length);
    expect([...decode].sort((a, b) => a - b)).toEqual(decode);
  });
});
