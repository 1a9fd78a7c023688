import { describe, expect, it } from 'vitest';
import { foreignRequests, kpiValue, openTab, recordRequests, screenshot, setLocale, visit, waitForDashboard, type Tab } from './harness';
import { appAndBrowser } from './app-fixture';
import { independentKpis } from '../support/independent-sample-kpis';

const app = appAndBrowser();

/** The first test's tab, which the dictionary test goes on with rather than starting the engine again. */
let opened: Tab | undefined;

const CARDS = ['gmv', 'orders', 'aov', 'conversion_rate', 'repeat_purchase_rate', 'net_revenue'] as const;

describe('the dashboard opens on the sample shop', () => {
  it('shows correct KPIs for the latest full month, offline, in English and Chinese', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const requests = recordRequests(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(app.server.url);
    await waitForDashboard(page);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('from') !== null);

    // The sample ends 2026-10-31, so the default period is October 2026.
    const url = new URL(page.url());
    expect([url.searchParams.get('from'), url.searchParams.get('to')]).toEqual(['2026-10-01', '2026-10-31']);
    await expect(page.getByTestId('sample-banner').isVisible()).resolves.toBe(true);

    const expected = await independentKpis('2026-10-01', '2026-10-31');
    for (const id of CARDS) {
      const value = await kpiValue(page, id);
      expect(value, id).not.toBeNull();
      expect(value!, id).toBeCloseTo(expected[id]!, 6);
    }
    await screenshot(page, 'overview-en');

    // Switch to Simplified Chinese: the text changes, money shows in ¥ and 万, the choice survives a reload.
    await page.selectOption('[data-control="locale"]', 'zh-CN');
    await page.waitForSelector('text=概览');
    const gmvText = await page.textContent('[data-kpi="gmv"] .kpi-value');
    expect(gmvText).toMatch(/^¥[\d.]+万$/);
    await screenshot(page, 'overview-zh');
    await page.reload();
    await waitForDashboard(page);
    await page.waitForSelector('text=概览');

    expect(errors).toEqual([]);
    expect(foreignRequests(requests, app.server.url)).toEqual([]);
    expect(requests.some((u) => u.endsWith('.wasm'))).toBe(true);
    opened = { page, errors };
  });
});

describe('the metric dictionary', () => {
  it('opens from a KPI card with the definition in words and the SQL behind the number', async () => {
    const { page } = opened ?? (await openTab(app.browser, { width: 1280, height: 800 }));
    await setLocale(page, 'en-US');
    await visit(page, `${app.server.url}/`);
    await waitForDashboard(page);
    await page.click('[data-kpi="gmv"] [data-metric-info="gmv"]');
    const dialog = page.locator('dialog[data-dictionary="gmv"]');
    await dialog.waitFor();
    await page.waitForFunction(() => !document.querySelector('dialog[data-dictionary="gmv"] [data-testid="dictionary-sql"]')?.textContent?.startsWith('…'));
    const sql = (await dialog.getByTestId('dictionary-sql').textContent()) ?? '';
    // GMV is the sum of order totals of paid orders in the period (METRICS.md "Orders").
    expect(sql).toContain('order_total');
    expect(sql).toMatch(/'paid', 'partially_refunded', 'refunded'|paid_orders/);
    expect(sql).toContain("DATE '2026-10-01'");
    expect(await dialog.textContent()).toMatch(/paid/i);
    await screenshot(page, 'dictionary-en');
  });
});
