/**
 * The marketing benchmarks' shop (issue 14), made in SQL from a seeded hash: `rows` orders over
 * 2024-2025 with channels, campaigns and coupon codes; two years of daily spend by 9 channels ×
 * 50 campaigns (36,500 rows); a calendar of 50 week-long campaigns.
 */
import type { Engine } from '../../src/engine/engine';
import { CANONICAL_DDL } from '../../src/model/tables';

const CHANNELS = `['paid_search', 'paid_social', 'display', 'affiliate', 'email', 'organic_search', 'direct', 'referral', 'organic_social']`;

export async function fillMarketingShop(engine: Engine, rows: number): Promise<void> {
  await engine.run(CANONICAL_DDL);
  await engine.run(`INSERT INTO orders (order_id, customer_id, customer_key, ordered_at, order_date, status, order_total,
      discount_amount, currency, channel, campaign, coupon_code)
    SELECT 'o' || i, 'c' || c, 'c' || c, ts, CAST(ts AS DATE),
      CASE WHEN hash(i * 7) % 20 = 0 THEN 'cancelled' ELSE 'paid' END, 10 + hash(i * 13) % 200,
      hash(i * 5) % 10, 'USD', ${CHANNELS}[CAST(1 + hash(i * 17) % 9 AS BIGINT)],
      'cmp' || (hash(i * 19) % 50), CASE WHEN hash(i * 23) % 5 = 0 THEN 'CODE' || (hash(i * 29) % 8) END
    FROM (SELECT i, hash(i) % ${Math.round(rows / 3)} AS c,
            TIMESTAMP '2024-01-01' + to_seconds(CAST((hash(i * 3) % 1000000) / 1000000.0 * 730 * 86400 AS BIGINT)) AS ts
          FROM range(${rows}) r(i))`);
  await engine.run(`INSERT INTO marketing_spend (date, channel, campaign, spend, impressions, clicks)
    SELECT DATE '2024-01-01' + CAST(d AS INTEGER), ${CHANNELS}[CAST(1 + k % 9 AS BIGINT)], 'cmp' || k,
      10 + hash(d * 50 + k) % 500, 1000 + hash(d * 31 + k) % 9000, 10 + hash(d * 37 + k) % 90
    FROM range(730) a(d), range(50) b(k)`);
  await engine.run(`INSERT INTO campaigns (campaign, name, type, starts_on, ends_on)
    SELECT 'cmp' || k, 'Campaign ' || k, 'other', DATE '2024-01-10' + CAST(k * 14 AS INTEGER),
      DATE '2024-01-10' + CAST(k * 14 + 6 AS INTEGER) FROM range(50) r(k)`);
}

