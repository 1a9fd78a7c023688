import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeWasmEngine } from '../../../src/engine/node';
import type { Engine } from '../../../src/engine/engine';
import { rebuildDerived } from '../../../src/metrics/derived';
import { loadSampleShop } from '../../../src/model/sample-shop';
import {
  BREAKDOWN_METRICS,
  computeBreakdown,
  computeCategoryBreakdown,
  computeNewVsReturning,
  computeSalesSeries,
  computeTopProducts,
} from '../../../src/features/sales/sales-queries';
import { computeDeviceConversion } from '../../../src/features/traffic/traffic-queries';
import { computeBuyerMix } from '../../../src/features/customers/customers-queries';
import { describeTables, runConsoleQuery } from '../../../src/features/sql/sql-queries';

/**
 * The pages' own queries on the real DuckDB-WASM engine with the sample shop, checked against
 * SQL written here from METRICS.md and run on native DuckDB straight over the CSV files.
 */
const dir = path.resolve(import.meta.dirname, '../../../sample-data');
const read = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));
const OCT = { from: '2026-10-01', to: '2026-10-31' };

let engine: Engine;
let native: DuckDBConnection;
let db: DuckDBInstance;

async function independent(sql: string): Promise<Record<string, unknown>[]> {
  const reader = await native.runAndReadAll(sql);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}

beforeAll(async () => {
  engine = await createNodeWasmEngine();
  await loadSampleShop(engine, {
    orders: read('orders.csv.gz'),
    order_items: read('order_items.csv.gz'),
    traffic: read('traffic.csv.gz'),
    users: read('users.csv.gz'),
  });
  await rebuildDerived(engine);
  db = await DuckDBInstance.create(':memory:');
  native = await db.connect();
  await native.run(
    `CREATE TABLE o AS SELECT * FROM read_csv('${dir}/orders.csv.gz', types = {'order_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'order_total': 'DECIMAL(18,2)', 'refund_amount': 'DECIMAL(18,2)', 'discount_amount': 'DECIMAL(18,2)'})`,
  );
  await native.run(
    `CREATE TABLE i AS SELECT * FROM read_csv('${dir}/order_items.csv.gz', types = {'order_id': 'VARCHAR', 'unit_price': 'DECIMAL(18,2)'})`,
  );
  await native.run(`CREATE TABLE t AS SELECT * FROM read_csv('${dir}/traffic.csv.gz')`);
  await native.run(
    `CREATE VIEW paid AS SELECT *, lower(trim(customer_id)) AS cust, ordered_at::DATE AS d FROM o WHERE status IN ('paid', 'partially_refunded', 'refunded')`,
  );
}, 120_000);

afterAll(async () => {
  native?.closeSync();
  db?.closeSync();
  await engine?.close();
});

const num = (v: unknown) => Number(v);

