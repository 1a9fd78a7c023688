import { describe, expect, it } from 'vitest';
import { appAndBrowser } from './app-fixture';
import { screenshot } from './harness';

const app = appAndBrowser();

const CARD = '[data-target="reply-median-2026"]';

describe('the burn-up of a target on a metric that does not add up over days', () => {
  it('draws the first-response median’s actual level to the data’s last day', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${app.server.url}/?page=goals`);
      await page.waitForSelector('[data-action="new-target"]', { timeout: 90_000 });
      await page.click('[data-action="new-target"]');
      await page.waitForSelector('[data-editor="new"]');
      await page.selectOption('[data-field="metric"]', 'first_response_median');
      await page.fill('[data-field="id"]', 'reply-median-2026');
      await page.fill('[data-field="target"]', '15');
      await page.click('[data-action="save-target"]');
      await page.waitForSelector(`${CARD}:not([data-status=""])`, { timeout: 120_000 });
      const actual = Number(await page.getAttribute(CARD, 'data-actual'));
      expect(actual).toBeGreaterThan(0);
      const chart = `${CARD} [data-testid="chart-burn-up"][data-state="drawn"]`;
      await page.waitForSelector(chart, { timeout: 60_000 });
      // Target, projection, actual: the third line is the actual level, drawn from January to the last data.
      const paths = await page.$$eval(`${chart} .recharts-line path.recharts-curve`, (els) =>
        els.map((p) => p.getAttribute('d') ?? ''),
      );
      expect(paths).toHaveLength(3);
      expect(paths[2]!.split(/[LC]/).length).toBeGreaterThan(100);
      await page.locator(CARD).scrollIntoViewIfNeeded();
      await screenshot(page, 'goals-median-burn-up-en');
      await page.selectOption('[data-control="locale"]', 'zh-CN');
      await page.waitForSelector(`${CARD} [data-testid="chart-burn-up"][data-state="drawn"]`);
      await screenshot(page, 'goals-median-burn-up-zh');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
});
