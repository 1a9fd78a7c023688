/**
 * `npm run bench`: times ingest and the full report on DuckDB-WASM (Node, blocking build) and on
 * native DuckDB in the same run, at 100k and 1M generated orders (and 5M with --5m), and prints
 * each figure with the ratio WASM ÷ native. Record the figures in BENCHMARKS.md.
 *
 *   npm run bench            100k and 1M
 *   npm run bench -- --5m    also 5M
 *   npm run bench -- --10m   also the CLI report at 10M orders, native (issue 17; not in CI)
 *   npm run bench -- --cli N the same CLI measure at N orders
 *   npm run bench -- --sizes 100000   just these sizes
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { Engine } from '../src/engine/engine';
import { createNativeEngine } from '../src/engine/native';
import { createNodeWasmEngine } from '../src/engine/node';
import { ensureTables, importFile } from '../src/ingest/import';
import { rebuildDerived } from '../src/metrics/derived';
import { computeKpis } from '../src/metrics/queries/kpis';
import { computeSeries } from '../src/metrics/queries/series';
import { computeReport } from '../src/metrics/report';
import { CHANNELS as MODEL_CHANNELS } from '../src/model/tables';

const FIRST_DAY = Date.UTC(2024, 0, 1);
const DAYS = 731; // 2024-01-01 .. 2025-12-31
/** The channel taxonomy without its catch-all. */
const CHANNELS = MODEL_CHANNELS.filter((c) => c !== 'other');
const DEVICES = ['mobile', 'desktop', 'tablet'];
const REGIONS = ['North', 'South', 'East', 'West', 'Central'];

/** mulberry32: deterministic data, the same bytes on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
function stamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export async function writeOrders(file: string, rows: number): Promise<void> {
  const rand = rng(rows);
  const customers = Math.max(1, Math.round(rows / 3));
  const header =
    'order_id,customer_id,ordered_at,paid_at,status,order_total,discount_amount,shipping_amount,tax_amount,refund_amount,currency,channel,campaign,coupon_code,region,device\n';
  await writeFile(file, header);
  const chunk: string[] = [];
  for (let i = 0; i < rows; i++) {
    // Later days get more orders (growth); a few customers buy often.
    const day = Math.floor(Math.sqrt(rand()) * DAYS);
    const at = FIRST_DAY + day * 86_400_000 + Math.floor(rand() * 86_400_000);
    const customer = Math.floor(Math.pow(rand(), 1.6) * customers);
    const r = rand();
    const status =
      r < 0.8 ? 'paid' : r < 0.86 ? 'partially_refunded' : r < 0.9 ? 'refunded' : r < 0.95 ? 'cancelled' : 'pending';
    const total = Math.round((20 + rand() * 480) * 100) / 100;
    const refund = status === 'refunded' ? total : status === 'partially_refunded' ? Math.round(total * 30) / 100 : 0;
    const discount = rand() < 0.2 ? Math.round(total * 10) / 100 : 0;
    const paidAt = status === 'pending' || status === 'cancelled' ? '' : stamp(at + 60_000);
    chunk.push(
      `B${i + 1},C${customer},${stamp(at)},${paidAt},${status},${total.toFixed(2)},${discount.toFixed(2)},0.00,0.00,${refund.toFixed(2)},USD,` +
        `${CHANNELS[Math.floor(rand() * CHANNELS.length)]},,,${REGIONS[Math.floor(rand() * REGIONS.length)]},${DEVICES[Math.floor(rand() * DEVICES.length)]}\n`,
    );
    if (chunk.length === 50_000) {
      await writeFile(file, chunk.join(''), { flag: 'a' });
      chunk.length = 0;
    }
  }
  await writeFile(file, chunk.join(''), { flag: 'a' });
}

export async function writeTraffic(file: string): Promise<void> {
  const rand = rng(7);
  const lines = ['date,channel,device,campaign,sessions,visitors,product_views,add_to_cart,checkouts'];
  for (let day = 0; day < DAYS; day++) {
    const date = stamp(FIRST_DAY + day * 86_400_000).slice(0, 10);
    for (const channel of CHANNELS) {
      for (const device of DEVICES) {
        const sessions = 200 + Math.floor(rand() * 2000);
        const visitors = Math.floor(sessions * 0.8);
        const views = Math.floor(sessions * 0.6);
        const cart = Math.floor(views * 0.15);
        lines.push(`${date},${channel},${device},,${sessions},${visitors},${views},${cart},${Math.floor(cart * 0.45)}`);
      }
    }
  }
  await writeFile(file, `${lines.join('\n')}\n`);
}

/** The canonical orders columns with the types the orders table stores them in. */
export const ORDER_TYPES =
  "{'order_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'ordered_at': 'TIMESTAMP', 'paid_at': 'TIMESTAMP', " +
  "'status': 'VARCHAR', 'order_total': 'DECIMAL(18,4)', 'discount_amount': 'DECIMAL(18,4)', " +
  "'shipping_amount': 'DECIMAL(18,4)', 'tax_amount': 'DECIMAL(18,4)', 'refund_amount': 'DECIMAL(18,4)', " +
  "'currency': 'VARCHAR', 'channel': 'VARCHAR', 'campaign': 'VARCHAR', 'coupon_code': 'VARCHAR', " +
  "'region': 'VARCHAR', 'device': 'VARCHAR'}";

