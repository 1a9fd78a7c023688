import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportJson } from '../../src/metrics/report-types';
import { chartsDrawn, launchBrowser, screenshot, startSnapshotPreview, type AppServer, cliReportJson } from './harness';

/**
 * The Customers page's lifecycle section shows the `lifecycle` section of `yardstick report --json`
 * for the same view of the sample shop: stages on `to`, and each month end's stages and churn rate
 * (issue 15). Screenshots in English and Chinese.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const DATA = path.join(ROOT, 'sample-data');
const VIEW = { from: '2026-01-01', to: '2026-09-30' } as const;

let server: AppServer;
let browser: Browser;
let report: ReportJson;

function cliReport(): Promise<ReportJson> {
  const args = [
    path.join(ROOT, 'src/cli/bin.mjs'),
    'report',
    '--orders',
    path.join(DATA, 'orders.csv.gz'),
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

describe('the lifecycle section of the Customers page', () => {
  it.each(['en-US', 'zh-CN'])('equals report --json for the same view (%s)', async (locale) => {
    expect(report.lifecycle?.months.map((m) => m.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
    ]);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/?page=customers&from=${VIEW.from}&to=${VIEW.to}`);
    if (locale === 'zh-CN') await page.selectOption('[data-control="locale"]', 'zh-CN');
    await page.waitForSelector('[data-testid="lifecycle"]', { timeout: 120_000 });
    const shown = await page.$eval('[data-testid="lifecycle"]', (el) => ({
      asOf: el.getAttribute('data-as-of'),
      stages: JSON.parse(el.getAttribute('data-stages') ?? 'null'),
      months: JSON.parse(el.getAttribute('data-months') ?? 'null'),
    }));
    expect(shown.asOf).toBe(report.lifecycle?.as_of);
    expect(shown.stages).toEqual(report.lifecycle?.stages);
    expect(shown.months).toEqual(report.lifecycle?.months);
    // The cards show the same counts, rounded for people.
    const dormant = await page.textContent('[data-stage="dormant"] dd');
    expect(Number(dormant?.replace(/[^\d]/g, ''))).toBe(report.lifecycle?.stages.dormant);
    await chartsDrawn(page);
    const panel = await page.$('[data-panel="customers-lifecycle"]');
    await panel?.scrollIntoViewIfNeeded();
    await panel?.screenshot({ path: path.join(ROOT, 'tests/artifacts', `customers-lifecycle-${locale}.png`) });
    await screenshot(page, `customers-lifecycle-page-${locale}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
