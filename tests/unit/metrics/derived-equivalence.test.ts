import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { dropDerived, rebuildDerived } from '../../../src/metrics/derived';
import type { Filters } from '../../../src/metrics/filters';
import type { Grain, Period } from '../../../src/metrics/periods';
import { computeByChannel } from '../../../src/metrics/queries/by-channel';
import { computeKpis } from '../../../src/metrics/queries/kpis';
import { bucketGrouping, computeSeries } from '../../../src/metrics/queries/series';
import { compileMetricsSql, type Grouping } from '../../../src/metrics/compile';
import { prepareContext, queryMetrics } from '../../../src/metrics/context';
import { KPI_IDS, type ComponentId } from '../../../src/metrics/definitions';
import { channelSql } from '../../../src/metrics/filters';
import {
  computeBreakdown,
  computeNewVsReturning,
  computeSalesSeries,
  BREAKDOWN_METRICS,
} from '../../../src/features/sales/sales-queries';
import { computeDeviceConversion } from '../../../src/features/traffic/traffic-queries';
import { ENGINES, loadTables, type OrderFixture, type TrafficFixture, type UserFixture } from '../../fixtures/metrics/tables';

/**
 * The derived tables (ys_orders with each customer's previous and next paid order, the ys_daily
 * rollup) must give exactly the numbers the canonical tables give. The canonical path is plain
 * SQL over `orders` with distinct counts: it is the independent computation here. The data is
 * random but seeded, and made to hold the cases the shortcuts must get right: several orders of
 * one customer on one day, unpaid orders between paid ones, blank and padded dimension values,
 * and customers whose first paid order is before, inside and after a period.
 */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES = ['paid', 'paid', 'paid', 'paid', 'refunded', 'partially_refunded', 'cancelled', 'pending'] as const;
const CHANNELS = ['email', 'paid_search', ' email ', '', 'direct'];
const REGIONS = ['East', 'West', '', null];
const DEVICES = ['mobile', 'desktop', null];

function randomShop(): { orders: OrderFixture[]; traffic: TrafficFixture[]; users: UserFixture[] } {
  const rand = rng(42);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const orders: OrderFixture[] = [];
  for (let i = 0; i < 260; i++) {
    const day = 1 + Math.floor(rand() * 90); // 2025-01-01 .. 2025-03-31
    const date = new Date(Date.UTC(2025, 0, day)).toISOString().slice(0, 10);
    const customer = `c${Math.floor(rand() ** 1.5 * 45)}`;
    const status = pick(STATUSES);
    const total = Math.round(rand() * 50000) / 100;
    const order: OrderFixture = {
      id: `o${i}`,
      customer,
      at: date,
      status,
      total,
      refund: status === 'refunded' ? total : status === 'partially_refunded' ? Math.round(total * 25) / 100 : 0,
      discount: rand() < 0.3 ? Math.round(total * 10) / 100 : 0,
      currency: 'CNY',
      channel: pick(CHANNELS),
      region: pick(REGIONS),
      device: pick(DEVICES),
    };
    orders.push(order);
    // Same customer, same day, another order now and then.
    if (rand() < 0.15) orders.push({ ...order, id: `o${i}b`, status: 'paid', total: 12.5, refund: 0, channel: pick(CHANNELS) });
  }
  const traffic: TrafficFixture[] = [];
  for (let day = 1; day <= 90; day++) {
    const date = new Date(Date.UTC(2025, 0, day)).toISOString().slice(0, 10);
    for (const device of ['mobile', 'desktop']) traffic.push({ date, sessions: 50 + Math.floor(rand() * 100), channel: pick(CHANNELS), device });
  }
  const users: UserFixture[] = [];
  for (let i = 0; i < 50; i += 2) {
    const date = new Date(Date.UTC(2025, 0, 1 + Math.floor(rand() * 80))).toISOString().slice(0, 10);
    users.push({ id: `c${i}`, at: date, channel: pick(CHANNELS), region: pick(REGIONS) });
  }
  return { orders, traffic, users };
}