/**
 * The yardstick for importFile (issue 17): DuckDB's own read_csv of the same bytes, registered
 * the same way, into a typed table, with nothing checked.
 */
export async function readCsvTyped(engine: Engine, file: string, bytes: Uint8Array): Promise<void> {
  const name = `plain-${path.basename(file)}`;
  await engine.registerBytes(name, bytes);
  try {
    await engine.run(
      `CREATE OR REPLACE TEMP TABLE bench_plain AS SELECT * FROM read_csv('${engine.fileRef(name)}', header = true, auto_detect = false, columns = ${ORDER_TYPES})`,
    );
    await engine.run('DROP TABLE bench_plain');
  } finally {
    await engine.dropFile(name);
  }
}

const seconds = (ms: number) => ms / 1000;
async function timed<T>(job: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const value = await job();
  return [value, seconds(performance.now() - t)];
}

interface Figures {
  start: number;
  /** DuckDB's own typed read_csv of the orders file (readCsvTyped), nothing checked. */
  plain: number;
  /** importFile of the orders file alone (part of ingest). */
  orders: number;
  ingest: number;
  derived: number;
  report: number;
  /** What a dashboard redraw costs: the KPIs of a quarter plus a 12-month series, warm, not cached (best of 5). */
  redraw: number;
}

async function measure(create: () => Promise<Engine>, files: { orders: string; traffic: string }): Promise<Figures> {
  const [engine, start] = await timed(create);
  try {
    const ordersBytes = new Uint8Array(await readFile(files.orders));
    const [, plain] = await timed(() => readCsvTyped(engine, files.orders, ordersBytes));
    let orders = 0;
    const [, ingest] = await timed(async () => {
      await ensureTables(engine);
      for (const [table, file] of [
        ['orders', files.orders],
        ['traffic', files.traffic],
      ] as const) {
        const data = table === 'orders' ? ordersBytes : new Uint8Array(await readFile(file));
        const [, t] = await timed(() => importFile(engine, { name: path.basename(file), data }, { table }));
        if (table === 'orders') orders = t;
      }
    });
    const [, derived] = await timed(() => rebuildDerived(engine));
    const [, report] = await timed(() =>
      computeReport(engine, { period: { from: '2025-01-01', to: '2025-12-31' }, compare: 'previous', grain: 'month' }),
    );
    // A different quarter each time: the result cache answers a repeated view for free.
    const views = [
      ['2025-05-01', '2025-07-31', '2024-08-01'],
      ['2025-06-01', '2025-08-31', '2024-09-01'],
      ['2025-07-01', '2025-09-30', '2024-10-01'],
      ['2025-08-01', '2025-10-31', '2024-11-01'],
      ['2025-09-01', '2025-11-30', '2024-12-01'],
      ['2025-10-01', '2025-12-31', '2025-01-01'],
    ] as const;
    let redraw = Infinity;
    for (const [i, [from, to, yearFrom]] of views.entries()) {
      const quarter = { from, to };
      const year = { from: yearFrom, to };
      const [, t] = await timed(async () => {
        await computeKpis(engine, quarter);
        await computeSeries(engine, year, 'month');
      });
      if (i > 0) redraw = Math.min(redraw, t); // the first run warms the engine up
    }
    return { start, plain, orders, ingest, derived, report, redraw };
  } finally {
    await engine.close();
  }
}

function sizesFromArgs(argv: string[]): number[] {
  const at = argv.indexOf('--sizes');
  if (at !== -1)
    return (argv[at + 1] ?? '')
      .split(',')
      .map(Number)
      .filter((n) => n > 0);
  return argv.includes('--5m') ? [100_000, 1_000_000, 5_000_000] : [100_000, 1_000_000];
}

/**
 * Issue 17's CLI goal: `yardstick report --engine native` over `rows` orders, process start
 * included, beside native read_csv of the same file in its own process; wall seconds and peak
 * memory from /usr/bin/time (goal at 10M: ≤ 60 s and ≤ 4 GiB).
 */
