import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import type { ReportJson } from '../../src/metrics/report-types';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const ARTIFACTS = path.join(ROOT, 'tests/artifacts');

/** The Debian Chromium; a Playwright browser download is not possible here. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  ) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found)
    throw new Error(`No Chromium found (tried ${candidates.join(', ')}); install it with: apt-get install -y chromium`);
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`Server at ${url} did not start within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface AppServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * `vite preview` of a private copy of `dist/`: other engineers rebuild `dist/` while this file
 * runs, and a preview of the shared folder then answers with errors halfway through.
 */
export async function startSnapshotPreview(): Promise<AppServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yardstick-pages-dist-'));
  for (let attempt = 0; ; attempt++) {
    cpSync(path.join(ROOT, 'dist'), dir, { recursive: true });
    const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
    if (assets.length > 0 && assets.every((a) => existsSync(path.join(dir, a)))) break;
    if (attempt === 20) throw new Error('dist/ stayed incomplete: run `npx vite build` first');
    rmSync(dir, { recursive: true, force: true });
    await new Promise((r) => setTimeout(r, 3000));
  }
  const server = await preview(dir);
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `vite preview` of a built app (`dist/` unless told) on a free port. */
async function preview(outDir?: string): Promise<AppServer> {
  const port = await freePort();
  const args = [
    path.join(ROOT, 'node_modules/vite/bin/vite.js'),
    'preview',
    ...(outDir ? ['--outDir', outDir] : []),
    '--port',
    String(port),
    '--strictPort',
    '--host',
    '127.0.0.1',
  ];
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(url, 30_000);
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/** Serves the built app (`dist/`, from `vite build`) with `vite preview` on a free port. */
export async function startPreview(): Promise<AppServer> {
  if (!existsSync(path.join(ROOT, 'dist/index.html')))
    throw new Error('dist/ is missing: run `vite build` first (npm run test:e2e does)');
  return preview();
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Every request a page makes, so a test can prove nothing left the page's own origin. */
export function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (req) => urls.push(req.url()));
  return urls;
}

export function foreignRequests(urls: string[], origin: string): string[] {
  return urls.filter((u) => {
    if (u.startsWith('data:') || u.startsWith('blob:')) return false;
    return new URL(u).origin !== origin;
  });
}

/** Waits for the dashboard to be ready: the engine booted and the KPI cards have values. */
export async function waitForDashboard(page: Page): Promise<void> {
  await page.waitForSelector('.shell[data-engine="ready"]', { timeout: 90_000 });
  await page.waitForSelector('[data-kpi="gmv"][data-value]:not([data-value=""])', { timeout: 90_000 });
}

/**
 * Opens `url` in `page`. A tab whose app already runs the engine follows the new address through
 * the history instead, as the app's own links do: that spares the nine seconds of CPU a fresh
 * engine costs, which is most of an end-to-end run. The tab passes through the Data page first,
 * so the target page mounts afresh (open panels and toggles start as a new visit's would).
 */
