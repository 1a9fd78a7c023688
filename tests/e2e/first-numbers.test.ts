import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticShop } from '../../scripts/lib/synthetic-shop';
import { chromiumPath, launchBrowser, screenshot, startSnapshotPreview, type AppServer } from './harness';

// Issue 18, item 11: the time from opening a page to its first number, in a fresh profile on a
// deep link to every page (and to pages with a period of their own) and on reopening with saved
// data (the sample shop, 100k orders). Asserted: the linked view shows; the first number comes
// from the results recorded at build time or kept from the last visit, marked refreshing, and
// equals the live one; and it shows within 3 s of navigation on a quiet machine.
//
// The 3 s goal is for a quiet machine, and this one has 2 cores shared by several engineers'
// builds and browsers. So each opening records the 1-minute load average (before and after) and
// asserts 3 s only when it stayed below 1.5 per core; on a busier machine it asserts a bound
// scaled by the load (3 s × load per core / 1.5: a CPU-bound start gets that much less of a
// core) and that the number came before the live engine, and prints which bound it held and why.
//
// The live numbers to compare with are read without starting the engine again in each fresh
// profile: the deep links' views are applied in turn in one page whose engine started once, and
// on reopening they are the numbers of the visit that kept them (the same data and views).

const KPI = '[data-kpi][data-value]:not([data-value=""])';
/** Where each page shows its first number. */
const FIRST_NUMBER: Record<string, string> = {
  overview: KPI,
  sales: KPI,
  traffic: KPI,
  customers: KPI,
  marketing: KPI,
  products: KPI,
  service: KPI,
  // Without targets (a fresh profile) the page's one number is the date the data runs to.
  goals: '.goals-head .sub:not(:empty), [data-target][data-actual]:not([data-actual=""])',
  alerts: '[data-alert]',
  data: '[data-table-rows][data-value]',
  sql: '.sql-table-rows',
};
const PAGES = Object.keys(FIRST_NUMBER);

const GOAL_MS = 3000;
const QUIET_LOAD_PER_CORE = 1.5;
const CORES = os.cpus().length;

interface FirstNumber {
  /** ms from navigation start to the first number on screen */
  at: number;
  /** whether the engine was live then (false: a kept result or the start-up snapshot) */
  live: boolean;
  /** the element's number: data-value / data-actual / text */
  value: string;
  /** which KPI it was, to read the same card once live */
  kpi: string | null;
  /** whether the page said then that its numbers are refreshing (the line, and aria-busy on <main>) */
  marked: boolean;
}

/** Records, from inside the page, the moment its first number appears (before any app script runs). */
async function watchFirstNumber(context: BrowserContext, selector: string): Promise<void> {
  await context.addInitScript((sel: string) => {
    const w = window as unknown as { __firstNumber?: FirstNumber };
    const check = () => {
      const shell = document.querySelector('.shell');
      if (w.__firstNumber) return;
      const el = document.querySelector(sel);
      if (!el) return;
      w.__firstNumber = {
        at: performance.now(),
        live: shell?.getAttribute('data-engine') === 'ready',
        value: el.getAttribute('data-value') ?? el.getAttribute('data-actual') ?? el.textContent ?? '',
        kpi: el.getAttribute('data-kpi'),
        marked:
          document.querySelector('[data-testid="refreshing"]') !== null &&
          document.querySelector('main')?.getAttribute('aria-busy') === 'true',
      };
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  }, selector);
}

interface Opened {
  page: string;
  /** the address opened (page and period), to read the same view once live */
  query: string;
  first: FirstNumber;
  /** the 1-minute load average just before navigation and once the first number showed */
  load: [before: number, after: number];
}

/** Opens a deep link, waits for its first number and checks the linked view shows; the live engine is not waited for. */
async function openDeepLink(context: BrowserContext, url: string, pageId: string, query = ''): Promise<Opened> {
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    return await openAndRead(page, url, pageId, query);
  } catch (e) {
    await screenshot(page, `first-numbers-failed-${pageId}`);
    throw new Error(`${pageId}${query}: ${e instanceof Error ? e.message : String(e)}; page errors: ${errors.join(' | ') || 'none'}`, { cause: e });
  }
}

