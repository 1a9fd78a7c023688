/**
 * `npx tsx scripts/bench-lifecycle.ts [orders]`: the lifecycle section (stage counts at 24 month
 * ends, churn, acquisition) at 1M orders (default) on DuckDB-WASM (Node) and native DuckDB.
 * Orders are made in SQL (seeded hash, ~330k customers over two years, no import) so the run
 * takes seconds. Prints: the first view (the stage changes are computed), then view changes to
 * other 24-month periods (the period-free stage changes come from the result cache), a first
 * filtered view, and a first view with the cache emptied by a rebuild. Issue 15's goal: ≤ 300 ms.
 */
import { performance } from 'node:perf_hooks';
import type { Engine } from '../src/engine/engine';
import { createNativeEngine } from '../src/engine/native';
import { createNodeWasmEngine } from '../src/engine/node';
import { CANONICAL_DDL } from '../src/model/tables';
import { rebuildDerived } from '../src/metrics/derived';
import { computeLifecycle } from '../src/metrics/queries/lifecycle';
import type { Period } from '../src/metrics/periods';

const rows = Number(process.argv[2] ?? 1_000_000);

async function fill(engine: Engine): Promise<void> {
  await engine.run(CANONICAL_DDL);
  await engine.run(`INSERT INTO orders (order_id, customer_id, customer_key, ordered_at, order_date, status, order_total, currency, channel)
    SELECT 'o' || i, 'c' || c, 'c' || c, ts, CAST(ts AS DATE),
      CASE WHEN hash(i * 7) % 20 = 0 THEN 'cancelled' WHEN hash(i * 11) % 25 = 0 THEN 'refunded' ELSE 'paid' END,
      10 + hash(i * 13) % 200, 'USD',
      ['email', 'direct', 'paid_search', 'organic_search', 'paid_social'][CAST(1 + hash(i * 17) % 5 AS BIGINT)]
    FROM (SELECT i, hash(i) % ${Math.round(rows / 3)} AS c,
            TIMESTAMP '2024-01-01' + to_seconds(CAST(sqrt((hash(i * 3) % 1000000) / 1000000.0) * 730 * 86400 AS BIGINT)) AS ts
          FROM range(${rows}) r(i))`);
}

const PERIODS: [Period, ...Period[]] = [
  { from: '2024-01-01', to: '2025-12-31' },
  { from: '2024-02-01', to: '2026-01-31' },
  { from: '2023-12-01', to: '2025-11-30' },
  { from: '2024-03-01', to: '2026-02-28' },
];

async function time(label: string, run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  const ms = performance.now() - start;
  console.log(`  ${label}: ${ms.toFixed(0)} ms`);
  return ms;
}

for (const [name, create] of [
  ['duckdb-wasm', createNodeWasmEngine],
  ['native duckdb', createNativeEngine],
] as const) {
  const engine = await create();
  await fill(engine);
  await rebuildDerived(engine);
  console.log(`${name}, ${rows} orders`);
  await time('first view (stage changes computed)', () => computeLifecycle(engine, PERIODS[0]));
  for (const p of PERIODS.slice(1)) await time(`view change to ${p.from}..${p.to}`, () => computeLifecycle(engine, p));
  await time('first filtered view (email)', () => computeLifecycle(engine, PERIODS[0], { channel: ['email'] }));
  await rebuildDerived(engine);
  await time('first view after a rebuild (cache emptied)', () => computeLifecycle(engine, PERIODS[1] ?? PERIODS[0]));
  const lc = await computeLifecycle(engine, PERIODS[0]);
  console.log(`  months ${lc?.months.length}, stages at ${lc?.as_of}: ${JSON.stringify(lc?.stages)}`);
  await engine.close();
}
