import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { kpiValue, launchBrowser, screenshot, startSnapshotPreview, tableRows, waitForDashboard, type AppServer } from './harness';

// Issue 19, item 8: a stored file that failed to reload (a damaged IndexedDB entry) left an
// empty dashboard with no message. Now the page names the file, keeps the others, and removes
// the entry on request, for good.

// March 2025 by hand: three paid orders, 100 + 60 + 40 = 200; sessions 100 + 200 = 300, so
// conversion = 3 / 300 = 0.01 while the traffic file is there.
const ORDERS = [
  'order_id,customer_id,ordered_at,status,order_total,currency',
  'B1,c1,2025-03-03 10:00:00,paid,100.00,CNY',
  'B2,c2,2025-03-10 12:00:00,paid,60.00,CNY',
  'B3,c1,2025-03-31 18:00:00,paid,40.00,CNY',
  '',
].join('\n');
const TRAFFIC = ['date,channel,sessions', '2025-03-01,email,100', '2025-03-02,direct,200', ''].join('\n');

let server: AppServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startSnapshotPreview(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The stored entries' names, read straight from IndexedDB. */
function storedNames(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const req = indexedDB.open('yardstick');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const all = req.result.transaction('files').objectStore('files').getAll();
          all.onsuccess = () => {
            req.result.close();
            resolve((all.result as { name: string }[]).map((f) => f.name).sort());
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** Overwrites a stored file's bytes with seeded binary noise, as a damaged entry would hold. */
function damage(page: Page, name: string): Promise<void> {
  return page.evaluate(
    (target) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('yardstick');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('files', 'readwrite');
          const store = tx.objectStore('files');
          const all = store.getAll();
          all.onsuccess = () => {
            const entry = (all.result as { name: string; blob: Blob }[]).find((f) => f.name === target);
            if (!entry) return reject(new Error(`${target} is not stored`));
            const noise = new Uint8Array(4096);
            let x = 20250301;
            for (let i = 0; i < noise.length; i++) {
              x = (Math.imul(x, 1103515245) + 12345) >>> 0;
              noise[i] = x >>> 24;
            }
            store.put({ ...entry, blob: new Blob([noise]) });
          };
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    name,
  );
}

async function marchKpis(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-kpi="orders"]')?.getAttribute('data-value') === '3', null, {
    timeout: 90_000,
  });
  expect(await kpiValue(page, 'gmv')).toBeCloseTo(200, 9);
}

describe('a stored file that fails to reload leaves an empty dashboard with no message', () => {
  it('names the file, keeps the other one loaded, and removes the entry for good', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/?page=data`);
    await page.waitForSelector('.shell[data-engine="ready"]', { timeout: 90_000 });

    await page.setInputFiles('[data-testid="file-input"]', [
      { name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(ORDERS) },
      { name: 'traffic.csv', mimeType: 'text/csv', buffer: Buffer.from(TRAFFIC) },
    ]);
    for (const name of ['orders.csv', 'traffic.csv']) {
      const card = `[data-pending="${name}"]`;
      await page.waitForSelector(`${card}[data-status="review"]`, { timeout: 60_000 });
      await page.click(`${card} [data-action="confirm"]`);
      await page.waitForSelector(`${card}[data-status="done"]`, { timeout: 60_000 });
    }
    expect(await storedNames(page)).toEqual(['orders.csv', 'traffic.csv']);
    await page.click('[data-nav="overview"]');
    await marchKpis(page);
    expect(await kpiValue(page, 'conversion_rate')).toBeCloseTo(0.01, 12);

    await damage(page, 'traffic.csv');
    await page.goto(server.url);
    await waitForDashboard(page);

    // The page says which file did not come back, and why; the orders are all there.
    const banner = page.getByTestId('restore-failures');
    await banner.waitFor();
    const line = banner.locator('[data-restore-failure="traffic.csv"]');
    expect(await line.textContent()).toContain('“traffic.csv” could not be restored from this browser’s storage:');
    expect(await line.textContent()).toContain('binary file');
    expect(await banner.textContent()).toContain('Your other files are loaded.');
    expect(await banner.locator('[data-restore-failure]').count()).toBe(1);
    await marchKpis(page);
    expect(await page.getByTestId('sample-banner').count()).toBe(0);
    await screenshot(page, 'restore-failed-en');

    await page.click('[data-nav="data"]');
    expect(await tableRows(page, 'orders')).toBe('3');
    expect(await tableRows(page, 'traffic')).toBe('0');

    // Remove it: gone from the page and from storage, and it stays gone after a reload.
    await line.locator('[data-action="remove-stored"]').click();
    await banner.waitFor({ state: 'detached' });
    expect(await storedNames(page)).toEqual(['orders.csv']);
    await page.goto(server.url);
    await waitForDashboard(page);
    await marchKpis(page);
    expect(await page.getByTestId('restore-failures').count()).toBe(0);
    expect(await storedNames(page)).toEqual(['orders.csv']);

    expect(errors).toEqual([]);
    await context.close();
  }, 300_000); // three boots of the engine and two loads

  it('shows the sample shop, not an empty dashboard, when no stored file comes back', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${server.url}/?page=data`);
    await page.waitForSelector('.shell[data-engine="ready"]', { timeout: 90_000 });
    await page.setInputFiles('[data-testid="file-input"]', [
      { name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(ORDERS) },
    ]);
    await page.waitForSelector('[data-pending="orders.csv"][data-status="review"]', { timeout: 60_000 });
    await page.click('[data-pending="orders.csv"] [data-action="confirm"]');
    await page.waitForSelector('[data-pending="orders.csv"][data-status="done"]', { timeout: 60_000 });

    await damage(page, 'orders.csv');
    await page.goto(server.url);
    await waitForDashboard(page);
    const banner = page.getByTestId('restore-failures');
    await banner.waitFor();
    expect(await banner.locator('[data-restore-failure="orders.csv"]').count()).toBe(1);
    expect(await banner.textContent()).toContain('None of your files could be restored, so the sample shop is shown.');
    await page.getByTestId('sample-banner').waitFor();
    expect(await kpiValue(page, 'orders')).toBeGreaterThan(1000);
    await screenshot(page, 'restore-none-en');
    await context.close();
  }, 300_000);
});
