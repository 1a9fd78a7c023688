/**
 * Issue 20, item 5: the report on ClickHouse in process (chdb) beside native DuckDB, same
 * generated orders, each engine in its own process so its peak memory is its own.
 *   npx tsx scripts/bench-clickhouse.ts 10000000        (generates once, then runs both)
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Engine } from '../src/engine/engine';
import { createNativeEngine } from '../src/engine/native';
import { rebuildDerived } from '../src/metrics/derived';
import { computeReport } from '../src/metrics/report';
import { CANONICAL_DDL } from '../src/model/tables';

const [rowsArg, engineArg] = process.argv.slice(2);
const rows = Number(rowsArg ?? 1_000_000);
const file = path.join(os.tmpdir(), `ys-bench-orders-${rows}.parquet`);

/** Orders over two years, a third as many customers, 5 % cancelled, 5 % refunded, seeded by the row number. */
async function generate(): Promise<void> {
  const duck = await createNativeEngine();
  await duck.run(`COPY (
    SELECT 'O' || i AS order_id, 'C' || (hash(i) % ${Math.round(rows / 3)}) AS customer_id, 'c' || (hash(i) % ${Math.round(rows / 3)}) AS customer_key,
      ts AS ordered_at, CAST(ts AS DATE) AS order_date, ts AS paid_at,
      CASE hash(i * 3) % 20 WHEN 0 THEN 'cancelled' WHEN 1 THEN 'refunded' ELSE 'paid' END AS status,
      CAST(10 + hash(i * 5) % 50000 / 100.0 AS DECIMAL(18,4)) AS order_total, CAST(0 AS DECIMAL(18,4)) AS discount_amount,
      CAST(0 AS DECIMAL(18,4)) AS shipping_amount, CAST(0 AS DECIMAL(18,4)) AS tax_amount,
      CAST(CASE hash(i * 3) % 20 WHEN 1 THEN 10 ELSE 0 END AS DECIMAL(18,4)) AS refund_amount, 'CNY' AS currency,
      ['email', 'direct', 'paid_search', 'organic_search', 'social'][CAST(1 + hash(i * 11) % 5 AS BIGINT)] AS channel, NULL AS channel_raw,
      NULL AS campaign, NULL AS coupon_code, ['East', 'West', 'North', 'South'][CAST(1 + hash(i * 13) % 4 AS BIGINT)] AS region,
      ['mobile', 'desktop'][CAST(1 + hash(i * 17) % 2 AS BIGINT)] AS device, 'bench' AS source_file
    FROM (SELECT i, TIMESTAMP '2025-01-01' + to_seconds(CAST(hash(i * 7) % (730 * 86400) AS BIGINT)) AS ts FROM range(${rows}) t(i))
  ) TO '${file}' (FORMAT parquet)`);
  await duck.close();
}

const PERIOD = { period: { from: '2026-10-01', to: '2026-10-31' }, grain: 'day' as const };

async function timed<T>(job: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const out = await job();
  return [out, (performance.now() - t) / 1000];
}

async function runOne(kind: string): Promise<void> {
  let engine: Engine;
  let insert: number;
  if (kind === 'duckdb') {
    engine = await createNativeEngine();
    [, insert] = await timed(async () => {
      await engine.run(CANONICAL_DDL);
      await engine.run(`INSERT INTO orders SELECT * FROM read_parquet('${file}')`);
    });
  } else {
    const ch = await import('../packages/clickhouse/src/index');
    engine = ch.createChdbEngine();
    [, insert] = await timed(async () => {
      // orders as the load makes it (MergeTree by month, on disk), not the Memory table
      // CANONICAL_DDL gives by default: at 50M that table alone held much of ClickHouse's memory.
      await ch.prepareTables(engine, ['orders']);
      await engine.run(CANONICAL_DDL);
      await ch.chdbTarget(engine).insertParquet('orders', file);
    });
  }
  // Both engines build the same derived tables (rollups, per-customer) after the load, as the CLI does.
  const [, derived] = await timed(() => rebuildDerived(engine));
  const load = insert + derived;
  const [report, first] = await timed(() => computeReport(engine, PERIOD));
  const [, again] = await timed(() =>
    computeReport(engine, { ...PERIOD, period: { from: '2026-01-01', to: '2026-12-31' }, grain: 'month' }),
  );
  await engine.close();
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({
      kind,
      rows,
      load,
      insert,
      derived,
      report_month_by_day: first,
      report_year_by_month: again,
      peak_rss_mb: Math.round(rss),
      gmv: report.kpis.gmv,
    }),
  );
}

if (engineArg) await runOne(engineArg);
else {
  if (!existsSync(file)) {
    const [, g] = await timed(generate);
    console.log(`generated ${rows} orders in ${g.toFixed(1)} s`);
  }
  console.log(
    `load average before: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  for (const kind of ['duckdb', 'chdb']) {
    execFileSync(process.execPath, [...process.execArgv, process.argv[1] as string, String(rows), kind], {
      stdio: 'inherit',
    });
  }
  console.log(
    `load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}
