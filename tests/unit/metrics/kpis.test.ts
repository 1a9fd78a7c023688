import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { computeKpis, type Kpis } from '../../../src/metrics/queries/kpis';
import { KPI_IDS, type MetricId } from '../../../src/metrics/registry';
import { rebuildDerived, dropDerived } from '../../../src/metrics/derived';
import { ENGINES, loadTables, MARCH_KPIS, MARCH_SHOP } from '../../fixtures/metrics/tables';

const MARCH = { from: '2025-03-01', to: '2025-03-31' };

const ALL_NULL = Object.fromEntries(KPI_IDS.map((id) => [id, null])) as Kpis;

function expectKpis(actual: Kpis, expected: Partial<Kpis>): void {
  for (const [id, value] of Object.entries(expected) as [MetricId, number | null][]) {
    if (value === null) expect(actual[id], id).toBeNull();
    else expect(actual[id], id).toBeCloseTo(value, 10);
  }
}

describe.each(ENGINES)('KPIs on $name', ({ create }) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await create();
    await loadTables(engine, MARCH_SHOP);
  });
  afterAll(async () => {
    await engine.close();
  });

  it('computes every KPI of March by hand', async () => {
    const kpis = await computeKpis(engine, MARCH);
    expect(Object.keys(kpis)).toEqual([...KPI_IDS]);
    expectKpis(kpis, MARCH_KPIS);
  });

  it('gives the same numbers from the derived customer table', async () => {
    await rebuildDerived(engine);
    await rebuildDerived(engine); // idempotent
    try {
      expectKpis(await computeKpis(engine, MARCH), MARCH_KPIS);
    } finally {
      await dropDerived(engine);
    }
  });

  it.each([
    // [case, period, expected]
    [
      'a period inside the data with no orders: counts 0, sums 0, ratios null',
      { from: '2025-03-02', to: '2025-03-09' },
      {
        ...MARCH_KPIS,
        gmv: 0,
        refunds: 0,
        net_revenue: 0,
        discounts: 0,
        orders: 0,
        buyers: 0,
        aov: null,
        revenue_per_buyer: null,
        new_buyers: 0,
        returning_buyers: 0,
        returning_customer_rate: null,
        repeat_purchase_rate: null,
        refund_rate: null,
        cancelled_orders: 0,
        cancellation_rate: null,
        sessions: 0, // traffic covers Mar 1..Apr 1 but has no row in Mar 2..9
        visitors: 0,
        conversion_rate: null,
        buyer_conversion_rate: null,
        registrations: 1, // Bob, Mar 5
        activation_rate_30d: 1, // Bob activated
      },
    ],
    [
      'a period after all the data: nothing to speak of, every KPI null',
      { from: '2030-01-01', to: '2030-01-31' },
      ALL_NULL,
    ],
    [
      'a single day at the wall-clock edge: Mar 31 holds o4 at 23:59:59-0500, not o5',
      { from: '2025-03-31', to: '2025-03-31' },
      { gmv: 80, orders: 1, buyers: 1, new_buyers: 1, refunds: 20, sessions: 200, conversion_rate: 1 / 200 },
    ],
    [
      'Apr 1 on the wall clock holds o5 at 00:00:01+1400',
      { from: '2025-04-01', to: '2025-04-01' },
      { gmv: 999, orders: 1, buyers: 1, new_buyers: 0, returning_buyers: 1, sessions: 999 },
    ],
    [
      'Mar 1 on the wall clock holds o2 at 00:15+0900',
      { from: '2025-03-01', to: '2025-03-01' },
      { gmv: 60, orders: 1, discounts: 5, returning_buyers: 1 },
    ],
  ] as const)('%s', async (_name, period, expected) => {
    expectKpis(await computeKpis(engine, period), expected);
  });
});

describe.each(ENGINES)('missing sources on $name', ({ create }) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await create();
  });
  afterAll(async () => {
    await engine.close();
  });

  it('without traffic the traffic KPIs are null and their keys present', async () => {
    await loadTables(engine, { orders: MARCH_SHOP.orders, users: MARCH_SHOP.users });
    const kpis = await computeKpis(engine, MARCH);
    expect(Object.keys(kpis)).toEqual([...KPI_IDS]);
    expectKpis(kpis, { sessions: null, visitors: null, conversion_rate: null, buyer_conversion_rate: null, gmv: 205 });
  });

  it('without users the user KPIs are null', async () => {
    await loadTables(engine, { orders: MARCH_SHOP.orders, traffic: MARCH_SHOP.traffic });
    expectKpis(await computeKpis(engine, MARCH), { registrations: null, activation_rate_30d: null, sessions: 500 });
  });

  it('without orders activation is unknown, registrations still count', async () => {
    await loadTables(engine, { users: MARCH_SHOP.users, traffic: MARCH_SHOP.traffic });
    expectKpis(await computeKpis(engine, MARCH), {
      registrations: 5,
      activation_rate_30d: null,
      gmv: null,
      orders: null,
      conversion_rate: null,
      sessions: 500,
    });
  });

  it('without visitors in the traffic export visitors and buyer conversion are null', async () => {
    await loadTables(engine, {
      orders: MARCH_SHOP.orders,
      traffic: MARCH_SHOP.traffic.map((t) => ({ ...t, visitors: null })),
    });
    expectKpis(await computeKpis(engine, MARCH), { visitors: null, buyer_conversion_rate: null, sessions: 500 });
  });

  it('with nothing loaded every KPI is null', async () => {
    await loadTables(engine, {});
    expect(await computeKpis(engine, MARCH)).toEqual(ALL_NULL);
  });
});
