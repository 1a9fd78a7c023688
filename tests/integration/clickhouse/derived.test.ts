import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNativeEngine } from '../../../src/engine/native';
import { DAILY_TOTALS_TABLE, hasDerived, markDerived, ROLLUP_TABLE } from '../../../src/metrics/derived-state';
import { rebuildDerived } from '../../../src/metrics/derived';
import { prepareContext, queryMetrics } from '../../../src/metrics/context';
import { bucketGrouping } from '../../../src/metrics/groupings';
import { computeReport } from '../../../src/metrics/report';
import { DERIVED_TABLES } from '../../../src/metrics/rollups';
import { CORE_TABLES, OPERATIONS_TABLES } from '../../../src/model/tables';
import { chdbTarget, createChdbEngine } from '../../../packages/clickhouse/src/chdb';
import { buildDerived, useDerived } from '../../../packages/clickhouse/src/derived';
import { loadIntoClickHouse } from '../../../packages/clickhouse/src/load';
import { loadTables } from '../../fixtures/metrics/tables';
import { randomShop } from '../../fixtures/metrics/random-shop';

/**
 * Issue 20: the report on ClickHouse reads the daily rollups and per-customer table as DuckDB's
 * does, rather than rescanning orders. The random shop is loaded as `yardstick load --engine
 * clickhouse` loads it (MergeTree tables on chdb standing in for a server), the derived tables
 * built there; a day's rows of the orders rollup are then doubled by hand, and the report's GMV
 * must move by exactly that day's paid order_total, summed by native DuckDB from the canonical
 * orders (a report reading orders would not move at all).
 */
const TABLES = [...CORE_TABLES, ...OPERATIONS_TABLES];
const FEBRUARY = { period: { from: '2025-02-01', to: '2025-02-28' }, grain: 'day' as const };
const DAY = '2025-02-10';

describe('the derived tables on ClickHouse', () => {
  let duck: Engine;
  let ch: Engine;
  beforeAll(async () => {
    duck = await createNativeEngine();
    await loadTables(duck, randomShop());
    ch = createChdbEngine();
    await loadIntoClickHouse(duck, chdbTarget(ch), TABLES);
    await buildDerived(ch, TABLES);
    await rebuildDerived(duck);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([duck?.close(), ch?.close()]);
  });

  it("count each month's buyers, new, returning and repeat, off each customer's first order in the month", async () => {
    // Whole months (the random shop's three): a month's new buyers are those whose first paid order ever falls in it.
    const period = { from: '2025-01-01', to: '2025-03-31' };
    const ids = ['buyers', 'new_buyers', 'returning_buyers', 'repeat_buyers'] as const;
    const byMonth = bucketGrouping(period, 'month');
    const rows = await queryMetrics(ch, await prepareContext(ch, period), ids, byMonth);
    const expected = await duck.query(
      `WITH paid AS (
         SELECT customer_key, order_date FROM orders WHERE status IN ('paid', 'partially_refunded', 'refunded')),
       firsts AS (SELECT customer_key, min(order_date) AS first_paid FROM paid GROUP BY customer_key),
       per_customer AS (
         SELECT strftime(p.order_date, '%Y-%m') AS month, p.customer_key, count(*) AS orders, any_value(f.first_paid) AS first_paid
         FROM paid p JOIN firsts f USING (customer_key)
         WHERE p.order_date BETWEEN DATE '${period.from}' AND DATE '${period.to}'
         GROUP BY 1, 2)
       SELECT month, CAST(count(*) AS DOUBLE) AS buyers,
         CAST(count(*) FILTER (WHERE strftime(first_paid, '%Y-%m') = month) AS DOUBLE) AS new_buyers,
         CAST(count(*) FILTER (WHERE strftime(first_paid, '%Y-%m') < month) AS DOUBLE) AS returning_buyers,
         CAST(count(*) FILTER (WHERE orders >= 2) AS DOUBLE) AS repeat_buyers
       FROM per_customer GROUP BY month ORDER BY month`,
    );
    expect(expected).toHaveLength(3);
    expect(expected.some((r) => Number(r.repeat_buyers) > 0 && Number(r.returning_buyers) > 0)).toBe(true);
    expect(rows.map((r) => ({ month: r.grp, ...Object.fromEntries(ids.map((id) => [id, Number(r[id])])) }))).toEqual(
      expected.map((r) => ({ ...r })),
    );
  }, 180_000);

  it('are built after a load, and the report reads its GMV from the daily totals of orders', async () => {
    const tables = await ch.query<{ name: string; engine: string; rows: number }>(
      `SELECT name, engine, total_rows AS rows FROM system.tables WHERE database = currentDatabase() AND name LIKE 'ys_%'`,
    );
    for (const t of DERIVED_TABLES) expect(tables.find((x) => x.name === t)?.engine, t).toBe('MergeTree');
    expect(tables.find((x) => x.name === ROLLUP_TABLE.orders)?.rows).toBeGreaterThan(0);
    expect(hasDerived(ch)).toBe(true);

    const before = await computeReport(ch, FEBRUARY);
    expect(before.kpis.gmv).toBeCloseTo((await computeReport(duck, FEBRUARY)).kpis.gmv as number, 6);
    const [day] = await duck.query<{ gmv: number }>(
      `SELECT CAST(sum(order_total) AS DOUBLE) AS gmv FROM orders
       WHERE order_date = DATE '${DAY}' AND status IN ('paid', 'partially_refunded', 'refunded')`,
    );
    expect(day?.gmv).toBeGreaterThan(0);

    await ch.run(
      `INSERT INTO ${DAILY_TOTALS_TABLE.orders} SELECT * FROM ${DAILY_TOTALS_TABLE.orders} WHERE order_date = '${DAY}'`,
    );
    markDerived(ch, true); // a new build: nothing cached from the one before answers
    const after = await computeReport(ch, FEBRUARY);
    expect(after.kpis.gmv).toBeCloseTo((before.kpis.gmv as number) + (day?.gmv as number), 6);
  }, 180_000);

  it('a later report keeps them while the canonical tables are unchanged, and rebuilds them when orders changed', async () => {
    await buildDerived(ch, TABLES);
    markDerived(ch, false); // as a new process finds the server
    expect(await useDerived(ch, TABLES)).toBe('kept');
    expect(hasDerived(ch)).toBe(true);

    // A row written to orders by something else than the load: the derived tables are stale.
    await ch.run(
      `INSERT INTO orders SELECT * REPLACE ('extra-1' AS order_id) FROM orders WHERE order_date = '${DAY}' LIMIT 1`,
    );
    markDerived(ch, false);
    expect(await useDerived(ch, TABLES)).toBe('built');
    const [counts] = await ch.query<{ derived: number; canonical: number }>(
      `SELECT (SELECT count(*) FROM ys_orders) AS derived, (SELECT count(*) FROM orders) AS canonical`,
    );
    expect(counts?.derived).toBe(counts?.canonical);
    expect(await useDerived(ch, TABLES)).toBe('kept');
  }, 180_000);
});
