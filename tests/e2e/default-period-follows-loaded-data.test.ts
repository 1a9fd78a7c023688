import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, startSnapshotPreview, type AppServer } from './harness';

/**
 * Issue 18, item 3: after loading your own data the view stayed on the sample's October 2026
 * while the data ended in December 2025, every card "—". The default period follows the data
 * loaded; a period the user chose (here from the URL) is kept.
 */
// December 2025 by hand: two paid orders, 120 + 80 = 200.
const ORDERS = [
  'order_id,customer_id,ordered_at,status,order_total,currency',
  'D1,c1,2025-11-20 10:00:00,paid,50.00,CNY',
  'D2,c1,2025-12-05 10:00:00,paid,120.00,CNY',
  'D3,c2,2025-12-31 18:00:00,paid,80.00,CNY',
  '',
].join('\n');

let server: AppServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startSnapshotPreview(), launchBrowser()]);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function loadOrders(page: Page): Promise<void> {
  await page.waitForSelector('.shell[data-engine="ready"]', { timeout: 90_000 });
  await page.setInputFiles('[data-testid="file-input"]', [{ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(ORDERS) }]);
  await page.waitForSelector('[data-pending="orders.csv"][data-status="review"]', { timeout: 60_000 });
  await page.click('[data-pending="orders.csv"] [data-action="confirm"]');
  await page.waitForSelector('[data-pending="orders.csv"][data-status="done"]', { timeout: 60_000 });
}

const period = (page: Page) =>
  page.evaluate(() => [
    (document.querySelector('[data-control="from"]') as HTMLInputElement).value,
    (document.querySelector('[data-control="to"]') as HTMLInputElement).value,
  ]);

describe('default period follows the loaded data', () => {
  it('moves the sample’s October 2026 to the loaded data’s last month, December 2025', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${server.url}/?page=data`);
    await page.waitForFunction(() => (document.querySelector('[data-control="from"]') as HTMLInputElement | null)?.value === '2026-10-01', null, { timeout: 90_000 });
    await loadOrders(page);
    await page.click('[data-nav="overview"]');
    await page.waitForFunction(() => document.querySelector('[data-kpi="orders"]')?.getAttribute('data-value') === '2', null, { timeout: 90_000 });
    expect(await period(page)).toEqual(['2025-12-01', '2025-12-31']);
    expect(await page.getAttribute('[data-kpi="gmv"]', 'data-value')).toBe('200');
    await screenshot(page, 'default-period-follows-loaded-data');
    await context.close();
  }, 240_000);

  it('keeps a period the user chose', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${server.url}/?page=data&from=2025-11-01&to=2025-11-30`);
    await loadOrders(page);
    await page.click('[data-nav="overview"]');
    // November 2025: one paid order of 50.
    await page.waitForFunction(() => document.querySelector('[data-kpi="orders"]')?.getAttribute('data-value') === '1', null, { timeout: 90_000 });
    expect(await period(page)).toEqual(['2025-11-01', '2025-11-30']);
    expect(await page.getAttribute('[data-kpi="gmv"]', 'data-value')).toBe('50');
    await context.close();
  }, 240_000);
});
