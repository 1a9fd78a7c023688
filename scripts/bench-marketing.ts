/**
 * `npx tsx scripts/bench-marketing.ts [orders]`: the marketing section (issue 14) at 1M orders
 * (default), two years of daily spend by 9 channels × 50 campaigns and a calendar of 50
 * campaigns, on DuckDB-WASM (Node) and native DuckDB. Data is made in SQL (seeded hash). Prints
 * a first view (the data's last 30 days), then 24 view changes, to each month of 2025 and then of
 * 2024 (each a new period: nothing from the cache), and their p50 / p95 (p95: the 23rd of the 24
 * sorted). Issue 14's goal: a Marketing page view change p95 ≤ 100 ms.
 */
import { performance } from 'node:perf_hooks';
import type { Engine } from '../src/engine/engine';
import { hasDerived, markDerived } from '../src/metrics/derived-state';
import { createNativeEngine } from '../src/engine/native';
import { createNodeWasmEngine } from '../src/engine/node';
import { rebuildDerived } from '../src/metrics/derived';
import { computeMarketing } from '../src/metrics/queries/marketing';
import { describeData } from '../src/metrics/describe';
import { shiftDay } from '../src/metrics/periods';
import { fillMarketingShop } from './lib/marketing-shop';

const profile = process.argv.includes('--profile');
const only = process.argv.find((a) => a === '--wasm-only' || a === '--native-only');

/** Logs each statement's time when --profile is given. */
function timed(engine: Engine): Engine {
  if (!profile) return engine;
  const wrap =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    async (...a: A) => {
      const t = performance.now();
      const r = await f(...a);
      const sql = String(a[0]).replace(/\s+/g, ' ');
      console.log(`    ${(performance.now() - t).toFixed(0).padStart(5)} ms  ${sql.slice(0, 140)}`);
      return r;
    };
  const wrapped = { ...engine, query: wrap(engine.query.bind(engine)), run: wrap(engine.run.bind(engine)) } as Engine;
  // The derived tables are marked per engine object: the wrapper reads them as the engine does.
  if (hasDerived(engine)) markDerived(wrapped, true);
  return wrapped;
}

const rows = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

for (const [name, create] of [
  ['duckdb-wasm', createNodeWasmEngine],
  ['native duckdb', createNativeEngine],
] as const) {
  if ((only === '--wasm-only' && name !== 'duckdb-wasm') || (only === '--native-only' && name === 'duckdb-wasm'))
    continue;
  const raw = await create();
  await fillMarketingShop(raw, rows);
  await rebuildDerived(raw);
  // The page passes the data's description it already holds.
  const description = await describeData(raw);
  const engine = timed(raw);
  console.log(`${name}, ${rows} orders, 36,500 spend rows, 50 campaigns`);
  let start = performance.now();
  const lastDay = description.orders.lastDate!;
  await computeMarketing(engine, { from: shiftDay(lastDay, -29), to: lastDay }, {}, description);
  console.log(`  first view (${shiftDay(lastDay, -29)} to ${lastDay}): ${(performance.now() - start).toFixed(0)} ms`);
  const times: number[] = [];
  for (const year of [2025, 2024])
    for (let m = 1; m <= 12; m++) {
      const month = String(m).padStart(2, '0');
      const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
      start = performance.now();
      await computeMarketing(engine, { from: `${year}-${month}-01`, to: `${year}-${month}-${last}` }, {}, description);
      times.push(performance.now() - start);
    }
  console.log(
    `  view change to another month: p50 ${quantile(times, 0.5).toFixed(0)} ms, p95 ${quantile(times, 0.95).toFixed(0)} ms`,
  );
  console.log(`  every change (ms): ${times.map((t) => t.toFixed(0)).join(' ')}`);
  await raw.close();
}
