import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { computeCohorts } from '../../../src/metrics/queries/cohorts';
import { computeKpis } from '../../../src/metrics/queries/kpis';
import { ENGINES, loadTables, WORKED_EXAMPLE } from '../../fixtures/metrics/tables';

/** METRICS.md "A worked example", number for number. */
describe.each(ENGINES)('the worked example of METRICS.md on $name', ({ create }) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await create();
    await loadTables(engine, WORKED_EXAMPLE);
  });
  afterAll(async () => {
    await engine.close();
  });

  it('gives the KPIs of February exactly', async () => {
    const kpis = await computeKpis(engine, { from: '2025-02-01', to: '2025-02-28' });
    expect(kpis).toMatchObject({
      gmv: 200, // 50 + 80 + 40 + 30
      refunds: 90, // 80 + 10
      net_revenue: 110,
      orders: 4,
      buyers: 3, // a, b, d
      aov: 50,
      new_buyers: 2, // b, d
      returning_buyers: 1, // a
      refund_rate: 0.45,
      cancelled_orders: 1,
      cancellation_rate: 0.2, // 1 / (4 + 1)
      conversion_rate: 0.01, // 4 / 400
    });
    expect(kpis.revenue_per_buyer).toBeCloseTo(66.67, 2); // 200 / 3
    expect(kpis.returning_customer_rate).toBeCloseTo(0.3333, 4); // 1 / 3
    expect(kpis.repeat_purchase_rate).toBeCloseTo(0.3333, 4); // b: 2 orders
  });

  it('keeps order 6 (23:30 at -0800) on February 28', async () => {
    const lastDay = await computeKpis(engine, { from: '2025-02-28', to: '2025-02-28' });
    expect(lastDay.gmv).toBe(30);
  });

  it('gives the cohorts of 2025-01-01..2025-02-28', async () => {
    const cohorts = await computeCohorts(engine, { from: '2025-01-01', to: '2025-02-28' });
    expect(cohorts).toEqual([
      // a: 100 in January, 50 in February
      { cohort: '2025-01', customers: 1, retention: [1, 1], revenue: [100, 50], ltv: [100, 150] },
      // b and d: 80 + 40 + 30 = 150 in February; ltv 150 / 2
      { cohort: '2025-02', customers: 2, retention: [1], revenue: [150], ltv: [75] },
    ]);
  });
});