describe('sales queries', () => {
  it('GMV, orders and AOV by channel', async () => {
    const rows = await computeBreakdown(engine, OCT, {}, 'channel', BREAKDOWN_METRICS);
    const expected =
      await independent(`SELECT coalesce(nullif(trim(channel), ''), 'unattributed') AS k, sum(order_total)::DOUBLE AS gmv, count(*)::DOUBLE AS orders, (sum(order_total) - sum(refund_amount))::DOUBLE AS net
      FROM paid WHERE d BETWEEN DATE '2026-10-01' AND DATE '2026-10-31' GROUP BY 1`);
    expect(rows.length).toBe(expected.length);
    for (const e of expected) {
      const r = rows.find((x) => x.key === e.k);
      expect(r, String(e.k)).toBeDefined();
      expect(r!.gmv).toBeCloseTo(num(e.gmv), 4);
      expect(r!.orders).toBe(num(e.orders));
      expect(r!.net_revenue).toBeCloseTo(num(e.net), 4);
      expect(r!.aov).toBeCloseTo(num(e.gmv) / num(e.orders), 6);
    }
  });

  it('GMV by region under a channel filter', async () => {
    const rows = await computeBreakdown(engine, OCT, { channel: ['email'] }, 'region', ['gmv'] as const);
    const expected = await independent(`SELECT region AS k, sum(order_total)::DOUBLE AS gmv FROM paid
      WHERE d BETWEEN DATE '2026-10-01' AND DATE '2026-10-31' AND channel = 'email' GROUP BY 1`);
    expect(rows.length).toBe(expected.length);
    for (const e of expected) expect(rows.find((x) => x.key === e.k)!.gmv).toBeCloseTo(num(e.gmv), 4);
  });

  it('GMV by category counts the orders holding an item of it', async () => {
    const categories = ['Bath', 'Bedding', 'Decor', 'Kitchen', 'Lighting'];
    const rows = await computeCategoryBreakdown(engine, OCT, {}, ['gmv', 'orders', 'aov'] as const);
    const expected =
      await independent(`SELECT c.category AS k, sum(p.order_total)::DOUBLE AS gmv, count(*)::DOUBLE AS orders
      FROM paid p JOIN (SELECT DISTINCT order_id, category FROM i) c USING (order_id)
      WHERE p.d BETWEEN DATE '2026-10-01' AND DATE '2026-10-31' GROUP BY 1`);
    expect(rows.map((r) => r.key).sort()).toEqual(categories);
    for (const e of expected) {
      const r = rows.find((x) => x.key === e.k)!;
      expect(r.gmv, String(e.k)).toBeCloseTo(num(e.gmv), 4);
      expect(r.orders).toBe(num(e.orders));
      expect(r.aov).toBeCloseTo(num(e.gmv) / num(e.orders), 6);
    }
  });

  it('GMV by category under a channel filter, and none for orders without items', async () => {
    const rows = await computeCategoryBreakdown(engine, OCT, { channel: ['email'] }, ['gmv'] as const);
    const expected = await independent(`SELECT c.category AS k, sum(p.order_total)::DOUBLE AS gmv
      FROM paid p JOIN (SELECT DISTINCT order_id, category FROM i) c USING (order_id)
      WHERE p.channel = 'email' AND p.d BETWEEN DATE '2026-10-01' AND DATE '2026-10-31' GROUP BY 1`);
    expect(rows.length).toBe(expected.length);
    for (const e of expected) expect(rows.find((x) => x.key === e.k)!.gmv, String(e.k)).toBeCloseTo(num(e.gmv), 4);
  });

  it('new and returning buyers split the period’s buyers and GMV', async () => {
    const rows = await computeNewVsReturning(engine, OCT, {});
    const expected = await independent(`WITH f AS (SELECT cust, min(d) AS first FROM paid GROUP BY cust)
      SELECT CASE WHEN f.first < DATE '2026-10-01' THEN 'returning' ELSE 'new' END AS k,
             count(DISTINCT p.cust)::DOUBLE AS buyers, sum(p.order_total)::DOUBLE AS gmv, count(*)::DOUBLE AS orders
      FROM paid p JOIN f USING (cust) WHERE p.d BETWEEN DATE '2026-10-01' AND DATE '2026-10-31' GROUP BY 1`);
    expect(rows.length).toBe(2);
    for (const e of expected) {
      const r = rows.find((x) => x.key === e.k)!;
      expect(r.buyers, String(e.k)).toBe(num(e.buyers));
      expect(r.orders).toBe(num(e.orders));
      expect(r.gmv).toBeCloseTo(num(e.gmv), 4);
    }
  });

  it('top products by item sales', async () => {
    const rows = await computeTopProducts(engine, OCT, {}, 5);
    const expected =
      await independent(`SELECT i.product_name AS product, sum(i.quantity)::DOUBLE AS units, sum(i.quantity * i.unit_price)::DOUBLE AS sales,
        count(DISTINCT i.order_id)::DOUBLE AS orders
      FROM i JOIN paid p USING (order_id) WHERE p.d BETWEEN DATE '2026-10-01' AND DATE '2026-10-31'
      GROUP BY 1 ORDER BY sales DESC LIMIT 5`);
    const [total] = await independent(
      `SELECT sum(i.quantity * i.unit_price)::DOUBLE AS s FROM i JOIN paid p USING (order_id) WHERE p.d BETWEEN DATE '2026-10-01' AND DATE '2026-10-31'`,
    );
    expect(rows.map((r) => r.product)).toEqual(expected.map((e) => e.product));
    rows.forEach((r, k) => {
      expect(r.item_sales).toBeCloseTo(num(expected[k]!.sales), 4);
      expect(r.units).toBe(num(expected[k]!.units));
      expect(r.orders).toBe(num(expected[k]!.orders));
      expect(r.share).toBeCloseTo(num(expected[k]!.sales) / num(total!.s), 8);
    });
  });

  it('top products under a category filter list only that category', async () => {
    const rows = await computeTopProducts(engine, OCT, { category: ['Lighting'] }, 20);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.category))).toEqual(new Set(['Lighting']));
  });

  it('discounts and refunds per day add up to the month', async () => {
    const rows = await computeSalesSeries(engine, OCT, 'day', {});
    expect(rows).toHaveLength(31);
    const [e] = await independent(
      `SELECT sum(discount_amount)::DOUBLE AS discounts, sum(refund_amount)::DOUBLE AS refunds FROM paid WHERE d BETWEEN DATE '2026-10-01' AND DATE '2026-10-31'`,
    );
    expect(rows.reduce((s, r) => s + (r.discounts ?? 0), 0)).toBeCloseTo(num(e!.discounts), 4);
    expect(rows.reduce((s, r) => s + (r.refunds ?? 0), 0)).toBeCloseTo(num(e!.refunds), 4);
  });
});

