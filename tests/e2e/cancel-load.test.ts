import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './harness';
import { appAndBrowser } from './app-fixture';

// Issue 17: "the Data page shows progress (bytes and rows, a percentage and time left) and a
// Cancel that leaves the tables as they were", with the user's own data already loaded.

const app = appAndBrowser();

// Three orders of the user's own: O1 and O2 are ids the big file carries too, so its merge would replace them.
const MINE = [
  'order_id,customer_id,ordered_at,status,order_total,currency',
  'O1,me-1,2025-06-01 10:00:00,paid,111.00,CNY',
  'O2,me-2,2025-06-02 10:00:00,paid,222.00,CNY',
  'Z9,me-3,2025-06-03 10:00:00,paid,333.00,CNY',
  '',
].join('\n');

/** What the Data page says is loaded: the rows and dates per table, and the load reports listed. */
async function loadedState(page: Page) {
  return page.evaluate(() => ({
    tables: [...document.querySelectorAll('[data-table-rows]')].map((r) => `${r.getAttribute('data-table-rows')}=${r.getAttribute('data-value')} ${r.textContent}`),
    reports: [...document.querySelectorAll('.report-item')].map((r) => r.textContent),
  }));
}

const BIG = 'orders-250k.csv';
const BIG_ROWS = 250_000;

/**
 * Drops a 250,000-order canonical CSV made in the page (ids O0…: O1 and O2 are the user's too),
 * as a person drags a file in; made there, not sent from Node, so the test spends its time loading.
 */
async function dropBigFile(page: Page): Promise<number> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, rows }) => {
      const lines = ['order_id,customer_id,ordered_at,status,order_total,currency,channel,region,device'];
      for (let i = 0; i < rows; i++) {
        const day = String(1 + (i % 28)).padStart(2, '0');
        const month = String(1 + (i % 12)).padStart(2, '0');
        lines.push(`O${i},C${i % 60_000},2025-${month}-${day} ${String(i % 24).padStart(2, '0')}:15:00,paid,${(20 + (i % 500) * 1.37).toFixed(2)},CNY,email,East China,mobile`);
      }
      const dt = new DataTransfer();
      dt.items.add(new File([lines.join('\n') + '\n'], name, { type: 'text/csv' }));
      return dt;
    },
    { name: BIG, rows: BIG_ROWS },
  );
  const size = await dataTransfer.evaluate((dt) => dt.files[0]!.size);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  return size;
}

/** Confirms the big file, waits for a progress line with all its parts, photographs it, presses Cancel. */
async function startThenCancel(page: Page, card: string, shot: string) {
  await page.click(`${card} [data-action="confirm"]`);
  await page.waitForFunction(
    (c) => {
      const value = (what: string) => document.querySelector(`${c} [data-progress="${what}"]`)?.getAttribute('data-value');
      // Pressed while DuckDB reads or checks the rows, well before the merge commits: a Cancel
      // that lands after the commit (a fast machine reaching the merge first) has nothing to undo.
      const phase = document.querySelector(`${c} [data-testid="load-progress"]`)?.getAttribute('data-phase');
      return (
        (phase === 'parse' || phase === 'validate') &&
        Number(value('bytes')) > 0 && Number(value('rows')) > 0 && Number(value('percent')) > 0 && Number(value('time-left')) > 0
      );
    },
    card,
    { timeout: 60_000, polling: 100 },
  );
  const seen = await page.evaluate((c) => {
    const el = document.querySelector(`${c} [data-testid="load-progress"]`)!;
    const value = (what: string) => Number(el.querySelector(`[data-progress="${what}"]`)?.getAttribute('data-value'));
    return { phase: el.getAttribute('data-phase'), text: el.textContent, bytes: value('bytes'), rows: value('rows'), percent: value('percent'), secondsLeft: value('time-left') };
  }, card);
  await screenshot(page, shot);
  const pressedAt = Date.now();
  // Cancel while the rows are still on their way in: 'done' would mean committed.
  expect(await page.getAttribute(`${card} [data-testid="load-progress"]`, 'data-phase')).not.toBe('done');
  await page.click(`${card} [data-action="cancel"]`);
  await page.waitForSelector(`${card}:is([data-status="cancelled"], [data-status="done"], [data-status="failed"])`, { timeout: 60_000 });
  const status = await page.getAttribute(card, 'data-status');
  expect(status, `after Cancel in phase ${seen.phase}: ${await page.locator(card).innerText()}`).toBe('cancelled');
  return { seen, stoppedAfterMs: Date.now() - pressedAt };
}

