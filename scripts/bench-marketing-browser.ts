/**
 * `npx tsx scripts/bench-marketing-browser.ts [orders] [--profile] [--cpu-profile] [--trace]`: the Marketing page (issue 14) in the
 * built app in headless Chromium, on the marketing benchmark's shop (scripts/lib/marketing-shop.ts:
 * 1M orders by default, two years of daily spend by 9 channels × 50 campaigns, 50 campaigns),
 * written to CSV by native DuckDB and dropped on the Data page as a user would. Prints the loads,
 * a first view (the data's last 30 days), then 24 view changes to each month of 2025 and of 2024
 * (new periods: nothing from the result cache) and their p50 / p95 (the 23rd of the 24 sorted),
 * each measured as the browser benchmark does: from the view change until every query it started
 * has settled and the page has painted. Issue 14's goal: p95 ≤ 100 ms.
 */
import { runPageBench } from './lib/page-bench';
import { fillMarketingShop } from './lib/marketing-shop';

await runPageBench({
  page: 'marketing',
  title: 'Marketing page',
  orders: Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000),
  goalMs: 100,
  profile: process.argv.includes('--profile'),
  cpuProfile: process.argv.includes('--cpu-profile'),
  trace: process.argv.includes('--trace'),
  fill: fillMarketingShop,
  files: {
    'orders.csv': `SELECT order_id, customer_id, ordered_at, status, order_total, discount_amount, currency, channel, campaign, coupon_code FROM orders`,
    'marketing_spend.csv': `SELECT date, channel, campaign, spend, impressions, clicks FROM marketing_spend`,
    'campaigns.csv': `SELECT campaign, name, type, starts_on, ends_on FROM campaigns`,
  },
});
