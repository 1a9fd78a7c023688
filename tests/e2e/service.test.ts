import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportJson } from '../../src/metrics/report-types';
import {
  chartsDrawn,
  keptTab,
  launchBrowser,
  screenshot,
  setLocale,
  startSnapshotPreview,
  visit,
  type AppServer,
  sampleReportJson,
} from './harness';

/**
 * The Service page shows the `service` section of `yardstick report --json` for the same view of
 * the sample shop (issue 15): the week of 2026-03-09, when replies were slow. Screenshots in
 * English and Chinese.
 */
const VIEW = { from: '2026-03-09', to: '2026-03-15' } as const;

let server: AppServer;
let browser: Browser;
let report: ReportJson;

function cliReport(view: { from: string; to: string } = VIEW): Promise<ReportJson> {
  return sampleReportJson(['orders', 'order_items', 'service_tickets', 'reviews'], ['--from', view.from, '--to', view.to]);
}

beforeAll(async () => {
  [server, browser, report] = await Promise.all([startSnapshotPreview(), launchBrowser(), cliReport()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** One tab for the file: the engine starts once; each test reaches its view by the address. */
const tab = keptTab(() => browser);

describe('the Service page', () => {
  it.each(['en-US', 'zh-CN'])('equals report --json for the same view (%s)', async (locale) => {
    expect(report.service?.tickets).toBeGreaterThan(0);
    const { page, errors } = await tab();
    await page.setViewportSize({ width: 1280, height: 900 });
    await visit(page, `${server.url}/?page=service&from=${VIEW.from}&to=${VIEW.to}`);
    await setLocale(page, locale as 'en-US' | 'zh-CN');
    await page.waitForSelector('[data-testid="service-panels"]', { timeout: 120_000 });
    const shown = await page.$eval('[data-testid="service-panels"]', (el) =>
      JSON.parse(el.getAttribute('data-section-json') ?? 'null'),
    );
    expect(shown).toEqual(report.service);
    // The cards carry the same numbers.
    const card = async (id: string) => {
      const v = await page.getAttribute(`[data-kpi="${id}"]`, 'data-value');
      return v === null || v === '' ? null : Number(v);
    };
    expect(await card('tickets')).toBe(report.service?.tickets);
    expect(await card('first_response_median')).toBe(report.service?.first_response_minutes.median);
    expect(await card('csat')).toBe(report.service?.csat);
    await chartsDrawn(page);
    await screenshot(page, `service-${locale}`);
    expect(errors).toEqual([]);
  });
});

/** Four ISO weeks (Monday to Sunday) around the slow-reply week; each week's rates come from its own `report --json`. */
const WEEKS = ['2026-02-23', '2026-03-02', '2026-03-09', '2026-03-16'] as const;
const sunday = (monday: string) => new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);

describe('the SLA and CSAT chart', () => {
  it('draws a point per week whose lowest and highest equal report --json for each week (en-US, zh-CN)', async () => {
    // The four reports run while the page opens.
    const reports = Promise.all(WEEKS.map((w) => cliReport({ from: w, to: sunday(w) })));
    let weekly: Awaited<typeof reports> = [];
    const expected = (key: 'response_within_sla' | 'csat') => {
      const values = weekly.map((r, i) => ({ week: WEEKS[i]!, value: r.service?.[key] ?? null }));
      const known = values.filter((v) => v.value !== null) as { week: string; value: number }[];
      expect(known.length).toBeGreaterThan(1);
      // First of equal values wins, as the chart's summary reads them left to right.
      const low = known.reduce((a, b) => (b.value < a.value ? b : a));
      const high = known.reduce((a, b) => (b.value > a.value ? b : a));
      return { low, high };
    };
    // The language is switched in place for the second reading.
    const { page, errors } = await tab();
    await page.setViewportSize({ width: 1280, height: 1100 });
    await setLocale(page, 'en-US');
    await visit(page, `${server.url}/?page=service&from=${WEEKS[0]}&to=${sunday(WEEKS[3])}`);
    weekly = await reports;
    for (const locale of ['en-US', 'zh-CN'] as const) {
      await setLocale(page, locale);
      await page.waitForSelector('[data-testid="service-weeks"]', { timeout: 120_000 });
      await chartsDrawn(page);
      const pct = (v: number) =>
        new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en', {
          style: 'percent',
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
        }).format(v);
      for (const key of ['response_within_sla', 'csat'] as const) {
        const label = await page.getAttribute(`[data-series="${key}"] [role="img"]`, 'aria-label');
        const { low, high } = expected(key);
        expect(label).toContain(locale === 'zh-CN' ? `${WEEKS.length} 个点` : `${WEEKS.length} points`);
        expect(label).toContain(`${pct(low.value)}${locale === 'zh-CN' ? '（' : ' ('}${low.week}`);
        expect(label).toContain(`${pct(high.value)}${locale === 'zh-CN' ? '（' : ' ('}${high.week}`);
      }
      await page.locator('[data-panel="service-weeks"]').scrollIntoViewIfNeeded();
      await screenshot(page, `service-weeks-${locale}`);
    }
    expect(errors).toEqual([]);
  }, 240_000);
});
