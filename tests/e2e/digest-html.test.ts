import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { yardstick } from '../integration/cli/run-cli';
import { SAMPLE_REPORT_ARGS } from '../integration/cli/sample-args';
import { ARTIFACTS, launchBrowser, recordRequests } from './harness';

/**
 * The html digest of the sample shop (issue 16) opened in Chromium as a mail client would
 * open it: a file on its own. It may load nothing, not even from its own folder, and its
 * SVG charts must be drawn.
 */
describe('report --format html in a browser', () => {
  let browser: Browser;
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'yardstick-digest-')), 'digest.html');

  beforeAll(async () => {
    const run = await yardstick([...SAMPLE_REPORT_ARGS, '--format', 'html', '--out', file]);
    expect(run.status, run.stderr).toBe(0);
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('requests nothing but the file itself, and draws its charts', async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 1200 } });
    const urls = recordRequests(context);
    const page = await context.newPage();
    const self = pathToFileURL(file).href;
    // Network idle: no request under way for 500 ms, so a late fetch by the file would be seen.
    await page.goto(self, { waitUntil: 'networkidle' });
    expect(urls).toEqual([self]);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    const charts = page.locator('svg');
    expect(await charts.count()).toBeGreaterThanOrEqual(1);
    for (const chart of await charts.all()) {
      const box = await chart.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(100);
      expect(box?.height ?? 0).toBeGreaterThan(20);
    }
    // The GMV chart has a bar per day of October, each with a height.
    const bars = page.locator('svg').first().locator('rect');
    expect(await bars.count()).toBe(31);
    const heights = await bars.evaluateAll((rs) => rs.map((r) => (r as SVGRectElement).getBBox().height));
    expect(Math.min(...heights)).toBeGreaterThan(0);
    await expect.poll(() => page.locator('h2', { hasText: 'Alerts' }).count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'digest-html.png'), fullPage: true });
    await context.close();
  });
});
