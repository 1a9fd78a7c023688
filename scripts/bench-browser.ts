/**
 * Browser benchmark (issue 6 "Speed", issue 3 "Large files"): the built app in headless Chromium.
 *
 *   npm run bench:browser                 # 1,000,000 orders
 *   npm run bench:browser -- --orders 200000
 *   npm run bench:browser -- --pages overview,sales
 *
 * Prints: time to the first KPI values with the sample shop; loading a large canonical CSV
 * (time, peak memory of the page's process; the derived tables and rollups are built as part
 * of it); then for each page the time of every view change in order (period presets, channel
 * and device filters) and their median (p50) and p95. There is one path: what the app does.
 * `--profile` prints each query of the first pass with its own time; `--cpu-profile <page>` the
 * main thread's CPU profile over that page's first pass (build with `--minify false` for names).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startPreview, waitForDashboard, waitForFirstKpis } from '../tests/e2e/harness';
import { clearQueryLog, printCpuProfile, printQueryLog, startCpuProfile } from './lib/page-bench';
import { ORDER_TYPES } from './bench';
import { writeSyntheticShop } from './lib/synthetic-shop';

const ROOT = path.resolve(import.meta.dirname, '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const ORDERS = Number(arg('orders', '1000000'));
const ROUNDS = Number(arg('rounds', '24'));
/** Print, for each page's first pass over the view changes, the queries it ran and how long each took. */
const PROFILE = process.argv.includes('--profile');
/** `--cpu-profile <page>`: the main thread's CPU profile over that page's first pass (its uncached changes). */
const CPU_PROFILE_PAGE = arg('cpu-profile', '');

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
};
const ms = (v: number) => `${v.toFixed(0)} ms`;

/** Resident memory of Chromium's renderer processes (the page and its DuckDB worker live there), in MiB. */
function rendererRssMiB(): number {
  const out = spawnSync('ps', ['-eo', 'rss=,args='], { encoding: 'utf8' }).stdout;
  let max = 0;
  for (const line of out.split('\n'))
    if (line.includes('--type=renderer')) max = Math.max(max, Number(line.trim().split(/\s+/)[0]) / 1024);
  return max;
}

async function firstRender(browser: Browser, url: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(url);
    await waitForFirstKpis(page);
    times.push(await page.evaluate(() => performance.getEntriesByName('ys:first-kpis')[0]?.startTime ?? NaN));
    await context.close();
  }
  return times;
}

interface Load {
  seconds: number;
  peakMiB: number;
  /** From the confirm click until the Overview shows every KPI of the new data. */
  overviewLive?: number;
  /** DuckDB's own typed `read_csv` of the same File in the same page, seconds. */
  plainRead?: number;
}

/** Runs the page's plain `read_csv` of `file` (the bench hook's), through a file input of its own. */
async function plainReadCsv(page: Page, file: string, columns: string): Promise<number> {
  const input = await page.evaluateHandle(() => {
    const el = document.createElement('input');
    el.type = 'file';
    el.style.display = 'none';
    document.body.append(el);
    return el;
  });
  await input.setInputFiles(file);
  const ms = await input.evaluate(
    (el, types) =>
      (
        window as unknown as { __yardstickBench: { plainReadCsv(f: File, c: string): Promise<number> } }
      ).__yardstickBench.plainReadCsv(el.files![0]!, types),
    columns,
  );
  await input.evaluate((el) => el.remove());
  return ms / 1000;
}

/**
 * Drops `file` on the Data page and confirms it. With `plainColumns`, first times DuckDB's own
 * typed read of the same file in the same page (issue 17's yardstick), then after the load
 * until every Overview KPI shows the new data.
 */
async function loadLargeFile(page: Page, file: string, plainColumns?: string): Promise<Load> {
  const plainRead = plainColumns ? await plainReadCsv(page, file, plainColumns) : NaN;
  await page.click('[data-nav="data"]');
  await page.setInputFiles('[data-testid="file-input"]', file);
  const name = path.basename(file);
  await page.waitForSelector(`[data-pending="${name}"][data-status="review"]`, { timeout: 120_000 });
  let peak = rendererRssMiB();
  const sampler = setInterval(() => (peak = Math.max(peak, rendererRssMiB())), 250);
  const t0 = Date.now();
  await page.click(`[data-pending="${name}"] [data-action="confirm"]`);
  await page.waitForSelector(`[data-pending="${name}"][data-status="done"]`, { timeout: 600_000 });
  const seconds = (Date.now() - t0) / 1000;
  clearInterval(sampler);
  if (!plainColumns) return { seconds, peakMiB: peak };
  await page.click('[data-nav="overview"]');
  await page.waitForSelector('[data-kpi]');
  await page.waitForFunction(
    () => {
      const cards = [...document.querySelectorAll('[data-kpi]')];
      return cards.length > 0 && cards.every((c) => c.getAttribute('aria-busy') === null);
    },
    undefined,
    { timeout: 600_000, polling: 50 },
  );
  return { seconds, peakMiB: peak, overviewLive: (Date.now() - t0) / 1000, plainRead };
}

