import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chartsDrawn, launchBrowser, startSnapshotPreview, waitForFirstKpis, type AppServer } from './harness';

/** Issue 18, item 13: a skip link, muted text at WCAG AA, `<html lang>` following the language, a chart label with its extremes. */
let server: AppServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startSnapshotPreview(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('accessibility', () => {
  it('issue 18 item 13: skip link first, muted text at 4.5:1, html lang follows the language, the daily chart names its highest and lowest', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    try {
      await page.goto(`${server.url}/?page=sales`);
      await waitForFirstKpis(page);
      await chartsDrawn(page);

      // The first Tab lands on the skip link, and following it puts focus on the page's content.
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => ({ text: document.activeElement?.textContent?.trim(), href: document.activeElement?.getAttribute('href') }));
      expect(first).toEqual({ text: 'Skip to content', href: '#content' });
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('content');

      // Contrast of every muted text against the background it is drawn on, by the WCAG 2 formula.
      const ratios = await page.evaluate(() => {
        const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
        const lum = ([r, g, b]: number[]) => {
          const ch = [r!, g!, b!].map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
          return 0.2126 * ch[0]! + 0.7152 * ch[1]! + 0.0722 * ch[2]!;
        };
        const background = (el: Element | null): number[] => {
          for (let p = el; p; p = p.parentElement) {
            const c = rgb(getComputedStyle(p).backgroundColor);
            if (c.length === 3 || (c.length === 4 && c[3]! > 0)) return c.slice(0, 3);
          }
          return [255, 255, 255];
        };
        const out: { el: string; ratio: number }[] = [];
        for (const el of document.querySelectorAll('main .muted, main .kpi-foot, main .muted-cell, .control')) {
          if (!el.textContent?.trim() || (el as HTMLElement).offsetParent === null) continue;
          const a = lum(rgb(getComputedStyle(el).color));
          const b = lum(background(el));
          out.push({ el: el.className, ratio: Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 100) / 100 });
        }
        return out;
      });
      expect(ratios.length).toBeGreaterThan(3);
      expect(ratios.filter((r) => r.ratio < 4.5)).toEqual([]);

      // The daily chart's label says its lowest and highest values.
      const label = await page.getAttribute('[data-testid="chart-series"] [role="img"]', 'aria-label');
      expect(label).toMatch(/lowest .+ \(.+\), highest .+ \(.+\)/);

      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await page.selectOption('[data-control="locale"]', 'zh-CN');
      await page.waitForFunction(() => document.documentElement.lang === 'zh-CN', undefined, { timeout: 10_000 });
      expect(await page.getAttribute('[data-action="skip"]', 'href')).toBe('#content');
      expect(await page.textContent('[data-action="skip"]')).toBe('跳到正文');
    } finally {
      await page.close();
    }
  }, 240_000);

  it('issue 18 item 14c: Overview and Goals print; the printed page hides the controls and writes the filters', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    try {
      await page.goto(`${server.url}/?page=overview&channel=paid_social`);
      await waitForFirstKpis(page);
      await page.waitForSelector('[data-action="print"]');
      await page.emulateMedia({ media: 'print' });
      const hidden = await page.evaluate(() =>
        ['.sidebar', '.topbar', '.filterbar', '[data-action="print"]', '[data-action="copy-link"]'].filter((s) => {
          const el = document.querySelector(s);
          return el && (el as HTMLElement).offsetParent !== null && getComputedStyle(el).display !== 'none';
        }),
      );
      expect(hidden).toEqual([]);
      expect(await page.textContent('[data-print="filters"]')).toContain('Paid social');
      expect(await page.isVisible('[data-print="filters"]')).toBe(true);
      await page.emulateMedia({ media: 'screen' });
      await page.goto(`${server.url}/?page=goals`);
      await page.waitForSelector('[data-action="new-target"]', { timeout: 90_000 });
      expect(await page.isVisible('[data-action="print"]')).toBe(true);
    } finally {
      await page.close();
    }
  }, 240_000);
});
