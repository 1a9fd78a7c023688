import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNodeWasmEngine } from '../../../src/engine/node';
import { dropDerived, rebuildDerived } from '../../../src/metrics/derived';
import type { Filters } from '../../../src/metrics/filters';
import {
  bucketGrouping,
  CATEGORY_GROUPING,
  CUSTOMER_STATUS_GROUPING,
  dimensionGrouping,
  type Grouping,
} from '../../../src/metrics/groupings';
import { contextFor, queryMetrics } from '../../../src/metrics/context';
import { describeData } from '../../../src/metrics/describe';
import { planQuery } from '../../../src/metrics/plan';
import { computeKpis } from '../../../src/metrics/queries/kpis';
import { isAggregate, withDependencies, KPI_IDS } from '../../../src/metrics/registry';
import { runMetricSql } from '../../../src/metrics/result-cache';
import { loadTables, MARCH_SHOP } from '../../fixtures/metrics/tables';

/** The planner reads the registry's fields, the filters' dimensions and the grouping's kind: never SQL text. */
const MARCH = { from: '2025-03-01', to: '2025-03-31' };
const kpiAggregates = withDependencies(KPI_IDS).filter(isAggregate);

function plan(filters: Filters, group?: Grouping, derived = true): Record<string, string> {
  return Object.fromEntries(
    planQuery(kpiAggregates, { filters, derived }, group).map((p) => [p.scope, p.by ? `${p.from} by ${p.by}` : p.from]),
  );
}

describe('the query planner', () => {
  it('sums every scope but buyers from the daily totals when nothing stands in the way', () => {
    expect(plan({})).toEqual({
      paid_orders: 'totals',
      period_buyers: 'rows',
      cancelled_orders: 'totals',
      traffic_rows: 'totals',
      registrations: 'totals',
    });
  });

  it('keeps the daily totals under a currency, which they carry, and which traffic has no use for', () => {
    expect(plan({ currency: 'USD' })).toMatchObject({ paid_orders: 'totals', traffic_rows: 'totals' });
  });

  it('reads rows without the derived tables', () => {
    expect(Object.values(plan({}, undefined, false))).toEqual(['rows', 'rows', 'rows', 'rows', 'rows']);
  });

  it('reads the totals kept by the one dimension a query names, and the full rollup for two', () => {
    expect(plan({ channel: ['email'] })).toMatchObject({
      paid_orders: 'totals by channel',
      traffic_rows: 'totals by channel',
    });
    expect(plan({ channel: ['email'], currency: 'USD' }, dimensionGrouping('channel')).paid_orders).toBe(
      'totals by channel',
    );
    expect(plan({ device: ['mobile'] }, dimensionGrouping('device')).traffic_rows).toBe('totals by device');
    expect(plan({ channel: ['email'] }, dimensionGrouping('region')).paid_orders).toBe('rollup');
    // Users carry no device: a device filter leaves registrations to the totals, as it leaves them unfiltered.
    expect(plan({ device: ['mobile'] }).registrations).toBe('totals');
  });

  it('keeps the rollups under filters they carry, and leaves them for a category filter on orders only', () => {
    expect(plan({ channel: ['email'], device: ['mobile'], currency: 'USD' }).paid_orders).toBe('rollup');
    const byCategory = plan({ category: ['Bath'] });
    expect([byCategory.paid_orders, byCategory.cancelled_orders]).toEqual(['rows', 'rows']);
    expect([byCategory.traffic_rows, byCategory.registrations]).toEqual(['totals', 'totals']);
  });

  it('groups by buckets from the totals, by rollup dimensions from the rollups, by category or new vs returning from rows', () => {
    expect(plan({}, bucketGrouping(MARCH, 'week')).paid_orders).toBe('totals');
    expect(plan({}, dimensionGrouping('region')).registrations).toBe('totals by region');
    expect(plan({}, CATEGORY_GROUPING).paid_orders).toBe('rows');
    expect(plan({}, CUSTOMER_STATUS_GROUPING).paid_orders).toBe('rows');
  });
});

describe('the result cache', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeWasmEngine();
    await loadTables(engine, MARCH_SHOP);
  });
  afterAll(async () => {
    await engine.close();
  });

  it('answers the same SQL on the same build once, and again after a rebuild', async () => {
    await rebuildDerived(engine);
    const spy = vi.spyOn(engine, 'query');
    try {
      const first = await computeKpis(engine, MARCH);
      const calls = spy.mock.calls.length;
      expect(calls).toBeGreaterThan(0);
      expect(await computeKpis(engine, MARCH)).toEqual(first);
      expect(spy.mock.calls.length).toBe(calls);
      await rebuildDerived(engine);
      expect(await computeKpis(engine, MARCH)).toEqual(first);
      expect(spy.mock.calls.length).toBeGreaterThan(calls);
    } finally {
      spy.mockRestore();
    }
  });

  it('hands back the same finished rows for a result it kept, per query, until the next build', async () => {
    await rebuildDerived(engine);
    const description = await describeData(engine);
    const prepared = contextFor(description, MARCH, {}, true);
    const first = await queryMetrics(engine, prepared, ['gmv', 'orders']);
    // Hand-counted in MARCH_SHOP: March's paid orders on the wall clock are o2, o3, o4 and o8 (60 + 40 + 80 + 25).
    expect(first).toEqual([{ grp: 'all', gmv: 205, orders: 4 }]);
    expect(await queryMetrics(engine, prepared, ['gmv', 'orders'])).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first[0])).toBe(true);
    // The same SQL asked for fewer ids finishes to other rows; after a rebuild the result is read again.
    expect(await queryMetrics(engine, prepared, ['gmv'])).toEqual([{ grp: 'all', gmv: 205 }]);
    await engine.run("UPDATE orders SET order_total = 35 WHERE order_id = 'o8'");
    await rebuildDerived(engine);
    const rebuilt = contextFor(await describeData(engine), MARCH, {}, true);
    expect(await queryMetrics(engine, rebuilt, ['gmv', 'orders'])).toEqual([{ grp: 'all', gmv: 215, orders: 4 }]);
    await engine.run("UPDATE orders SET order_total = 25 WHERE order_id = 'o8'");
    await rebuildDerived(engine);
  });

  it('keeps nothing without derived tables: the data may change under it', async () => {
    await dropDerived(engine);
    const sql = 'SELECT count(*) AS n FROM orders';
    expect(await runMetricSql(engine, sql)).toEqual([{ n: 10 }]);
    await engine.run("DELETE FROM orders WHERE order_id = 'o1'");
    expect(await runMetricSql(engine, sql)).toEqual([{ n: 9 }]);
  });
});