type Patch = Record<string, unknown>;
const PATCHES: Patch[] = [
  { period: { from: '2026-10-01', to: '2026-10-31' }, filters: {} },
  { period: { from: '2026-08-03', to: '2026-10-31' }, filters: {} },
  { period: { from: '2026-01-01', to: '2026-10-31' }, filters: {} },
  { period: { from: '2026-10-01', to: '2026-10-31' }, filters: { channel: ['email'] } },
  { period: { from: '2026-07-01', to: '2026-09-30' }, filters: { channel: ['paid_search'] } },
  { period: { from: '2026-09-01', to: '2026-09-30' }, filters: { device: ['mobile'] } },
];

async function interactions(page: Page, pageId: string): Promise<number[]> {
  await page.click(`[data-nav="${pageId}"]`);
  await page.evaluate(() =>
    (window as unknown as { __yardstickBench: { apply(p: unknown): Promise<number> } }).__yardstickBench.apply({}),
  );
  const times: number[] = [];
  const profiler = CPU_PROFILE_PAGE === pageId ? await startCpuProfile(page) : null;
  for (let i = 0; i < ROUNDS; i++) {
    const patch = PATCHES[i % PATCHES.length]!;
    const profiling = PROFILE && i < PATCHES.length;
    if (profiling) await clearQueryLog(page);
    times.push(
      await page.evaluate(
        (p) =>
          (window as unknown as { __yardstickBench: { apply(p: unknown): Promise<number> } }).__yardstickBench.apply(p),
        patch,
      ),
    );
    if (profiling) await printQueryLog(page, `[${pageId}] ${JSON.stringify(patch)}`, times.at(-1)!);
    if (profiler && i === PATCHES.length - 1) printCpuProfile(await profiler.stop(), times);
  }
  return times;
}

async function main() {
  if (!existsSync(path.join(ROOT, 'dist/index.html')) || process.argv.includes('--build')) {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  const [server, browser] = await Promise.all([startPreview(), launchBrowser()]);
  try {
    console.log(
      `Machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.cpus()[0]?.model ?? ''}, Node ${process.version}`,
    );
    const first = await firstRender(browser, server.url);
    console.log(
      `First KPI values with the sample shop (5 fresh profiles): median ${ms(quantile(first, 0.5))}, max ${ms(Math.max(...first))}`,
    );

    const dir = path.join(os.tmpdir(), 'yardstick-bench');
    const shop = await writeSyntheticShop(dir, ORDERS);
    const pages = arg('pages', 'overview,sales,traffic,customers').split(',');
    const results: Record<string, number[]> = {};
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await waitForDashboard(page);
    const load = await loadLargeFile(page, shop.orders, ORDER_TYPES);
    const trafficLoad = await loadLargeFile(page, shop.traffic);
    console.log(
      `Load ${ORDERS.toLocaleString('en')} orders (${(shop.bytes / 2 ** 20).toFixed(0)} MiB CSV): ${load.seconds.toFixed(1)} s, peak renderer memory ${load.peakMiB.toFixed(0)} MiB; then the traffic file: ${trafficLoad.seconds.toFixed(1)} s`,
    );
    const { overviewLive = NaN, plainRead = NaN } = load;
    console.log(
      `  orders dropped → every Overview KPI live ${overviewLive.toFixed(1)} s; plain typed read_csv of the same file in the same page ${plainRead.toFixed(1)} s; ratio ${(overviewLive / plainRead).toFixed(2)}× (issue 17's goal ≤ 2×)`,
    );
    for (const p of pages) {
      if (!(await page.$(`[data-nav="${p}"]`))) continue;
      const times = await interactions(page, p);
      results[p] = times;
      console.log(`  ${p}, in order (ms): ${times.map((t) => t.toFixed(0)).join(' ')}`);
    }
    await context.close();
    console.log(`\nView changes at ${ORDERS.toLocaleString('en')} orders, ${ROUNDS} per page:`);
    console.log('page        p50        p95        max');
    for (const [p, times] of Object.entries(results)) {
      console.log(
        `${p.padEnd(12)}${ms(quantile(times, 0.5)).padEnd(11)}${ms(quantile(times, 0.95)).padEnd(11)}${ms(Math.max(...times))}`,
      );
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
