import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

/**
 * KPIs of the sample shop computed straight from its CSV files with native DuckDB and SQL
 * written here from METRICS.md, not with Yardstick's metric code: the independent side
 * of the browser tests.
 */
export async function independentKpis(from: string, to: string) {
  const dir = path.resolve(import.meta.dirname, '../../sample-data');
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(`CREATE TABLE o AS SELECT * FROM read_csv('${dir}/orders.csv.gz', types = {'order_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'order_total': 'DECIMAL(18,2)', 'refund_amount': 'DECIMAL(18,2)'})`);
  await c.run(`CREATE TABLE t AS SELECT * FROM read_csv('${dir}/traffic.csv.gz')`);
  const reader = await c.runAndReadAll(`
    WITH paid AS (
      SELECT lower(trim(customer_id)) AS cust, order_total, refund_amount, ordered_at::DATE AS d
      FROM o WHERE status IN ('paid', 'partially_refunded', 'refunded')),
    inp AS (SELECT * FROM paid WHERE d BETWEEN DATE '${from}' AND DATE '${to}'),
    per_buyer AS (SELECT cust, count(*) AS n FROM inp GROUP BY cust)
    SELECT
      (SELECT sum(order_total) FROM inp)::DOUBLE AS gmv,
      (SELECT sum(order_total) - sum(refund_amount) FROM inp)::DOUBLE AS net_revenue,
      (SELECT count(*) FROM inp)::DOUBLE AS orders,
      (SELECT sum(order_total) / count(*) FROM inp)::DOUBLE AS aov,
      (SELECT count(*) FILTER (WHERE n >= 2) / count(*) FROM per_buyer)::DOUBLE AS repeat_purchase_rate,
      ((SELECT count(*) FROM inp) / (SELECT sum(sessions) FROM t WHERE date BETWEEN DATE '${from}' AND DATE '${to}'))::DOUBLE AS conversion_rate
  `);
  const row = reader.getRowObjects()[0] as Record<string, number>;
  c.closeSync();
  db.closeSync();
  return row;
}
