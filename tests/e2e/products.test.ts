import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InventorySection, ProductsSection } from '../../src/metrics/queries/products';
import { launchBrowser, screenshot, startSnapshotPreview, type AppServer, sampleReportJson } from './harness';

/**
 * The Products page (issue 13) shows, for a view of the sample shop, the numbers `yardstick
 * report --json` prints in its `products` and `inventory` sections for the same view, from the
 * same sample files (--products, --inventory). August 2025 holds the summer stock-outs.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const VIEW = { from: '2025-08-01', to: '2025-08-31' } as const;

let server: AppServer;
let browser: Browser;
let report: { products: ProductsSection; inventory: InventorySection };

/** The comparison period of VIEW by default: the 31 days before it. */
const PREVIOUS = { from: '2025-07-01', to: '2025-07-31' } as const;
let previousReport: { products: ProductsSection; inventory: InventorySection };

function cliReport(view: { from: string; to: string } = VIEW): Promise<typeof report> {
  return sampleReportJson(
    ['orders', 'order_items', 'users', 'products', 'inventory'],
    ['--from', view.from, '--to', view.to],
  ).then((json) => ({
    products: json.products!,
    inventory: json.inventory!,
  }));
}

beforeAll(async () => {
  [server, browser, report, previousReport] = await Promise.all([
    startSnapshotPreview(),
    launchBrowser(),
    cliReport(),
    cliReport(PREVIOUS),
  ]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(locale: 'en-US' | 'zh-CN'): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/?page=products&from=${VIEW.from}&to=${VIEW.to}`);
  await page.waitForSelector('.shell[data-engine="ready"]', { timeout: 90_000 });
  await page.waitForSelector('[data-table="products-stock"] tbody tr', { timeout: 90_000 });
  return { page, errors, close: () => context.close() };
}

describe('the Products page', () => {
  it('shows the report’s products and inventory numbers for the same view', async () => {
    const { page, errors, close } = await open('en-US');
    const cards = await page.$$eval('[data-section="products-totals"] [data-kpi]', (els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-kpi') ?? '', e.getAttribute('data-value')])),
    );
    const totals = report.products.totals;
    expect(Number(cards['units'])).toBe(totals.units);
    expect(Number(cards['item_revenue'])).toBe(totals.item_revenue);
    expect(Number(cards['gross_margin'])).toBe(totals.gross_margin);
    expect(Number(cards['cost_coverage'])).toBe(totals.cost_coverage);
    expect(Number(cards['inventory_value'])).toBe(report.inventory.inventory_value);
    expect(Number(cards['inventory_turnover'])).toBe(report.inventory.inventory_turnover);
    expect(Number(cards['days_of_inventory'])).toBe(report.inventory.days_of_inventory);
    // The product cards carry the comparison: the report's totals for the comparison period.
    await page.waitForSelector('[data-section="products-totals"] [data-kpi="units"][data-previous]');
    const previous = await page.$$eval('[data-section="products-totals"] [data-kpi]', (els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-kpi') ?? '', e.getAttribute('data-previous')])),
    );
    const before = previousReport.products.totals;
    expect(Number(previous['units'])).toBe(before.units);
    expect(Number(previous['item_revenue'])).toBe(before.item_revenue);
    expect(Number(previous['gross_margin'])).toBe(before.gross_margin);
    expect(Number(previous['cost_coverage'])).toBe(before.cost_coverage);
    expect(before.item_revenue).not.toBe(totals.item_revenue);

    const skus = await page.$$eval('[data-table="products-skus"] tbody tr', (rows) =>
      rows.map((r) => r.getAttribute('data-row')),
    );
    expect([...skus].sort()).toEqual(report.products.rows.map((r) => r.sku ?? '(none)').sort());
    const roles = await page.$$eval('[data-table="products-roles"] tbody tr', (rows) =>
      rows.map((r) => r.getAttribute('data-role')),
    );
    expect(roles).toEqual(report.products.roles.map((r) => r.role));
    // Stock: alerts first, the same SKUs and alerts as the report.
    const stock = await page.$$eval('[data-table="products-stock"] tbody tr', (rows) =>
      rows.map((r) => r.getAttribute('data-row')),
    );
    const expected = [...report.inventory.rows]
      .sort((a, b) => b.alerts.length - a.alerts.length || a.sku.localeCompare(b.sku))
      .map((r) => r.sku);
    expect(stock).toEqual(expected);
    expect(report.inventory.rows.some((r) => r.alerts.includes('stockout'))).toBe(true);
    await page.waitForSelector('[data-chart="product-matrix"] circle');
    const circles = await page.$$eval('[data-chart="product-matrix"] circle', (els) => els.length);
    expect(circles).toBe(report.products.rows.filter((r) => r.margin_rate !== null && r.revenue_share !== null).length);
    // Panels off screen skip their drawing until scrolled to; printed, every one is drawn.
    const visibility = () =>
      page.$$eval('[data-panel]', (els) => [...new Set(els.map((e) => getComputedStyle(e).contentVisibility))]);
    expect(await visibility()).toEqual(['auto']);
    await page.emulateMedia({ media: 'print' });
    expect(await visibility()).toEqual(['visible']);
    await page.emulateMedia({ media: 'screen' });
    await screenshot(page, 'products-en');
    await page.screenshot({ path: path.join(ROOT, 'tests/artifacts/products-en-top.png') });
    expect(errors).toEqual([]);
    await close();
  });

  it('reads in Chinese', async () => {
    const { page, errors, close } = await open('zh-CN');
    await page.selectOption('[data-control="locale"]', 'zh-CN');
    await page.waitForSelector('h1:has-text("商品与库存")');
    await screenshot(page, 'products-zh');
    expect(errors).toEqual([]);
    await close();
  });
});
