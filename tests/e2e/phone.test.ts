import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chartsDrawn, keptTab, launchBrowser, screenshot, setLocale, startSnapshotPreview, visit, type AppServer } from './harness';

/**
 * Every page on a phone (390 × 844) with the sample shop, in English and Chinese: nothing makes
 * the page scroll sideways, and nothing sticks out past the right edge of the screen unless it
 * sits in a box that scrolls sideways by itself (a wide table in its card). A screenshot of each
 * page is saved to look at.
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

const PHONE = { width: 390, height: 844 };
/** One phone tab for the file: the engine starts once; each test reaches its page by the address. */
const tab = keptTab(() => browser, PHONE);
const CARD = '[data-target="gmv-2026"]';

interface Overflow {
  scrollWidth: number;
  innerWidth: number;
  /** Elements past the right edge that no sideways-scrolling box holds, as tag.class[data-*]. */
  sticking: string[];
}

async function overflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const scrolls = (el: Element) => {
      const x = getComputedStyle(el).overflowX;
      return x === 'auto' || x === 'scroll';
    };
    const name = (el: Element) => {
      const data = [...el.attributes].find((a) => a.name.startsWith('data-'));
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${cls}${data ? `[${data.name}="${data.value}"]` : ''}`;
    };
    const sticking: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= window.innerWidth + 0.5) continue;
      if (getComputedStyle(el).visibility === 'hidden') continue;
      // A scrolling box holds what is inside it, but not an absolutely placed element whose
      // containing block lies outside the box: that one widens the page.
      const position = getComputedStyle(el).position;
      const block = position === 'absolute' || position === 'fixed' ? (el as HTMLElement).offsetParent : el.parentElement;
      let held = false;
      for (let p = el.parentElement; p && !held; p = p.parentElement) {
        held = scrolls(p) && p.getBoundingClientRect().right <= window.innerWidth + 0.5 && !!block && p.contains(block);
      }
      // Report the outermost offender only, not each of its children.
      if (!held && !el.parentElement?.closest('[data-overflow-seen]')) {
        sticking.push(`${name(el)} right=${Math.round(r.right)}`);
        el.setAttribute('data-overflow-seen', '');
      }
    }
    for (const el of document.querySelectorAll('[data-overflow-seen]')) el.removeAttribute('data-overflow-seen');
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, sticking };
  });
}

/** Waits until a page has drawn: the page's own chart is there, no skeleton is left and every chart is drawn. */
async function settled(page: Page, name: string): Promise<void> {
  if (name === 'overview') await page.waitForSelector('[data-testid="chart-waterfall"]', { timeout: 90_000 });
  if (name === 'goals') await page.waitForSelector(`${CARD} [data-testid="chart-waterfall"]`, { timeout: 90_000 });
  if (name === 'sql') await page.waitForSelector('[data-panel="sql-chart"] [data-testid^="chart-"]', { timeout: 90_000 });
  await chartsDrawn(page);
}

/** Opens a page the way a phone user does: through the menu button when the page list is folded. */
async function go(page: Page, name: string): Promise<void> {
  if (await page.isVisible('[data-action="menu"]')) await page.click('[data-action="menu"]');
  await page.click(`[data-nav="${name}"]`);
}

interface Fold {
  /** Top of the first KPI card, px from the top of the screen; null on a page without one (Products opens on its table). */
  firstKpiTop: number | null;
  /** Tables whose card does not scroll sideways. */
  unscrolledTables: string[];
}

async function fold(page: Page): Promise<Fold> {
  return page.evaluate(() => {
    const kpi = document.querySelector('main .kpi');
    const unscrolledTables: string[] = [];
    for (const table of document.querySelectorAll('main table')) {
      const card = table.closest('.card, .panel') ?? document.querySelector('main');
      let scrolls = false;
      for (let p = table.parentElement; p && !scrolls; p = p === card ? null : p.parentElement) {
        const x = getComputedStyle(p).overflowX;
        scrolls = x === 'auto' || x === 'scroll';
      }
      if (!scrolls) unscrolledTables.push(`${table.className || 'table'} in ${card?.className ?? ''}`);
    }
    return { firstKpiTop: kpi ? Math.round(kpi.getBoundingClientRect().top) : null, unscrolledTables };
  });
}

describe('on a phone', () => {
  it('issue 18 item 12: the first KPI number is near the top (menu and filter sheet folded) and tables scroll inside their card', async () => {
    const { page } = await tab();
    const found: Record<string, Fold & { scrollWidth: number }> = {};
    for (const lang of ['en', 'zh'] as const) {
      await visit(page, `${server.url}/?page=overview`);
      await page.waitForSelector('main .kpi', { timeout: 90_000 });
      if (lang === 'zh') await setLocale(page, 'zh-CN');
      for (const name of ['overview', 'sales', 'traffic', 'customers', 'marketing', 'products', 'service']) {
        await go(page, name);
        await page.waitForSelector(`[data-nav="${name}"][aria-current="page"]`, { state: 'attached' });
        await settled(page, name);
        await page.evaluate(() => window.scrollTo(0, 0));
        found[`${name}-${lang}`] = { ...(await fold(page)), scrollWidth: await page.evaluate(() => document.documentElement.scrollWidth) };
      }
    }
    // The filter sheet opens from its one button and holds the dimension menus.
    await page.click('[data-action="filters"]');
    await page.waitForSelector('.filter-sheet[data-open="true"] [data-control="grain"]', { state: 'visible' });
    await screenshot(page, 'filter-sheet-phone');
    await page.click('[data-action="filters"]');
    await page.click('[data-action="menu"]');
    await page.waitForSelector('[data-nav="sales"]', { state: 'visible' });
    await screenshot(page, 'menu-phone');
    await page.click('[data-action="menu"]');
    console.log(Object.entries(found).map(([k, v]) => `${k}: first KPI at ${v.firstKpiTop}px, scrollWidth ${v.scrollWidth}${v.unscrolledTables.length ? `; ${v.unscrolledTables.join(', ')}` : ''}`).join('\n'));
    for (const [key, f] of Object.entries(found)) {
      expect({ key, kpiNearTop: key.startsWith('products') ? f.firstKpiTop === null || f.firstKpiTop < 300 : f.firstKpiTop !== null && f.firstKpiTop < 300, fits: f.scrollWidth <= PHONE.width, unscrolled: f.unscrolledTables }).toEqual({ key, kpiNearTop: true, fits: true, unscrolled: [] });
    }
  }, 600_000);

  it('no page scrolls sideways, in English and Chinese', async () => {
    const { page, errors } = await tab();
    const found: Record<string, Overflow> = {};
    try {
      await setLocale(page, 'en-US');
      // A GMV target, made on the phone, so the Goals page has a card with a driver tree.
      await visit(page, `${server.url}/?page=goals`);
      await page.waitForSelector('[data-action="new-target"]', { timeout: 90_000 });
      await page.click('[data-action="new-target"]');
      await page.waitForSelector('[data-editor="new"]');
      await page.selectOption('[data-field="metric"]', 'gmv');
      await page.fill('[data-field="target"]', '25000000');
      await page.fill('[data-field="owner"]', 'Growth');
      await page.fill('[data-field="why"]', 'Keep growth');
      await page.waitForSelector('[data-smart-letter="relevant"][data-smart-state="pass"]', { timeout: 90_000 });
      found['goal-editor-en'] = await overflow(page);
      await screenshot(page, 'goal-editor-phone-en');
      await page.click('[data-action="save-target"]');
      await page.waitForSelector(`${CARD}:not([data-status=""])`, { timeout: 90_000 });

      for (const lang of ['en', 'zh'] as const) {
        if (lang === 'zh') await setLocale(page, 'zh-CN');
        for (const name of ['overview', 'sales', 'traffic', 'customers', 'goals', 'data', 'sql']) {
          await go(page, name);
          await page.waitForSelector(`[data-nav="${name}"][aria-current="page"]`, { state: 'attached' });
          if (name === 'goals') await page.click(`${CARD} [data-tab="drivers"]`);
          if (name === 'sql') {
            await page.waitForSelector('[data-testid="sql-tables"]', { timeout: 90_000 });
            await page.press('[data-testid="sql-input"]', 'Control+Enter');
          }
          await settled(page, name);
          await page.evaluate(() => window.scrollTo(0, 0));
          found[`${name}-${lang}`] = await overflow(page);
          await screenshot(page, `${name}-phone-${lang}`);
        }
      }
    } catch (e) {
      await screenshot(page, 'phone-debug');
      throw e;
    }
    console.log(Object.entries(found).map(([k, v]) => `${k}: scrollWidth ${v.scrollWidth} / ${v.innerWidth}${v.sticking.length ? `; ${v.sticking.join(', ')}` : ''}`).join('\n'));
    for (const [key, o] of Object.entries(found)) {
      expect({ key, fits: o.scrollWidth <= o.innerWidth, sticking: o.sticking }).toEqual({ key, fits: true, sticking: [] });
    }
    expect(errors).toEqual([]);
  }, 600_000);
});
