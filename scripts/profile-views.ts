/**
 * `npx tsx scripts/profile-views.ts [--orders N]`: the queries of the pages' view changes, timed
 * one by one on DuckDB-WASM in Node over a synthetic shop (the browser bench's data and views),
 * to see which query a speed-up should go after. A tool for engineers, not a benchmark of record:
 * `npm run bench:browser` is.
 */
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readFile } from 'node:fs/promises';
import { createNodeWasmEngine } from '../src/engine/node';
import type { Engine } from '../src/engine/engine';
import { ensureTables, importFile } from '../src/ingest/import';
import { rebuildDerived } from '../src/metrics/derived';
import { computeKpis } from '../src/metrics/queries/kpis';
import { computeByChannel } from '../src/metrics/queries/by-channel';
import { computeFunnel } from '../src/metrics/queries/funnel';
import { computeSeriesOf } from '../src/metrics/queries/series';
import { computeTrailingSeries } from '../src/dataset/trailing-series';
import { computeBreakdown, computeNewVsReturning, computeSalesSeries, BREAKDOWN_METRICS } from '../src/features/sales/sales-queries';
import { computeDeviceConversion } from '../src/features/traffic/traffic-queries';
import { TRAFFIC_TREND_METRICS } from '../src/features/traffic/traffic-shape';
import { computeBuyerMix } from '../src/features/customers/customers-queries';
import { cohortSpan } from '../src/features/customers/customers-shape';
import { computeCohorts } from '../src/metrics/queries/cohorts';
import { computeRfm } from '../src/metrics/queries/rfm';
import { writeSyntheticShop } from './lib/synthetic-shop';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const ORDERS = Number(arg('orders', '1000000'));

function timed(engine: Engine): { log: { sql: string; ms: number }[] } {
  const state = { log: [] as { sql: string; ms: number }[] };
  const query = engine.query.bind(engine);
  engine.query = (async (sql: string) => {
    const t0 = performance.now();
    const rows = await query(sql);
    state.log.push({ sql, ms: performance.now() - t0 });
    return rows;
  }) as Engine['query'];
  return state;
}

async function main() {
  const dir = path.join(os.tmpdir(), 'yardstick-bench');
  const shop = await writeSyntheticShop(dir, ORDERS);
  const engine = await createNodeWasmEngine();
  await ensureTables(engine);
  for (const file of [shop.orders, shop.traffic]) {
    const name = path.basename(file);
    const t0 = performance.now();
    await importFile(engine, { name, data: new Uint8Array(await readFile(file)) }, { table: name.startsWith('orders') ? 'orders' : 'traffic' });
    console.log(`import ${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  await rebuildDerived(engine);
  const query = engine.query.bind(engine);
  const state = timed(engine);
  const views = [
    { period: { from: '2026-10-01', to: '2026-10-31' }, comparison: { from: '2026-09-01', to: '2026-09-30' }, filters: {} },
    { period: { from: '2026-08-03', to: '2026-10-31' }, comparison: { from: '2026-05-05', to: '2026-08-02' }, filters: {} },
    { period: { from: '2026-10-01', to: '2026-10-31' }, comparison: { from: '2026-09-01', to: '2026-09-30' }, filters: { channel: ['email'] } },
    { period: { from: '2026-09-01', to: '2026-09-30' }, comparison: { from: '2026-08-01', to: '2026-08-31' }, filters: { device: ['mobile'] } },
  ];
  type View = (typeof views)[number];
  const pages: Record<string, (v: View) => Promise<unknown>> = {
    overview: async (v) => {
      await computeKpis(engine, v.period, v.filters);
      await computeKpis(engine, v.comparison, v.filters);
      await computeTrailingSeries(engine, v.period, v.filters);
    },
    sales: async (v) => {
      await computeKpis(engine, v.period, v.filters);
      await computeKpis(engine, v.comparison, v.filters);
      await computeSalesSeries(engine, v.period, 'day', v.filters);
      await computeSalesSeries(engine, v.comparison, 'day', v.filters);
      await computeBreakdown(engine, v.period, v.filters, 'channel', BREAKDOWN_METRICS);
      await computeNewVsReturning(engine, v.period, v.filters);
    },
    traffic: async (v) => {
      await computeKpis(engine, v.period, v.filters);
      await computeKpis(engine, v.comparison, v.filters);
      await computeSeriesOf(engine, v.period, 'day', TRAFFIC_TREND_METRICS, v.filters);
      await computeSeriesOf(engine, v.comparison, 'day', TRAFFIC_TREND_METRICS, v.filters);
      await computeFunnel(engine, v.period, v.filters);
      await computeByChannel(engine, v.period, v.filters);
      await computeDeviceConversion(engine, v.period, v.filters);
    },
    customers: async (v) => {
      await computeKpis(engine, v.period, v.filters);
      await computeKpis(engine, v.comparison, v.filters);
      await computeBuyerMix(engine, cohortSpan(v.period), v.filters);
      await computeCohorts(engine, cohortSpan(v.period), v.filters, 'in_month');
      await computeRfm(engine, v.period.to, v.filters);
    },
  };
  // Under load a single timing says little: each query the view ran is run again three times
  // (straight on the engine, past the result cache) and its fastest run counts.
  const totals: Record<string, number[]> = {};
  for (const [page, run] of Object.entries(pages)) {
    for (const v of views) {
      state.log = [];
      await run(v);
      const ran = state.log.map((q) => q.sql);
      let total = 0;
      const lines: string[] = [];
      for (const sql of ran) {
        let best = Infinity;
        for (let i = 0; i < 3; i++) {
          const t0 = performance.now();
          await query(sql);
          best = Math.min(best, performance.now() - t0);
        }
        total += best;
        lines.push(`  ${best.toFixed(0).padStart(5)} ms  ${sql.replace(/\s+/g, ' ').slice(0, 110)}`);
      }
      (totals[page] ??= []).push(total);
      console.log(`\n[${page}] ${JSON.stringify(v.period)} ${JSON.stringify(v.filters)}: ${total.toFixed(0)} ms (fastest of 3, summed)`);
      if (process.argv.includes('--queries')) lines.forEach((l) => console.log(l));
    }
  }
  console.log('\n' + Object.entries(totals).map(([p, t]) => `${p}: ${t.map((x) => x.toFixed(0)).join(' ')} ms`).join('\n'));
}

await main();
