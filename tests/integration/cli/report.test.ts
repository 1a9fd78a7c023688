import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, yardstick, type Run } from './run-cli';
import { KPI_IDS } from '../../../src/metrics/registry';

const FIX = path.join(ROOT, 'tests/fixtures/metrics/cli');
const f = (name: string) => path.join(FIX, name);

const BASE = [
  'report',
  '--orders',
  f('orders-jan.csv'),
  f('orders-feb.csv'),
  '--traffic',
  f('traffic.csv'),
  '--users',
  f('users.csv'),
  '--from',
  '2025-02-01',
  '--to',
  '2025-02-28',
  '--targets',
  f('targets.json'),
];

let tmp: string;
let wasm: Run;
let native: Run;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'yardstick-cli-'));
  // One after the other: two first runs at once would both write tsx's compile cache.
  wasm = await yardstick([...BASE, '--json']);
  native = await yardstick([...BASE, '--json', '--engine', 'native']);
}, 120_000);
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('yardstick report --json', () => {
  it('exits 0 and prints nothing but the report on stdout, progress on stderr', () => {
    expect(wasm.status, wasm.stderr).toBe(0);
    expect(() => JSON.parse(wasm.stdout)).not.toThrow();
    expect(wasm.stderr).toMatch(/Loading .*orders-feb\.csv/);
  });

  it('prints exactly the report shape of METRICS.md', () => {
    const report = JSON.parse(wasm.stdout);
    expect(Object.keys(report)).toEqual([
      'period',
      'currency',
      'kpis',
      'comparison',
      'series',
      'cohorts',
      'funnel',
      'by_channel',
      'targets',
      'marketing',
      'service',
      'lifecycle',
      'products',
      'inventory',
      'alerts',
      'data_quality',
    ]);
    expect(report.marketing).toBeNull(); // no marketing table loaded
    expect(report.products).toBeNull(); // no products table loaded
    expect(report.inventory).toBeNull(); // no inventory table loaded
    expect(report.service).toBeNull(); // no tickets or reviews loaded
    // Lifecycle needs only orders: stages on `to`, the one month end inside February.
    expect(Object.keys(report.lifecycle)).toEqual(['as_of', 'stages', 'months', 'acquisition']);
    expect(report.lifecycle.as_of).toBe('2025-02-28');
    expect(report.lifecycle.months.map((m: { month: string }) => m.month)).toEqual(['2025-02']);
    expect(Object.keys(report.lifecycle.months[0])).toEqual([
      'month',
      'new',
      'active',
      'dormant',
      'churned',
      'churn_rate',
    ]);
    expect(Object.keys(report.kpis)).toEqual([...KPI_IDS]);
    expect(Object.keys(report.comparison)).toEqual(['from', 'to', 'kpis']);
    expect(report.series.grain).toBe('month');
    expect(Object.keys(report.series.rows[0])).toEqual([
      'period',
      'gmv',
      'refunds',
      'net_revenue',
      'orders',
      'buyers',
      'aov',
      'sessions',
      'conversion_rate',
    ]);
    expect(Object.keys(report.funnel[0])).toEqual(['step', 'count', 'rate_from_previous', 'rate_from_sessions']);
    expect(Object.keys(report.by_channel[0])).toEqual(['channel', 'gmv', 'orders', 'sessions', 'conversion_rate']);
    expect(Object.keys(report.targets[0])).toEqual([
      'id',
      'metric',
      'as_of',
      'share',
      'target',
      'actual_to_date',
      'expected_to_date',
      'projected',
      'attainment',
      'status',
    ]);
  });

  it('gives the worked example numbers, at full precision', () => {
    const report = JSON.parse(wasm.stdout);
    expect(report.period).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(report.currency).toBe('USD');
    expect(report.kpis).toMatchObject({ gmv: 200, refunds: 90, orders: 4, buyers: 3, aov: 50, conversion_rate: 0.01 });
    expect(report.kpis.revenue_per_buyer).toBe(200 / 3); // not rounded to 66.67
    // users: d registered Feb 27, first paid Feb 28 (activated); g never paid. "B " registered in January.
    expect(report.kpis).toMatchObject({
      registrations: 2,
      activation_rate_30d: 0.5,
      visitors: null,
      buyer_conversion_rate: null,
    });
  });

  it('compares with the previous 28 days; traffic does not reach back there', () => {
    const { comparison } = JSON.parse(wasm.stdout);
    expect(comparison.from).toBe('2025-01-04');
    expect(comparison.to).toBe('2025-01-31');
    // only order 1 (a, Jan 10, 100); "B " registered Jan 20 and first paid Feb 5 (16 days)
    expect(comparison.kpis).toMatchObject({
      gmv: 100,
      orders: 1,
      new_buyers: 1,
      sessions: null,
      registrations: 1,
      activation_rate_30d: 1,
    });
  });

  it('evaluates targets over their own periods', () => {
    const { targets } = JSON.parse(wasm.stdout);
    expect(targets).toEqual([
      // whole February elapsed: share 28/28; projected 200 against 400 → attainment 0.5, below the 90 % floor
      {
        id: 'gmv-feb',
        metric: 'gmv',
        as_of: '2025-02-28',
        share: 1,
        target: 400,
        actual_to_date: 200,
        expected_to_date: 400,
        projected: 200,
        attainment: 0.5,
        status: 'off_track',
      },
      // the orders end Feb 28, before March starts
      {
        id: 'orders-mar',
        metric: 'orders',
        as_of: '2025-02-28',
        share: null,
        target: 10,
        actual_to_date: null,
        expected_to_date: null,
        projected: null,
        attainment: null,
        status: 'not_started',
      },
    ]);
  });

  it('reports data quality per table, summed over files, with the rejected row under its reason', () => {
    const { data_quality: dq } = JSON.parse(wasm.stdout);
    expect(dq.orders).toMatchObject({ rows_read: 7, rows_loaded: 6, rows_rejected: 1, duplicates: 0 }); // 1 + 6 rows read
    expect(Object.values(dq.orders.reasons)).toEqual([1]);
    expect(dq.traffic).toEqual({
      rows_read: 2,
      rows_loaded: 2,
      rows_rejected: 0,
      duplicates: 0,
      reasons: {},
      warnings: [],
    });
  });

  it('gives the same JSON on native DuckDB', () => {
    expect(native.status, native.stderr).toBe(0);
    expect(native.stdout).toBe(wasm.stdout);
  });

  it('gives the same JSON on native DuckDB under a memory limit', async () => {
    const limited = await yardstick([...BASE, '--json', '--engine', 'native', '--memory-limit', '1.5GiB']);
    expect(limited.status, limited.stderr).toBe(0);
    expect(limited.stdout).toBe(wasm.stdout);
  });
});