export async function visit(page: Page, url: string): Promise<void> {
  const target = new URL(url);
  const running =
    page.url().startsWith(target.origin) && (await page.locator('.shell[data-engine="ready"]').count()) > 0;
  if (!running) {
    await page.goto(url);
    return;
  }
  const follow = (search: string) =>
    page.evaluate((s) => {
      window.history.pushState(null, '', `${window.location.pathname}${s}`);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, search);
  await follow('?page=data');
  // On a phone the navigation sits behind the Menu: attached, not visible.
  await page.waitForSelector('[data-nav="data"][aria-current="page"]', { state: 'attached' });
  await follow(target.search);
}

export interface Tab {
  page: Page;
  /** Uncaught page errors since the tab was last handed out. */
  errors: string[];
}

/**
 * One tab kept across a file's tests that only look and click, so the engine starts once per file.
 * Each call hands the same tab back with its error list emptied; a test reaches its page with `visit`.
 */
export function keptTab(browser: () => Browser, viewport = { width: 1280, height: 900 }): () => Promise<Tab> {
  let tab: Tab | undefined;
  return async () => {
    tab ??= await openTab(browser(), viewport);
    tab.errors.length = 0;
    return tab;
  };
}

/** A tab in a fresh browser profile (English, downloads allowed) that records its uncaught errors. */
export async function openTab(
  browser: Browser,
  viewport = { width: 1280, height: 900 },
): Promise<Tab & { context: BrowserContext }> {
  const context = await browser.newContext({ viewport, locale: 'en-US', acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

/** Switches the app's language with its own control and waits until the page has changed. */
export async function setLocale(page: Page, locale: 'en-US' | 'zh-CN'): Promise<void> {
  const lang = locale === 'zh-CN' ? 'zh-CN' : 'en';
  if ((await page.getAttribute('html', 'lang')) === lang) return;
  await page.selectOption('[data-control="locale"]', lang);
  await page.waitForSelector(`html[lang="${lang}"]`);
}

/** Waits only for the first KPI values, which the sample shop shows before the engine runs. */
export async function waitForFirstKpis(page: Page): Promise<void> {
  await page.waitForSelector('[data-kpi="gmv"][data-value]:not([data-value=""])', { timeout: 90_000 });
}

/**
 * Waits until the page has drawn its charts: no skeleton is left, and every chart (a
 * `data-testid="chart-…"`) has its own width and says `data-state="drawn"`. Charts draw without
 * animation, so a screenshot taken then shows them as they stay.
 */
export async function chartsDrawn(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelectorAll('.skeleton').length === 0 &&
      document.querySelectorAll('[data-testid^="chart-"][data-state]:not([data-state="drawn"])').length === 0,
    undefined,
    { timeout: 90_000 },
  );
}

/**
 * The row count the Data page shows for a table once it is the loaded data's: right after a load
 * the previous counts stay on show, marked busy, until the new ones arrive.
 */
export async function tableRows(page: Page, table: string): Promise<string | null> {
  await page.waitForSelector('section.card:has([data-testid="tables-summary"]):not([aria-busy])', { timeout: 60_000 });
  return page.getAttribute(`[data-table-rows="${table}"]`, 'data-value');
}

export async function kpiValue(page: Page, id: string): Promise<number | null> {
  const v = await page.getAttribute(`[data-kpi="${id}"]`, 'data-value');
  return v === null || v === '' ? null : Number(v);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  // A full-page capture paints the whole page at once, but panels off screen skip their painting
  // (content-visibility on the Marketing and Products pages) until scrolled to, as a reader would.
  const drawn = await page.addStyleTag({ content: '[data-panel] { content-visibility: visible !important; }' });
  await page.screenshot({ path: file, fullPage: true });
  await drawn.evaluate((style) => (style as Element).remove());
  return file;
}

/**
 * `yardstick report … --json` run as a user would (a child process from a neutral folder): the
 * numbers the e2e tests hold each page to. `args` start with the path of `src/cli/bin.mjs`.
 */
export function cliReportJson(args: readonly string[]): Promise<ReportJson> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...args], { cwd: os.tmpdir() });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) =>
      status === 0
        ? resolve(JSON.parse(stdout) as ReportJson)
        : reject(new Error(`report exited ${status}: ${stderr}`)),
    );
  });
}

/** The sample shop's files and the `yardstick report` flag that takes each. */
const SAMPLE_FILES = {
  orders: ['--orders', 'orders.csv.gz'],
  order_items: ['--order-items', 'order_items.csv.gz'],
  traffic: ['--traffic', 'traffic.csv.gz'],
  users: ['--users', 'users.csv.gz'],
  products: ['--products', 'products.csv.gz'],
  inventory: ['--inventory', 'inventory.csv.gz'],
  marketing_spend: ['--spend', 'marketing_spend.csv.gz'],
  campaigns: ['--campaigns', 'campaigns.csv.gz'],
  service_tickets: ['--tickets', 'service_tickets.csv.gz'],
  reviews: ['--reviews', 'reviews.csv.gz'],
} as const;
export type SampleTable = keyof typeof SAMPLE_FILES;

/** `yardstick report … --json` over these tables of the sample shop, with the view's own flags (period, filters, targets). */
export function sampleReportJson(tables: readonly SampleTable[], flags: readonly string[]): Promise<ReportJson> {
  const files = tables.flatMap((t) => [SAMPLE_FILES[t][0], path.join(ROOT, 'sample-data', SAMPLE_FILES[t][1])]);
  return cliReportJson([path.join(ROOT, 'src/cli/bin.mjs'), 'report', ...files, ...flags, '--json']);
}

/** The bytes of a download the page started. */
export async function saved(download: Download): Promise<Buffer> {
  return readFileSync(await download.path());
}

/** Rows of the app's CSV exports (BOM, CRLF; the fields these tests read hold no comma or quote). */
export function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));
}