async function measureCli(dir: string, rows: number): Promise<void> {
  const { spawnSync } = await import('node:child_process');
  const orders = path.join(dir, `orders-${rows}.csv`);
  await writeOrders(orders, rows);
  const size = (await stat(orders)).size / 1_048_576;
  const wall = (args: string[]): { s: number; mib: number | null } => {
    const t = performance.now();
    const out = spawnSync('/usr/bin/time', ['-f', 'YS_MAXRSS_KB %M', ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const s = seconds(performance.now() - t);
    if (out.status !== 0) throw new Error(`${args.join(' ')} failed:\n${out.stderr.slice(-2000)}`);
    const kb = out.stderr.match(/YS_MAXRSS_KB (\d+)/);
    return { s, mib: kb ? Number(kb[1]) / 1024 : null };
  };
  const plainScript = path.join(dir, 'plain-read.mjs');
  await writeFile(
    plainScript,
    `import { DuckDBInstance } from '${pathToFileURL(createRequire(import.meta.url).resolve('@duckdb/node-api')).href}';
const c = await (await DuckDBInstance.create(':memory:')).connect();
await c.run(\`CREATE TABLE o AS SELECT * FROM read_csv('${orders}', header = true, auto_detect = false, columns = ${ORDER_TYPES})\`);\n`,
  );
  const plain = wall(['node', '--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(plainScript).href)})`]);
  const cli = wall([
    'node',
    path.join(process.cwd(), 'src/cli/bin.mjs'),
    'report',
    '--orders',
    orders,
    '--from',
    '2025-01-01',
    '--to',
    '2025-12-31',
    '--json',
    '--quiet',
    '--engine',
    'native',
    '--out',
    path.join(dir, 'report.json'),
  ]);
  const mib = (m: number | null) => (m === null ? '?' : `${m.toFixed(0)} MiB`);
  console.log(
    `CLI ${rows} orders (${size.toFixed(0)} MB): yardstick report --engine native ${cli.s.toFixed(1)} s, peak ${mib(cli.mib)}; ` +
      `native read_csv process ${plain.s.toFixed(1)} s, peak ${mib(plain.mib)}; ratio ${(cli.s / plain.s).toFixed(2)}× (goal ≤ 2×; at 10M ≤ 60 s, ≤ 4 GiB); load ${os.loadavg()[0]!.toFixed(1)}`,
  );
  await rm(orders, { force: true });
}

async function main(): Promise<void> {
  const dir = path.join(os.tmpdir(), 'yardstick-bench');
  await mkdir(dir, { recursive: true });
  const traffic = path.join(dir, 'traffic.csv');
  await writeTraffic(traffic);
  console.log(
    `Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GB`,
  );
  console.log(
    `Load average at start: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (the machine is shared; compare with the core count)`,
  );
  console.log(
    `Traffic: ${DAYS} days × ${CHANNELS.length} channels × ${DEVICES.length} devices = ${DAYS * CHANNELS.length * DEVICES.length} rows\n`,
  );
  const header = ['orders', 'CSV MB', 'step', 'wasm s', 'native s', 'wasm ÷ native'];
  console.log(header.join('\t'));
  for (const rows of sizesFromArgs(process.argv.slice(2))) {
    const orders = path.join(dir, `orders-${rows}.csv`);
    await writeOrders(orders, rows);
    const size = (await stat(orders)).size / 1_048_576;
    const wasm = await measure(createNodeWasmEngine, { orders, traffic });
    const native = await measure(createNativeEngine, { orders, traffic });
    for (const step of ['start', 'plain', 'orders', 'ingest', 'derived', 'report', 'redraw'] as const) {
      const ratio = native[step] > 0 ? (wasm[step] / native[step]).toFixed(2) : '—';
      console.log([rows, size.toFixed(0), step, wasm[step].toFixed(3), native[step].toFixed(3), ratio].join('\t'));
    }
    // Issue 17's goal: importFile of the orders ≤ 1.5× DuckDB's own read_csv, same engine, same run.
    const goal = (f: Figures) => (f.orders / f.plain).toFixed(2);
    console.log(
      `${rows} orders: importFile ÷ read_csv = ${goal(wasm)}× wasm, ${goal(native)}× native (goal ≤ 1.5×); load ${os.loadavg()[0]!.toFixed(1)}`,
    );
    await rm(orders, { force: true });
  }
  const cliAt = process.argv.indexOf('--cli');
  const cliRows = process.argv.includes('--10m') ? 10_000_000 : cliAt === -1 ? 0 : Number(process.argv[cliAt + 1]);
  if (cliRows > 0) await measureCli(dir, cliRows);
  await rm(dir, { recursive: true, force: true });
  console.log(
    `\nLoad average at end: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}

// Run only as a script, so the generators can be imported on their own.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
