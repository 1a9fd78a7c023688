import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { appAndBrowser } from './app-fixture';
import { screenshot } from './harness';

const SKU = 'MM-101';

/**
 * Item revenue of one SKU in 2026 up to the orders' last date, straight from the sample shop's
 * CSVs with native DuckDB and SQL written here from METRICS.md ("Products": quantity × unit price
 * of the items of paid orders, a paid order being paid, partially refunded or refunded; SKUs
 * matched trimmed and case-folded), not with Yardstick's metric code.
 */
async function skuRevenue(): Promise<{ revenue: number; name: string }> {
  const file = (name: string) => path.resolve(import.meta.dirname, `../../sample-data/${name}.csv.gz`);
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const reader = await c.runAndReadAll(`
    WITH o AS (SELECT order_id, CAST(ordered_at AS DATE) AS day, status FROM read_csv('${file('orders')}', header = true)),
    last AS (SELECT max(day) AS last FROM o)
    SELECT (SELECT sum(i.quantity * i.unit_price) FROM read_csv('${file('order_items')}', header = true) i
              JOIN o ON o.order_id = i.order_id, last
             WHERE o.status IN ('paid', 'partially_refunded', 'refunded')
               AND o.day BETWEEN DATE '2026-01-01' AND last.last
               AND lower(trim(i.sku)) = lower('${SKU}'))::DOUBLE AS revenue,
           (SELECT product_name FROM read_csv('${file('products')}', header = true) WHERE sku = '${SKU}') AS name`);
  const row = reader.getRowObjects()[0] as { revenue: number; name: string };
  c.closeSync();
  db.closeSync();
  return row;
}

const app = appAndBrowser();

const CARD = '[data-target="duvet-revenue-2026"]';

describe('a target on one SKU’s item revenue', () => {
  it('finds the SKU by its product name in the editor’s SKU picker, and tracks the SKU’s revenue', async () => {
    const want = await skuRevenue();
    expect(want.revenue).toBeGreaterThan(0);
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${app.server.url}/?page=goals`);
      await page.waitForSelector('[data-action="new-target"]', { timeout: 90_000 });
      await page.click('[data-action="new-target"]');
      await page.waitForSelector('[data-editor="new"]');
      await page.selectOption('[data-field="metric"]', 'item_revenue');
      await page.fill('[data-field="id"]', 'duvet-revenue-2026');
      await page.fill('[data-field="target"]', '3500000');

      // The SKU picker lists the loaded SKUs with their names; a word of the name finds it.
      await page.click('[data-filter="sku"] summary');
      await page.waitForSelector('[data-filter="sku"] [data-sku]', { timeout: 60_000 });
      await page.fill('[data-filter="sku"] input[type="search"]', want.name.split(' ').at(-2)!);
      const option = `[data-filter="sku"] [data-sku="${SKU}"]`;
      await page.waitForSelector(option);
      await expect(page.textContent(`${option} .sku-name`)).resolves.toBe(want.name);
      await page.check(`${option} input`);
      // The chosen SKU matches the search: no "no SKU matches" under it.
      await expect(page.locator('[data-filter="sku"] .filter-picker-pop .muted').count()).resolves.toBe(0);
      await expect(page.textContent('[data-filter="sku"] .filter-picker-value')).resolves.toBe(SKU);
      await screenshot(page, 'goals-sku-picker-en');
      await page.keyboard.press('Escape');

      await page.click('[data-action="save-target"]');
      await page.waitForSelector(`${CARD}:not([data-status=""])`, { timeout: 120_000 });
      const actual = Number(await page.getAttribute(CARD, 'data-actual'));
      expect(actual).toBeCloseTo(want.revenue, 6);
      await expect(page.textContent(CARD)).resolves.toContain(`SKU: ${SKU}`);
      await page.locator(CARD).scrollIntoViewIfNeeded();
      await screenshot(page, 'goals-sku-target-en');

      await page.selectOption('[data-control="locale"]', 'zh-CN');
      await page.waitForFunction((card) => document.querySelector(card)?.textContent?.includes('SKU: '), CARD, {
        timeout: 30_000,
      });
      await page.locator(CARD).scrollIntoViewIfNeeded();
      await screenshot(page, 'goals-sku-target-zh');
      await page.click('[data-action="new-target"]');
      await page.waitForSelector('[data-editor="new"]');
      await page.selectOption('[data-field="metric"]', 'item_revenue');
      await page.click('[data-filter="sku"] summary');
      await page.fill('[data-filter="sku"] input[type="search"]', SKU.slice(0, 4));
      await page.waitForSelector(option);
      await screenshot(page, 'goals-sku-picker-zh');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
});
