import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { literal } from '../../../src/engine/sql';
import { dropDerived, rebuildDerived } from '../../../src/metrics/derived';
import { GRAINS, periodBuckets } from '../../../src/metrics/periods';
import { bucketStartSql, computeSeries } from '../../../src/metrics/queries/series';
import { ENGINES, loadTables, type OrderFixture, type TrafficFixture } from '../../fixtures/metrics/tables';

const ORDERS: OrderFixture[] = [
  { id: 's0', customer: 'w', at: '2024-12-20', status: 'paid', total: 5 }, // before the period
  { id: 's1', customer: 'x', at: '2024-12-28', status: 'paid', total: 10 }, // Sat, 2024-W52
  { id: 's2', customer: 'y', at: '2024-12-29T23:59:59+1000', status: 'paid', total: 20 }, // Sun on the wall clock, 2024-W52
  { id: 's3', customer: 'x', at: '2024-12-30T00:00:00', status: 'paid', total: 30 }, // Mon, 2025-W01, still December
  { id: 's4', customer: 'z', at: '2025-01-01', status: 'partially_refunded', total: 40, refund: 5 }, // 2025-W01
  { id: 's5', customer: 'z', at: '2025-01-01', status: 'cancelled', total: 99 },
  { id: 's6', customer: 'x', at: '2025-01-06', status: 'pending', total: 50 },
  { id: 's7', customer: 'X ', at: '2025-01-06', status: 'paid', total: 60 }, // 2025-W02
  { id: 's8', customer: 'x', at: '2025-01-08', status: 'paid', total: 70 }, // after the period
];
const TRAFFIC: TrafficFixture[] = [
  { date: '2024-12-28', sessions: 100 },
  { date: '2025-01-02', sessions: 200 },
  { date: '2025-01-07', sessions: 300 },
  { date: '2025-01-08', sessions: 999 },
];
const PERIOD = { from: '2024-12-28', to: '2025-01-07' };

describe.each(ENGINES)('series on $name', ({ create }) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await create();
  });
  afterAll(async () => {
    await engine.close();
  });

  it('finds the first day of each bucket in SQL exactly as the bucket list does', async () => {
    const days = ['2020-12-31', '2021-01-03', '2021-01-04', '2024-12-29', '2024-12-30', '2025-05-31', '2025-11-15'];
    for (const grain of GRAINS) {
      const select = days
        .map((d, i) => `strftime(${bucketStartSql(grain, `DATE ${literal(d)}`)}, '%Y-%m-%d') AS d${i}`)
        .join(', ');
      const [row] = await engine.query(`SELECT ${select}`);
      expect(Object.values(row ?? {}), grain).toEqual(
        days.map((d) => periodBuckets({ from: d, to: d }, grain)[0]?.start),
      );
    }
  });

  it('buckets by ISO week across the year boundary, clipped to the period, without traffic keys when no traffic', async () => {
    await loadTables(engine, { orders: ORDERS });
    expect(await computeSeries(engine, PERIOD, 'week')).toEqual([
      // s1 + s2 = 10 + 20; buyers x, y
      { period: '2024-W52', gmv: 30, refunds: 0, net_revenue: 30, orders: 2, buyers: 2, aov: 15 },
      // s3 + s4 = 30 + 40, refund 5; buyers x, z; the cancelled s5 left out
      { period: '2025-W01', gmv: 70, refunds: 5, net_revenue: 65, orders: 2, buyers: 2, aov: 35 },
      // s7 only (Jan 6-7 of the week); pending s6 and Jan 8 left out
      { period: '2025-W02', gmv: 60, refunds: 0, net_revenue: 60, orders: 1, buyers: 1, aov: 60 },
    ]);
  });

  it('gives the same series from the derived tables', async () => {
    await loadTables(engine, { orders: ORDERS, traffic: TRAFFIC });
    for (const grain of GRAINS) {
      const plain = await computeSeries(engine, PERIOD, grain, { channel: ['unattributed'] });
      await rebuildDerived(engine);
      try {
        expect(await computeSeries(engine, PERIOD, grain, { channel: ['unattributed'] }), grain).toEqual(plain);
      } finally {
        await dropDerived(engine);
      }
    }
  });

  it('adds sessions and conversion per bucket when traffic is loaded', async () => {
    await loadTables(engine, { orders: ORDERS, traffic: TRAFFIC });
    const rows = await computeSeries(engine, PERIOD, 'week');
    expect(rows.map((r) => [r.period, r.sessions, r.conversion_rate])).toEqual([
      ['2024-W52', 100, 0.02], // 2 / 100
      ['2025-W01', 200, 0.01], // 2 / 200
      ['2025-W02', 300, 1 / 300], // Jan 8 left out
    ]);
  });

  it.each([
    // Dec: s1 + s2 + s3 = 60 (Dec 30 is in ISO week 2025-W01 but in December); Jan: s4 + s7 = 100
    [
      'month',
      [
        ['2024-12', 60],
        ['2025-01', 100],
      ],
    ],
    [
      'quarter',
      [
        ['2024-Q4', 60],
        ['2025-Q1', 100],
      ],
    ],
    [
      'year',
      [
        ['2024', 60],
        ['2025', 100],
      ],
    ],
  ] as const)('buckets by %s', async (grain, expected) => {
    await loadTables(engine, { orders: ORDERS });
    const rows = await computeSeries(engine, PERIOD, grain);
    expect(rows.map((r) => [r.period, r.gmv])).toEqual(expected);
  });

  it('lists every day, empty days inside the data as 0 with a null average', async () => {
    await loadTables(engine, { orders: ORDERS });
    const rows = await computeSeries(engine, { from: '2025-01-02', to: '2025-01-06' }, 'day');
    expect(rows.map((r) => [r.period, r.gmv, r.orders, r.aov])).toEqual([
      ['2025-01-02', 0, 0, null],
      ['2025-01-03', 0, 0, null],
      ['2025-01-04', 0, 0, null],
      ['2025-01-05', 0, 0, null],
      ['2025-01-06', 60, 1, 60],
    ]);
  });

  it('gives null for buckets outside the dates the data covers', async () => {
    await loadTables(engine, { orders: ORDERS });
    // Orders run Dec 20 .. Jan 8: December 2024 and January 2025 are covered, February is not.
    const rows = await computeSeries(engine, { from: '2024-11-01', to: '2025-02-28' }, 'month');
    expect(rows.map((r) => [r.period, r.gmv, r.orders])).toEqual([
      ['2024-11', null, null],
      ['2024-12', 65, 4], // 5 + 10 + 20 + 30
      ['2025-01', 170, 3], // 40 + 60 + 70
      ['2025-02', null, null],
    ]);
  });
});
