/**
 * The products benchmarks' shop (issue 13), made in SQL from a seeded hash: `rows` orders over
 * 2024-2025 with 1–3 items each over 5,000 SKUs (popularity skewed), a products file (a third of
 * the SKUs with a role) and weekly stock snapshots of every SKU for two years (520,000 rows).
 */
import type { Engine } from '../../src/engine/engine';
import { CANONICAL_DDL } from '../../src/model/tables';

export const SKUS = 5000;

export async function fillProductsShop(engine: Engine, rows: number): Promise<void> {
  await engine.run(CANONICAL_DDL);
  await engine.run(`INSERT INTO orders (order_id, customer_id, customer_key, ordered_at, order_date, status, order_total,
      discount_amount, currency, channel)
    SELECT 'o' || i, 'c' || c, 'c' || c, ts, CAST(ts AS DATE),
      CASE WHEN hash(i * 7) % 20 = 0 THEN 'cancelled' ELSE 'paid' END, 10 + hash(i * 13) % 200, 0, 'USD',
      ['paid_search', 'email', 'direct', 'organic_search'][CAST(1 + hash(i * 17) % 4 AS BIGINT)]
    FROM (SELECT i, hash(i) % ${Math.round(rows / 3)} AS c,
            TIMESTAMP '2024-01-01' + to_seconds(CAST((hash(i * 3) % 1000000) / 1000000.0 * 730 * 86400 AS BIGINT)) AS ts
          FROM range(${rows}) r(i))`);
  // 1–3 items an order; SKU popularity skewed (the square of a uniform draw), as real catalogues are.
  await engine.run(`INSERT INTO order_items (order_id, sku, product_name, category, quantity, unit_price)
    SELECT 'o' || i, 'SKU-' || s, 'Product ' || s, 'cat' || (s % 20), 1 + hash(i * 41 + j) % 3, 5 + s % 95
    FROM (SELECT i, j, CAST(floor(pow((hash(i * 31 + j) % 1000000) / 1000000.0, 2) * ${SKUS}) AS BIGINT) AS s
          FROM range(${rows}) r(i), range(3) k(j) WHERE j <= hash(i * 43) % 3)`);
  await engine.run(`INSERT INTO products (sku, sku_key, product_name, category, unit_cost, list_price, role, lead_time_days)
    SELECT 'SKU-' || s, lower('SKU-' || s), 'Product ' || s, 'cat' || (s % 20), (5 + s % 95) * 0.55, (5 + s % 95) * 1.2,
      CASE s % 12 WHEN 0 THEN 'star' WHEN 1 THEN 'traffic' WHEN 2 THEN 'profit' WHEN 3 THEN 'strategic' END, 14
    FROM range(${SKUS}) r(s)`);
  await engine.run(`INSERT INTO inventory (date, sku, sku_key, on_hand)
    SELECT DATE '2024-01-01' + CAST(w * 7 AS INTEGER), 'SKU-' || s, lower('SKU-' || s), CAST(hash(w * 7919 + s) % 400 AS DOUBLE) - 20
    FROM range(104) a(w), range(${SKUS}) b(s)`);
}
