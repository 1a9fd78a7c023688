import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine, Row } from '../../../src/engine/engine';
import { createNativeEngine } from '../../../src/engine/native';
import { createNodeWasmEngine } from '../../../src/engine/node';
import { consoleRefusal } from '../../../src/features/sql/sql-shape';
import { ensureTables } from '../../../src/ingest/import';

// Issue 19, item 7: `DROP TABLE orders` on the SQL page blanked the dashboard until a reload,
// because the console ran the user's text on the pages' own connection. Engine.queryReadOnly
// must leave every table (canonical and derived) exactly as it was, whatever is typed, and
// leave the engine answering.

const TABLES = ['orders', 'order_items', 'traffic', 'users', 'ys_orders'];

// Three orders by hand: two paid (100.00 + 50.50 = 150.50), one cancelled.
const SEED = `
INSERT INTO orders (order_id, customer_id, customer_key, ordered_at, order_date, status, order_total) VALUES
  ('o1', 'C1', 'c1', TIMESTAMP '2026-10-01 10:00:00', DATE '2026-10-01', 'paid', 100.00),
  ('o2', 'C2', 'c2', TIMESTAMP '2026-10-02 11:00:00', DATE '2026-10-02', 'paid', 50.50),
  ('o3', 'C1', 'c1', TIMESTAMP '2026-10-03 12:00:00', DATE '2026-10-03', 'cancelled', 20.00);
INSERT INTO order_items (order_id, sku, quantity, unit_price) VALUES ('o1', 'vase', 1, 100.00), ('o2', 'soap', 2, 25.25);
INSERT INTO traffic (date, channel, sessions) VALUES (DATE '2026-10-01', 'email', 40), (DATE '2026-10-02', 'direct', 60);
INSERT INTO users (user_id, user_key, registered_at, registered_date) VALUES ('C1', 'c1', TIMESTAMP '2026-09-30 08:00:00', DATE '2026-09-30');
CREATE TABLE ys_orders AS SELECT order_id, order_total FROM orders WHERE status = 'paid';
`;

/** Statements that changed the shared tables before, with the error each must now meet. */
const REFUSED: [string, RegExp][] = [
  ['DROP TABLE orders', /read-only mode/],
  ['DELETE FROM orders', /read-only mode/],
  ["UPDATE orders SET status = 'cancelled'", /read-only mode/],
  ["INSERT INTO orders (order_id) VALUES ('x')", /read-only mode/],
  ['TRUNCATE traffic', /read-only mode/],
  ['ALTER TABLE users RENAME TO gone', /read-only mode/],
  ['ALTER TABLE orders ADD COLUMN x INT', /read-only mode/],
  ['CREATE OR REPLACE TABLE orders AS SELECT 1 AS x', /read-only mode/],
  ['CREATE TABLE mine AS SELECT 1 AS x', /read-only mode/],
  ['DROP TABLE ys_orders', /read-only mode/],
  ['CREATE OR REPLACE TABLE ys_orders AS SELECT 1 AS x', /read-only mode/],
  ["COMMENT ON TABLE orders IS 'x'", /read-only mode/],
  ['DROP SCHEMA main CASCADE', /read-only mode/],
  ['WITH d AS (SELECT 1) DELETE FROM order_items', /read-only mode/],
  ['EXPLAIN ANALYZE DELETE FROM orders', /read-only mode/],
  ['COMMIT; DROP TABLE orders', /multiple statements/],
  ['ROLLBACK; DELETE FROM orders', /multiple statements/],
  ['BEGIN; DROP TABLE orders; COMMIT;', /multiple statements/],
  ['SELECT 1; DROP TABLE users', /multiple statements/],
  ['BEGIN TRANSACTION', /within a transaction/],
];

/** Statements that stop DuckDB 1.4.3 for good (the whole database is invalidated): refused before it sees them. */
const ENGINE_KILLERS = [
  'CHECKPOINT system',
  "CALL checkpoint('system')",
  "SELECT * FROM force_checkpoint('system')",
  "SELECT * FROM query('SELECT * FROM check' || 'point(''system'')')",
  "SELECT * FROM query/* a comment */('SELECT * FROM check' || 'point(''system'')')",
  'SELECT * FROM "QUERY"(\'SELECT 1\')',
];

