import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportJson } from '../../src/metrics/report-types';
import {
  launchBrowser,
  openTab,
  parseCsv,
  sampleReportJson,
  saved,
  startSnapshotPreview,
  type AppServer,
} from './harness';

/**
 * The Customers page's monthly buyers and cohorts are what `yardstick report --json`
 * prints for the same view of the sample shop (issue 12): both read each month's buyers and each
 * cohort's members off the derived orders' previous and next paid dates when nothing is
 * filtered; under a channel filter both read a table of the filter's orders instead. The page
 * opens from a shared link in a fresh browser profile; its numbers are read from the panels' CSV
 * exports, which carry the values rather than their formatted text.
 */
const VIEW = { from: '2025-11-01', to: '2026-10-31' } as const;

let server: AppServer;
let browser: Browser;
let report: ReportJson;

beforeAll(async () => {
  [server, browser, report] = await Promise.all([
    startSnapshotPreview(),
    launchBrowser(),
    sampleReportJson(
      ['orders', 'order_items', 'traffic', 'users'],
      ['--from', VIEW.from, '--to', VIEW.to, '--grain', 'month'],
    ),
  ]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The panel's CSV export once the live engine has answered it: header and rows. */
async function panelCsv(page: Page, panel: string): Promise<string[][]> {
  await page.waitForSelector(`[data-panel="${panel}"]:not([aria-busy]) [data-export="csv"]`, { timeout: 90_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`[data-panel="${panel}"] [data-export="csv"]`),
  ]);
  return parseCsv((await saved(download)).toString('utf8'));
}

/** Each cohort row of the panel's CSV has the report's size and retention in each later month. */
function expectCohorts(rows: string[][], cohorts: ReportJson['cohorts']): void {
  for (const [i, [, size, ...cells]] of rows.entries()) {
    const expected = cohorts[i]!;
    expect(Number(size)).toBe(expected.customers);
    const shown = cells.filter((c) => c !== '').map(Number);
    expect(shown).toHaveLength(expected.retention.length);
    shown.forEach((v, k) => expect(v).toBeCloseTo(expected.retention[k]!, 5));
  }
}

describe('the Customers page and `yardstick report --json`, from a shared link', () => {
  it('show the same buyers per month and the same cohorts', async () => {
    const { context, page, errors } = await openTab(browser);
    await page.goto(`${server.url}/?page=customers&from=${VIEW.from}&to=${VIEW.to}`);
    await page.waitForSelector('.shell[data-engine="ready"]', { timeout: 120_000 });

    // Twelve months, each with buyers; new and returning add up to them.
    const [, ...mix] = await panelCsv(page, 'customers-buyer-mix');
    expect(report.series.rows).toHaveLength(12);
    expect(mix.map(([month]) => month)).toEqual(report.series.rows.map((r) => r.period));
    for (const [i, [, newBuyers, returning, buyers]] of mix.entries()) {
      expect(Number(buyers)).toBe(report.series.rows[i]!.buyers);
      expect(Number(newBuyers) + Number(returning)).toBe(Number(buyers));
    }
    expect(Number(mix[0]![3])).toBeGreaterThan(0);

    // Every cohort's size and its retention in each later month (the heatmap's default).
    const [, ...cohorts] = await panelCsv(page, 'customers-cohorts');
    expect(cohorts.map(([cohort]) => cohort)).toEqual(report.cohorts.map((c) => c.cohort));
    expectCohorts(cohorts, report.cohorts);
    expect(report.cohorts.some((c) => c.retention.some((r, k) => k > 0 && (r ?? 0) > 0))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('show the same under a channel filter (the page reads a table of the filter’s orders)', async () => {
    const filtered = await sampleReportJson(
      ['orders', 'order_items', 'traffic', 'users'],
      ['--from', VIEW.from, '--to', VIEW.to, '--grain', 'month', '--channel', 'email'],
    );
    // The filter bites: email's buyers are fewer than the shop's in its first month.
    expect(filtered.series.rows[0]!.buyers).toBeLessThan(report.series.rows[0]!.buyers!);
    const { context, page, errors } = await openTab(browser);
    await page.goto(`${server.url}/?page=customers&from=${VIEW.from}&to=${VIEW.to}&channel=email`);
    await page.waitForSelector('.shell[data-engine="ready"]', { timeout: 120_000 });
    const [, ...mix] = await panelCsv(page, 'customers-buyer-mix');
    expect(mix.map(([month]) => month)).toEqual(filtered.series.rows.map((r) => r.period));
    for (const [i, [, , , buyers]] of mix.entries()) expect(Number(buyers)).toBe(filtered.series.rows[i]!.buyers);
    const [, ...cohorts] = await panelCsv(page, 'customers-cohorts');
    expect(cohorts.map(([cohort]) => cohort)).toEqual(filtered.cohorts.map((c) => c.cohort));
    expectCohorts(cohorts, filtered.cohorts);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
