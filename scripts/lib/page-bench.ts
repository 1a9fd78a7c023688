/**
 * What the per-page browser benchmarks (Marketing, Products) share: dropping a file on the Data
 * page as a user would, applying a view change through the app's bench hook, and printing a
 * view's queries with their own times.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { QueryLogEntry } from '../../src/engine/query-log';

export const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

/** Drops `file` on the Data page, confirms it, and returns the seconds from the confirm to its load report. */
export async function dropFile(page: Page, file: string): Promise<number> {
  const name = path.basename(file);
  await page.setInputFiles('[data-testid="file-input"]', file);
  await page.waitForSelector(`[data-pending="${name}"][data-status="review"]`, { timeout: 120_000 });
  const t0 = Date.now();
  await page.click(`[data-pending="${name}"] [data-action="confirm"]`);
  await page.waitForSelector(`[data-pending="${name}"]:is([data-status="done"], [data-status="failed"])`, { timeout: 600_000 });
  const status = await page.getAttribute(`[data-pending="${name}"]`, 'data-status');
  if (status !== 'done') throw new Error(`${name}: ${await page.locator(`[data-pending="${name}"]`).innerText()}`);
  return (Date.now() - t0) / 1000;
}

/** Applies a view change; resolves with the ms until every query it started has settled and the page has painted. */
export const applyView = (page: Page, patch: unknown): Promise<number> =>
  page.evaluate((p) => (window as unknown as { __yardstickBench: { apply(p: unknown): Promise<number> } }).__yardstickBench.apply(p), patch);

export const clearQueryLog = (page: Page) =>
  page.evaluate(() => ((window as unknown as { __yardstickQueryLog: unknown[] }).__yardstickQueryLog = []));

/** Prints the view's queries; they run one at a time in the worker, so a query's own time is from the later of its start and the previous end. */
export async function printQueryLog(page: Page, label: string, total: number): Promise<void> {
  const log = await page.evaluate(() => (window as unknown as { __yardstickQueryLog: QueryLogEntry[] }).__yardstickQueryLog);
  console.log(`\n${label}: ${total.toFixed(0)} ms, ${log.length} queries`);
  let previousEnd = 0;
  for (const q of [...log].sort((a, b) => a.end - b.end)) {
    const own = q.end - Math.max(q.start, previousEnd);
    previousEnd = q.end;
    console.log(`  ${own.toFixed(0).padStart(6)} ms  ${q.sql.replace(/\s+/g, ' ').slice(0, 150)}`);
  }
}

/** The months of `years` in order, as view periods. */
export function monthPeriods(years: number[]): { from: string; to: string }[] {
  return years.flatMap((year) =>
    Array.from({ length: 12 }, (_, i) => {
      const month = String(i + 1).padStart(2, '0');
      const last = new Date(Date.UTC(year, i + 1, 0)).getUTCDate();
      return { from: `${year}-${month}-01`, to: `${year}-${month}-${last}` };
    }),
  );
}
