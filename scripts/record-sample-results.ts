/**
 * Writes sample-data/sample-results.json: the metric results every page asks for when it opens on
 * the sample shop with its default view, as the built app keeps them for the next visit
 * (src/dataset/kept-results.ts), so a fresh profile shows every page's first numbers before
 * DuckDB has started (issue 18, item 11). Recorded from the built app in headless Chromium,
 * since what a page asks is what its components ask:
 *
 *   npx vite build && npx tsx scripts/record-sample-results.ts     (under the e2e lock here)
 *
 * tests/unit/sample-results.test.ts runs every recorded statement on the sample shop and fails
 * when a result differs; a statement the pages no longer ask is only a wasted entry.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, startSnapshotPreview } from '../tests/e2e/harness';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'sample-data/sample-results.json');
const PAGES = ['overview', 'sales', 'traffic', 'customers', 'marketing', 'products', 'service', 'goals', 'alerts', 'data'];

const settle = (page: Page) =>
  page.evaluate(() => (window as unknown as { __yardstickBench: { apply(p: unknown): Promise<number> } }).__yardstickBench.apply({}));

function keptResults(page: Page): Promise<{ fingerprint: string; entries: [string, unknown[]][] } | undefined> {
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

const [server, browser] = await Promise.all([startSnapshotPreview(), launchBrowser()]);
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.waitForSelector('.shell[data-engine="ready"]', { timeout: 180_000 });
  for (const id of PAGES) {
    await page.click(`[data-nav="${id}"]`);
    await settle(page);
    await page.waitForTimeout(500); // panels that load when they near the screen
    await settle(page);
  }
  await page.waitForTimeout(2500); // kept results are written 1.5 s after the last one
  const kept = await keptResults(page);
  if (!kept?.fingerprint.startsWith('sample|')) throw new Error('no results kept for the sample shop');
  writeFileSync(OUT, `${JSON.stringify(kept.entries)}\n`);
  console.log(`sample-results.json: ${kept.entries.length} statements, ${(JSON.stringify(kept.entries).length / 1024).toFixed(0)} KiB`);
} finally {
  await browser.close();
  await server.stop();
}