const ENGINES: [string, () => Promise<Engine>][] = [
  ['DuckDB-WASM', createNodeWasmEngine],
  ['native DuckDB', createNativeEngine],
];

describe.each(ENGINES)('the SQL console cannot change the data (%s)', (_name, create) => {
  let engine: Engine;
  let before: Record<string, Row[]>;
  const snapshot = async () => {
    const out: Record<string, Row[]> = {};
    for (const t of TABLES) out[t] = await engine.query(`SELECT * FROM ${t} ORDER BY ALL`);
    out.tables = await engine.query(`SELECT table_name FROM duckdb_tables() ORDER BY ALL`);
    return out;
  };

  beforeAll(async () => {
    engine = await create();
    await ensureTables(engine);
    await engine.run(SEED);
    before = await snapshot();
  });
  afterAll(async () => {
    await engine.close();
  });

  it('reads the tables', async () => {
    expect(before.orders).toHaveLength(3);
    expect(
      await engine.queryReadOnly(`SELECT count(*) AS n, sum(order_total) AS gmv FROM orders WHERE status = 'paid'`),
    ).toEqual([{ n: 2, gmv: 150.5 }]);
  });

  it.each(REFUSED)('refuses %s and every table stays as it was', async (sql, error) => {
    await expect(engine.queryReadOnly(sql)).rejects.toThrow(error);
    expect(await snapshot()).toEqual(before);
  });

  it('a COMMIT ends only its own read-only transaction: the DROP after it is still refused', async () => {
    await expect(engine.queryReadOnly('COMMIT')).resolves.toEqual([]);
    await expect(engine.queryReadOnly('DROP TABLE orders')).rejects.toThrow(/read-only mode/);
    await expect(engine.queryReadOnly('END')).resolves.toEqual([]);
    await expect(engine.queryReadOnly('TRUNCATE orders')).rejects.toThrow(/read-only mode/);
    expect(await snapshot()).toEqual(before);
  });

  it('what a statement sets ends with it: search path, temp tables, variables', async () => {
    await engine.queryReadOnly(`SET search_path = 'system'`);
    await engine.queryReadOnly(`CREATE TEMP TABLE scratch AS SELECT 1 AS x`);
    await expect(engine.queryReadOnly('SELECT count(*) AS n FROM orders')).resolves.toEqual([{ n: 3 }]);
    await expect(engine.queryReadOnly('SELECT * FROM scratch')).rejects.toThrow(/scratch/);
    // The pages' own connection never saw any of it.
    expect(await engine.query('SELECT count(*) AS n FROM orders')).toEqual([{ n: 3 }]);
  });

  it.each(ENGINE_KILLERS)('refuses %s before DuckDB sees it; the engine keeps answering', async (sql) => {
    await expect(engine.queryReadOnly(sql)).rejects.toThrow(/Refused: (CHECKPOINT|query\(\)) is not available/);
    expect(await engine.query('SELECT count(*) AS n FROM orders')).toEqual([{ n: 3 }]);
  });

  it('the console tells its own refusals from mistakes in the SQL, by the words the engine uses', async () => {
    const failure = (sql: string) =>
      engine.queryReadOnly(sql).then(
        () => null,
        (e: unknown) => e,
      );
    expect(consoleRefusal(await failure('DROP TABLE orders'))).toBe('read-only');
    expect(consoleRefusal(await failure('COMMIT; DROP TABLE orders'))).toBe('one-statement');
    expect(consoleRefusal(await failure('CHECKPOINT system'))).toBe('engine-safety');
    expect(consoleRefusal(await failure('SELECT no_such_column FROM orders'))).toBeNull();
  });

  it('the pages still write after all of it (the next import)', async () => {
    await engine.run(`INSERT INTO traffic (date, channel, sessions) VALUES (DATE '2026-10-03', 'email', 5)`);
    expect(await engine.query('SELECT sum(sessions) AS s FROM traffic')).toEqual([{ s: 105 }]);
  });
});
