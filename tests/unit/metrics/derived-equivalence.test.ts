import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { dropDerived, rebuildDerived } from '../../../src/metrics/derived';
import type { Filters } from '../../../src/metrics/filters';
import { computeByChannel } from '../../../src/metrics/queries/by-channel';
import { computeKpis } from '../../../src/metrics/queries/kpis';
import { bucketGrouping, computeSeries } from '../../../src/metrics/queries/series';
import { compileMetricsSql } from '../../../src/metrics/compile';
import { dimensionGrouping, type Grouping } from '../../../src/metrics/groupings';
import { prepareContext, queryMetrics } from '../../../src/metrics/context';
import { KPI_IDS, type ComponentId } from '../../../src/metrics/registry';
import {
  computeBreakdown,
  computeNewVsReturning,
  computeSalesSeries,
  BREAKDOWN_METRICS,
} from '../../../src/features/sales/sales-queries';
import { computeDeviceConversion } from '../../../src/features/traffic/traffic-queries';
import { ENGINES, loadTables } from '../../fixtures/metrics/tables';
import { randomShop, SHOP_GRAINS, SHOP_PERIODS } from '../../fixtures/metrics/random-shop';

/**
 * The derived tables (ys_orders, the per-customer table and the daily rollups generated from the
 * registry, which plan.test.ts shows these queries read) must give exactly the numbers the
 * canonical tables give. The canonical path is plain
 * SQL over `orders` with distinct counts: it is the independent computation here. The data is
 * random but seeded, and made to hold the cases the shortcuts must get right: several orders of
 * one customer on one day, unpaid orders between paid ones, blank and padded dimension values,
 * and customers whose first paid order is before, inside and after a period.
 */
const PERIODS = SHOP_PERIODS;
const FILTERS: Filters[] = [{}, { channel: ['email'] }, { device: ['mobile'] }, { region: ['East'] }];
const GRAINS = SHOP_GRAINS;

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
          out.push(
            await engine.query(compileMetricsSql(['buyers', 'repeat_buyers'], ctx, bucketGrouping(period, grain))),
          );
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
      [['gmv', 'orders', 'sessions', 'conversion_rate'], dimensionGrouping('channel')],
      [['gmv', 'net_revenue', 'buyers', 'aov', 'registrations'], dimensionGrouping('region')],
    ];
    for (const derived of [false, true]) {
      if (derived) await rebuildDerived(engine);
      else await dropDerived(engine);
      for (const period of PERIODS) {
        for (const filters of FILTERS) {
          const prepared = await prepareContext(engine, period, filters);
          const all = [...groupings];
          for (const grain of GRAINS)
            all.push([
              ['gmv', 'buyers', 'repeat_buyers', 'sessions', 'visitors', 'conversion_rate'],
              bucketGrouping(period, grain),
            ]);
          for (const [ids, group] of all) {
            const lean = await queryMetrics(engine, prepared, ids, group);
            const standalone = await engine.query(compileMetricsSql(ids, prepared.ctx, group));
            expect(
              lean,
              `${JSON.stringify(period)} ${JSON.stringify(filters)} ${ids.join(',')} derived=${derived}`,
            ).toEqual(standalone);
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
