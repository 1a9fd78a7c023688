/**
 * `npx tsx scripts/bench-products-browser.ts [orders] [--profile]`: the Products page (issue 13)
 * in the built app in headless Chromium, on the products benchmark's shop
 * (scripts/lib/products-shop.ts: 1M orders by default, ~2M items over 5,000 SKUs, a products file
 * and 520,000 weekly stock snapshots), written to CSV by native DuckDB and dropped on the Data page
 * as a user would. Prints the loads, a first view (the data's last 30 days), then 24 view changes to
 * each month of 2025 and of 2024 (new periods: nothing from the result cache) and their p50 / p95
 * (the 23rd of the 24 sorted), each from the view change until every query it started has settled
 * and the page has painted. Issue 13's goal: p95 ≤ 300 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createNativeEngine } from '../src/engine/native';
import { launchBrowser, startPreview } from '../tests/e2e/harness';
import { applyView, clearQueryLog, dropFile, monthPeriods, printQueryLog, quantile } from './lib/page-bench';
import { fillProductsShop } from './lib/products-shop';

/** Print each query of the first three changes with its own time. */
const PROFILE = process.argv.includes('--profile');
const rows = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);

async function writeShop(dir: string): Promise<string[]> {
  const engine = await createNativeEngine();
  await fillProductsShop(engine, rows);
  const files = {
    'orders.csv': `SELECT order_id, customer_id, ordered_at, status, order_total, discount_amount, currency, channel FROM orders`,
    'order_items.csv': `SELECT order_id, sku, product_name, category, quantity, unit_price FROM order_items`,
    'products.csv': `SELECT sku, product_name, category, unit_cost, list_price, role, lead_time_days FROM products`,
    'inventory.csv': `SELECT date, sku, on_hand FROM inventory`,
  };
  for (const [name, sql] of Object.entries(files)) await engine.run(`COPY (${sql}) TO '${path.join(dir, name)}' (HEADER)`);
  await engine.close();
  return Object.keys(files).map((name) => path.join(dir, name));
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'yardstick-products-bench-'));
const [server, browser] = await Promise.all([startPreview(), launchBrowser()]);
try {
  const files = await writeShop(dir);
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto(`${server.url}/?page=data`);
  await page.waitForSelector('.shell[data-engine="ready"]', { timeout: 120_000 });
  for (const file of files) console.log(`load ${path.basename(file)}: ${(await dropFile(page, file)).toFixed(1)} s`);
  await page.click('[data-nav="products"]');
  let ms = await applyView(page, { period: { from: '2025-12-02', to: '2025-12-31' }, filters: {} });
  console.log(`Products page, ${rows.toLocaleString('en')} orders: first view (2025-12-02 to 2025-12-31) ${ms.toFixed(0)} ms`);
  const times: number[] = [];
  for (const period of monthPeriods([2025, 2024])) {
    const profiling = PROFILE && times.length < 3;
    if (profiling) await clearQueryLog(page);
    ms = await applyView(page, { period });
    times.push(ms);
    if (profiling) await printQueryLog(page, `[products] ${period.from.slice(0, 7)}`, ms);
  }
  const skuRows = await page.locator('[data-panel] tbody tr').count();
  console.log(`  ${skuRows} table rows drawn; every change (ms): ${times.map((t) => t.toFixed(0)).join(' ')}`);
  console.log(`  view change p50 ${quantile(times, 0.5).toFixed(0)} ms, p95 ${quantile(times, 0.95).toFixed(0)} ms (goal ≤ 300 ms)`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
