import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartsDrawn, keptTab, launchBrowser, screenshot, setLocale, startSnapshotPreview, visit, type AppServer } from './harness';

/**
 * The SLA is a setting of the Service page (METRICS.md "Customer service": default 60 minutes):
 * changing it recomputes the response-within-SLA card and the weekly SLA line, and the link keeps
 * it. Expected numbers from native DuckDB over sample-data/service_tickets.csv.gz, written here
 * with interval arithmetic rather than the app's epoch minutes. Four ISO weeks around the
 * sample's slow-reply week (2026-03-09).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const TICKETS = path.join(ROOT, 'sample-data/service_tickets.csv.gz');
const VIEW = { from: '2026-02-23', to: '2026-03-22' } as const;
const WIDE = { width: 1440, height: 1000 };
const PHONE = { width: 390, height: 844 };

let server: AppServer;
let browser: Browser;

/** Median minutes to a first reply over answered tickets of the view (quantile_cont), native DuckDB. */
let medianMinutes = 0;

interface Expected {
  period: number;
  weeks: { week: string; value: number }[];
}
const expected = new Map<number, Expected>();

/** Answered within `sla` minutes (inclusive) ÷ all tickets opened in the view, and per ISO week. */
async function nativeSla(slas: number[]): Promise<void> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(`CREATE TABLE t AS SELECT * FROM read_csv('${TICKETS}', header = true,
    types = {'opened_at': 'TIMESTAMP', 'first_response_at': 'TIMESTAMP'})
    WHERE CAST(opened_at AS DATE) BETWEEN DATE '${VIEW.from}' AND DATE '${VIEW.to}'`);
  const median = await c.runAndReadAll(
    `SELECT quantile_cont(date_diff('second', opened_at, first_response_at) / 60, 0.5) AS m FROM t WHERE first_response_at IS NOT NULL`,
  );
  medianMinutes = Number(median.getRowObjectsJson()[0]!.m);
  for (const sla of slas) {
    const within = `count(*) FILTER (WHERE first_response_at - opened_at <= INTERVAL ${sla} MINUTE) / count(*)`;
    const all = (await c.runAndReadAll(`SELECT ${within} AS v FROM t`)).getRowObjectsJson()[0]!;
    const weeks = (
      await c.runAndReadAll(
        `SELECT strftime(date_trunc('week', CAST(opened_at AS DATE)), '%Y-%m-%d') AS week, ${within} AS v
         FROM t GROUP BY week ORDER BY week`,
      )
    ).getRowObjectsJson();
    expected.set(sla, {
      period: Number(all.v),
      weeks: weeks.map((w) => ({ week: String(w.week), value: Number(w.v) })),
    });
  }
  c.closeSync();
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startSnapshotPreview(), launchBrowser(), nativeSla([30, 60, 120])]);
  // The weeks must tell the settings apart, or the test would pass on a page that ignores the SLA.
  expect(expected.get(30)!.period).toBeLessThan(expected.get(60)!.period);
  expect(expected.get(60)!.period).toBeLessThan(expected.get(120)!.period);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const CARD = '[data-kpi="response_within_sla"]';

/** The card's value once it is no longer loading or stale, and differs from `before`. */
async function cardValue(page: Page, before: string | null = null): Promise<number> {
  const handle = await page.waitForFunction(
    ([sel, prev]) => {
      const v = document.querySelector(sel!)?.getAttribute('data-value');
      return v && v !== prev ? v : null;
    },
    [CARD, before] as const,
    { timeout: 90_000 },
  );
  return Number(await handle.jsonValue());
}

async function setSla(page: Page, minutes: number): Promise<void> {
  await page.fill('[data-control="sla"] input', String(minutes));
  await page.press('[data-control="sla"] input', 'Enter');
}

