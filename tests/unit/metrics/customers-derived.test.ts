import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { computeBuyerMix } from '../../../src/features/customers/customers-queries';
import { dropDerived, rebuildDerived } from '../../../src/metrics/derived';
import type { Filters } from '../../../src/metrics/filters';
import { computeCohorts } from '../../../src/metrics/queries/cohorts';
import { computeRfm } from '../../../src/metrics/queries/rfm';
import { ENGINES, loadTables, type OrderFixture } from '../../fixtures/metrics/tables';

/**
 * The Customers page's queries read the derived tables (integer ids, the per-customer table, RFM
 * cut points instead of NTILE sorts); they must give exactly what the plain SQL over the canonical
 * table gives, and RFM scores must be NTILE's as SQL written here computes it.
 */

/*
 * 4,000 customers and 12,000 orders with few distinct dates, counts and totals, so that large
 * groups of equal recency, frequency and monetary straddle the quintile cuts and their tie-break
 * by customer key spans several id buckets. Keys are md5 prefixes: their order is not the order
 * the rows are generated in.
 */
const GENERATED_ORDERS = `
INSERT INTO orders (order_id, customer_id, customer_key, ordered_at, order_date, status, order_total, currency, channel, device)
SELECT 'o' || i, k, k, ts, CAST(ts AS DATE),
       CASE CAST(hash(i * 3) % 10 AS INTEGER) WHEN 0 THEN 'cancelled' WHEN 1 THEN 'pending' WHEN 2 THEN 'refunded' ELSE 'paid' END,
       10 * (1 + CAST(hash(i * 5) % 4 AS INTEGER)), 'USD',
       ['email', 'paid_search', 'direct'][1 + CAST(hash(i * 13) % 3 AS INTEGER)],
       ['mobile', 'desktop'][1 + CAST(hash(i * 17) % 2 AS INTEGER)]
FROM (
  SELECT i, substr(md5(CAST(hash(i) % 4000 AS VARCHAR)), 1, 10) AS k,
         TIMESTAMP '2025-01-01 10:00:00' + to_days(CAST(hash(i * 11) % 40 AS INTEGER) * 9) AS ts
  FROM (SELECT CAST(range AS BIGINT) AS i FROM range(12000))
)`;

const CASES: { name: string; from: string; to: string; filters: Filters }[] = [
  { name: 'the whole year', from: '2025-01-01', to: '2025-12-31', filters: {} },
  { name: 'a quarter, as of mid-history', from: '2025-04-01', to: '2025-06-30', filters: {} },
  { name: 'email only', from: '2025-03-01', to: '2025-10-31', filters: { channel: ['email'] } },
  {
    name: 'mobile paid search',
    from: '2025-02-01',
    to: '2025-08-15',
    filters: { channel: ['paid_search'], device: ['mobile'] },
  },
];

const paid = (id: string, customer: string, at: string, total: number): OrderFixture => ({
  id,
  customer,
  at,
  status: 'paid',
  total,
});