async function openAndRead(page: Page, url: string, pageId: string, query: string): Promise<Opened> {
  const loadBefore = os.loadavg()[0]!;
  await page.goto(`${url}/?page=${pageId}${query}`);
  const first = (await page.waitForFunction(() => (window as unknown as { __firstNumber?: FirstNumber }).__firstNumber, undefined, {
    timeout: 180_000,
    polling: 50,
  }).then((h) => h.jsonValue())) as FirstNumber;
  const loadAfter = os.loadavg()[0]!;
  // What the page looks like while it shows kept numbers (taken once per page and kind of visit).
  if (!first.live) await screenshot(page, `first-numbers-kept-${pageId}`).catch(() => undefined);
  // The linked view: its page is the current one, the address still names it (and its period).
  await expect.poll(() => page.getAttribute(`[data-nav="${pageId}"]`, 'aria-current')).toBe('page');
  // (the overview is the default page: its address names no page)
  expect(new URL(page.url()).searchParams.get('page')).toBe(pageId === 'overview' ? null : pageId);
  console.log(`${pageId}${query}: first number ${s(first.at)} (${first.live ? 'live' : 'kept'})`);
  return { page: pageId, query, first, load: [loadBefore, loadAfter] };
}

type Bench = { __yardstickBench: { apply(p: unknown): Promise<number>; keptResultsPending(): boolean } };

/** Until the results the tab keeps for the next visit are written (1.5 s after the last one). */
async function keptResultsWritten(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => (window as unknown as Bench).__yardstickBench.keptResultsPending()), { timeout: 30_000 })
    .toBe(false);
}

/** Until every query the view started has settled and the page has painted. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as Bench).__yardstickBench.apply({}));
}

/** Every KPI card's value on the page once live (the first card of each id), and the page's first-number element. */
async function liveNumbers(page: Page, pageId: string): Promise<Record<string, string | null>> {
  await expect.poll(() => page.locator('[data-kpi][aria-busy="true"]').count(), { timeout: 60_000 }).toBe(0);
  return page.evaluate((sel) => {
    const read = (el: Element) => el.getAttribute('data-value') ?? el.getAttribute('data-actual') ?? el.textContent ?? '';
    const out: Record<string, string | null> = {};
    for (const el of document.querySelectorAll('[data-kpi]')) {
      const id = el.getAttribute('data-kpi')!;
      if (!(id in out)) out[id] = el.getAttribute('data-value');
    }
    const el = document.querySelector(sel);
    out[''] = el ? read(el) : null;
    return out;
  }, FIRST_NUMBER[pageId]!);
}

/** The number the live engine shows where the first one was shown: its KPI card, or the same element. */
function liveCounterpart(first: FirstNumber, live: Record<string, string | null>): string | null | undefined {
  return live[first.kpi ?? ''];
}

/**
 * The live numbers of every opened view, read in one page whose engine started once: the view
 * is applied in place (page and period, as the link set them) instead of starting the engine
 * again in each fresh profile.
 */
