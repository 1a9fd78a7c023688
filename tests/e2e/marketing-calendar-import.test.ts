import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, startSnapshotPreview, type AppServer } from './harness';

/**
 * A promotion calendar imported on the Marketing page itself (issue 14, item 3), through the Data
 * page's import path: the same load report (rows read, loaded, rejected, each reason counted), a
 * file of another table refused before anything changes, the campaigns on the calendar, and the
 * file kept for the next visit. The shop is a small orders file loaded on the Data page first,
 * so the calendar has orders to be measured on.
 */
let server: AppServer;
let browser: Browser;

/** One paid order of 100.00 a day from April to July 2025 (a second one on the mid-year sale's days). */
function ordersCsv(): string {
  const rows = ['order_id,customer_id,ordered_at,status,order_total,currency'];
  for (let t = Date.parse('2025-04-01'); t <= Date.parse('2025-07-31'); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    rows.push(`O${day},C${day},${day}T10:00:00,paid,100.00,CNY`);
    if (day >= '2025-06-01' && day <= '2025-06-18') rows.push(`S${day},D${day},${day}T15:00:00,paid,100.00,CNY`);
  }
  return `${rows.join('\n')}\n`;
}

/** Three good campaigns and three the import must reject, one reason each (lines 5, 6, 7). */
const CALENDAR = [
  'campaign,name,type,starts_on,ends_on,budget',
  'mid_year,Mid-year sale (年中大促),holiday,2025-06-01,2025-06-18,30000',
  'summer_flash,Summer flash sale,flash_sale,2025-07-10,2025-07-12,5000',
  'new_vase,New vase launch,new_product,2025-06-20,2025-06-30,',
  'backwards,Ends before it starts,coupon,2025-06-10,2025-06-05,1000',
  ',No id,other,2025-06-01,2025-06-02,',
  'bad_date,Bad date,other,2025-13-40,2025-06-02,',
].join('\n');

const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
const VIEW = '/?page=marketing&from=2025-06-01&to=2025-06-30';

beforeAll(async () => {
  [server, browser] = await Promise.all([startSnapshotPreview(), launchBrowser()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function stat(page: Page, name: string): Promise<string | null> {
  return page.textContent(`[data-panel="marketing-calendar-import"] [data-stat="${name}"] .stat-value`);
}

describe('the Marketing page imports a campaign calendar', () => {
  it('loads it by the Data page path with the same rejects, refuses another table, keeps it', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // The shop: an orders file on the Data page (it replaces the sample).
    await page.goto(`${server.url}/?page=data`);
    await page.waitForSelector('.shell[data-engine="ready"]', { timeout: 120_000 });
    await page.setInputFiles('[data-testid="file-input"]', csv('orders.csv', ordersCsv()));
    await page.waitForSelector('[data-pending="orders.csv"][data-status="review"]', { timeout: 60_000 });
    await page.click('[data-pending="orders.csv"] [data-action="confirm"]');
    await page.waitForSelector('[data-pending="orders.csv"][data-status="done"]', { timeout: 90_000 });

    await page.goto(`${server.url}${VIEW}`);
    await page.waitForSelector('[data-action="import-calendar"]:not([disabled])', { timeout: 120_000 });
    expect(await page.$('[data-note="sample-replaced"]')).toBeNull();

    // Orders chosen here by mistake: refused, nothing loaded.
    await page.setInputFiles('[data-testid="calendar-file-input"]', csv('orders-again.csv', ordersCsv()));
    await page.waitForSelector('[data-calendar-import="other-table"]', { timeout: 60_000 });
    expect(await page.textContent('[data-calendar-import]')).toContain(
      'orders-again.csv looks like Orders, not a campaign calendar: nothing was loaded.',
    );

    await page.setInputFiles('[data-testid="calendar-file-input"]', csv('calendar.csv', CALENDAR));
    await page.waitForSelector('[data-calendar-import="done"]', { timeout: 90_000 });
    expect(await stat(page, 'rows-read')).toBe('6');
    expect(await stat(page, 'rows-loaded')).toBe('3');
    expect(await stat(page, 'rows-rejected')).toBe('3');
    const summary = await page.textContent('[data-panel="marketing-calendar-import"] details.rejected summary');
    for (const reason of ['ends_on before starts_on: 1', 'missing campaign: 1', 'unparseable starts_on: 1'])
      expect(summary).toContain(reason);
    await page.click('[data-panel="marketing-calendar-import"] details.rejected summary');
    const lines = await page.$$eval('[data-panel="marketing-calendar-import"] details.rejected tbody tr', (rows) =>
      rows.map((r) => [r.children[0]?.textContent, r.children[1]?.textContent]),
    );
    expect(lines).toEqual([
      ['5', 'ends_on before starts_on'],
      ['6', 'missing campaign'],
      ['7', 'unparseable starts_on'],
    ]);

    // June's two campaigns are on the calendar; July's flash sale is outside the view.
    await page.waitForSelector('.timeline-bar[data-campaign="mid_year"]', { timeout: 90_000 });
    await page.waitForSelector('.timeline-bar[data-campaign="new_vase"]');
    expect(await page.$('.timeline-bar[data-campaign="summer_flash"]')).toBeNull();
    // No spend file: the spend and ROAS panels say so instead of drawing empty axes.
    for (const panel of ['marketing-spend', 'marketing-roas'])
      expect(await page.textContent(`[data-panel="${panel}"]`)).toContain('No spend falls in this period.');
    const shoot = async (name: string) => {
      // From the top, settled: a full-page shot of a scrolled page draws the fixed bars mid-page.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForFunction(() => window.scrollY === 0);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await screenshot(page, name);
      await page.locator('[data-panel="marketing-calendar-import"]').screenshot({ path: `tests/artifacts/${name}-panel.png` });
    };
    await shoot('marketing-calendar-import-en-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    // Charts take the new width on their next resize callback; then nothing may scroll sideways.
    await page
      .waitForFunction(() => document.documentElement.scrollWidth <= 390, undefined, { timeout: 15_000 })
      .catch(() => undefined);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shoot('marketing-calendar-import-en-390');
    await page.selectOption('[data-control="locale"]', 'zh-CN');
    await page.waitForSelector('text=导入活动日历');
    await shoot('marketing-calendar-import-zh-390');
    await page.setViewportSize({ width: 1440, height: 1000 });
    await shoot('marketing-calendar-import-zh-1440');

    // Kept for the next visit: the calendar comes back with the orders.
    await page.reload();
    await page.waitForSelector('.timeline-bar[data-campaign="mid_year"]', { timeout: 120_000 });
    expect(errors).toEqual([]);
    await context.close();
  }, 400_000);
});
