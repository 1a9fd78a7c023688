import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { foreignRequests, kpiValue, recordRequests, screenshot, tableRows, waitForDashboard } from './harness';
import { appAndBrowser } from './app-fixture';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/ingest');

/** Builds rows in the exact column layout of the Shopify export fixture, by column name. */
function shopifyExport(rows: Record<string, string>[]): string {
  const header = readFileSync(path.join(FIXTURES, 'shopify_orders_export.csv'), 'utf8').split('\n')[0]!.trim();
  const columns = header.split(',');
  const lines = rows.map((r) => columns.map((c) => r[c] ?? '').join(','));
  return [header, ...lines].join('\n') + '\n';
}

// March 2025, CNY. Hand-worked KPIs for 2025-03-01..2025-03-31:
//   paid orders: #2001 (a, 100), #2002 (b, refunded 50 of 50), #2003 (a, 30, 23:30 -0500 on the 31st:
//   the wall-clock date stays 2025-03-31); #2004 voided → cancelled; #2005 pending.
//   gmv = 100 + 50 + 30 = 180; refunds = 50; net_revenue = 130; orders = 3; aov = 60;
//   buyers = {a, b} = 2; repeat_purchase_rate = 1 (a) / 2 = 0.5.
const SHOPIFY = shopifyExport([
  { Name: '#2001', Email: 'a@example.com', 'Financial Status': 'paid', Currency: 'CNY', Subtotal: '100.00', Total: '100.00', 'Created at': '2025-03-03 10:00:00 +0800', 'Lineitem quantity': '1', 'Lineitem name': 'Vase', 'Lineitem price': '100.00', 'Refunded Amount': '0.00' },
  { Name: '#2002', Email: 'B@Example.com', 'Financial Status': 'refunded', Currency: 'CNY', Subtotal: '50.00', Total: '50.00', 'Created at': '2025-03-10 12:00:00 +0800', 'Lineitem quantity': '1', 'Lineitem name': 'Candle', 'Lineitem price': '50.00', 'Refunded Amount': '50.00' },
  { Name: '#2003', Email: ' a@example.com', 'Financial Status': 'paid', Currency: 'CNY', Subtotal: '30.00', Total: '30.00', 'Created at': '2025-03-31 23:30:00 -0500', 'Lineitem quantity': '1', 'Lineitem name': 'Soap', 'Lineitem price': '30.00', 'Refunded Amount': '0.00' },
  { Name: '#2004', Email: 'c@example.com', 'Financial Status': 'voided', Currency: 'CNY', Subtotal: '20.00', Total: '20.00', 'Created at': '2025-03-15 09:00:00 +0800', 'Lineitem quantity': '1', 'Lineitem name': 'Mat', 'Lineitem price': '20.00', 'Refunded Amount': '0.00' },
  { Name: '#2005', Email: 'd@example.com', 'Financial Status': 'pending', Currency: 'CNY', Subtotal: '40.00', Total: '40.00', 'Created at': '2025-03-20 09:00:00 +0800', 'Lineitem quantity': '1', 'Lineitem name': 'Lamp', 'Lineitem price': '40.00', 'Refunded Amount': '0.00' },
]);

// GA4 layout (comment lines, yyyymmdd dates). Sessions in March: 120 + 80 + 100 = 300, so
// conversion_rate = 3 / 300 = 0.01.
const GA4 = [
  '# ----------------------------------------',
  '# Traffic acquisition: Session default channel group',
  '# Start date: 20250301',
  '# End date: 20250331',
  '# ----------------------------------------',
  'Session default channel group,Date,Sessions,Engaged sessions,Engagement rate,Average engagement time per session,Event count,Key events,Total users,Add to carts,Checkouts,Total revenue',
  'Organic Search,20250301,120,80,0.66,50,900,1,100,10,4,100',
  'Direct,20250315,80,50,0.62,40,500,1,70,6,3,50',
  'Paid Search,20250331,100,60,0.6,30,700,1,90,8,2,30',
  '',
].join('\n');

