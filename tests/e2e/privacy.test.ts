import { describe, expect, it } from 'vitest';
import { foreignRequests, kpiValue, recordRequests, screenshot, waitForDashboard } from './harness';
import { appAndBrowser } from './app-fixture';

// README's privacy promise, tried the way an adversarial tester did (issue 19, item 6): every
// statement that used to reach another host from the SQL page now fails on the page, and the
// browser records no request to any origin but the page's own.

const app = appAndBrowser();

const HOST = 'http://example.invalid';
const STATEMENTS = [
  'INSTALL httpfs',
  'LOAD httpfs',
  `SELECT * FROM read_csv('${HOST}/orders.csv')`,
  `SELECT * FROM 'https://example.invalid/orders.parquet'`,
  `ATTACH '${HOST}/shop.duckdb' AS remote`,
  `COPY (SELECT * FROM orders) TO '${HOST}/orders.csv'`,
  'SET autoload_known_extensions = true',
  `SELECT * FROM read_json('${HOST}/orders.json')`,
  'SET enable_external_access = true',
  'SET lock_configuration = false',
  `SELECT * FROM read_csv('${HOST}/again.csv')`,
];

describe('the SQL page cannot reach another host', () => {
  it('refuses every external-access statement and sends no request off the page', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const requests = recordRequests(context);
    const page = await context.newPage();
    await page.goto(`${app.server.url}/?page=sql&from=2026-10-01&to=2026-10-31`);
    await page.waitForSelector('[data-testid="sql-tables"]', { timeout: 90_000 });
    for (const statement of STATEMENTS) {
      await page.fill('[data-testid="sql-input"]', statement);
      await page.click('[data-action="run-sql"]');
      await page.waitForFunction((s) => document.querySelector('.sql-history-item')?.textContent === s, statement);
      await page.waitForSelector('[data-action="run-sql"]:not([disabled])');
      if (statement === 'INSTALL httpfs') continue; // accepted by the wasm build without any fetch
      const alert = page.locator('[role="alert"]');
      await alert.waitFor();
      expect(await alert.textContent(), statement).toMatch(/Permission Error|locked|Catalog Error|disabled/);
    }
    await screenshot(page, 'sql-external-access-refused');

    // The dashboard still works on the same engine.
    await page.goto(`${app.server.url}/?page=overview&from=2026-10-01&to=2026-10-31`);
    await waitForDashboard(page);
    expect(await kpiValue(page, 'gmv')).toBeGreaterThan(0);

    expect(foreignRequests(requests, app.server.url)).toEqual([]);
    expect(requests.some((u) => u.includes('example.invalid'))).toBe(false);
    await context.close();
  });
});
