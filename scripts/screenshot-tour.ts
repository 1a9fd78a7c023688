/**
 * `npx tsx scripts/screenshot-tour.ts`: every page of the built app on the sample shop, in English
 * and Chinese, at 1440×900 and 390×844, saved as tests/screenshots/<page>-<lang>-<width>.jpg for a
 * person to look at (issue 18: "the screenshots of every page in both languages … looked at").
 * It also reports what a person would call broken and exits 1 on it: a page wider than the
 * window (something cut off or scrolling sideways), or "NaN" / "undefined" / "Infinity" on screen.
 * Run `npx vite build` first.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, chartsDrawn, launchBrowser, startPreview, waitForDashboard } from '../tests/e2e/harness';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'tests/screenshots');
const PAGES = ['overview', 'sales', 'traffic', 'customers', 'marketing', 'products', 'service', 'goals', 'alerts', 'data', 'sql'];
const LANGS = [
  { id: 'en', locale: 'en-US' },
  { id: 'zh', locale: 'zh-CN' },
] as const;
const SIZES = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

async function open(page: Page, id: string, phone: boolean): Promise<void> {
  if (phone) await page.click('[data-action="menu"]');
  await page.click(`[data-nav="${id}"]`);
  await page.waitForFunction((p) => new URLSearchParams(location.search).get('page') === p || (p === 'overview' && !location.search.includes('page=')), id);
  await chartsDrawn(page);
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, { timeout: 90_000 });
}

async function problems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const wide = document.documentElement.scrollWidth;
    if (wide > window.innerWidth) found.push(`page is ${wide} px wide in a ${window.innerWidth} px window`);
    const text = document.body.innerText;
    for (const bad of ['NaN', 'undefined', 'Infinity']) if (new RegExp(`\\b${bad}\\b`).test(text)) found.push(`"${bad}" on screen`);
    return found;
  });
}

async function tour(browser: Browser, url: string): Promise<string[]> {
  const failures: string[] = [];
  for (const lang of LANGS) {
    for (const size of SIZES) {
      const context = await browser.newContext({ viewport: size, locale: lang.locale });
      const page = await context.newPage();
      await page.goto(url);
      await waitForDashboard(page);
      for (const id of PAGES) {
        const name = `${id}-${lang.id}-${size.width}`;
        await open(page, id, size.width < 700);
        await page.screenshot({ path: path.join(OUT, `${name}.jpg`), fullPage: true, type: 'jpeg', quality: 70 });
        // The same as PNG, for viewers that show PNG only; tests/artifacts is not committed.
        await page.screenshot({ path: path.join(ARTIFACTS, 'tour', `${name}.png`), fullPage: true });
        for (const p of await problems(page)) failures.push(`${name}: ${p}`);
        console.log(`${name}.jpg`);
      }
      await context.close();
    }
  }
  return failures;
}

mkdirSync(OUT, { recursive: true });
mkdirSync(path.join(ARTIFACTS, 'tour'), { recursive: true });
const [server, browser] = await Promise.all([startPreview(), launchBrowser()]);
try {
  const failures = await tour(browser, server.url);
  for (const f of failures) console.error(f);
  process.exitCode = failures.length ? 1 : 0;
} finally {
  await browser.close();
  await server.stop();
}