const PERIODS: Period[] = [
  { from: '2025-01-15', to: '2025-01-15' },
  { from: '2025-02-01', to: '2025-02-28' },
  { from: '2025-01-20', to: '2025-03-10' },
  { from: '2024-12-01', to: '2025-04-30' },
];
const FILTERS: Filters[] = [{}, { channel: ['email'] }, { device: ['mobile'] }, { region: ['East'] }];
const GRAINS: Grain[] = ['day', 'week', 'month'];

describe.each(ENGINES)('derived tables give the canonical numbers on $name', ({ create }) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await create();
    await loadTables(engine, randomShop());
  });
  afterAll(async () => {
    await engine.close();
  });

  /** Every page query of the overview, sales and traffic pages, for every period and filter. */
  async function everything(): Promise<unknown[]> {
    const out: unknown[] = [];
    for (const period of PERIODS) {
      for (const filters of FILTERS) {
        out.push(await computeKpis(engine, period, filters));
        const { ctx } = await prepareContext(engine, period, filters);
        for (const grain of GRAINS) {
          out.push(await computeSeries(engine, period, grain, filters));
          out.push(await computeSalesSeries(engine, period, grain, filters));
          // Repeat buyers per bucket: no page shows them, but the compiler must get them right.
          out.push(await engine.query(compileMetricsSql(['buyers', 'repeat_buyers'], ctx, bucketGrouping(period, grain))));
        }
        for (const dimension of ['channel', 'region', 'device'] as const) {
          out.push(await computeBreakdown(engine, period, filters, dimension, BREAKDOWN_METRICS));
        }
        out.push(await computeNewVsReturning(engine, period, filters));
        out.push(await computeByChannel(engine, period, filters));
        out.push(await computeDeviceConversion(engine, period, filters));
      }
    }
    return out;
  }

  it('for KPIs, series, breakdowns, new vs returning and conversion', async () => {
    await dropDerived(engine);
    const canonical = await everything();
    await rebuildDerived(engine);
    const derived = await everything();
    expect(derived).toEqual(canonical);
  }, 120_000);

  it('computes the lean query exactly as the standalone SQL, with and without derived tables', async () => {
    const groupings: [readonly ComponentId[], Grouping | undefined][] = [
      [KPI_IDS, undefined],
      [['gmv', 'orders', 'sessions', 'conversion_rate'], { key: (_s, a) => channelSql(`${a}.channel`) }],
      [['gmv', 'net_revenue', 'buyers', 'aov', 'registrations'], { key: (_s, a) => `coalesce(${a}.region, '?')` }],
    ];
    for (const derived of [false, true]) {
      if (derived) await rebuildDerived(engine);
      else await dropDerived(engine);
      for (const period of PERIODS) {
        for (const filters of FILTERS) {
          const prepared = await prepareContext(engine, period, filters);
          const all = [...groupings];
          for (const grain of GRAINS) all.push([['gmv', 'buyers', 'repeat_buyers', 'sessions', 'visitors', 'conversion_rate'], bucketGrouping(period, grain)]);
          for (const [ids, group] of all) {
            const lean = await queryMetrics(engine, prepared, ids, group);
            const standalone = await engine.query(compileMetricsSql(ids, prepared.ctx, group));
            expect(lean, `${JSON.stringify(period)} ${JSON.stringify(filters)} ${ids.join(',')} derived=${derived}`).toEqual(standalone);
          }
        }
      }
    }
  }, 120_000);

  it('holds buyers who buy again, returning buyers and new buyers', async () => {
    await dropDerived(engine);
    const whole = await computeKpis(engine, { from: '2024-12-01', to: '2025-04-30' }, {});
    const feb = await computeKpis(engine, { from: '2025-02-01', to: '2025-02-28' }, {});
    expect(whole.repeat_purchase_rate).toBeGreaterThan(0);
    expect(feb.returning_buyers).toBeGreaterThan(0);
    expect(feb.new_buyers).toBeGreaterThan(0);
  });
});
