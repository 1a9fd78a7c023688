import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshot, startSnapshotPreview, type AppServer } from './harness';

/**
 * Issue 19, item 9: two tabs on the Goals page of one browser. Tab B's import silently
 * overwrote the target tab A had just added. Now each tab takes in what the other saves, and
 * a save that meets a different change of the same target asks: keep mine, take theirs, or
 * keep both.
 */

let server: AppServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startSnapshotPreview(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openGoals(context: BrowserContext, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/?page=goals`);
  await page.waitForSelector('[data-action="new-target"]', { timeout: 90_000 });
  return page;
}

/** The targets saved in the browser (one localStorage for both tabs): id and ladder target. */
async function savedTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const saved = JSON.parse(localStorage.getItem('yardstick.targets') ?? 'null') as {
      state: { file: { targets: { id: string; ladder: { target: number } }[] } };
    } | null;
    return (saved?.state.file.targets ?? []).map((t) => `${t.id}:${t.ladder.target}`);
  });
}

async function cardIds(page: Page): Promise<string[]> {
  return page.locator('[data-target]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-target') ?? ''));
}

async function editTarget(page: Page, id: string, amount: string): Promise<void> {
  await page.click(`[data-target="${id}"] [data-action="edit"]`);
  await page.waitForSelector(`[data-editor="${id}"]`);
  await page.fill(`[data-editor="${id}"] [data-field="target"]`, amount);
}

const targetsFile = (id: string, metric: string, amount: number) =>
  Buffer.from(
    JSON.stringify({
      version: 1,
      targets: [{ id, metric, period: { from: '2026-01-01', to: '2026-12-31' }, ladder: { target: amount } }],
    }),
  );

describe("two tabs editing targets: tab B's import silently overwrites tab A's new target", () => {
  it("keeps tab A's new target through tab B's import, and both tabs show both", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const errors: string[] = [];
    try {
      const tabA = await openGoals(context, errors);
      const tabB = await openGoals(context, errors);
      await tabA.waitForSelector('[data-goals-empty]');
      await tabB.waitForSelector('[data-goals-empty]');

      // Tab A adds a GMV target in the editor.
      await tabA.click('[data-action="new-target"]');
      await tabA.waitForSelector('[data-editor="new"]');
      await tabA.selectOption('[data-field="metric"]', 'gmv');
      await tabA.fill('[data-field="id"]', 'gmv-tab-a');
      await tabA.fill('[data-field="target"]', '25000000');
      await tabA.click('[data-action="save-target"]');
      await tabA.waitForSelector('[data-target="gmv-tab-a"]');

      // Tab B, opened before, sees it without a reload, then imports a file of its own.
      await tabB.waitForSelector('[data-target="gmv-tab-a"]', { timeout: 10_000 });
      await tabB.setInputFiles('[data-input="targets-file"]', {
        name: 'orders.json',
        mimeType: 'application/json',
        buffer: targetsFile('orders-tab-b', 'orders', 60_000),
      });
      await tabB.waitForSelector('[data-import="ok"]');
      await tabA.waitForSelector('[data-target="orders-tab-b"]', { timeout: 10_000 });

      expect(await savedTargets(tabA)).toEqual(['gmv-tab-a:25000000', 'orders-tab-b:60000']);
      expect(await cardIds(tabA)).toEqual(['gmv-tab-a', 'orders-tab-b']);
      expect(await cardIds(tabB)).toEqual(['gmv-tab-a', 'orders-tab-b']);
      expect(await tabA.locator('dialog.conflict-dialog[open]').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);

  it('asks when both tabs edit one target, and keep both keeps both in both tabs', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const errors: string[] = [];
    try {
      const tabA = await openGoals(context, errors);
      await tabA.setInputFiles('[data-input="targets-file"]', {
        name: 'gmv.json',
        mimeType: 'application/json',
        buffer: targetsFile('gmv-2026', 'gmv', 25_000_000),
      });
      await tabA.waitForSelector('[data-target="gmv-2026"]');
      const tabB = await openGoals(context, errors);
      await tabB.waitForSelector('[data-target="gmv-2026"]');

      // Both open the editor on gmv-2026; tab B saves 26 million first.
      await editTarget(tabA, 'gmv-2026', '30000000');
      await editTarget(tabB, 'gmv-2026', '26000000');
      await tabB.click('[data-editor="gmv-2026"] [data-action="save-target"]');
      await tabB.waitForSelector('[data-target="gmv-2026"]');
      expect(await savedTargets(tabB)).toEqual(['gmv-2026:26000000']);

      // Tab A's editor is still open with 30 million; saving it asks instead of overwriting.
      await tabA.click('[data-editor="gmv-2026"] [data-action="save-target"]');
      await tabA.waitForSelector('dialog.conflict-dialog[open] [data-conflict="gmv-2026"]');
      expect(await tabA.textContent('[data-conflict="gmv-2026"] [data-conflict-side="mine"]')).toContain('30,000,000');
      expect(await tabA.textContent('[data-conflict="gmv-2026"] [data-conflict-side="theirs"]')).toContain(
        '26,000,000',
      );
      expect(await tabA.textContent('[data-conflict="gmv-2026"]')).toContain('floor, target or stretch');
      expect(await savedTargets(tabA)).toEqual(['gmv-2026:26000000']);
      // Escape does not dismiss the choice.
      await tabA.keyboard.press('Escape');
      expect(await tabA.locator('dialog.conflict-dialog[open]').count()).toBe(1);
      await screenshot(tabA, 'goals-two-tabs-conflict');

      await tabA.click('dialog.conflict-dialog [data-choice="both"]');
      await tabA.waitForSelector('[data-target="gmv-2026-2"]');
      await tabB.waitForSelector('[data-target="gmv-2026-2"]', { timeout: 10_000 });
      expect(await tabA.locator('dialog.conflict-dialog[open]').count()).toBe(0);
      expect(await savedTargets(tabA)).toEqual(['gmv-2026:26000000', 'gmv-2026-2:30000000']);
      expect(await cardIds(tabA)).toEqual(['gmv-2026', 'gmv-2026-2']);
      expect(await cardIds(tabB)).toEqual(['gmv-2026', 'gmv-2026-2']);

      // Keep mine: tab B removes gmv-2026-2 while tab A edits it; tab A's save brings it back.
      await editTarget(tabA, 'gmv-2026-2', '31000000');
      await tabB.click('[data-target="gmv-2026-2"] [data-action="remove"]');
      await tabB.click('[data-target="gmv-2026-2"] [data-action="confirm-remove"]');
      await tabB.waitForSelector('[data-target="gmv-2026-2"]', { state: 'detached' });
      // Tab A's editor stays open with what was typed.
      await expect(tabA.inputValue('[data-editor="gmv-2026-2"] [data-field="target"]')).resolves.toMatch(
        /31,?000,?000/,
      );
      await tabA.click('[data-editor="gmv-2026-2"] [data-action="save-target"]');
      await tabA.waitForSelector('[data-conflict="gmv-2026-2"] [data-conflict-side="theirs"][data-action="removed"]');
      await tabA.click('dialog.conflict-dialog [data-choice="mine"]');
      await tabB.waitForSelector('[data-target="gmv-2026-2"]', { timeout: 10_000 });
      expect(await savedTargets(tabB)).toEqual(['gmv-2026:26000000', 'gmv-2026-2:31000000']);
      expect(errors).toEqual([]);
    } catch (e) {
      for (const [i, page] of context.pages().entries()) await screenshot(page, `goals-two-tabs-debug-${i}`);
      throw e;
    } finally {
      await context.close();
    }
  }, 300_000);
});
