import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { answerFromColumns } from '../../../src/metrics/columnar/execute';
import type { ColumnStore } from '../../../src/metrics/columnar/store';
import { compileMetricsQuery, type Grouping } from '../../../src/metrics/compile';
import { prepareContext } from '../../../src/metrics/context';
import { HELPER_IDS, KPI_IDS, type ComponentId } from '../../../src/metrics/definitions';
import { dropDerived, rebuildDerived } from '../../../src/metrics/derived';
import { columnStoreOf } from '../../../src/metrics/derived-state';
import { channelSql, type Filters } from '../../../src/metrics/filters';
import { computeByChannel } from '../../../src/metrics/queries/by-channel';
import { computeCohorts } from '../../../src/metrics/queries/cohorts';
import { computeKpis } from '../../../src/metrics/queries/kpis';
import { computeRfm } from '../../../src/metrics/queries/rfm';
import { bucketGrouping, computeSeries } from '../../../src/metrics/queries/series';
import {
  BREAKDOWN_METRICS,
  computeBreakdown,
  computeNewVsReturning,
  computeSalesSeries,
} from '../../../src/features/sales/sales-queries';
import { computeDeviceConversion } from '../../../src/features/traffic/traffic-queries';
import { computeBuyerMix } from '../../../src/features/customers/customers-queries';
import type { Period } from '../../../src/metrics/periods';
import { randomShop, SHOP_GRAINS, SHOP_PERIODS } from '../../fixtures/metrics/random-shop';
import { ENGINES, loadTables } from '../../fixtures/metrics/tables';

/**
 * The dashboard answers metric queries from an in-memory copy of the rows (columnar/execute.ts).
 * Its numbers must be the SQL's: here the SQL of the same query, run by the engine, is the
 * independent computation, over a seeded shop full of edge cases, for every aggregate, filter and
 * grouping the pages use.
 */
const PERIODS = SHOP_PERIODS;
const FILTERS: Filters[] = [
  {},
  { channel: ['email'] },
  { channel: ['unattributed', 'direct'] },
  { device: ['mobile'] },
  { region: ['East'] },
  { region: ['East '] },
  { campaign: ['spring'] },
  { channel: ['email'], device: ['desktop'] },
  { currency: 'CNY' },
];
const GRAINS = SHOP_GRAINS;

const ORDER_IDS: ComponentId[] = ['gmv', 'refunds', 'net_revenue', 'discounts', 'orders', 'aov', 'cancelled_orders'];
const BUYER_IDS: ComponentId[] = ['buyers', 'new_buyers', 'returning_buyers', 'repeat_buyers', 'repeat_purchase_rate'];
const TRAFFIC_IDS: ComponentId[] = ['sessions', 'visitors', 'product_views', 'add_to_cart', 'checkouts', 'conversion_rate'];
const USER_IDS: ComponentId[] = ['registrations', 'activated_30d', 'activation_rate_30d'];
/** What date buckets can hold: nothing that compares with the period's start. */
const BUCKET_IDS: ComponentId[] = [...ORDER_IDS, 'buyers', 'repeat_buyers', ...TRAFFIC_IDS, 'registrations', 'activated_30d'];

const dimension = (d: 'channel' | 'region' | 'device'): Grouping => ({
  key: (_s, a) => (d === 'channel' ? channelSql(`${a}.channel`) : `coalesce(nullif(trim(${a}.${d}), ''), '')`),
  columnar: { dimension: d },
});

function groupings(period: Period): [string, readonly ComponentId[], Grouping | undefined][] {
  return [
    ['all', [...KPI_IDS, ...HELPER_IDS], undefined],
    ...GRAINS.map((g): [string, readonly ComponentId[], Grouping] => [`by ${g}`, BUCKET_IDS, bucketGrouping(period, g)]),
    ['by channel', [...ORDER_IDS, ...BUYER_IDS, ...TRAFFIC_IDS, ...USER_IDS], dimension('channel')],
    // Traffic has no region and users no device: those groupings only read the sources that do.
    ['by region', [...ORDER_IDS, ...BUYER_IDS, ...USER_IDS], dimension('region')],
    ['by device', [...ORDER_IDS, ...BUYER_IDS, ...TRAFFIC_IDS], dimension('device')],
    [
      'new vs returning',
      ['gmv', 'orders', 'buyers', 'aov', 'repeat_buyers'],
      {
        key: (_s, a) => `CASE WHEN ${a}.first_paid_date < DATE '${period.from}' THEN 'returning' ELSE 'new' END`,
        columnar: { firstPaidBefore: period.from, before: 'returning', onOrAfter: 'new' },
      },
    ],
  ];
}

