import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MarketingSection } from '../../src/metrics/queries/marketing';
import { MARKETING_TOTAL_IDS } from '../../src/metrics/registry/marketing';
import {
  chartsDrawn,
  launchBrowser,
  openTab,
  screenshot,
  startSnapshotPreview,
  type AppServer,
  sampleReportJson,
} from './harness';

/**
 * The Marketing page (issue 14) shows, for a view of the sample shop, the numbers `yardstick
 * report --json` prints in its `marketing` section for the same view, from the same sample files
 * (--spend, --campaigns). November 2025 holds Double 11 and Black Friday.
 */
const VIEW = { from: '2025-11-01', to: '2025-11-30' } as const;

let server: AppServer;
let browser: Browser;
let marketing: MarketingSection;

/** `yardstick report --json` over the sample shop's files, the marketing ones included. */
function cliReport(): Promise<MarketingSection> {
  const tables = ['orders', 'order_items', 'traffic', 'users', 'marketing_spend', 'campaigns'] as const;
  return sampleReportJson(tables, ['--from', VIEW.from, '--to', VIEW.to]).then((json) => json.marketing!);
}

beforeAll(async () => {
  [server, browser, marketing] = await Promise.all([startSnapshotPreview(), launchBrowser(), cliReport()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(locale: 'en-US' | 'zh-CN'): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/?page=marketing&from=${VIEW.from}&to=${VIEW.to}`);
  await page.waitForSelector('.shell[data-engine="ready"]', { timeout: 90_000 });
  await page.waitForFunction(
    () => {
      const cards = [...document.querySelectorAll('[data-section="marketing-totals"] [data-kpi]')];
      return (
        cards.length > 0 && cards.every((c) => !c.getAttribute('aria-busy') && c.getAttribute('data-value') !== '')
      );
    },
    undefined,
    { timeout: 90_000 },
  );
  return { page, errors, close: () => context.close() };
}

describe('the Marketing page', () => {
  it('the report has the month’s spend and its campaigns', () => {
    expect(marketing.spend).toBeGreaterThan(0);
    expect(marketing.campaigns.map((c) => c.campaign)).toEqual(['double11_2025', 'black_friday_2025']);
  });

  it('shows the report’s marketing totals, channel rows and campaigns for the same view', async () => {
    const { page, errors, close } = await open('en-US');
    const cards = await page.$$eval('[data-section="marketing-totals"] [data-kpi]', (els) =>
      els.map((e) => ({ id: e.getAttribute('data-kpi') ?? '', value: e.getAttribute('data-value') })),
    );
    expect(cards.map((c) => c.id)).toEqual([...MARKETING_TOTAL_IDS]);
    for (const card of cards) {
      expect(Number(card.value), card.id).toBe(marketing[card.id as (typeof MARKETING_TOTAL_IDS)[number]]);
    }
    const channels = await page.$$eval('[data-panel="marketing-channels"] tbody tr', (rows) => rows.length);
    expect(channels).toBe(marketing.by_channel.length);
    const bars = await page.$$eval('.timeline-bar', (els) => els.map((e) => e.getAttribute('data-campaign')));
    expect(bars).toEqual(marketing.campaigns.map((c) => c.campaign));

    await page.click('.timeline-bar[data-campaign="double11_2025"]');
    await page.waitForSelector('[data-campaign-detail="double11_2025"]');
    await chartsDrawn(page);
    const uplift = await page.textContent('[data-campaign-detail="double11_2025"] [data-fact="uplift"] dd');
    const expected = marketing.campaigns.find((c) => c.campaign === 'double11_2025')!.uplift!;
    expect(uplift).toBe(`${(expected * 100).toFixed(1)}%`);
    await screenshot(page, 'marketing-en');
    expect(errors).toEqual([]);
    await close();
  });

  it('offers the nearest campaigns when none falls in the period, and shows one on a click', async () => {
    const { context, page, errors } = await openTab(browser);
    // October 2026, the sample's last full month, lies between 618 2026 and Double 11 2026 (campaigns.csv).
    await page.goto(`${server.url}/?page=marketing&from=2026-10-01&to=2026-10-31`);
    await page.waitForSelector('.shell[data-engine="ready"]', { timeout: 90_000 });
    const calendar = '[data-panel="marketing-calendar"]';
    const earlier = page.locator(`${calendar} [data-nearby="before"]`);
    await earlier.waitFor({ timeout: 90_000 });
    expect(await page.$$eval(`${calendar} .timeline-bar`, (els) => els.length)).toBe(0);
    expect(await earlier.textContent()).toBe('← Show 618 2026 (2026-06-01 – 2026-06-18)');
    expect(await page.textContent(`${calendar} [data-nearby="after"]`)).toBe(
      'Show Double 11 2026 (双11) (2026-11-01 – 2026-11-11) →',
    );
    await earlier.click();
    await page.waitForSelector(`${calendar} .timeline-bar[data-campaign="f618_2026"]`, { timeout: 90_000 });
    const url = new URL(page.url());
    expect([url.searchParams.get('from'), url.searchParams.get('to')]).toEqual(['2026-06-01', '2026-06-18']);
    // The timeline is drawn over the period its campaigns were read for, the new one.
    expect(await page.$$eval(`${calendar} .timeline-axis span`, (els) => els.map((e) => e.textContent))).toEqual([
      '2026-06-01',
      '2026-06-18',
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads in Chinese', async () => {
    const { page, errors, close } = await open('zh-CN');
    await page.selectOption('[data-control="locale"]', 'zh-CN');
    await page.waitForSelector('h1:has-text("营销推广与活动")');
    await chartsDrawn(page);
    await screenshot(page, 'marketing-zh');
    expect(errors).toEqual([]);
    await close();
  });
});
