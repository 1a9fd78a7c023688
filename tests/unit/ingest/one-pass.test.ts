import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNodeWasmEngine } from '../../../src/engine/node';
import { importFile } from '../../../src/ingest/import';
import type { ImportProgress } from '../../../src/ingest/types';
import { checksum, fixture, one, resetTables, textFile } from './helpers';

// Issue 17: a canonical file is read, parsed and checked in one statement (one-pass.ts); the
// all-or-nothing and cancel rules of DATA.md "Bad input" must hold on that path too.

let engine: Engine;
let before: string;
let statements: string[];

/** The real engine, recording every statement; `onRun` may fail or cancel after one has run. */
function watched(onRun: (sql: string) => void = () => {}): Engine {
  return {
    ...engine,
    run: async (sql: string) => {
      statements.push(sql.trim());
      await engine.run(sql);
      onRun(sql.trim());
    },
  };
}

const workObjects = (): Promise<unknown> =>
  one(
    engine,
    `SELECT (SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '\\_ys\\_%' ESCAPE '\\')
          + (SELECT count(*) FROM duckdb_views() WHERE view_name LIKE '\\_ys\\_%' ESCAPE '\\') AS n`,
  );

// are already loaded (canonical_orders.csv); row 4 has no customer and is rejected.
const replacing = textFile(
  'replacing.csv',
  'order_id,customer_id,ordered_at,status,order_total\nA-4,c3@example.com,2025-02-04,paid,41\nA-5,c4@example.com,2025-02-05,paid,61\nA-9,c9@example.com,2025-02-09,paid,9\nA-10,,2025-02-10,paid,10\n',
);

beforeAll(async () => {
  engine = await createNodeWasmEngine();
});
afterAll(async () => {
  await engine.close();
});
beforeEach(async () => {
  statements = [];
  await resetTables(engine);
  await importFile(engine, fixture('canonical_orders.csv'));
  before = await checksum(engine);
});

describe('one-pass import (issue 17)', () => {
  it('reads a canonical file in one statement, with no raw table, and counts as before', async () => {
    const r = await importFile(watched(), replacing);
    expect(statements.filter((s) => /^CREATE TEMP TABLE "_ys_one_pass"/.test(s))).toHaveLength(1);
    expect(statements.some((s) => /^CREATE TEMP TABLE "_ys_raw"/.test(s))).toBe(false);
    // 4 read, A-10 rejected (line 5), A-4 and A-5 replace the loaded rows: 5 + 1 = 6 orders.
    expect(r).toMatchObject({
      rowsRead: 4,
      rowsLoaded: 3,
      rowsRejected: 1,
      duplicates: 2,
      reasons: { 'missing customer_id': 1 },
    });
    expect(r.rejected).toEqual([{ line: 5, reason: 'missing customer_id', raw: 'A-10,,2025-02-10,paid,10' }]);
    expect(
      await one(
        engine,
        "SELECT count(*) AS n, sum(order_total) AS t FROM orders WHERE order_id IN ('A-4', 'A-5', 'A-9')",
      ),
    ).toEqual({ n: 3, t: 111 });
    expect(await workObjects()).toEqual({ n: 0 });
  });

  it('a failure in the merge after a one-pass read leaves the tables as they were and nothing behind', async () => {
    const faulty = watched((sql) => {
      if (/^INSERT INTO orders/.test(sql)) throw new Error('disk full (injected)');
    });
    await expect(importFile(faulty, replacing)).rejects.toThrow('disk full (injected)');
    expect(statements.some((s) => /^CREATE TEMP TABLE "_ys_one_pass"/.test(s))).toBe(true);
    expect(await checksum(engine)).toBe(before);
    expect(await workObjects()).toEqual({ n: 0 });
  });

  it('cancelling halfway (the rows read, nothing merged) leaves the tables as they were and nothing behind', async () => {
    const controller = new AbortController();
    const onProgress = (p: ImportProgress): void => {
      if (p.phase === 'validate') controller.abort();
    };
    await expect(importFile(watched(), replacing, { signal: controller.signal, onProgress })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(statements.some((s) => /^CREATE TEMP TABLE "_ys_one_pass"/.test(s))).toBe(true);
    expect(await checksum(engine)).toBe(before);
    expect(await workObjects()).toEqual({ n: 0 });
  });

  it('takes the staged path when a value could decide the date order, and says what it decided', async () => {
    const r = await importFile(
      watched(),
      textFile(
        'dmy.csv',
        'order_id,customer_id,ordered_at,status,order_total\nD-1,u1,25/03/2025,paid,5\nD-2,u2,2025-03-26,paid,6\n',
      ),
    );
    expect(statements.some((s) => /^CREATE TEMP TABLE "_ys_raw"/.test(s))).toBe(true);
    expect(r).toMatchObject({ rowsLoaded: 2, rowsRejected: 0 });
    expect((r.warnings ?? []).some((w) => w.includes('day first'))).toBe(true);
    expect(await one(engine, `SELECT CAST(ordered_at AS VARCHAR) AS at FROM orders WHERE order_id = 'D-1'`)).toEqual({
      at: '2025-03-25 00:00:00',
    });
  });
});
