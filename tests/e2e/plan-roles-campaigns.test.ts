import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportJson } from '../../src/metrics/report-types';
import { chartsDrawn, sampleReportJson, launchBrowser, screenshot, startSnapshotPreview, visit, type AppServer } from './harness';

/**
 * Issues 13 and 14, item 3, in the browser: a planner sets a SKU's role on the Products page and
 * adds a campaign on the Marketing page; both survive a reload, change the role scorecard and the
 * campaign calendar as `yardstick report --targets FILE` does with the same roles and campaign,
 * and go out in the targets file the Goals page exports. The sample's MM-102 has no role in its
 * products file; August 2025 holds no campaign of the sample calendar.
 */
const VIEW = { from: '2025-08-01', to: '2025-08-31' } as const;
const SKU = 'MM-102';
const CAMPAIGN = {
  campaign: 'aug_flash_2025',
  name: 'August flash',
  type: 'flash_sale',
  starts_on: '2025-08-15',
  ends_on: '2025-08-17',
} as const;

let server: AppServer;
let browser: Browser;
let before: ReportJson;
let after: ReportJson;

function cliReport(targets: string | null): Promise<ReportJson> {
  const tables = ['orders', 'order_items', 'traffic', 'users', 'products', 'inventory', 'marketing_spend', 'campaigns'] as const;
  return sampleReportJson(tables, ['--from', VIEW.from, '--to', VIEW.to, ...(targets ? ['--targets', targets] : [])]);
}

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ys-plan-e2e-'));
  const targets = path.join(dir, 'targets.json');
  writeFileSync(
    targets,
    JSON.stringify({ version: 1, targets: [], sku_roles: { [SKU]: 'profit' }, campaigns: [CAMPAIGN] }),
  );
  [server, browser, before, after] = await Promise.all([
    startSnapshotPreview(),
    launchBrowser(),
    cliReport(null),
    cliReport(targets),
  ]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const roleRows = (r: ReportJson) => r.products!.roles.map((x) => [x.role, x.skus, x.item_revenue]);

async function scorecard(page: Page): Promise<(string | number)[][]> {
  return page.$$eval('[data-table="products-roles"] tbody tr', (rows) =>
    rows.map((tr) => [tr.getAttribute('data-role') ?? '', Number(tr.getAttribute('data-skus'))]),
  );
}

async function waitForRoles(page: Page, expected: (string | number)[][]): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const rows = [...document.querySelectorAll('[data-table="products-roles"] tbody tr')];
      const got = rows.map((tr) => [tr.getAttribute('data-role') ?? '', Number(tr.getAttribute('data-skus'))]);
      return JSON.stringify(got) === JSON.stringify(want);
    },
    expected,
    { timeout: 90_000 },
  );
}

describe('roles and campaigns set in the pages', () => {
  it('the report says the role and the campaign change something', () => {
    expect(before.products!.rows.find((r) => r.sku === SKU)?.role).toBe('unassigned');
    expect(after.products!.rows.find((r) => r.sku === SKU)?.role).toBe('profit');
    expect(roleRows(after)).not.toEqual(roleRows(before));
    expect(before.marketing!.campaigns).toEqual([]);
    expect(after.marketing!.campaigns.map((c) => c.campaign)).toEqual([CAMPAIGN.campaign]);
    expect(after.marketing!.campaigns[0]!.uplift).not.toBeNull();
  });

  it('are kept across a reload, match report --targets, and go out in the targets file', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const roles = (r: ReportJson) => r.products!.roles.map((x) => [x.role, x.skus]);

    // Products: MM-102 becomes a profit SKU.
    await page.goto(`${server.url}/?page=products&from=${VIEW.from}&to=${VIEW.to}`);
    await page.waitForSelector('.shell[data-engine="ready"]', { timeout: 90_000 });
    await page.waitForSelector(`[data-role-select="${SKU}"]`, { timeout: 90_000 });
    await waitForRoles(page, roles(before));
    await page.selectOption(`[data-role-select="${SKU}"]`, 'profit');
    await waitForRoles(page, roles(after));
    const revenue = await page.$$eval('[data-table="products-roles"] tbody tr', (rows) =>
      rows.map((tr) => Number(tr.getAttribute('data-revenue'))),
    );
    expect(revenue).toEqual(after.products!.roles.map((r) => r.item_revenue));
    await page.locator('[data-panel="products-roles"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'plan-products-role-set');

    await page.reload();
    await page.waitForSelector(`[data-role-select="${SKU}"][data-set-here="true"]`, { timeout: 90_000 });
    expect(await page.inputValue(`[data-role-select="${SKU}"]`)).toBe('profit');
    await waitForRoles(page, roles(after));
    expect(await scorecard(page)).toEqual(roles(after));

    // Marketing: add the August flash sale.
    // The same tab follows the address (the app's own navigation): the reloads below are the persistence checks.
    await visit(page, `${server.url}/?page=marketing&from=${VIEW.from}&to=${VIEW.to}`);
    await page.waitForSelector('[data-form="add-campaign"]', { timeout: 90_000 });
    await page.fill('[data-form="add-campaign"] [data-field="campaign"]', CAMPAIGN.campaign);
    await page.fill('[data-form="add-campaign"] [data-field="name"]', CAMPAIGN.name);
    await page.selectOption('[data-form="add-campaign"] [data-field="type"]', CAMPAIGN.type);
    await page.fill('[data-form="add-campaign"] [data-field="starts_on"]', CAMPAIGN.starts_on);
    await page.fill('[data-form="add-campaign"] [data-field="ends_on"]', CAMPAIGN.ends_on);
    await page.click('[data-action="add-campaign"]');
    const bar = `.timeline-bar[data-campaign="${CAMPAIGN.campaign}"]`;
    await page.waitForSelector(bar, { timeout: 90_000 });
    const expected = after.marketing!.campaigns[0]!;
    const uplift = `[data-campaign-detail="${CAMPAIGN.campaign}"] [data-fact="uplift"] dd`;
    await page.waitForSelector(uplift);
    expect(await page.textContent(uplift)).toBe(`${(expected.uplift! * 100).toFixed(1)}%`);
    await chartsDrawn(page);
    await page.locator('[data-panel="marketing-calendar"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'plan-marketing-campaign-added');

    await page.reload();
    await page.waitForSelector(`[data-planned="${CAMPAIGN.campaign}"]`, { timeout: 90_000 });
    await page.waitForSelector(bar, { timeout: 90_000 });
    expect(await page.textContent(uplift)).toBe(`${(expected.uplift! * 100).toFixed(1)}%`);

    // Goals: the exported targets file carries both.
    await visit(page, `${server.url}/?page=goals`);
    await page.waitForSelector('[data-action="export-targets"]:not([disabled])', { timeout: 90_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-targets"]')]);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as Record<string, unknown>;
    expect(exported['sku_roles']).toEqual({ [SKU]: 'profit' });
    expect(exported['campaigns']).toEqual([CAMPAIGN]);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});