describe.each(ENGINES)('the in-memory column store gives the SQL numbers on $name', ({ create }) => {
  let engine: Engine;
  let store: ColumnStore;
  beforeAll(async () => {
    engine = await create();
    await loadTables(engine, randomShop());
    await rebuildDerived(engine, { columnStore: true });
    store = columnStoreOf<ColumnStore>(engine)!;
  });
  afterAll(async () => {
    await engine.close();
  });

  it('copies every paid and cancelled order, traffic row and user', async () => {
    const [counts] = await engine.query<{ o: number; t: number; u: number }>(
      `SELECT (SELECT count(*) FROM orders WHERE status IN ('paid', 'partially_refunded', 'refunded', 'cancelled')) AS o,
              (SELECT count(*) FROM traffic) AS t, (SELECT count(*) FROM users) AS u`,
    );
    expect(store).toBeDefined();
    expect(store.orders.rows).toBe(counts!.o);
    expect(store.traffic?.rows).toBe(counts!.t);
    expect(store.users?.rows).toBe(counts!.u);
  });

  it('for every aggregate, period, filter and grouping', async () => {
    let compared = 0;
    for (const period of PERIODS) {
      for (const filters of FILTERS) {
        const prepared = await prepareContext(engine, period, filters);
        for (const [name, ids, group] of groupings(period)) {
          const query = compileMetricsQuery(ids, prepared.ctx, prepared.description, group);
          if (query.sql === null) continue;
          const fromColumns = answerFromColumns(store, query.aggregates, prepared.ctx, group);
          const label = `${name} ${JSON.stringify(period)} ${JSON.stringify(filters)}`;
          expect(fromColumns, label).not.toBeNull();
          expect(query.finish(fromColumns!), label).toEqual(query.finish(await engine.query(query.sql)));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(PERIODS.length * FILTERS.length * 6);
  }, 120_000);

  it('answers the pages (buyer mix, cohorts and RFM segments too) without SQL, with the numbers of the canonical tables', async () => {
    const pages = async () => {
      const out: unknown[] = [];
      for (const period of PERIODS) {
        for (const filters of FILTERS.slice(0, 5)) {
          out.push(await computeKpis(engine, period, filters));
          for (const grain of GRAINS) {
            out.push(await computeSeries(engine, period, grain, filters));
            out.push(await computeSalesSeries(engine, period, grain, filters));
          }
          for (const d of ['channel', 'region', 'device'] as const) out.push(await computeBreakdown(engine, period, filters, d, BREAKDOWN_METRICS));
          out.push(await computeNewVsReturning(engine, period, filters));
          out.push(await computeByChannel(engine, period, filters));
          out.push(await computeDeviceConversion(engine, period, filters));
          out.push(await computeBuyerMix(engine, period, filters));
          out.push(await computeCohorts(engine, period, filters, 'in_month'));
          out.push(await computeCohorts(engine, period, filters, 'in_or_after'));
          out.push(await computeRfm(engine, period.to, filters));
        }
      }
      return out;
    };
    const spy = vi.spyOn(engine, 'query');
    const fromStore = await pages();
    // Metric queries (agg_ CTEs), the buyer mix (a bitmap of customer ids), cohorts and RFM segments never reach the engine.
    const metricSql = spy.mock.calls.filter(([sql]) => /agg_|bitstring_agg|cohort_orders|customer_values/.test(sql));
    spy.mockRestore();
    expect(metricSql).toEqual([]);

    await dropDerived(engine);
    try {
      expect(fromStore).toEqual(await pages());
    } finally {
      await rebuildDerived(engine, { columnStore: true });
      store = columnStoreOf<ColumnStore>(engine)!;
    }
  }, 120_000);

  it('leaves to SQL what it does not hold: the category filter', async () => {
    // The shop holds no line items, so the filter would block orders; say it does not.
    const prepared = await prepareContext(engine, PERIODS[1]!);
    const ctx = { ...prepared.ctx, filters: { category: ['shoes'] } };
    const query = compileMetricsQuery(['gmv', 'orders'], ctx, prepared.description);
    expect(query.aggregates.map((d) => d.id)).toEqual(['gmv', 'orders']);
    expect(answerFromColumns(store, query.aggregates, ctx)).toBeNull();
  });

  it('is dropped when the derived tables are rebuilt without it', async () => {
    await rebuildDerived(engine);
    expect(columnStoreOf(engine)).toBeUndefined();
    await rebuildDerived(engine, { columnStore: true });
    store = columnStoreOf<ColumnStore>(engine)!;
    expect(store).toBeDefined();
  });
});
