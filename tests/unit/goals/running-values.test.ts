import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNodeWasmEngine } from '../../../src/engine/node';
import { KPI_IDS } from '../../../src/metrics/registry';
import { dropDerived, rebuildDerived } from '../../../src/metrics/derived';
import { engineMetricSource } from '../../../src/metrics/metric-source';
import { engineSeriesSource, type DatedValue } from '../../../src/metrics/running-values';
import { loadTables, type OrderFixture, type TrafficFixture, type UserFixture } from '../../fixtures/metrics/tables';

/*
 * A six-day shop, 2025-03-01..2025-03-06, in the canonical tables (CANONICAL_DDL via loadTables).
 * Ann first paid in February, so she is a returning buyer in March; Ben and Eve are new.
 */
const ORDERS: OrderFixture[] = [
  { id: 'o1', customer: 'ann', at: '2025-02-20', status: 'paid', total: 100, channel: 'email' },
  { id: 'o2', customer: 'ann', at: '2025-03-02T10:00:00', status: 'paid', total: 50, channel: 'email' },
  {
    id: 'o3',
    customer: 'ben',
    at: '2025-03-02T18:00:00',
    status: 'refunded',
    total: 30,
    refund: 30,
    channel: 'paid_search',
  },
  { id: 'o4', customer: 'ANN ', at: '2025-03-04', status: 'paid', total: 20, channel: 'email' },
  { id: 'o5', customer: 'cat', at: '2025-03-04', status: 'cancelled', total: 40, channel: 'email' },
  {
    id: 'o6',
    customer: 'ben',
    at: '2025-03-05',
    status: 'partially_refunded',
    total: 60,
    refund: 10,
    channel: 'paid_search',
  },
  { id: 'o7', customer: 'dan', at: '2025-03-05', status: 'pending', total: 25, channel: 'email' },
  { id: 'o8', customer: 'eve', at: '2025-03-06', status: 'paid', total: 70, channel: 'email' },
];
const SESSIONS = [100, 200, 100, 100, 200, 300];
const TRAFFIC: TrafficFixture[] = SESSIONS.map((sessions, i) => ({
  date: `2025-03-0${i + 1}`,
  channel: 'email',
  sessions,
  visitors: sessions / 2,
}));
const USERS: UserFixture[] = [
  { id: 'ann', at: '2025-02-01' },
  // Ben registers Mar 1 and first pays Mar 2: activated. Fay never pays.
  { id: 'ben', at: '2025-03-01' },
  { id: 'fay', at: '2025-03-03' },
];

const PERIOD = { from: '2025-03-01', to: '2025-03-06' };
const DAYS = ['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06'];

const values = (series: DatedValue[]) => series.map((point) => point.value);

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeWasmEngine();
  await loadTables(engine, { orders: ORDERS, traffic: TRAFFIC, users: USERS });
});
afterAll(async () => {
  await engine.close();
});

