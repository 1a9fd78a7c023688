import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
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
  return sampleReportJson(['orders'], ['--from', VIEW.from, '--to', VIEW.to]);
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
    const { page, errors } = await tab();
    await visit(page, `${server.url}/?page=customers&from=${VIEW.from}&to=${VIEW.to}`);
    await setLocale(page, locale as 'en-US' | 'zh-CN');
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
  });

  it('equals report --json under a channel filter too (the page reads a table of the filter’s orders)', async () => {
    const filtered = await sampleReportJson(['orders'], ['--from', VIEW.from, '--to', VIEW.to, '--channel', 'email']);
    // The filter bites: fewer customers than the whole shop's.
    const total = (stages: Record<string, number>) => Object.values(stages).reduce((a, b) => a + b, 0);
    const unfiltered = total(report.lifecycle!.stages);
    expect(total(filtered.lifecycle!.stages)).toBeLessThan(unfiltered);
    const { page, errors } = await tab();
    await visit(page, `${server.url}/?page=customers&from=${VIEW.from}&to=${VIEW.to}&channel=email`);
    await page.waitForSelector('[data-testid="lifecycle"]', { timeout: 120_000 });
    // The tab showed the whole shop before: wait until the filtered counts replace them.
    await page.waitForFunction(
      (whole) => {
        const stages = document.querySelector('[data-testid="lifecycle"]')?.getAttribute('data-stages');
        return (
          stages && Object.values(JSON.parse(stages) as Record<string, number>).reduce((a, b) => a + b, 0) !== whole
        );
      },
      unfiltered,
      { timeout: 120_000 },
    );
    const shown = await page.$eval('[data-testid="lifecycle"]', (el) => ({
      stages: JSON.parse(el.getAttribute('data-stages') ?? 'null'),
      months: JSON.parse(el.getAttribute('data-months') ?? 'null'),
    }));
    expect(shown.stages).toEqual(filtered.lifecycle?.stages);
    expect(shown.months).toEqual(filtered.lifecycle?.months);
    expect(errors).toEqual([]);
  });
});

/**
 * The registration → first order → second order funnel, from the sample CSVs with native DuckDB
 * and SQL written here from METRICS.md "Users" (activation: first paid order 0–30 days after the
 * registration date, in the whole dataset) and the funnel's documented second step (a second paid
 * order at any time).
 */
async function independentFunnel(from: string, to: string) {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const reader = await c.runAndReadAll(`
    WITH o AS (SELECT lower(trim(CAST(customer_id AS VARCHAR))) AS cust, CAST(ordered_at AS DATE) AS d
               FROM read_csv('${DATA}/orders.csv.gz', types = {'customer_id': 'VARCHAR'})
               WHERE status IN ('paid', 'partially_refunded', 'refunded')),
    c AS (SELECT cust, min(d) AS first_d, count(*) AS n FROM o GROUP BY cust),
    u AS (SELECT lower(trim(CAST(user_id AS VARCHAR))) AS cust, CAST(registered_at AS DATE) AS reg
          FROM read_csv('${DATA}/users.csv.gz', types = {'user_id': 'VARCHAR'})
          WHERE CAST(registered_at AS DATE) BETWEEN DATE '${from}' AND DATE '${to}'),
    j AS (SELECT u.reg, c.first_d, coalesce(c.n, 0) AS n,
                 c.first_d IS NOT NULL AND c.first_d - u.reg BETWEEN 0 AND 30 AS act
          FROM u LEFT JOIN c USING (cust))
    SELECT count(*)::INTEGER AS registrations, count(*) FILTER (WHERE act)::INTEGER AS first_order,
           count(*) FILTER (WHERE act AND n >= 2)::INTEGER AS second_order FROM j`);
  const row = reader.getRowObjects()[0] as { registrations: number; first_order: number; second_order: number };
  c.closeSync();
  db.closeSync();
  return row;
}

describe('the activation funnel of the lifecycle section', () => {
  it('equals independent SQL over the sample files (en-US, zh-CN)', async () => {
    const expected = await independentFunnel(VIEW.from, VIEW.to);
    expect(expected.registrations).toBeGreaterThan(expected.first_order);
    expect(expected.first_order).toBeGreaterThan(expected.second_order);
    expect(expected.second_order).toBeGreaterThan(0);
    for (const locale of ['en-US', 'zh-CN'] as const) {
      const { page, errors } = await tab();
      await visit(page, `${server.url}/?page=customers&from=${VIEW.from}&to=${VIEW.to}`);
      await setLocale(page, locale);
      await page.waitForSelector('[data-testid="activation-funnel"]', { timeout: 120_000 });
      const shown = JSON.parse((await page.getAttribute('[data-testid="activation-funnel"]', 'data-funnel-json')) ?? 'null');
      expect(shown).toEqual({
        ...expected,
        first_order_rate: expected.first_order / expected.registrations,
        second_order_rate: expected.second_order / expected.first_order,
      });
      // The chart reads every step's count, formatted for people.
      const label = await page.getAttribute('[data-testid="activation-funnel"] svg[role="img"]', 'aria-label');
      const n = new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en');
      for (const v of [expected.registrations, expected.first_order, expected.second_order]) expect(label).toContain(n.format(v));
      await chartsDrawn(page);
      const funnel = page.locator('[data-testid="activation-funnel"]');
      await funnel.scrollIntoViewIfNeeded();
      await funnel.screenshot({ path: path.join(ROOT, 'tests/artifacts', `customers-activation-funnel-${locale}.png`) });
      expect(errors).toEqual([]);
    }
  }, 240_000);
});