describe.each(ENGINES)('Customers queries with and without derived tables on $name', ({ create }) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await create();
  });
  afterAll(async () => {
    await engine.close();
  });

  /** The job two ways: plain SQL on the canonical tables, and SQL on the derived tables. */
  async function both<T>(job: () => Promise<T>): Promise<[T, T]> {
    await dropDerived(engine);
    const plain = await job();
    await rebuildDerived(engine);
    try {
      return [plain, await job()];
    } finally {
      await dropDerived(engine);
    }
  }

  it('scores seven equal customers by key: tiles of 2, 2, 1, 1, 1', async () => {
    // n = 7, NTILE(5): 7 // 5 = 1 per tile, the first 7 % 5 = 2 tiles one more. Every value ties,
    // so key order decides R and F alike: a b → 1, c d → 2, e → 3, f → 4, g → 5.
    // Segments: (1,1) lost a b; (2,2) hibernating c d; (3,3) loyal e; (4,4) (5,5) champions f g.
    await loadTables(engine, {
      orders: ['g', 'c', 'e', 'a', 'f', 'b', 'd'].map((c, i) => paid(`x${i}`, c, '2025-03-01', 10)),
    });
    const expected = [
      { segment: 'champions', customers: 2, monetary: 20, share: 2 / 7 },
      { segment: 'loyal', customers: 1, monetary: 10, share: 1 / 7 },
      { segment: 'potential_loyalist', customers: 0, monetary: 0, share: 0 },
      { segment: 'new', customers: 0, monetary: 0, share: 0 },
      { segment: 'at_risk', customers: 0, monetary: 0, share: 0 },
      { segment: 'cant_lose', customers: 0, monetary: 0, share: 0 },
      { segment: 'hibernating', customers: 2, monetary: 20, share: 2 / 7 },
      { segment: 'lost', customers: 2, monetary: 20, share: 2 / 7 },
    ];
    const [plain, derived] = await both(() => computeRfm(engine, '2025-03-31'));
    expect(plain.segments).toEqual(expected);
    expect(derived.segments).toEqual(expected);
  });

  it('scores fewer customers than quintiles one tile each', async () => {
    // n = 3: NTILE(5) gives 1, 2, 3. R: c (Mar 1, oldest) 1, b 2, a (Mar 20) 3. F: one order each, so
    // key order: a 1, b 2, c 3. a (R3, F1) and b (R2, F2) are hibernating, c (R1, F3) at risk.
    await loadTables(engine, {
      orders: [paid('1', 'a', '2025-03-20', 10), paid('2', 'b', '2025-03-10', 20), paid('3', 'c', '2025-03-01', 30)],
    });
    const [plain, derived] = await both(() => computeRfm(engine, '2025-03-31'));
    const counts = (r: typeof plain) =>
      Object.fromEntries(r.segments.filter((s) => s.customers).map((s) => [s.segment, s.customers]));
    expect(counts(plain)).toEqual({ hibernating: 2, at_risk: 1 });
    expect(counts(derived)).toEqual({ hibernating: 2, at_risk: 1 });
  });

  /** NTILE(5) scores per customer, as METRICS.md words them, written here with DuckDB's own window function. */
  async function ntileScores(asOf: string, filters: Filters): Promise<[string, number, number, number][]> {
    const where = Object.entries(filters)
      .map(([d, values]) => `AND ${d} IN (${(values as string[]).map((v) => `'${v}'`).join(', ')})`)
      .join(' ');
    const rows = await engine.query(`
      WITH v AS (
        SELECT customer_key AS k, date_diff('day', max(order_date), DATE '${asOf}') AS recency, count(*) AS frequency, sum(order_total) AS monetary
        FROM orders WHERE status IN ('paid', 'partially_refunded', 'refunded') AND order_date <= DATE '${asOf}' ${where}
        GROUP BY customer_key)
      SELECT k, ntile(5) OVER (ORDER BY recency DESC, k) AS r, ntile(5) OVER (ORDER BY frequency, k) AS f,
             ntile(5) OVER (ORDER BY monetary, k) AS m
      FROM v ORDER BY k`);
    return rows.map((r) => [String(r.k), Number(r.r), Number(r.f), Number(r.m)]);
  }

  describe('on a generated shop full of ties', () => {
    beforeAll(async () => {
      await loadTables(engine, {});
      await engine.run(GENERATED_ORDERS);
    });

    it('has large tie groups across several id buckets', async () => {
      const [row] = await engine.query(
        `SELECT count(DISTINCT customer_key) AS customers, count(DISTINCT order_date) AS days FROM orders`,
      );
      expect(Number(row!.customers)).toBeGreaterThan(3000);
      expect(Number(row!.days)).toBeLessThanOrEqual(40);
    });

    it.each(CASES)('RFM segments and customer lists: $name', async ({ to, filters }) => {
      const [plain, derived] = await both(() => computeRfm(engine, to, filters, { includeCustomers: true }));
      expect(plain.customers!.length).toBeGreaterThan(100);
      expect(derived).toEqual(plain);
      expect(plain.customers!.map((c) => [c.customer_key, c.r, c.f, c.m])).toEqual(await ntileScores(to, filters));
    });

    it.each(CASES)('buyer mix and cohorts: $name', async ({ from, to, filters }) => {
      const period = { from, to };
      const [plain, derived] = await both(async () => ({
        mix: await computeBuyerMix(engine, period, filters),
        cohorts: await computeCohorts(engine, period, filters),
        later: await computeCohorts(engine, period, filters, 'in_or_after'),
      }));
      expect(plain.mix.some((m) => (m.new_buyers ?? 0) > 0 && (m.returning_buyers ?? 0) > 0)).toBe(true);
      expect(derived).toEqual(plain);
    });
  });
});