describe('running values: the KPI from the period start to each day, by hand', () => {
  it('dates every day of the period once, in order', async () => {
    const series = await engineSeriesSource(engine).runningValues('gmv', PERIOD, {});
    expect(series.map((point) => point.date)).toEqual(DAYS);
  });

  it.each([
    // Mar 1 has no paid order (but traffic and Ben's registration): 0, not null.
    // Mar 2: o2 50 + o3 30; Mar 4: + o4 20; Mar 5: + o6 60; Mar 6: + o8 70. o5 cancelled, o7 pending.
    ['gmv', [0, 80, 80, 100, 160, 230]],
    ['refunds', [0, 30, 30, 30, 40, 40]], // o3 30, o6 10
    ['net_revenue', [0, 50, 50, 70, 120, 190]],
    ['orders', [0, 2, 2, 3, 4, 5]],
    // Distinct: Ann's second order (Mar 4) and Ben's (Mar 5) add nobody; Eve joins Mar 6.
    ['buyers', [0, 2, 2, 2, 2, 3]],
    ['new_buyers', [0, 1, 1, 1, 1, 2]], // Ben (first paid Mar 2), Eve (Mar 6)
    ['returning_buyers', [0, 1, 1, 1, 1, 1]], // Ann (first paid Feb 20)
    // Repeat buyers join on their second order in the period: Ann Mar 4, Ben Mar 5.
    ['repeat_purchase_rate', [null, 0, 0, 0.5, 1, 2 / 3]],
    ['aov', [null, 40, 40, 100 / 3, 40, 46]],
    ['refund_rate', [null, 30 / 80, 30 / 80, 0.3, 0.25, 40 / 230]],
    ['cancellation_rate', [null, 0, 0, 0.25, 0.2, 1 / 6]], // o5 over (paid + cancelled)
    ['sessions', [100, 300, 400, 500, 700, 1000]],
    ['visitors', [50, 150, 200, 250, 350, 500]],
    ['conversion_rate', [0, 2 / 300, 2 / 400, 3 / 500, 4 / 700, 5 / 1000]],
    ['buyer_conversion_rate', [0, 2 / 150, 2 / 200, 2 / 250, 2 / 350, 3 / 500]],
    ['registrations', [1, 1, 2, 2, 2, 2]], // Ben Mar 1, Fay Mar 3
    ['activation_rate_30d', [1, 1, 0.5, 0.5, 0.5, 0.5]], // Ben activated, Fay not
  ] as const)('%s', async (metric, expected) => {
    const series = await engineSeriesSource(engine).runningValues(metric, PERIOD, {});
    const got = values(series);
    expected.forEach((value, i) => {
      if (value === null) expect(got[i], `${metric} ${DAYS[i]}`).toBeNull();
      else expect(got[i], `${metric} ${DAYS[i]}`).toBeCloseTo(value, 12);
    });
  });

  it('applies the filters: email orders are o2, o4 and o8; Ann turns repeat buyer on Mar 4', async () => {
    const source = engineSeriesSource(engine);
    const email = { channel: ['email'] };
    expect(values(await source.runningValues('gmv', PERIOD, email))).toEqual([0, 50, 50, 70, 70, 140]);
    expect(values(await source.runningValues('buyers', PERIOD, email))).toEqual([0, 1, 1, 1, 1, 2]);
    expect(values(await source.runningValues('repeat_purchase_rate', PERIOD, email))).toEqual([null, 0, 0, 1, 1, 0.5]);
    // Every traffic row is email, so sessions are unchanged.
    expect(values(await source.runningValues('sessions', PERIOD, email))).toEqual([100, 300, 400, 500, 700, 1000]);
  });

  it('is null before a table is reached, and where the span holds no row in any table', async () => {
    // Feb 25..28: orders cover them (Feb 20..Mar 6) but nothing happened; traffic starts Mar 1.
    const span = { from: '2025-02-25', to: '2025-03-02' };
    const source = engineSeriesSource(engine);
    expect(values(await source.runningValues('gmv', span, {}))).toEqual([null, null, null, null, 0, 80]);
    expect(values(await source.runningValues('sessions', span, {}))).toEqual([null, null, null, null, 100, 300]);
  });

  it('gives null for a metric a filter blocks: users cannot be filtered by device', async () => {
    const series = await engineSeriesSource(engine).runningValues('registrations', PERIOD, { device: ['mobile'] });
    expect(values(series)).toEqual([null, null, null, null, null, null]);
  });
});

describe('running values agree with the KPI query over from..each day, for every KPI', () => {
  const spans = [PERIOD, { from: '2025-02-18', to: '2025-03-07' }];
  const filterSets = [{}, { channel: ['email'] }, { channel: ['paid_search'] }];

  it.each([false, true])('with the derived customer table: %s', async (derived) => {
    if (derived) await rebuildDerived(engine);
    try {
      for (const span of spans) {
        for (const filters of filterSets) {
          const series = engineSeriesSource(engine);
          const plain = engineMetricSource(engine);
          for (const metric of KPI_IDS) {
            const running = await series.runningValues(metric, span, filters);
            for (const point of running) {
              const expected = await plain.value(metric, { from: span.from, to: point.date }, filters);
              const where = `${metric} ${JSON.stringify(filters)} ${span.from}..${point.date}`;
              if (expected === null) expect(point.value, where).toBeNull();
              else expect(point.value, where).toBeCloseTo(expected, 10);
            }
          }
        }
      }
    } finally {
      await dropDerived(engine);
    }
  });
});

describe('daily values: the KPI over each single day', () => {
  it.each([
    ['gmv', [0, 80, 0, 20, 60, 70]],
    ['buyers', [0, 2, 0, 1, 1, 1]], // distinct per day
    ['new_buyers', [0, 1, 0, 0, 0, 1]], // Ben on his first day (Mar 2), Eve (Mar 6)
    ['sessions', SESSIONS],
    // The users table ends on Mar 3 (Fay): later days are beyond it, so unknown rather than 0.
    ['registrations', [1, 0, 1, null, null, null]],
  ] as const)('%s', async (metric, expected) => {
    expect(values(await engineSeriesSource(engine).dailyValues(metric, PERIOD, {}))).toEqual(expected);
  });

  it('agrees with the KPI over that one day for every additive KPI', async () => {
    const series = engineSeriesSource(engine);
    const plain = engineMetricSource(engine);
    for (const metric of [
      'gmv',
      'refunds',
      'net_revenue',
      'discounts',
      'orders',
      'buyers',
      'new_buyers',
      'sessions',
      'visitors',
      'registrations',
    ]) {
      for (const point of await series.dailyValues(metric, PERIOD, {})) {
        const expected = await plain.value(metric, { from: point.date, to: point.date }, {});
        expect(point.value, `${metric} ${point.date}`).toBe(expected);
      }
    }
  });
});
