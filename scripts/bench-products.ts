/**
 * `npx tsx scripts/bench-products.ts [orders] [--native-only|--wasm-only] [--profile]`: the Products
 * page's queries (issue 13) at 1M orders (default) and 5,000 SKUs: ~2M order items over two years,
 * a products file of 5,000 SKUs (a third with a role) and weekly stock snapshots of every SKU
 * (520,000 rows). Data is made in SQL (seeded hash). A view is what the page asks: computeProducts
 * with the previous period's growth, computeProductTotals of the previous period (the cards'
 * comparison) and computeInventory. Prints a first view, then view changes to other months (each a
 * new period: nothing from the result cache) and their p50 / p95. Issue 13's goal: p95 ≤ 300 ms.
 */
import { performance } from 'node:perf_hooks';
import type { Engine } from '../src/engine/engine';
import { hasDerived, markDerived } from '../src/metrics/derived-state';
import { createNativeEngine } from '../src/engine/native';
import { createNodeWasmEngine } from '../src/engine/node';
import { rebuildDerived } from '../src/metrics/derived';
import { computeInventory, computeProducts, computeProductTotals } from '../src/metrics/queries/products';
import type { Period } from '../src/metrics/periods';
import { fillProductsShop, SKUS } from './lib/products-shop';

const rows = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const profile = process.argv.includes('--profile');

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

/** The previous period of a month, as the page's default comparison (the same number of days before). */
function previous(p: Period): Period {
  const from = new Date(`${p.from}T00:00:00Z`);
  const to = new Date(`${p.to}T00:00:00Z`);
  const days = Math.round((to.getTime() - from.getTime()) / 86_400_000) + 1;
  const shift = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000).toISOString().slice(0, 10);
  return { from: shift(from, -days), to: shift(from, -1) };
}

/** Logs each statement's time when --profile is given. */
function timed(engine: Engine): Engine {
  if (!profile) return engine;
  const wrap =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    async (...a: A) => {
      const t = performance.now();
      const r = await f(...a);
      console.log(
        `    ${(performance.now() - t).toFixed(0).padStart(5)} ms  ${String(a[0]).replace(/\s+/g, ' ').slice(0, 110)}`,
      );
      return r;
    };
  const wrapped = { ...engine, query: wrap(engine.query.bind(engine)), run: wrap(engine.run.bind(engine)) } as Engine;
  // The derived tables are marked per engine object: the wrapper reads them as the engine does.
  if (hasDerived(engine)) markDerived(wrapped, true);
  return wrapped;
}

async function view(engine: Engine, period: Period): Promise<void> {
  const comparison = previous(period);
  await computeProducts(engine, period, {}, { comparison, roles: { 'SKU-7': 'star' } });
  await computeProductTotals(engine, comparison, {});
  await computeInventory(engine, period, {});
}

const engines = [
  ['duckdb-wasm', createNodeWasmEngine],
  ['native duckdb', createNativeEngine],
] as const;
for (const [name, create] of engines.filter(
  ([n]) =>
    !(process.argv.includes('--native-only') && n === 'duckdb-wasm') &&
    !(process.argv.includes('--wasm-only') && n !== 'duckdb-wasm'),
)) {
  const raw = await create();
  let start = performance.now();
  await fillProductsShop(raw, rows);
  await rebuildDerived(raw);
  const [items] = await raw.query('SELECT count(*) AS n FROM order_items');
  console.log(
    `${name}, ${rows} orders, ${Number(items?.['n'])} items, ${SKUS} SKUs, 520,000 snapshots (made in ${((performance.now() - start) / 1000).toFixed(1)} s)`,
  );
  const engine = timed(raw);
  start = performance.now();
  await view(engine, { from: '2025-01-01', to: '2025-01-31' });
  console.log(`  first view: ${(performance.now() - start).toFixed(0)} ms`);
  const times: number[] = [];
  for (let m = 2; m <= 12; m++) {
    const month = String(m).padStart(2, '0');
    const last = new Date(Date.UTC(2025, m, 0)).getUTCDate();
    start = performance.now();
    await view(engine, { from: `2025-${month}-01`, to: `2025-${month}-${last}` });
    times.push(performance.now() - start);
    if (profile) console.log(`  2025-${month}: ${times[times.length - 1]!.toFixed(0)} ms`);
  }
  console.log(
    `  view change to another month: p50 ${quantile(times, 0.5).toFixed(0)} ms, p95 ${quantile(times, 0.95).toFixed(0)} ms`,
  );
  console.log(`  every change (ms): ${times.map((t) => t.toFixed(0)).join(' ')}`);
  await raw.close();
}
