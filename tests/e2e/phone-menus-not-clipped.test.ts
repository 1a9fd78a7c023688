import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, startSnapshotPreview, type AppServer } from './harness';

/**
 * Issue 18, phone filter bar: at 390 × 844 the period and comparison menus were cut to
 * "Last full m…" / "Previous p…" once the alert count joined the top bar. Every choice of the
 * top bar's menus and of the filter sheet's must fit its box, in English and Chinese, and the
 * top bar's controls stay on the screen.
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

interface Clip {
  control: string;
  option: string;
  text: number;
  room: number;
}

/**
 * Each option of each visible select against the room its box gives the text: the content box
 * less the native arrow (measured as the box's width less padding at the text's start). The
 * text is measured in the select's own font on a canvas.
 */
async function clippedOptions(page: Page, scope: string): Promise<Clip[]> {
  return page.evaluate((sel) => {
    const canvas = document.createElement('canvas').getContext('2d')!;
    const ARROW = 20;
    const out: { control: string; option: string; text: number; room: number }[] = [];
    for (const select of document.querySelectorAll<HTMLSelectElement>(`${sel} select`)) {
      const box = select.getBoundingClientRect();
      if (box.width === 0) continue;
      const style = getComputedStyle(select);
      canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room =
        box.width -
        parseFloat(style.paddingLeft) -
        parseFloat(style.paddingRight) -
        parseFloat(style.borderLeftWidth) -
        parseFloat(style.borderRightWidth) -
        ARROW;
      for (const option of select.options) {
        const text = canvas.measureText(option.text).width;
        if (text > room)
          out.push({
            control: select.getAttribute('data-control') ?? '',
            option: option.text,
            text: Math.round(text),
            room: Math.round(room),
          });
      }
    }
    return out;
  }, scope);
}

async function offScreen(page: Page, scope: string): Promise<string[]> {
  return page.$$eval(`${scope} > *`, (els) =>
    els
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.right > window.innerWidth + 0.5 || r.left < -0.5);
      })
      .map((el) => el.className || el.tagName),
  );
}

describe('phone menus are not clipped (issue 18)', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`fits every period, comparison and grain choice at 390 × 844 in ${lang}`, async () => {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 1,
        locale: lang === 'en' ? 'en-US' : 'zh-CN',
      });
      const page = await context.newPage();
      try {
        await page.goto(`${server.url}/?page=overview`);
        await page.waitForSelector('[data-control="preset"]', { timeout: 90_000 });
        if (lang === 'zh') {
          await page.selectOption('[data-control="locale"]', 'zh-CN');
          await page.waitForSelector('html[lang="zh-CN"]');
        }
        // The alert count is what squeezed the menus: wait for it.
        await page.waitForSelector('.topbar .alerts-badge', { timeout: 90_000 });
        expect(await clippedOptions(page, '.topbar')).toEqual([]);
        expect(await offScreen(page, '.topbar')).toEqual([]);
        await page.click('[data-action="filters"]');
        await page.waitForSelector('#filter-sheet[data-open="true"] [data-control="grain"]');
        expect(await clippedOptions(page, '#filter-sheet')).toEqual([]);
        await screenshot(page, `phone-topbar-${lang}`);
      } finally {
        await context.close();
      }
    });
  }
});
