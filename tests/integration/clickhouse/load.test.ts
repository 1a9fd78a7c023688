import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNativeEngine } from '../../../src/engine/native';
import { ensureTables, importFile } from '../../../src/ingest/import';
import { chdbTarget, createChdbEngine } from '../../../packages/clickhouse/src/chdb';
import {
  ForeignTableError,
  loadIntoClickHouse,
  prepareTables,
  SCHEMA_MARK,
  type ClickHouseTarget,
} from '../../../packages/clickhouse/src/load';
import { computeReport } from '../../../src/metrics/report';
import { CORE_TABLES, OPERATIONS_TABLES } from '../../../src/model/tables';

/**
 * Issue 20, item 2 and "Bad input and faults", on a real ClickHouse (chdb, MergeTree tables):
 * each load goes through the DuckDB import, lands in month partitions, and a later file's
 * rows replace earlier ones with the same key (DATA.md: the later file wins), as the import
 * does when both files are loaded into DuckDB, which is the independent computation here.
 */
const HEAD = 'order_id,customer_id,ordered_at,status,order_total,currency,channel\n';
const FILE_A = `${HEAD}a1,c1,2025-01-05T10:00:00,paid,100.00,CNY,email
a2,c2,2025-01-20T10:00:00,paid,50.00,CNY,direct
b1,c1,2025-02-03T10:00:00,paid,70.00,CNY,email
b2,c3,2025-02-10T10:00:00,cancelled,30.00,CNY,direct
`;
// February again: b1 with a refund-adjusted total (the later file wins), b3 new; and March.
const FILE_B = `${HEAD}b1,c1,2025-02-03T10:00:00,paid,65.00,CNY,email
b3,c4,2025-02-25T10:00:00,paid,40.00,CNY,social
m1,c2,2025-03-02T10:00:00,paid,90.00,CNY,direct
`;

const bytes = (text: string) => new TextEncoder().encode(text);

async function importInto(engine: Engine, name: string, text: string): Promise<void> {
  await ensureTables(engine);
  await importFile(engine, { name, data: bytes(text) }, { table: 'orders' });
}

/** One file imported alone into DuckDB: what a load of it carries. */
async function imported(name: string, text: string): Promise<Engine> {
  const duck = await createNativeEngine();
  await importInto(duck, name, text);
  return duck;
}

const ROWS = `SELECT order_id, customer_key, CAST(order_date AS VARCHAR) AS day, status, CAST(order_total AS DOUBLE) AS total, source_file
  FROM orders ORDER BY order_id`;

describe('yardstick load into ClickHouse (chdb, MergeTree)', () => {
  let ch: Engine;
  let target: ClickHouseTarget;
  beforeAll(() => {
    ch = createChdbEngine();
    target = chdbTarget(ch);
  });
  afterAll(async () => {
    await ch?.close();
  });

  it('a second file replaces the months it holds, the later row winning; other months stay as they were', async () => {
    for (const [name, text] of [
      ['a.csv', FILE_A],
      ['b.csv', FILE_B],
    ] as const) {
      const duck = await imported(name, text);
      await loadIntoClickHouse(duck, target, ['orders']);
      await duck.close();
    }
    const both = await createNativeEngine();
    await importInto(both, 'a.csv', FILE_A);
    await importInto(both, 'b.csv', FILE_B);
    const expected = await both.query(ROWS);
    await both.close();
    expect(expected.map((r) => [r.order_id, r.total])).toEqual([
      ['a1', 100],
      ['a2', 50],
      ['b1', 65],
      ['b2', 30],
      ['b3', 40],
      ['m1', 90],
    ]);
    expect(await ch.query(ROWS)).toEqual(expected);
    const parts = await ch.query(
      `SELECT DISTINCT partition_id AS p FROM system.parts WHERE table = 'orders' AND active ORDER BY p`,
    );
    expect(parts.map((r) => r.p)).toEqual(['202501', '202502', '202503']);
  });

  it('a load that fails half way leaves the table as it was', async () => {
    const before = await ch.query(ROWS);
    const duck = await imported('c.csv', `${HEAD}b1,c1,2025-02-03T10:00:00,refunded,65.00,CNY,email\n`);
    const failing: ClickHouseTarget = {
      engine: ch,
      insertParquet: async (table, file) => {
        await target.insertParquet(table, file);
        throw new Error('server went away');
      },
    };
    await expect(loadIntoClickHouse(duck, failing, ['orders'])).rejects.toThrow('server went away');
    await duck.close();
    expect(await ch.query(ROWS)).toEqual(before);
  });

  it('a table Yardstick did not make is refused, not read', async () => {
    await ch.run('CREATE TABLE users (user_id String NOT NULL) ENGINE = MergeTree ORDER BY user_id');
    const duck = await createNativeEngine();
    await ensureTables(duck);
    await importFile(
      duck,
      { name: 'u.csv', data: bytes('user_id,registered_at\nu1,2025-01-02T08:00:00\n') },
      { table: 'users' },
    );
    const failure = await loadIntoClickHouse(duck, target, ['users']).catch((e: unknown) => e);
    await duck.close();
    expect(failure).toBeInstanceOf(ForeignTableError);
    expect((failure as Error).message).toMatch(/table users exists but was not created by this version of Yardstick/);
    expect(await ch.query('SELECT count(*) AS n FROM users')).toEqual([{ n: 0 }]);
  });
});

describe('the report on a ClickHouse database with tables missing', () => {
  it('creates them empty in the load schema (never as anything else) and reports from them', async () => {
    const ch = createChdbEngine();
    try {
      const duck = await imported('a.csv', FILE_A);
      await loadIntoClickHouse(duck, chdbTarget(ch), ['orders']);
      await duck.close();
      await prepareTables(ch, [...CORE_TABLES, ...OPERATIONS_TABLES]);
      const marks = await ch.query(
        `SELECT name, comment, engine FROM system.tables WHERE database = currentDatabase() ORDER BY name`,
      );
      expect(marks).toHaveLength(CORE_TABLES.length + OPERATIONS_TABLES.length);
      expect(marks.every((m) => m.comment === SCHEMA_MARK && m.engine === 'MergeTree')).toBe(true);
      const report = await computeReport(ch, { period: { from: '2025-01-01', to: '2025-01-31' } });
      expect([report.kpis.gmv, report.kpis.orders, report.kpis.sessions]).toEqual([150, 2, null]);
    } finally {
      await ch.close();
    }
  });
});
