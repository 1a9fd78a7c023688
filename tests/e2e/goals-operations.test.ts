import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { appAndBrowser } from './app-fixture';
import { screenshot } from './harness';

/**
 * CSAT of the sample shop's tickets opened from 2026-01-01 to the tickets' last date, straight
 * from its CSV with native DuckDB and SQL written here from METRICS.md ("csat": rated tickets
 * with a score of 4 or 5 ÷ rated tickets), not with Yardstick's metric code.
 */
async function sampleCsat(): Promise<{ csat: number; last: string }> {
  const file = path.resolve(import.meta.dirname, '../../sample-data/service_tickets.csv.gz');
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const reader = await c.runAndReadAll(`
    WITH t AS (SELECT CAST(opened_at AS DATE) AS day, csat FROM read_csv('${file}', header = true)),
    last AS (SELECT max(day) AS last FROM t)
    SELECT (SELECT count(*) FILTER (WHERE csat >= 4) / count(csat) FROM t, last
             WHERE day BETWEEN DATE '2026-01-01' AND last.last)::DOUBLE AS csat,
           CAST((SELECT last FROM last) AS VARCHAR) AS last`);
  const row = reader.getRowObjects()[0] as { csat: number; last: string };
  c.closeSync();
  db.closeSync();
  return row;
}

const app = appAndBrowser();

const CARD = '[data-target="csat-2026"]';

describe('a target on an operations metric in the Goals page', () => {
  it('picks CSAT from the Customer service group, sets 80 %, and shows its status as computed from the tickets', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${app.server.url}/?page=goals`);
      await page.waitForSelector('[data-action="new-target"]', { timeout: 90_000 });
      await page.click('[data-action="new-target"]');
      await page.waitForSelector('[data-editor="new"]');

      // The picker groups the operations metrics by module, named from the registry.
      const groups = await page.$$eval('[data-field="metric"] optgroup', (els) =>
        els.map((g) => ({
          label: g.getAttribute('label'),
          options: [...g.querySelectorAll('option')].map((o) => o.value),
        })),
      );
      expect(groups.map((g) => g.label)).toEqual(
        expect.arrayContaining(['Products', 'Marketing', 'Customer service', 'Customer lifecycle']),
      );
      expect(groups.find((g) => g.label === 'Customer service')?.options).toEqual(
        expect.arrayContaining(['csat', 'avg_rating', 'response_within_sla', 'first_response_median']),
      );
      expect(groups.find((g) => g.label === 'Marketing')?.options).toEqual(
        expect.arrayContaining(['spend', 'roas', 'cac']),
      );
      await expect(page.textContent('[data-field="metric"] option[value="csat"]')).resolves.toBe('CSAT');

      await page.selectOption('[data-field="metric"]', 'csat');
      await page.fill('[data-field="id"]', 'csat-2026');
      await page.fill('[data-field="target"]', '80');
      await page.fill('[data-field="owner"]', 'Service lead');
      await page.fill('[data-field="why"]', 'Keep customers happy through the peak season');
      await page.click('[data-action="save-target"]');

      await page.waitForSelector(`${CARD}:not([data-status=""])`, { timeout: 120_000 });
      const want = await sampleCsat();
      const actual = Number(await page.getAttribute(CARD, 'data-actual'));
      expect(actual).toBeCloseTo(want.csat, 12);
      // A level: projected = actual; attainment = actual ÷ 0.8; at risk from 0.72 (90 % of the target).
      expect(Number(await page.getAttribute(CARD, 'data-attainment'))).toBeCloseTo(want.csat / 0.8, 12);
      const status = want.csat >= 0.8 ? 'on_track' : want.csat >= 0.72 ? 'at_risk' : 'off_track';
      await expect(page.getAttribute(CARD, 'data-status')).resolves.toBe(status);
      await expect(page.getAttribute(`${CARD} [data-status-pill]`, 'data-status-pill')).resolves.toBe(status);
      await expect(page.textContent(`${CARD} h2`)).resolves.toBe('CSAT');
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'goals-csat-en');

      await page.selectOption('[data-control="locale"]', 'zh-CN');
      await page.waitForFunction((card) => document.querySelector(`${card} h2`)?.textContent === '满意度', CARD, {
        timeout: 30_000,
      });
      await screenshot(page, 'goals-csat-zh');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
});
