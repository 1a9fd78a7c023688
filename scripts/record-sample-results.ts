/**
 * Writes the sample shop's results as the built app keeps them for the next visit
 * (src/dataset/kept-results.ts), so a fresh profile shows every page's first numbers before
 * DuckDB has started (issue 18, item 11):
 *
 *  - sample-data/sample-results.json: every page's default view (the latest full month);
 *  - sample-data/sample-results/<from>_<to>.json: what a deep link with its own period asks
 *    beyond that, for the periods a link most likely carries: the period presets and every
 *    calendar quarter and year the sample covers. Another period waits for the live engine.
 *
 * Recorded from the built app in headless Chromium, one fresh profile per period opened on a
 * deep link as a user's would be, since what a page asks is what its components ask:
 *
 *   npx vite build && npx tsx scripts/record-sample-results.ts     (under the e2e lock here)
 *
 * Re-run it whenever a page's SQL changes: a statement no longer asked is only a wasted entry,
 * but a page whose statements were not recorded waits for the live engine, which
 * tests/e2e/first-numbers.test.ts reports. tests/unit/sample-results.test.ts runs every recorded
 * statement on the sample shop and fails when a result differs.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { addMonths, endOfQuarter, endOfYear, format, parseISO, startOfQuarter, startOfYear } from 'date-fns';
import type { Browser, Page } from 'playwright-core';
import { PRESETS, presetPeriod, defaultPeriod, type Period } from '../src/lib/period-presets';
import { launchBrowser, startSnapshotPreview } from '../tests/e2e/harness';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'sample-data/sample-results.json');
const PERIOD_DIR = path.join(ROOT, 'sample-data/sample-results');
const PAGES = ['overview', 'sales', 'traffic', 'customers', 'marketing', 'products', 'service', 'goals', 'alerts', 'data', 'sql'];
/** The pages whose reads do not depend on the period need no recording per period. */
const PERIOD_PAGES = PAGES.filter((p) => p !== 'data' && p !== 'sql');

type Entries = [string, unknown[]][];

const settle = (page: Page) =>
  page.evaluate(() => (window as unknown as { __yardstickBench: { apply(p: unknown): Promise<number> } }).__yardstickBench.apply({}));

function keptResults(page: Page): Promise<{ fingerprint: string; entries: Entries } | undefined> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('yardstick-results');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction('results').objectStore('results').get('last');
          get.onsuccess = () => resolve(get.result);
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

/** Opens a fresh profile on `query`, visits `pages` there, and returns what the app kept. */
async function record(browser: Browser, url: string, query: string, pages: string[]): Promise<Entries> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${url}/?page=${pages[0]}${query}`);
    await page.waitForSelector('.shell[data-engine="ready"]', { timeout: 180_000 });
    for (const id of pages) {
      await page.click(`[data-nav="${id}"]`);
      await settle(page);
      await page.waitForTimeout(500); // panels that load when they near the screen
      await settle(page);
    }
    await page.waitForTimeout(2500); // kept results are written 1.5 s after the last one
    const kept = await keptResults(page);
    if (!kept?.fingerprint.startsWith('sample|')) throw new Error(`no results kept for the sample shop (${query || 'default view'})`);
    return kept.entries;
  } finally {
    await context.close();
  }
}

const day = (d: Date) => format(d, 'yyyy-MM-dd');

/** The presets, and the calendar quarters and years the data touches, but for the default period. */
function linkedPeriods(first: string, last: string): Period[] {
  const periods: Period[] = PRESETS.map((p) => presetPeriod(p, last));
  for (let d = startOfQuarter(parseISO(first)); day(d) <= last; d = addMonths(d, 3))
    periods.push({ from: day(d), to: day(endOfQuarter(d)) });
  for (let y = parseISO(first).getFullYear(); y <= parseISO(last).getFullYear(); y++) {
    const d = new Date(y, 0, 1);
    periods.push({ from: day(startOfYear(d)), to: day(endOfYear(d)) });
  }
  const fallback = defaultPeriod(first, last);
  const seen = new Set([`${fallback.from}_${fallback.to}`]);
  return periods.filter((p) => !seen.has(`${p.from}_${p.to}`) && seen.add(`${p.from}_${p.to}`));
}

const [server, browser] = await Promise.all([startSnapshotPreview(), launchBrowser()]);
try {
  const base = await record(browser, server.url, '', PAGES);
  writeFileSync(OUT, `${JSON.stringify(base)}\n`);
  console.log(`sample-results.json: ${base.length} statements, ${(JSON.stringify(base).length / 1024).toFixed(0)} KiB`);
  const described = base.find(([sql]) => /^SELECT \* FROM ys_describe\b/.test(sql))?.[1][0] as { o_first: string; o_last: string } | undefined;
  if (!described) throw new Error('the default views did not describe the data');
  const known = new Set(base.map(([sql]) => sql));
  rmSync(PERIOD_DIR, { recursive: true, force: true });
  mkdirSync(PERIOD_DIR, { recursive: true });
  for (const period of linkedPeriods(described.o_first, described.o_last)) {
    const entries = (await record(browser, server.url, `&from=${period.from}&to=${period.to}`, PERIOD_PAGES)).filter(([sql]) => !known.has(sql));
    const name = `${period.from}_${period.to}.json`;
    writeFileSync(path.join(PERIOD_DIR, name), `${JSON.stringify(entries)}\n`);
    console.log(`sample-results/${name}: ${entries.length} statements, ${(JSON.stringify(entries).length / 1024).toFixed(0)} KiB`);
  }
  console.log(`${readdirSync(PERIOD_DIR).length} linked periods recorded`);
} finally {
  await browser.close();
  await server.stop();
}