/** The weekly SLA line's summary names its lowest and highest weeks as native DuckDB has them. */
async function expectWeeklyLine(page: Page, sla: number, zh: boolean): Promise<void> {
  const weeks = expected.get(sla)!.weeks;
  expect(weeks.length).toBe(4);
  const low = weeks.reduce((a, b) => (b.value < a.value ? b : a));
  const high = weeks.reduce((a, b) => (b.value > a.value ? b : a));
  const pct = (v: number) =>
    new Intl.NumberFormat(zh ? 'zh-CN' : 'en', {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(v);
  await chartsDrawn(page);
  const label = await page.getAttribute('[data-series="response_within_sla"] [role="img"]', 'aria-label');
  expect(label).toContain(`${pct(low.value)}${zh ? '（' : ' ('}${low.week}`);
  expect(label).toContain(`${pct(high.value)}${zh ? '（' : ' ('}${high.week}`);
}

/** One tab for the file, resized per test: the engine starts once; each test opens its view by the address. */
const tab = keptTab(() => browser, WIDE);

async function open(viewport: typeof WIDE, query: string, zh: boolean) {
  const { page, errors } = await tab();
  await page.setViewportSize(viewport);
  await visit(page, `${server.url}/?page=service&from=${VIEW.from}&to=${VIEW.to}${query}`);
  await setLocale(page, zh ? 'zh-CN' : 'en-US');
  await page.waitForSelector('[data-testid="service-panels"]', { timeout: 120_000 });
  return { page, errors };
}

describe('the Service page SLA setting', () => {
  it('recomputes the card and the weekly line when the SLA changes, and the link keeps it (en, 1440)', async () => {
    const { page, errors } = await open(WIDE, '', false);
    expect(await page.inputValue('[data-control="sla"] input')).toBe('60');
    // The first-response card: the registry's median, written with its unit.
    const median = '[data-kpi="first_response_median"]';
    await page.waitForSelector(`${median}[data-value]:not([data-value=""])`, { timeout: 90_000 });
    expect(Number(await page.getAttribute(median, 'data-value'))).toBeCloseTo(medianMinutes, 9);
    expect(await page.textContent(`${median} .kpi-value`)).toBe(`${new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(medianMinutes)} min`);
    const at60 = await cardValue(page);
    expect(at60).toBeCloseTo(expected.get(60)!.period, 12);
    await expectWeeklyLine(page, 60, false);

    await setSla(page, 30);
    const at30 = await cardValue(page, String(at60));
    expect(at30).toBeCloseTo(expected.get(30)!.period, 12);
    expect(new URL(page.url()).searchParams.get('sla')).toBe('30');
    expect(await page.textContent(`${CARD} .kpi-label`)).toContain('≤ 30 min');
    await expectWeeklyLine(page, 30, false);
    await screenshot(page, 'service-sla-30-en-1440');

    // A reload opens on the link's SLA.
    await page.reload();
    await page.waitForSelector('[data-testid="service-panels"]', { timeout: 120_000 });
    expect(await page.inputValue('[data-control="sla"] input')).toBe('30');
    expect(await cardValue(page)).toBeCloseTo(expected.get(30)!.period, 12);

    // Back to the default: the link drops it.
    await setSla(page, 60);
    expect(await cardValue(page, String(at30))).toBeCloseTo(expected.get(60)!.period, 12);
    expect(new URL(page.url()).searchParams.get('sla')).toBeNull();
    expect(errors).toEqual([]);
  }, 300_000);

  it('opens on a linked SLA in Chinese (1440)', async () => {
    const { page, errors } = await open(WIDE, '&sla=120', true);
    expect(await cardValue(page)).toBeCloseTo(expected.get(120)!.period, 12);
    expect(await page.textContent(`${CARD} .kpi-label`)).toContain('≤ 120 分钟');
    expect(await page.textContent('[data-kpi="first_response_median"] .kpi-value')).toMatch(/分钟$/);
    await expectWeeklyLine(page, 120, true);
    await screenshot(page, 'service-sla-120-zh-1440');
    expect(errors).toEqual([]);
  }, 300_000);

  it.each([
    ['en', false],
    ['zh', true],
  ] as const)('can be set on a phone (%s, 390)', async (lang, zh) => {
    const { page, errors } = await open(PHONE, '', zh);
    const at60 = await cardValue(page);
    await setSla(page, 30);
    expect(await cardValue(page, String(at60))).toBeCloseTo(expected.get(30)!.period, 12);
    await chartsDrawn(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, `service-sla-30-${lang}-390`);
    expect(errors).toEqual([]);
  }, 300_000);
});
