/**
 * `npx tsx scripts/bench-products-browser.ts [orders] [--profile] [--cpu-profile] [--trace]`: the Products page (issue 13)
 * in the built app in headless Chromium, on the products benchmark's shop
 * (scripts/lib/products-shop.ts: 1M orders by default, ~2M items over 5,000 SKUs, a products file
 * and 520,000 weekly stock snapshots), written to CSV by native DuckDB and dropped on the Data page
 * as a user would. Prints the loads, a first view (the data's last 30 days), then 24 view changes to
 * each month of 2025 and of 2024 (new periods: nothing from the result cache) and their p50 / p95
 * (the 23rd of the 24 sorted), each from the view change until every query it started has settled
 * and the page has painted. Issue 13's goal: p95 ≤ 300 ms.
 */
import { runPageBench } from './lib/page-bench';
import { fillProductsShop } from './lib/products-shop';

await runPageBench({
  page: 'products',
  title: 'Products page',
  orders: Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000),
  goalMs: 300,
  profile: process.argv.includes('--profile'),
  cpuProfile: process.argv.includes('--cpu-profile'),
  trace: process.argv.includes('--trace'),
  fill: fillProductsShop,
  files: {
    'orders.csv': `SELECT order_id, customer_id, ordered_at, status, order_total, discount_amount, currency, channel FROM orders`,
    'order_items.csv': `SELECT order_id, sku, product_name, category, quantity, unit_price FROM order_items`,
    'products.csv': `SELECT sku, product_name, category, unit_cost, list_price, role, lead_time_days FROM products`,
    'inventory.csv': `SELECT date, sku, on_hand FROM inventory`,
  },
});