describe('a large load on the Data page', () => {
  it('shows bytes, rows, a percentage and the time left, and Cancel leaves the tables and the loaded files as they were', async () => {
    const t0 = Date.now();
    const at = (what: string) => console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s: ${what}`);
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/?page=data`);
    await page.waitForSelector('.shell[data-engine="ready"]', { timeout: 90_000 });
    at('engine ready');

    // The user's own orders first: the state a cancel must keep.
    await page.setInputFiles('[data-testid="file-input"]', { name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(MINE) });
    await page.waitForSelector('[data-pending="mine.csv"][data-status="review"]', { timeout: 60_000 });
    await page.click('[data-pending="mine.csv"] [data-action="confirm"]');
    await page.waitForSelector('[data-pending="mine.csv"][data-status="done"]', { timeout: 60_000 });
    await page.click('[data-pending="mine.csv"] [data-action="dismiss"]');
    await page.waitForSelector('[data-table-rows="orders"][data-value="3"]');
    const before = await loadedState(page);
    expect(before.reports).toHaveLength(1);
    expect(before.reports[0]).toContain('mine.csv');
    at('own file loaded');

    const card = `[data-pending="${BIG}"]`;
    for (const lang of ['en', 'zh'] as const) {
      if (lang === 'zh') {
        await page.click(`${card} [data-action="dismiss"]`);
        await page.selectOption('[data-control="locale"]', 'zh-CN');
      }
      const size = await dropBigFile(page);
      await page.waitForSelector(`${card}[data-status="review"]`, { timeout: 60_000 });
      at(`${lang}: big file (${size} bytes) recognised`);
      const { seen, stoppedAfterMs } = await startThenCancel(page, card, `data-load-progress-${lang}`);
      at(`${lang}: cancelled; progress seen ${JSON.stringify(seen)}; Cancel took effect after ${stoppedAfterMs} ms`);
      expect(seen.phase).not.toBe('done'); // Cancel pressed before the rows were committed
      expect(seen.bytes).toBeLessThanOrEqual(size);
      expect(seen.rows).toBeLessThanOrEqual(BIG_ROWS);
      expect(seen.percent).toBeLessThan(100);
      await screenshot(page, `data-load-cancelled-${lang}`);

      // Nothing changed: the same tables, rows and dates, and the same one load report.
      const after = await loadedState(page);
      if (lang === 'en') expect(after).toEqual(before);
      else expect({ tables: after.tables.map((t) => t.split(' ')[0]), reports: after.reports.length }).toEqual({ tables: before.tables.map((t) => t.split(' ')[0]), reports: 1 });
    }

    // The stored files did not change either: after a reload the same three orders come back.
    await page.reload();
    await page.waitForSelector('.shell[data-engine="ready"]', { timeout: 90_000 });
    await page.waitForSelector('[data-table-rows="orders"][data-value="3"]', { timeout: 60_000 });
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('[data-table-rows]')].map((r) => `${r.getAttribute('data-table-rows')}=${r.getAttribute('data-value')}`),
    );
    expect(rows).toEqual(before.tables.map((t) => t.split(' ')[0]));
    expect(await page.locator('.report-item').count()).toBe(1);
    at('reloaded: the same tables and report');
    await context.close();
  });
});
