import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleReportJson, launchBrowser, screenshot, startSnapshotPreview, type AppServer } from './harness';

/**
 * Issue 18, item 2: after a period change the labels changed at once while the KPI cards and
 * charts kept the previous view's numbers, with no loading state. Now, while the new view's
 * query runs, the old numbers are dimmed and the card / chart says aria-busy="true"; when it
 * ends the cards hold the new view's numbers, which `yardstick report --json` prints for it.
 */

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startSnapshotPreview(), launchBrowser()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function report(from: string, to: string) {
  return sampleReportJson(['orders', 'order_items', 'traffic', 'users'], ['--from', from, '--to', to, '--compare', 'none']);
}

describe('old numbers under new labels', () => {
  it('marks the cards and charts busy after a period change until the new numbers arrive', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${server.url}/?page=sales&from=2026-09-01&to=2026-09-30&compare=none`);
    await page.waitForSelector('.shell[data-engine="ready"]', { timeout: 90_000 });
    const settled = () =>
      page.waitForFunction(
        () =>
          document.querySelectorAll('[data-kpi]').length > 0 &&
          [...document.querySelectorAll('[data-kpi]')].every((c) => !c.getAttribute('aria-busy') && c.getAttribute('data-value') !== '') &&
          document.querySelectorAll('[aria-busy="true"]').length === 0,
        undefined,
        { timeout: 90_000 },
      );
    await settled();
    const september = await page.getAttribute('[data-kpi="gmv"]', 'data-value');

    // Record every state the GMV card and the sales trend chart pass through from the change on.
    await page.evaluate(() => {
      const seen: { cardBusy: boolean; value: string | null; panelBusy: boolean }[] = [];
      (window as unknown as { seen: typeof seen }).seen = seen;
      const record = () => {
        const card = document.querySelector('[data-kpi="gmv"]');
        seen.push({
          cardBusy: card?.getAttribute('aria-busy') === 'true',
          value: card?.getAttribute('data-value') ?? null,
          panelBusy: document.querySelector('[data-panel="sales-trend"]')?.getAttribute('aria-busy') === 'true',
        });
      };
      new MutationObserver(record).observe(document.body, { subtree: true, attributes: true, childList: true });
    });
    await page.fill('[data-control="from"]', '2026-08-01');
    await settled();
    const seen = await page.evaluate(() => (window as unknown as { seen: { cardBusy: boolean; value: string | null; panelBusy: boolean }[] }).seen);

    expect(seen.some((s) => s.cardBusy), 'the GMV card said aria-busy while the new view ran').toBe(true);
    expect(seen.some((s) => s.panelBusy), 'the sales trend chart said aria-busy while the new view ran').toBe(true);
    // From the change on (the first busy state; records before it are September's own view),
    // September's GMV was never offered as the number of August–September.
    const after = seen.slice(seen.findIndex((s) => s.cardBusy));
    expect(after.filter((s) => !s.cardBusy && s.value === september)).toEqual([]);

    const expected = await report('2026-08-01', '2026-09-30');
    const cards = await page.$$eval('[data-kpi]', (all) => all.map((c) => [c.getAttribute('data-kpi')!, c.getAttribute('data-value')!] as const));
    for (const [id, value] of cards)
      expect(value === '' ? null : Number(value), id).toBe(expected.kpis[id as keyof typeof expected.kpis]);
    await screenshot(page, 'old-numbers-under-new-labels-sales');
    await context.close();
  }, 240_000);
});
