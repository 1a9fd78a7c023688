import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appAndBrowser } from './app-fixture';
import { screenshot } from './harness';

const app = appAndBrowser();

describe('the metric dictionary on the Service page', () => {
  it('opens from the CSAT card with its definition, unit, direction, pacing and the SQL that gives the card’s number', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${app.server.url}/?page=service`);
      const button = '[data-kpi="csat"] [data-metric-info="csat"]';
      await page.waitForSelector(`[data-kpi="csat"][data-value]:not([data-value=""])`, { timeout: 90_000 });
      await page.click(button);
      const dialog = page.locator('dialog[data-dictionary="csat"]');
      await dialog.waitFor();
      await expect(dialog.locator('h2').textContent()).resolves.toBe('CSAT');
      await expect(dialog.getByTestId('dictionary-facts').textContent()).resolves.toBe(
        'A rate (%) · higher is better · does not add up over days: a target on it is judged as a level',
      );
      const sql = (await dialog.getByTestId('dictionary-sql').textContent()) ?? '';
      expect(sql).toContain('service_tickets');
      // The SQL shown gives the card's number: run it with native DuckDB over the sample's tickets.
      const file = path.resolve(import.meta.dirname, '../../sample-data/service_tickets.csv.gz');
      const db = await DuckDBInstance.create(':memory:');
      const c = await db.connect();
      await c.run(
        `CREATE TABLE service_tickets AS SELECT *, CAST(opened_at AS DATE) AS opened_date FROM read_csv('${file}', header = true)`,
      );
      const [row] = (await c.runAndReadAll(sql)).getRowObjects() as { value: number }[];
      c.closeSync();
      db.closeSync();
      expect(Number(await page.getAttribute('[data-kpi="csat"]', 'data-value'))).toBeCloseTo(Number(row!.value), 12);
      await screenshot(page, 'dictionary-csat-en');
      await page.keyboard.press('Escape');
      await page.selectOption('[data-control="locale"]', 'zh-CN');
      await page.click(button);
      await page.waitForFunction(
        () => document.querySelector('dialog[data-dictionary="csat"] h2')?.textContent === '满意度',
      );
      await screenshot(page, 'dictionary-csat-zh');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
});