async function liveNumbersOf(browser: Browser, url: string, opened: Opened[]): Promise<Map<Opened, Record<string, string | null>>> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${url}/`);
    await page.waitForSelector('.shell[data-engine="ready"]', { timeout: 180_000 });
    await settle(page);
    const here = new URL(page.url()).searchParams;
    const defaultPeriod = { from: here.get('from')!, to: here.get('to')! };
    expect(defaultPeriod.from, 'the default period is written into the address once known').toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const out = new Map<Opened, Record<string, string | null>>();
    for (const o of opened) {
      const q = new URLSearchParams(o.query);
      const period = q.get('from') ? { from: q.get('from')!, to: q.get('to')! } : defaultPeriod;
      await page.evaluate((v) => (window as unknown as Bench).__yardstickBench.apply(v), { page: o.page.split('+')[0], period });
      await expect.poll(() => page.getAttribute(`[data-nav="${o.page.split('+')[0]}"]`, 'aria-current')).toBe('page');
      out.set(o, await liveNumbers(page, o.page.split('+')[0]!));
    }
    return out;
  } finally {
    await context.close();
  }
}

/**
 * The first number shown from results kept or recorded before the engine ran, marked refreshing,
 * equal to the live one, and in time: 3 s when the machine was quiet, else the load-scaled bound.
 */
function expectKeptInTime(opened: Opened, liveValue: string | null | undefined): void {
  const name = opened.page;
  expect(opened.first.live, `${name}: the first number came from the live engine`).toBe(false);
  expect(opened.first.marked, `${name}: kept numbers are said to be refreshing (line + aria-busy)`).toBe(true);
  expect(liveValue, `${name}: the live engine shows the number shown before it`).toBe(opened.first.value);
  const perCore = Math.max(...opened.load) / CORES;
  if (perCore < QUIET_LOAD_PER_CORE) {
    console.log(`${name}: quiet (load ${perCore.toFixed(2)}/core): first number ${s(opened.first.at)}, asserting ≤ ${s(GOAL_MS)}`);
    expect(opened.first.at, `${name}: first number on a quiet machine`).toBeLessThanOrEqual(GOAL_MS);
  } else {
    const bound = (GOAL_MS * perCore) / QUIET_LOAD_PER_CORE;
    console.log(
      `${name}: NOT quiet (load ${perCore.toFixed(2)}/core ≥ ${QUIET_LOAD_PER_CORE}): first number ${s(opened.first.at)}, ` +
        `asserting the load-scaled ${s(bound)} instead of ${s(GOAL_MS)}`,
    );
    expect(opened.first.at, `${name}: first number on a busy machine`).toBeLessThanOrEqual(bound);
  }
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

function report(title: string, rows: Opened[]): void {
  console.log(`\n${title} (load average ${load()}, ${os.cpus().length} cores shared with other engineers)`);
  console.log('page          first number   from          load 1-min (before/after)');
  for (const r of rows)
    console.log(
      `${r.page.padEnd(14)}${s(r.first.at).padEnd(15)}${(r.first.live ? 'live' : 'kept/snapshot').padEnd(14)}` +
        r.load.map((l) => l.toFixed(2)).join(' / '),
    );
}

const ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** A browser profile kept on disk, as a user's is between visits. */
function persistentContext(dir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    args: ARGS,
    headless: true,
    viewport: { width: 1440, height: 900 },
  });
}

let server: AppServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startSnapshotPreview(), launchBrowser()]);
  console.log(`uptime load at start: ${load()}`);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('first numbers on opening (issue 18, item 11)', () => {
  it('a fresh profile on a deep link to every page, and to pages with a period of their own, shows its first numbers within 3 s', async () => {
    const rows: Opened[] = [];
    for (const pageId of PAGES) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await watchFirstNumber(context, FIRST_NUMBER[pageId]!);
      rows.push(await openDeepLink(context, server.url, pageId));
      if (pageId === 'sales' || pageId === 'sql') await screenshot(context.pages()[0]!, `first-numbers-fresh-${pageId}`);
      await context.close();
    }
    // A shared link with its own period (a quarter, the year to date): the linked period is the one shown.
    const linked: [string, string, string, string][] = [
      ['sales', '2026-07-01', '2026-09-30', 'Q3'],
      ['traffic', '2026-07-01', '2026-09-30', 'Q3'],
      ['customers', '2026-07-01', '2026-09-30', 'Q3'],
      ['marketing', '2025-10-01', '2025-12-31', '25Q4'],
      ['alerts', '2026-07-01', '2026-09-30', 'Q3'],
      ['overview', '2026-01-01', '2026-10-31', 'YTD'],
    ];
    for (const [pageId, from, to, label] of linked) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await watchFirstNumber(context, FIRST_NUMBER[pageId]!);
      const opened = await openDeepLink(context, server.url, pageId, `&from=${from}&to=${to}`);
      const url = new URL(context.pages()[0]!.url());
      expect([url.searchParams.get('from'), url.searchParams.get('to')]).toEqual([from, to]);
      rows.push({ ...opened, page: `${pageId}+${label}` });
      await context.close();
    }
    report('Fresh profile, deep link, sample shop', rows);
    const live = await liveNumbersOf(browser, server.url, rows);
    for (const opened of rows) expectKeptInTime(opened, liveCounterpart(opened.first, live.get(opened)!));
  }, 1_200_000);

  it('reopening with the sample shop shows the kept numbers at once, marked refreshing, equal to the live ones', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'yardstick-profile-sample-'));
    try {
      const pages = ['overview', 'sales', 'traffic', 'customers', 'marketing', 'products', 'service', 'data'];
      let context = await persistentContext(dir);
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${server.url}/`);
      await page.waitForSelector('.shell[data-engine="ready"]', { timeout: 180_000 });
      // The live numbers of the visit that keeps them: the same data and views the reopening shows.
      const live: Record<string, Record<string, string | null>> = {};
      for (const p of pages) {
        await page.click(`[data-nav="${p}"]`);
        await settle(page);
        live[p] = await liveNumbers(page, p);
      }
      await keptResultsWritten(page);
      await context.close();
      const rows: Opened[] = [];
      for (const pageId of pages) {
        context = await persistentContext(dir);
        await watchFirstNumber(context, FIRST_NUMBER[pageId]!);
        rows.push(await openDeepLink(context, server.url, pageId));
        await context.close();
      }
      report('Reopen, sample shop, persistent profile', rows);
      for (const opened of rows) expectKeptInTime(opened, liveCounterpart(opened.first, live[opened.page]!));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 1_200_000);

  it('reopening with 100k saved orders shows the kept numbers at once instead of a loading screen', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'yardstick-profile-100k-'));
    const files = mkdtempSync(path.join(os.tmpdir(), 'yardstick-100k-'));
    try {
      const shop = await writeSyntheticShop(files, 100_000);
      const pages = ['overview', 'sales', 'traffic', 'customers'];
      let context = await persistentContext(dir);
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${server.url}/?page=data`);
      await page.waitForSelector('.shell[data-engine="ready"]', { timeout: 180_000 });
      for (const file of [shop.orders, shop.traffic]) {
        const name = path.basename(file);
        await page.setInputFiles('[data-testid="file-input"]', file);
        await page.waitForSelector(`[data-pending="${name}"][data-status="review"]`, { timeout: 180_000 });
        await page.click(`[data-pending="${name}"] [data-action="confirm"]`);
        const card = `[data-pending="${name}"]`;
        await page.waitForSelector(`${card}:is([data-status="done"], [data-status="failed"], [data-status="cancelled"])`, {
          timeout: 600_000,
        });
        const status = await page.getAttribute(card, 'data-status');
        if (status !== 'done') await screenshot(page, `first-numbers-100k-${name}-${status}`);
        expect(status, `${name}: ${await page.locator(card).innerText()}`).toBe('done');
      }
      const live: Record<string, Record<string, string | null>> = {};
      for (const p of pages) {
        await page.click(`[data-nav="${p}"]`);
        await settle(page);
        live[p] = await liveNumbers(page, p);
      }
      await keptResultsWritten(page);
      await context.close();
      const rows: Opened[] = [];
      const refreshing: boolean[] = [];
      for (const pageId of pages) {
        context = await persistentContext(dir);
        await watchFirstNumber(context, FIRST_NUMBER[pageId]!);
        const tab = context.pages()[0] ?? (await context.newPage());
        const shown = tab.waitForSelector('[data-testid="refreshing"]', { timeout: 60_000 });
        rows.push(await openDeepLink(context, server.url, pageId));
        refreshing.push(await shown.then(() => true, () => false));
        if (pageId === 'sales') await screenshot(tab, 'first-numbers-reopen-100k-sales');
        await context.close();
      }
      report('Reopen, 100k saved orders + traffic, persistent profile', rows);
      for (const [i, opened] of rows.entries()) {
        expect(refreshing[i], `${opened.page}: the kept numbers are said to be refreshing`).toBe(true);
        expectKeptInTime(opened, liveCounterpart(opened.first, live[opened.page]!));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(files, { recursive: true, force: true });
    }
  }, 1_800_000);
});