async function dropFiles(page: Page, files: { name: string; content: string }[]) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.content], f.name, { type: 'text/csv' }));
    return dt;
  }, files);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
}

async function expectMarchKpis(page: Page) {
  await page.waitForFunction(() => document.querySelector('[data-kpi="orders"]')?.getAttribute('data-value') === '3', null, { timeout: 60_000 });
  expect(await kpiValue(page, 'gmv')).toBeCloseTo(180, 9);
  expect(await kpiValue(page, 'net_revenue')).toBeCloseTo(130, 9);
  expect(await kpiValue(page, 'aov')).toBeCloseTo(60, 9);
  expect(await kpiValue(page, 'repeat_purchase_rate')).toBeCloseTo(0.5, 12);
  expect(await kpiValue(page, 'conversion_rate')).toBeCloseTo(0.01, 12);
}

const app = appAndBrowser();

describe('loading your own exports', () => {
  it('issue 18 item 14f: three files loaded in quick succession all end loaded, none dropped', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/?page=data`);
    await page.waitForSelector('.shell[data-engine="ready"]', { timeout: 90_000 });
    const april = shopifyExport([
      { Name: '#3001', Email: 'e@example.com', 'Financial Status': 'paid', Currency: 'CNY', Subtotal: '10.00', Total: '10.00', 'Created at': '2025-04-02 10:00:00 +0800', 'Lineitem quantity': '1', 'Lineitem name': 'Cup', 'Lineitem price': '10.00', 'Refunded Amount': '0.00' },
      { Name: '#3002', Email: 'f@example.com', 'Financial Status': 'paid', Currency: 'CNY', Subtotal: '20.00', Total: '20.00', 'Created at': '2025-04-03 10:00:00 +0800', 'Lineitem quantity': '1', 'Lineitem name': 'Bowl', 'Lineitem price': '20.00', 'Refunded Amount': '0.00' },
    ]);
    const files = [
      { name: 'march.csv', content: SHOPIFY },
      { name: 'ga4-traffic.csv', content: GA4 },
      { name: 'april.csv', content: april },
    ];
    await dropFiles(page, files);
    for (const f of files) await page.waitForSelector(`[data-pending="${f.name}"][data-status="review"]`, { timeout: 60_000 });
    // Three clicks with no wait between them: the second and third come while the first still loads.
    await page.evaluate((names) => {
      for (const n of names) document.querySelector<HTMLButtonElement>(`[data-pending="${n}"] [data-action="confirm"]`)!.click();
    }, files.map((f) => f.name));
    for (const f of files) await page.waitForSelector(`[data-pending="${f.name}"][data-status="done"]`, { timeout: 90_000 });
    // 5 March orders + 2 April orders, and the sample shop replaced, not mixed in.
    await page.waitForSelector('[data-table-rows="orders"][data-value="7"]', { timeout: 30_000 });
    await context.close();
  });
  it('recognises a Shopify and a GA4 export, loads them, keeps them across a reload, and clears them', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const requests = recordRequests(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(app.server.url);
    await waitForDashboard(page);

    await dropFiles(page, [
      { name: 'orders_export.csv', content: SHOPIFY },
      { name: 'ga4-traffic.csv', content: GA4 },
    ]);
    await page.waitForSelector('[data-pending="orders_export.csv"][data-status="review"]');
    await page.waitForSelector('[data-pending="ga4-traffic.csv"][data-status="review"]');
    expect(await page.getAttribute('[data-pending="orders_export.csv"] [data-source]', 'data-source')).toBe('shopify_orders');
    expect(await page.getAttribute('[data-pending="ga4-traffic.csv"] [data-source]', 'data-source')).toBe('ga4_traffic');
    await screenshot(page, 'data-review-en');

    await page.click('[data-pending="orders_export.csv"] [data-action="confirm"]');
    await page.waitForSelector('[data-pending="orders_export.csv"][data-status="done"]', { timeout: 60_000 });
    await page.click('[data-pending="ga4-traffic.csv"] [data-action="confirm"]');
    await page.waitForSelector('[data-pending="ga4-traffic.csv"][data-status="done"]', { timeout: 60_000 });
    // 5 orders read, all loaded (cancelled and pending orders are kept, just not counted as paid).
    expect(await page.textContent('[data-pending="orders_export.csv"] [data-stat="rows-loaded"] .stat-value')).toBe('5');
    await screenshot(page, 'data-loaded-en');

    // The sample shop is gone, not mixed in: only our 5 orders are in the orders table.
    expect(await tableRows(page, 'orders')).toBe('5');
    expect(await page.getByTestId('sample-banner').count()).toBe(0);

    await page.click('[data-nav="overview"]');
    await expectMarchKpis(page);
    expect(new URL(page.url()).searchParams.get('from')).toBe('2025-03-01');

    // Reload: the files come back from browser storage.
    await page.goto(app.server.url);
    await waitForDashboard(page);
    await expectMarchKpis(page);

    // Clear everything: the sample shop is back, and stays back after another reload.
    await page.click('[data-nav="data"]');
    await page.click('[data-action="clear-all"]');
    await page.click('[data-action="clear-confirm"]');
    await page.getByTestId('sample-banner').waitFor();
    await page.goto(app.server.url);
    await waitForDashboard(page);
    await page.getByTestId('sample-banner').waitFor();
    expect(await kpiValue(page, 'orders')).toBeGreaterThan(1000);

    expect(errors).toEqual([]);
    expect(foreignRequests(requests, app.server.url)).toEqual([]);
    await context.close();
  });
});

describe('a layout nobody recognises', () => {
  it('is mapped by hand with a live preview, and the mapping is remembered for the next file with that header', async () => {
    const header = 'Order No,Buyer,Placed,State,Amount';
    const march = `${header}\nA-1,ann,2025/03/05 10:00,paid,"1,234.50"\nA-2,bob,2025/03/09 11:30,paid,65.50\n`;
    const april = `${header}\nA-3,ann,2025/04/02 09:00,paid,100.00\n`;
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(app.server.url);
    await waitForDashboard(page);

    await dropFiles(page, [{ name: 'march.csv', content: march }]);
    const card = '[data-pending="march.csv"]';
    await page.waitForSelector(`${card}[data-status="review"]`);
    for (const [field, column] of [
      ['order_id', 'Order No'],
      ['customer_id', 'Buyer'],
      ['ordered_at', 'Placed'],
      ['status', 'State'],
      ['order_total', 'Amount'],
    ] as const) {
      await page.selectOption(`${card} [data-map-field="${field}"]`, column);
    }
    // The preview shows the rows as they will be read: 1,234.50 as a number, the date parsed.
    await page.waitForSelector(`${card} [data-testid="mapping-preview"] td:text-is("1234.5")`);
    await screenshot(page, 'data-mapping-en');
    await page.click(`${card} [data-action="confirm"]`);
    await page.waitForSelector(`${card}[data-status="done"]`, { timeout: 60_000 });

    // A new visit: the April file with the same header maps itself.
    await page.goto(app.server.url);
    await waitForDashboard(page);
    await dropFiles(page, [{ name: 'april.csv', content: april }]);
    await page.waitForSelector('[data-pending="april.csv"][data-status="review"]');
    expect(await page.inputValue('[data-pending="april.csv"] [data-map-field="order_total"]')).toBe('Amount');
    await page.click('[data-pending="april.csv"] [data-action="confirm"]');
    await page.waitForSelector('[data-pending="april.csv"][data-status="done"]', { timeout: 60_000 });
    // 2 orders from March (kept from storage) + 1 from April.
    await page.waitForFunction(() => document.querySelector('[data-table-rows="orders"]')?.getAttribute('data-value') === '3');
    await context.close();
  });
});
