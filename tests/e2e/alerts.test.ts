import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportJson } from '../../src/metrics/report-types';
import { OUTAGE_DAY, REFUND_WAVE_DAY } from '../../scripts/sample-anomalies';
import { DISMISSED_DB, DISMISSED_STORE } from '../../src/features/alerts/dismissed-storage';
import { keptTab, sampleReportJson, launchBrowser, screenshot, setLocale, startSnapshotPreview, visit, type AppServer } from './harness';

/** Until the page's IndexedDB holds the dismissal (dismissed-storage.ts), which a reload reads back. */
async function dismissalStored(page: Page, key: string): Promise<void> {
  const stored = () =>
    page.evaluate(
      ({ k, name, store }) =>
        new Promise<boolean>((resolve) => {
          // The app has opened (and made) the database by the time its badge shows the dismissal.
          const req = indexedDB.open(name);
          req.onerror = () => resolve(false);
          req.onsuccess = () => {
            const db = req.result;
            const get = db.transaction(store).objectStore(store).get(k);
            get.onsuccess = () => (db.close(), resolve(get.result !== undefined));
            get.onerror = () => (db.close(), resolve(false));
          };
        }),
      { k: key, name: DISMISSED_DB, store: DISMISSED_STORE },
    );
  await expect.poll(stored, { timeout: 10_000 }).toBe(true);
}

/**
 * Alerts in the app (issue 16, item 2): the top bar counts the alerts `yardstick report --json`
 * lists for the same view of the sample shop (October 2026, with its planted checkout outage and
 * refund wave); the Alerts page lists them, the outage's link opens the daily sales chart with the
 * day ringed, and the Traffic page's daily charts ring it too; a dismissal lowers the count,
 * survives a reload, and can be undone.
 */
const VIEW = { from: '2026-10-01', to: '2026-10-31' } as const;

let server: AppServer;
let browser: Browser;
let report: ReportJson;

function cliReport(): Promise<ReportJson> {
  return sampleReportJson(['orders', 'order_items', 'traffic', 'users', 'products', 'inventory'], ['--from', VIEW.from, '--to', VIEW.to]);
}

beforeAll(async () => {
  [server, browser, report] = await Promise.all([startSnapshotPreview(), launchBrowser(), cliReport()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const badgeCount = async (page: Page) => Number(await page.getAttribute('[data-alerts-badge]', 'data-count'));

/** One tab for the file: the engine starts once; each test reaches its view by the address. */
const tab = keptTab(() => browser, { width: 1440, height: 900 });

async function open(page: Page, query: string) {
  await visit(page, `${server.url}/?from=${VIEW.from}&to=${VIEW.to}&${query}`);
  await page.waitForSelector('.shell[data-engine="ready"]', { timeout: 90_000 });
  await page.waitForSelector('[data-alerts-badge]', { timeout: 90_000 });
}

describe('alerts in the app equal the report’s', () => {
  it('counts, lists, links, marks, dismisses, keeps and undoes', async () => {
    const { page, errors } = await tab();
    await open(page, 'page=alerts');

    expect(await badgeCount(page)).toBe(report.alerts.length);
    const critical = report.alerts.filter((a) => a.severity === 'critical').length;
    expect(Number(await page.getAttribute('[data-alerts-badge]', 'data-critical'))).toBe(critical);

    await page.waitForSelector('[data-alert-list], .empty', { timeout: 60_000 });
    const keys = await page.$$eval('[data-alert]', (items) => items.map((i) => i.getAttribute('data-alert')));
    const want = report.alerts.map((a) => [a.kind, a.metric ?? a.sku ?? '', a.date].join('|'));
    expect([...keys].sort()).toEqual([...want].sort());
    // Newest first.
    const dates = await page.$$eval('[data-alert] time', (ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
    expect(dates).toEqual([...dates].sort().reverse());
    await screenshot(page, 'alerts-en-1440');

    // The planted days are there (the sample's design, scripts/sample-anomalies.ts).
    expect(keys).toContain(`anomaly|orders|${OUTAGE_DAY}`);
    expect(keys).toContain(`anomaly|refunds|${REFUND_WAVE_DAY}`);
    {
      // Dismiss the first; the count drops, stays down after a reload, and Undo brings it back.
      const first = keys[0]!;
      await page.click(`[data-alert="${first}"] [data-action="dismiss-alert"]`);
      await page.waitForFunction((n) => document.querySelector('[data-alerts-badge]')?.getAttribute('data-count') === String(n), report.alerts.length - 1);
      await dismissalStored(page, first);
      await page.reload();
      await page.waitForSelector('[data-alerts-badge]', { timeout: 90_000 });
      await page.waitForFunction((n) => document.querySelector('[data-alerts-badge]')?.getAttribute('data-count') === String(n), report.alerts.length - 1);
      expect(await page.$(`[data-alert="${first}"]`)).toBeNull();
      await page.check('[data-control="show-dismissed"]');
      await page.click(`[data-alert="${first}"] [data-action="restore-alert"]`);
      await page.waitForFunction((n) => document.querySelector('[data-alerts-badge]')?.getAttribute('data-count') === String(n), report.alerts.length);
      await page.uncheck('[data-control="show-dismissed"]');
      // Undo right after dismissing.
      await page.click(`[data-alert="${first}"] [data-action="dismiss-alert"]`);
      await page.click('[data-action="undo-dismiss"]');
      await page.waitForFunction((n) => document.querySelector('[data-alerts-badge]')?.getAttribute('data-count') === String(n), report.alerts.length);
    }

    {
      const a = { metric: 'orders', date: OUTAGE_DAY };
      await page.click('[data-kind="anomaly"]');
      await page.click(`[data-alert="anomaly|${a.metric}|${a.date}"] [data-action="open-alert"]`);
      await page.waitForSelector(`[data-testid="anomaly-marker"][data-day="${a.date}"]`, { timeout: 90_000 });
      expect(new URL(page.url()).searchParams.get('page')).toBe('sales');
      expect(new URL(page.url()).searchParams.get('grain')).toBe('day');
      const label = await page.textContent(`[data-testid="anomaly-marker"][data-day="${a.date}"] title`);
      expect(label).toContain(a.date);
      await screenshot(page, 'alerts-sales-marker');

      // The Traffic page's daily charts (sessions, conversion) ring the same day.
      await visit(page, `${server.url}/?from=${VIEW.from}&to=${VIEW.to}&grain=day&page=traffic`);
      await page.waitForSelector(`[data-testid="anomaly-marker"][data-day="${OUTAGE_DAY}"]`, { timeout: 90_000 });
      expect(await page.locator(`[data-testid="anomaly-marker"][data-day="${OUTAGE_DAY}"]`).count()).toBe(2);
      await screenshot(page, 'alerts-traffic-marker');
    }
    expect(errors).toEqual([]);
  }, 300_000);

  it('fits and reads in en and zh at 1440×900 and 390×844 (screenshots)', async () => {
    // One tab, resized and switched between languages in place: the page as each size and language lays it out.
    const { page } = await tab();
    await open(page, 'page=alerts');
    for (const [lang, width, height] of [
      ['en', 1440, 900],
      ['zh', 1440, 900],
      ['en', 390, 844],
      ['zh', 390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      await setLocale(page, lang === 'zh' ? 'zh-CN' : 'en-US');
      await page.waitForSelector('[data-alert-list], .empty', { timeout: 60_000 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${lang} ${width}: wider than the window`).toBeLessThanOrEqual(0);
      await screenshot(page, `alerts-${lang}-${width}`);
    }
  }, 180_000);
});
