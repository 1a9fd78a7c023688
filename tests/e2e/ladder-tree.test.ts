import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { sampleReportJson, launchBrowser, screenshot, startSnapshotPreview, type AppServer } from './harness';


/**
 * Issue 18, item 9: the ladder as one tree (year › quarters › months), each rung with its own
 * target, floor and stretch, edited with finished rungs held and Undo, saved in the targets file
 * (version 2) and read by `report --json`. Item 10: a check-in level's burn-up reads its latest
 * value on an axis fitted to the data, and the editor offers no phasing for it.
 */
let server: AppServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startSnapshotPreview(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const GMV = '[data-target="gmv-2026"]';
const CSAT = '[data-target="csat-2026"]';

const plan = {
  version: 1,
  targets: [
    {
      id: 'gmv-2026',
      metric: 'gmv',
      period: { from: '2026-01-01', to: '2026-12-31' },
      ladder: { floor: 10_800_000, target: 12_000_000, stretch: 14_400_000 },
      phasing: 'linear',
    },
    {
      id: 'csat-2026',
      metric: 'store_rating_survey',
      period: { from: '2026-01-01', to: '2026-12-31' },
      ladder: { floor: 4.2, target: 4.5, stretch: 4.7 },
      phasing: 'linear',
      checkin: {
        label: 'Store rating',
        unit: 'points',
        aggregation: 'level',
        direction: 'higher_is_better',
        entries: [
          { period: { from: '2026-01-01', to: '2026-01-31' }, value: 4.0 },
          { period: { from: '2026-02-01', to: '2026-02-28' }, value: 4.6 },
          { period: { from: '2026-03-01', to: '2026-03-31' }, value: 4.3 },
        ],
      },
    },
  ],
};

const cents = (v: string | null) => Math.round(Number(v) * 100);

async function rows(page: Page, depth: number): Promise<{ rung: string; value: number; finished: boolean }[]> {
  return page.$$eval(`${GMV} [data-ladder-tree] tr[data-rung-depth="${depth}"]`, (trs) =>
    trs.map((tr) => ({
      rung: tr.getAttribute('data-rung') ?? '',
      value: Number(tr.getAttribute('data-rung-value')),
      finished: tr.hasAttribute('data-finished'),
    })),
  );
}

describe('the ladder tree and a check-in level (issue 18, items 9 and 10)', () => {
  it('shows year › quarters › months, edits a month with finished rungs held, undoes, saves version 2 that report --json paces by', async () => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'en-US',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${server.url}/?page=goals`);
      await page.waitForSelector('[data-action="new-target"]', { timeout: 90_000 });
      await page.setInputFiles('[data-input="targets-file"]', {
        name: 'plan.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(plan)),
      });
      await page.waitForSelector('[data-import="ok"]');

      // The tree is the default for a year-long target.
      await page.click(`${GMV} [data-tab="ladder"]`);
      await page.waitForSelector(`${GMV} [data-ladder="tree"] [data-rung="2026-12"]`, { timeout: 90_000 });
      await page.waitForSelector(`${GMV} [data-rung="2026-Q3"] [data-status-pill]`, { timeout: 90_000 });
      const quarters = await rows(page, 1);
      const months = await rows(page, 2);
      expect(quarters.map((q) => q.rung)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
      expect(months).toHaveLength(12);
      // Months sum to their quarter, quarters to the year, to the cent.
      const sumCents = (xs: { value: number }[]) => xs.reduce((s, x) => s + Math.round(x.value * 100), 0);
      for (const [i, q] of quarters.entries())
        expect(sumCents(months.slice(i * 3, i * 3 + 3))).toBe(Math.round(q.value * 100));
      expect(sumCents(quarters)).toBe(1_200_000_000);
      // Linear: Q1 = 12 000 000 × 90 / 365 = 2 958 904.11.
      expect(quarters[0]?.value).toBeCloseTo(2_958_904.11, 2);
      // The sample ends 2026-10-31: Q1–Q3 and January–September have ended.
      expect(quarters.map((q) => q.finished)).toEqual([true, true, true, false]);
      expect(months.filter((m) => m.finished)).toHaveLength(9);
      // Floors kept in ratio: Q4's floor is 90 % (10.8 M / 12 M) of its target.
      const q4Floor = Number(await page.getAttribute(`${GMV} [data-rung="2026-Q4"]`, 'data-rung-floor'));
      expect(q4Floor).toBeCloseTo((quarters[3]!.value * 10_800_000) / 12_000_000, 4);

      // Q4 is the only open quarter, so it cannot change alone: the finished ones hold the rest.
      const q4 = page.locator(`${GMV} [data-rung="2026-Q4"] input[aria-label^="Target"]`);
      await q4.fill('4,000,000');
      await q4.press('Enter');
      await page.waitForSelector(`${GMV} [data-rung="2026-Q4"] [role="alert"]`);

      // November to 1 200 000: October and December re-balance, Q4 and everything finished stay.
      const before = await rows(page, 2);
      const november = page.locator(`${GMV} [data-rung="2026-11"] input[aria-label^="Target"]`);
      await november.fill('1,200,000');
      await november.press('Enter');
      await page.waitForSelector(`${GMV} [data-rung="2026-11"][data-rung-value="1200000"]`, { timeout: 60_000 });
      const after = await rows(page, 2);
      expect(after.slice(0, 9)).toEqual(before.slice(0, 9));
      expect(sumCents(after.slice(9))).toBe(Math.round(quarters[3]!.value * 100));
      expect((await rows(page, 1)).map((q) => q.value)).toEqual(quarters.map((q) => q.value));
      await expect(page.textContent(`${GMV} [data-ladder-note="edited"]`)).resolves.toContain(
        'Phasing changed from Linear to Custom milestones because you edited 2026-11.',
      );
      // Undo puts every rung back.
      await page.click(`${GMV} [data-action="undo-ladder"]`);
      await page.waitForSelector(`${GMV} [data-ladder-note="undone"]`);
      await page.waitForFunction(
        ([card, value]) =>
          document.querySelector(`${card} [data-rung="2026-11"]`)?.getAttribute('data-rung-value') === value,
        [GMV, String(before[10]!.value)] as const,
        { timeout: 60_000 },
      );
      expect(await rows(page, 2)).toEqual(before);

      // Again, kept: November 1 200 000, and December's own floor 800 000.
      await november.fill('1,200,000');
      await november.press('Enter');
      await page.waitForSelector(`${GMV} [data-rung="2026-11"][data-rung-value="1200000"]`, { timeout: 60_000 });
      const decFloor = page.locator(`${GMV} [data-rung="2026-12"] input[data-band="floor"]`);
      await decFloor.fill('800,000');
      await decFloor.press('Enter');
      await page.waitForSelector(`${GMV} [data-rung="2026-12"][data-rung-floor="800000"] input[data-band-own]`, {
        timeout: 60_000,
      });
      await page.waitForSelector(`${GMV} [data-rung="2026-12"] [data-status-pill]`, { timeout: 60_000 });
      await page.locator(`${GMV} [data-ladder-tree]`).scrollIntoViewIfNeeded();
      await screenshot(page, 'goals-ladder-tree-en');

      // The file: version 2, each quarter with its months; report --json paces by the months.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-action="export-targets"]'),
      ]);
      const exportedPath = await download.path();
      const exported = JSON.parse(await readFile(exportedPath, 'utf8')) as {
        version: number;
        targets: {
          id: string;
          phasing: string;
          milestones: {
            to: string;
            target: number;
            floor?: number;
            milestones: { to: string; target: number; floor?: number }[];
          }[];
        }[];
      };
      expect(exported.version).toBe(2);
      const saved = exported.targets.find((t) => t.id === 'gmv-2026')!;
      expect(saved.phasing).toBe('custom');
      expect(saved.milestones.map((q) => q.to)).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']);
      expect(saved.milestones[3]?.milestones).toEqual([
        { to: '2026-10-31', target: after[9]!.value },
        { to: '2026-11-30', target: 1_200_000 },
        { to: '2026-12-31', target: after[11]!.value, floor: 800_000 },
      ]);
      const report = await sampleReportJson(['orders'], ['--from', '2026-10-01', '--to', '2026-10-31', '--targets', exportedPath]);
      const row = report.targets.find((t) => t.id === 'gmv-2026')!;
      // METRICS.md custom phasing: as of 2026-10-31 every month through October has ended, so
      // share = (January … October) ÷ the year, read here from the file itself.
      const months2026 = saved.milestones.flatMap((q) => q.milestones);
      const due = months2026.filter((m) => m.to <= '2026-10-31').reduce((s, m) => s + m.target, 0);
      expect(row.as_of).toBe('2026-10-31');
      expect(row.share).toBeCloseTo(due / 12_000_000, 9);
      expect(row.expected_to_date).toBeCloseTo(due, 2);
      // And the card shows the same projection.
      const projected = Number(await page.getAttribute(GMV, 'data-projected'));
      expect(projected).toBeCloseTo(row.projected!, 2);
      expect(cents(String(row.target))).toBe(1_200_000_000);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("draws a check-in level's latest reading on an axis fitted to it, with no phasing offered", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/?page=goals`);
      await page.waitForSelector('[data-action="new-target"]', { timeout: 90_000 });
      await page.setInputFiles('[data-input="targets-file"]', {
        name: 'plan.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(plan)),
      });
      await page.waitForSelector('[data-import="ok"]');
      await page.waitForSelector(`${CSAT}:not([data-status=""])`, { timeout: 90_000 });
      // The latest reading (March, 4.3), not the mean of 4.0, 4.6 and 4.3 (4.29).
      expect(Number(await page.getAttribute(CSAT, 'data-actual'))).toBe(4.3);
      const chart = page.locator(`${CSAT} [data-testid="chart-burn-up"]`);
      await chart.scrollIntoViewIfNeeded();
      await page.waitForSelector(`${CSAT} [data-testid="chart-burn-up"][data-state="drawn"]`, { timeout: 60_000 });
      // Readings 4.0..4.6 and band 4.2..4.7: the axis runs 3.8..4.8 (fitted), not from 0. The value
      // axis's labels are the end-anchored ones (recharts 3 draws tick labels in a layer of their own).
      const ticks = (
        await chart.locator('text.recharts-cartesian-axis-tick-value[text-anchor="end"]').allTextContents()
      ).map((s) => Number(s.replace(/[^\d.]/g, '')));
      expect(Math.min(...ticks)).toBeCloseTo(3.8, 6);
      expect(Math.max(...ticks)).toBeCloseTo(4.8, 6);
      await expect(chart.getByRole('img').getAttribute('aria-label')).resolves.toContain('4.3');
      await screenshot(page, 'goals-checkin-level-en');
      // The editor offers no phasing for a level.
      await page.click(`${CSAT} [data-action="edit"]`);
      await page.waitForSelector('[data-phasing-level]');
      expect(await page.locator('[data-phasing]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