describe('yardstick report: formats, files and flags', () => {
  it('writes a CSV of the KPIs to --out and nothing to stdout; repeated flags add files', async () => {
    const out = path.join(tmp, 'kpis.csv');
    const run = await yardstick([
      'report',
      '--orders',
      f('orders-jan.csv'),
      '--orders',
      f('orders-feb.csv'),
      '--from=2025-02-01',
      '--to=2025-02-28',
      '--compare',
      'none',
      '--format',
      'csv',
      '--out',
      out,
      '--quiet',
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    const lines = (await readFile(out, 'utf8')).trim().split('\r\n'); // RFC 4180, as every CSV we write
    expect(lines[0]).toBe('metric,label,unit,value,comparison,change');
    expect(lines).toHaveLength(1 + 21 + 5); // the KPIs, then the lifecycle's stages on `to` and its last churn rate
    expect(lines).toContain('gmv,GMV,money,200,,');
    // Feb 28: b (first Feb 5) and d (Feb 28) new, a (first Jan 10, last Feb 3) active. Jan 31: a new (21 days), still active: churn 0.
    expect(lines.slice(-5)).toEqual([
      'lifecycle_new,New customers on 2025-02-28,count,2,,',
      'lifecycle_active,Active customers on 2025-02-28,count,1,,',
      'lifecycle_dormant,Dormant customers on 2025-02-28,count,0,,',
      'lifecycle_churned,Churned customers on 2025-02-28,count,0,,',
      'churn_rate,Monthly churn rate (2025-02),rate,0,,',
    ]);
    expect(lines).toContain('sessions,Sessions,count,,,'); // no traffic: empty, not 0
  });

  it('sums one currency of several when told which', async () => {
    const run = await yardstick([
      'report',
      '--orders',
      f('orders-feb.csv'),
      f('orders-eur.csv'),
      '--from',
      '2025-02-01',
      '--to',
      '2025-02-28',
      '--currency',
      'EUR',
      '--compare',
      'none',
      '--json',
      '--quiet',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.currency).toBe('EUR');
    expect(report.kpis).toMatchObject({ gmv: 70, orders: 1, buyers: 1 }); // order 8 only
    expect(report.comparison).toBeNull();
  });

  it('prints a Markdown report for people', async () => {
    const run = await yardstick([
      'report',
      '--orders',
      f('orders-feb.csv'),
      '--from',
      '2025-02-01',
      '--to',
      '2025-02-28',
      '--format',
      'md',
      '--quiet',
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^# Yardstick report, 2025-02-01 to 2025-02-28/);
    expect(run.stdout).toContain('| GMV | $200.00 |');
  });
});

describe('yardstick report: bad input exits 2 with one line naming the problem', () => {
  it.each([
    [
      ['report', '--orders', f('no-such-file.csv'), '--from', '2025-02-01', '--to', '2025-02-28'],
      /no-such-file\.csv: file not found/,
    ],
    [['report', '--orders', f('empty.csv'), '--from', '2025-02-01', '--to', '2025-02-28'], /empty\.csv/],
    [
      ['report', '--orders', f('orders-feb.csv'), f('orders-eur.csv'), '--from', '2025-02-01', '--to', '2025-02-28'],
      /several currencies \(EUR, USD\).*--currency/,
    ],
    [
      [
        'report',
        '--orders',
        f('orders-feb.csv'),
        '--from',
        '2025-02-01',
        '--to',
        '2025-02-28',
        '--targets',
        f('targets-bad.json'),
      ],
      /targets-bad\.json: target x, metric/,
    ],
    [
      ['report', '--orders', f('orders-feb.csv'), '--from', '2025-02-30', '--to', '2025-03-01'],
      /--from "2025-02-30" is not a date/,
    ],
    [['report', '--orders', f('orders-feb.csv'), '--to', '2025-03-01'], /--from and --to are required/],
    [
      ['report', '--orders', f('orders-feb.csv'), '--from', '2025-02-01', '--to', '2025-02-28', '--grain', 'fortnight'],
      /--grain "fortnight"/,
    ],
  ])('%j', async (args, message) => {
    const run = await yardstick(args);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stdout).toBe('');
    const errorLines = run.stderr.split('\n').filter((l) => l.startsWith('yardstick:'));
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toMatch(message);
  });
});
