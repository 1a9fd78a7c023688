import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportJson } from '../../src/metrics/report-types';
import { launchBrowser, screenshot, startSnapshotPreview, type AppServer, sampleReportJson } from './harness';

/**
 * The page and `yardstick report` compute numbers the same way (issue 12): each analyst page
 * shows on its KPI cards exactly the numbers `yardstick report --json` prints for the same view
 * of the sample shop — the period, a channel filter and a year-over-year comparison — to the last
 * bit of the double. The first page opens from a shared link in a fresh browser profile; the
 * others from the menu of that tab, as a user goes on (the view travels with them; one engine
 * start for the file instead of one per page).
 */
const VIEW = { from: '2026-09-01', to: '2026-09-30', compare: 'yoy', channel: 'email' } as const;
const PAGES = ['overview', 'sales', 'traffic', 'customers'] as const;

let server: AppServer;
let browser: Browser;
let report: ReportJson;
let context: BrowserContext | undefined;

function cliReport(): Promise<ReportJson> {
  const view = ['--from', VIEW.from, '--to', VIEW.to, '--compare', VIEW.compare, '--channel', VIEW.channel];
  return sampleReportJson(['orders', 'order_items', 'traffic', 'users'], view);
}

beforeAll(async () => {
  [server, browser, report] = await Promise.all([startSnapshotPreview(), launchBrowser(), cliReport()]);
}, 240_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

interface Card {
  id: string;
  value: string | null;
  previous: string | null;
}

/** The KPI cards once each has its number and, where the report has one, its comparison number. */
async function settledCards(page: Page): Promise<Card[]> {
  const expected = Object.fromEntries(
    Object.entries(report.kpis).map(([id, v]) => [
      id,
      { value: v !== null, previous: report.comparison?.kpis[id as 'gmv'] != null },
    ]),
  );
  await page.waitForSelector('.shell[data-engine="ready"]', { timeout: 90_000 });
  await page.waitForFunction(
    (want) => {
      const cards = [...document.querySelectorAll('[data-kpi]')];
      return (
        cards.length > 0 &&
        cards.every((card) => {
          const id = card.getAttribute('data-kpi') ?? '';
          const known = want[id];
          if (!known || card.getAttribute('aria-busy')) return false;
          return (
            (!known.value || card.getAttribute('data-value') !== '') &&
            (!known.previous || card.hasAttribute('data-previous'))
          );
        })
      );
    },
    expected,
    { timeout: 90_000 },
  );
  return page.$$eval('[data-kpi]', (cards) =>
    cards.map((card) => ({
      id: card.getAttribute('data-kpi') ?? '',
      value: card.getAttribute('data-value'),
      previous: card.getAttribute('data-previous'),
    })),
  );
}

const asNumber = (text: string | null) => (text === null || text === '' ? null : Number(text));

describe('every page shows the numbers of `yardstick report --json` for the same view', () => {
  it('the CLI reports the view with a filter and a comparison', () => {
    expect(report.period).toEqual({ from: VIEW.from, to: VIEW.to });
    expect(report.comparison).toMatchObject({ from: '2025-09-01', to: '2025-09-30' });
    // The filter bites: email's GMV is a part of the month's, not all of it.
    expect(report.kpis.gmv).toBeGreaterThan(0);
    expect(report.by_channel.map((c) => c.channel)).toEqual(['email']);
  });

  // Issue 18, item 7: these were in the report and the Goals picker but on no page.
  const ITEM_7: Partial<Record<(typeof PAGES)[number], readonly string[]>> = {
    sales: ['refund_rate', 'cancelled_orders', 'cancellation_rate'],
    customers: ['registrations', 'activation_rate_30d'],
  };

  /** The first page from the shared link in a fresh profile, the next ones from the menu. */
  async function openPage(name: (typeof PAGES)[number], errors: string[]): Promise<Page> {
    const query = `page=${name}&from=${VIEW.from}&to=${VIEW.to}&compare=${VIEW.compare}&channel=${VIEW.channel}`;
    if (!context) {
      context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.url}/?${query}`);
      return page;
    }
    const page = context.pages()[0]!;
    page.removeAllListeners('pageerror');
    page.on('pageerror', (e) => errors.push(e.message));
    await page.click(`[data-nav="${name}"]`);
    await page.waitForSelector(`[data-nav="${name}"][aria-current="page"]`);
    // The view the link set is still the one shown.
    const here = new URL(page.url()).searchParams;
    expect([here.get('page') ?? 'overview', here.get('from'), here.get('to'), here.get('compare'), here.get('channel')]).toEqual([
      name,
      VIEW.from,
      VIEW.to,
      VIEW.compare,
      VIEW.channel,
    ]);
    return page;
  }

  it.each(PAGES)('%s: every card equals the report, the refund, cancellation, registration and activation cards too (issue 18, item 7)', async (name) => {
    const errors: string[] = [];
    const page = await openPage(name, errors);
    const cards = await settledCards(page);
    expect(cards.length).toBeGreaterThanOrEqual(4);
    // Refund rate, cancellations, cancellation rate, registrations and 30-day activation have cards.
    expect(cards.map((c) => c.id)).toEqual(expect.arrayContaining([...(ITEM_7[name] ?? [])]));
    for (const card of cards) {
      const id = card.id as keyof ReportJson['kpis'];
      expect(Object.keys(report.kpis), card.id).toContain(card.id);
      expect(asNumber(card.value), `${name} ${card.id}`).toBe(report.kpis[id]);
      expect(asNumber(card.previous), `${name} ${card.id} in ${VIEW.compare}`).toBe(report.comparison!.kpis[id]);
    }
    await screenshot(page, `report-parity-${name}`);
    expect(errors).toEqual([]);
  });
});
