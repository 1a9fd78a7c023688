import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportJson } from '../../src/metrics/report-types';
import { chartsDrawn, launchBrowser, screenshot, startSnapshotPreview, type AppServer, cliReportJson } from './harness';

/**
 * The Service page shows the `service` section of `yardstick report --json` for the same view of
 * the sample shop (issue 15): the week of 2026-03-09, when replies were slow. Screenshots in
 * English and Chinese.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const DATA = path.join(ROOT, 'sample-data');
const VIEW = { from: '2026-03-09', to: '2026-03-15' } as const;

let server: AppServer;
let browser: Browser;
let report: ReportJson;

function cliReport(): Promise<ReportJson> {
  const file = (n: string) => path.join(DATA, n);
  const args = [
    path.join(ROOT, 'src/cli/bin.mjs'),
    'report',
    '--orders',
    file('orders.csv.gz'),
    '--order-items',
    file('order_items.csv.gz'),
    '--tickets',
    file('service_tickets.csv.gz'),
    '--reviews',
    file('reviews.csv.gz'),
    '--from',
    VIEW.from,
    '--to',
    VIEW.to,
    '--json',
  ];
  return cliReportJson(args);
}

beforeAll(async () => {
  [server, browser, report] = await Promise.all([startSnapshotPreview(), launchBrowser(), cliReport()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the Service page', () => {
  it.each(['en-US', 'zh-CN'])('equals report --json for the same view (%s)', async (locale) => {
    expect(report.service?.tickets).toBeGreaterThan(0);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/?page=service&from=${VIEW.from}&to=${VIEW.to}`);
    if (locale === 'zh-CN') await page.selectOption('[data-control="locale"]', 'zh-CN');
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
    await context.close();
  });
});
