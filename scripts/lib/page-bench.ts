/**
 * What the per-page browser benchmarks (Marketing, Products) share: dropping a file on the Data
 * page as a user would, applying a view change through the app's bench hook, and printing a
 * view's queries with their own times.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Engine } from '../../src/engine/engine';
import { createNativeEngine } from '../../src/engine/native';
import type { QueryLogEntry } from '../../src/engine/query-log';
import { launchBrowser, startPreview } from '../../tests/e2e/harness';

export const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

/** Drops `file` on the Data page, confirms it, and returns the seconds from the confirm to its load report. */
export async function dropFile(page: Page, file: string): Promise<number> {
  const name = path.basename(file);
  await page.setInputFiles('[data-testid="file-input"]', file);
  await page.waitForSelector(`[data-pending="${name}"][data-status="review"]`, { timeout: 120_000 });
  const t0 = Date.now();
  await page.click(`[data-pending="${name}"] [data-action="confirm"]`);
  await page.waitForSelector(`[data-pending="${name}"]:is([data-status="done"], [data-status="failed"])`, {
    timeout: 600_000,
  });
  const status = await page.getAttribute(`[data-pending="${name}"]`, 'data-status');
  if (status !== 'done') throw new Error(`${name}: ${await page.locator(`[data-pending="${name}"]`).innerText()}`);
  return (Date.now() - t0) / 1000;
}

/** Applies a view change; resolves with the ms until every query it started has settled and the page has painted. */
export const applyView = (page: Page, patch: unknown): Promise<number> =>
  page.evaluate(
    (p) =>
      (window as unknown as { __yardstickBench: { apply(p: unknown): Promise<number> } }).__yardstickBench.apply(p),
    patch,
  );

export const clearQueryLog = (page: Page) =>
  page.evaluate(() => ((window as unknown as { __yardstickQueryLog: unknown[] }).__yardstickQueryLog = []));

/**
 * Prints the view's queries, and the change's steps the bench hook marks ("-- first frame", …),
 * each with its start and end after the change began; queries run one at a time in the worker, so
 * a query's own time is from the later of its start and the previous end.
 */
export async function printQueryLog(page: Page, label: string, total: number): Promise<void> {
  const log = await page.evaluate(
    () => (window as unknown as { __yardstickQueryLog: QueryLogEntry[] }).__yardstickQueryLog,
  );
  console.log(`\n${label}: ${total.toFixed(0)} ms, ${log.length} queries`);
  const t0 = Math.min(...log.map((q) => q.start));
  let previousEnd = 0;
  for (const q of [...log].sort((a, b) => a.end - b.end)) {
    const own = q.end - Math.max(q.start, previousEnd);
    previousEnd = q.end;
    const at = (t: number) => `+${(t - t0).toFixed(0)}`.padStart(5);
    console.log(
      `  ${own.toFixed(0).padStart(6)} ms  ${at(q.start)} → ${at(q.end)}  ${q.sql.replace(/\s+/g, ' ').slice(0, 120)}`,
    );
  }
}

/** The months of `years` in order, as view periods. */
export function monthPeriods(years: number[]): { from: string; to: string }[] {
  return years.flatMap((year) =>
    Array.from({ length: 12 }, (_, i) => {
      const month = String(i + 1).padStart(2, '0');
      const last = new Date(Date.UTC(year, i + 1, 0)).getUTCDate();
      return { from: `${year}-${month}-01`, to: `${year}-${month}-${last}` };
    }),
  );
}

const CPU_PROFILE_CHANGES = 6;

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Starts sampling the page's main thread every 200 µs (CDP Profiler); `stop` hands back the profile. */
export async function startCpuProfile(page: Page): Promise<{ stop(): Promise<CpuProfile> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return { stop: async () => (await cdp.send('Profiler.stop')).profile };
}