describe('traffic and customer queries', () => {
  it('conversion by device is paid orders ÷ sessions of the device', async () => {
    const rows = await computeDeviceConversion(engine, OCT, {});
    const expected =
      await independent(`WITH s AS (SELECT device, sum(sessions) AS s FROM t WHERE date BETWEEN DATE '2026-10-01' AND DATE '2026-10-31' GROUP BY 1),
      n AS (SELECT device, count(*) AS n FROM paid WHERE d BETWEEN DATE '2026-10-01' AND DATE '2026-10-31' GROUP BY 1)
      SELECT s.device AS k, s.s::DOUBLE AS sessions, n.n::DOUBLE AS orders FROM s JOIN n USING (device)`);
    for (const e of expected) {
      const r = rows.find((x) => x.device === e.k)!;
      expect(r.sessions, String(e.k)).toBe(num(e.sessions));
      expect(r.orders).toBe(num(e.orders));
      expect(r.conversion_rate).toBeCloseTo(num(e.orders) / num(e.sessions), 10);
    }
  });

  it('new and returning buyers month by month', async () => {
    const rows = await computeBuyerMix(engine, { from: '2026-08-01', to: '2026-10-31' }, {});
    expect(rows.map((r) => r.month)).toEqual(['2026-08', '2026-09', '2026-10']);
    const expected = await independent(`WITH f AS (SELECT cust, min(d) AS first FROM paid GROUP BY cust)
      SELECT strftime(p.d, '%Y-%m') AS m,
             count(DISTINCT p.cust) FILTER (WHERE f.first >= date_trunc('month', p.d))::DOUBLE AS new_buyers,
             count(DISTINCT p.cust) FILTER (WHERE f.first < date_trunc('month', p.d))::DOUBLE AS returning_buyers
      FROM paid p JOIN f USING (cust) WHERE p.d BETWEEN DATE '2026-08-01' AND DATE '2026-10-31' GROUP BY 1 ORDER BY 1`);
    rows.forEach((r, k) => {
      expect(r.new_buyers, r.month).toBe(num(expected[k]!.new_buyers));
      expect(r.returning_buyers, r.month).toBe(num(expected[k]!.returning_buyers));
    });
  });
});

describe('buyer mix edges', () => {
  it('counts a clipped first month from the span’s first day, like the KPI over that part', async () => {
    const rows = await computeBuyerMix(engine, { from: '2026-08-15', to: '2026-10-31' }, {});
    const [e] = await independent(`WITH f AS (SELECT cust, min(d) AS first FROM paid GROUP BY cust)
      SELECT count(DISTINCT p.cust) FILTER (WHERE f.first >= DATE '2026-08-15')::DOUBLE AS new_buyers,
             count(DISTINCT p.cust) FILTER (WHERE f.first < DATE '2026-08-15')::DOUBLE AS returning_buyers
      FROM paid p JOIN f USING (cust) WHERE p.d BETWEEN DATE '2026-08-15' AND DATE '2026-08-31'`);
    expect(rows[0]).toEqual({
      month: '2026-08',
      new_buyers: num(e!.new_buyers),
      returning_buyers: num(e!.returning_buyers),
      buyers: num(e!.new_buyers) + num(e!.returning_buyers),
    });
  });

  it('knows nothing of months before the data begins', async () => {
    const rows = await computeBuyerMix(engine, { from: '2024-09-01', to: '2024-11-30' }, {});
    expect(rows.map((r) => [r.month, r.new_buyers])).toEqual([
      ['2024-09', null],
      ['2024-10', null],
      ['2024-11', rows[2]!.buyers],
    ]);
    expect(rows[2]!.returning_buyers).toBe(0);
  });
});

describe('SQL console', () => {
  it('lists the canonical tables, operations tables included, with their rows and columns', async () => {
    const tables = await describeTables(engine);
    expect(tables.map((t) => t.name)).toEqual([
      'orders',
      'order_items',
      'traffic',
      'users',
      'products',
      'inventory',
      'marketing_spend',
      'campaigns',
      'service_tickets',
      'reviews',
    ]);
    const [orders] = await independent('SELECT count(*)::DOUBLE AS n FROM o');
    expect(tables[0]!.rows).toBe(num(orders!.n));
    expect(tables[0]!.columns.map((c) => c.name)).toContain('order_total');
  });

  it('runs the analyst’s SQL and keeps the column order', async () => {
    const result = await runConsoleQuery(
      engine,
      "SELECT channel, count(*) AS n FROM orders WHERE channel = 'email' GROUP BY channel",
    );
    expect(result.columns).toEqual(['channel', 'n']);
    const [e] = await independent("SELECT count(*)::DOUBLE AS n FROM o WHERE channel = 'email'");
    expect(result.rows).toEqual([{ channel: 'email', n: num(e!.n) }]);
  });

  it('names the columns of an empty result', async () => {
    const result = await runConsoleQuery(engine, 'SELECT order_id, order_total FROM orders WHERE false;');
    expect(result.rows).toEqual([]);
    expect(result.columns).toEqual(['order_id', 'order_total']);
  });

  it('passes DuckDB’s own error through', async () => {
    await expect(runConsoleQuery(engine, 'SELECT nope FROM orders')).rejects.toThrow(/nope/);
  });
});