/** The main thread's self time per function over the profiled changes, largest first, and by script. */
export function printCpuProfile(profile: CpuProfile, times: number[]): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const byScript = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const dt = (profile.timeDeltas?.[i + 1] ?? 0) / 1000;
    const name = `${frame.functionName || '(anonymous)'} ${path.basename(frame.url) || ''}:${frame.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + dt);
    const script = frame.url ? path.basename(frame.url) : frame.functionName;
    byScript.set(script, (byScript.get(script) ?? 0) + dt);
  });
  // Inclusive time by function name: each sample counts once for every distinct name on its stack.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const dt = (profile.timeDeltas?.[i + 1] ?? 0) / 1000;
    const names = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)!.callFrame.functionName;
      if (name && !name.startsWith('(')) names.add(name);
    }
    for (const name of names) inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
  });
  const total = times.reduce((a, b) => a + b, 0);
  console.log(`\nMain thread over the first ${times.length} changes (${total.toFixed(0)} ms of changes), self time:`);
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .forEach(([k, v]) => console.log(`  ${v.toFixed(0).padStart(6)} ms  ${k}`));
  top(byScript, 8);
  console.log('  functions:');
  top(self, 30);
  console.log('  functions with what they call (inclusive):');
  top(inclusive, 60);
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string };
}

/** The renderer main thread's complete events by name (outermost of each name only), over the traced changes. */
function printTrace(json: string, times: number[]): void {
  const events = (JSON.parse(json) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const threadEvents = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur);
  const byName = new Map<string, number>();
  for (const e of threadEvents) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur! / 1000);
  const total = times.reduce((a, b) => a + b, 0);
  console.log(
    `\nRenderer main thread over the first ${times.length} changes (${total.toFixed(0)} ms of changes), by event (nested events counted in each):`,
  );
  [...byName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .forEach(([k, v]) => console.log(`  ${v.toFixed(0).padStart(6)} ms  ${k}`));
}

export interface PageBench {
  /** The page's nav id, as in `[data-nav="…"]`. */
  page: string;
  title: string;
  orders: number;
  goalMs: number;
  /** Print each query of the first three changes with its own time. */
  profile: boolean;
  /** Profile the page's main thread (CDP) over the first six changes and print where its time went. */
  cpuProfile?: boolean;
  /** Trace the renderer (Chromium's timeline) over the first six changes and print the main thread's time by event. */
  trace?: boolean;
  /** Makes the shop's tables in native DuckDB. */
  fill: (engine: Engine, orders: number) => Promise<void>;
  /** The CSV files to drop, in order: file name → the SELECT that writes it. */
  files: Record<string, string>;
}

/** Writes the shop's files into `dir` with native DuckDB; returns their paths in drop order. */
async function writeShop(bench: PageBench, dir: string): Promise<string[]> {
  const engine = await createNativeEngine();
  await bench.fill(engine, bench.orders);
  for (const [name, sql] of Object.entries(bench.files))
    await engine.run(`COPY (${sql}) TO '${path.join(dir, name)}' (HEADER)`);
  await engine.close();
  return Object.keys(bench.files).map((name) => path.join(dir, name));
}

/**
 * Drops the shop on the Data page of the built app in headless Chromium, opens the page on the
 * data's last 30 days (2025-12-02 to 2025-12-31), then changes the view to each month of 2025
 * and of 2024 (new periods: nothing from the result cache) and prints every change and their
 * p50 / p95 (the 23rd of the 24 sorted).
 */
export async function runPageBench(bench: PageBench): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `yardstick-${bench.page}-bench-`));
  const [server, browser] = await Promise.all([startPreview(), launchBrowser()]);
  try {
    const files = await writeShop(bench, dir);
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(`${server.url}/?page=data`);
    await page.waitForSelector('.shell[data-engine="ready"]', { timeout: 120_000 });
    for (const file of files) console.log(`load ${path.basename(file)}: ${(await dropFile(page, file)).toFixed(1)} s`);
    await page.click(`[data-nav="${bench.page}"]`);
    let ms = await applyView(page, { period: { from: '2025-12-02', to: '2025-12-31' }, filters: {} });
    console.log(
      `${bench.title}, ${bench.orders.toLocaleString('en')} orders: first view (2025-12-02 to 2025-12-31) ${ms.toFixed(0)} ms`,
    );
    const times: number[] = [];
    const profiler = bench.cpuProfile ? await startCpuProfile(page) : null;
    if (bench.trace)
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    for (const period of monthPeriods([2025, 2024])) {
      const profiling = bench.profile && times.length < 3;
      if (profiling) await clearQueryLog(page);
      ms = await applyView(page, { period });
      times.push(ms);
      if (profiling) await printQueryLog(page, `[${bench.page}] ${period.from.slice(0, 7)}`, ms);
      if (profiler && times.length === CPU_PROFILE_CHANGES) printCpuProfile(await profiler.stop(), times);
      if (bench.trace && times.length === CPU_PROFILE_CHANGES)
        printTrace((await browser.stopTracing()).toString('utf8'), times);
    }
    const panels = await page.locator('[data-panel]').count();
    const tableRows = await page.locator('[data-panel] tbody tr').count();
    console.log(
      `  ${panels} panels, ${tableRows} table rows drawn; every change (ms): ${times.map((t) => t.toFixed(0)).join(' ')}`,
    );
    console.log(
      `  view change p50 ${quantile(times, 0.5).toFixed(0)} ms, p95 ${quantile(times, 0.95).toFixed(0)} ms (goal ≤ ${bench.goalMs} ms)`,
    );
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
