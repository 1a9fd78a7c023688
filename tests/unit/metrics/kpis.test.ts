import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { computeKpis, type Kpis } from '../../../src/metrics/queries/kpis';
import { KPI_IDS, type MetricId } from '../../../src/metrics/registry';
import { rebuildDerived, dropDerived } from '../../../src/metrics/derived';
import { computeSeriesOf } from '../../../src/metrics/queries/series';
import { prepareContext, queryMetrics } from '../../../src/metrics/context';
import { CUSTOMER_STATUS_GROUPING } from '../../../src/metrics/groupings';
import { ENGINES, loadTables, MARCH_KPIS, MARCH_SHOP, type OrderFixture } from '../../fixtures/metrics/tables';

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

  it('splits March into new and returning customers by hand, with and without the derived tables', async () => {
    // returning: alice (first paid Feb 10): o2 60 + o3 40, one buyer, no cancelled order.
    // new: bob (o4 80) and dave (o8 25); dave's cancelled o11, and carol's o7: she never paid, so
    // hers is a new customer's too.
    const shop = await create();
    const dave = { id: 'o11', customer: 'dave', at: '2025-03-21', status: 'cancelled', total: 10 } as const;
    await loadTables(shop, { ...MARCH_SHOP, orders: [...MARCH_SHOP.orders, dave] });
    const expected = [
      { grp: 'new', gmv: 105, orders: 2, buyers: 2, cancelled_orders: 2 },
      { grp: 'returning', gmv: 100, orders: 2, buyers: 1, cancelled_orders: 0 },
    ];
    const split = async () => {
      const rows = await queryMetrics(
        shop,
        await prepareContext(shop, MARCH),
        ['gmv', 'orders', 'buyers', 'cancelled_orders'],
        CUSTOMER_STATUS_GROUPING,
      );
      return [...rows]
        .map(({ grp, gmv, orders, buyers, cancelled_orders }) => ({ grp, gmv, orders, buyers, cancelled_orders }))
        .sort((a, b) => String(a.grp).localeCompare(String(b.grp)));
    };
    try {
      expect(await split()).toEqual(expected);
      await rebuildDerived(shop);
      expect(await split()).toEqual(expected);
    } finally {
      await shop.close();
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

describe.each(ENGINES)('buyers at the edges of a span on $name', ({ create }) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await create();
  });
  afterAll(async () => {
    await engine.close();
  });

  // Buyers at the edges of 2025-05-10..2025-05-20, worked by hand. With the derived tables the
  // unfiltered span counts each customer's first paid order in it (previous paid date before the
  // span, next paid date at most the span's end for repeat buyers); filtered, or by week, it groups
  // the orders by customer.
  //   a  paid 05-09, paid 05-10             buyer, returning
  //   b  paid 05-10 twice (b2 direct)       buyer, new, repeat (two orders on one day)
  //   c  paid 05-15, paid 05-20 (the end)   buyer, new, repeat
  //   d  paid 05-20, paid 05-21 (after)     buyer, new
  //   e  paid 05-01, cancelled 05-12        not a buyer
  //   f  cancelled 05-11, paid 05-12        buyer, new (a cancelled order is no previous paid order)
  //   g  paid 04-01, 05-18, 05-19           buyer, returning, repeat
  //   h  refunded 05-14, paid 05-16         buyer, new, repeat (refunded is paid)
  //   i  pending 05-13                      not a buyer
  // Unfiltered: buyers 7, new 5 (b c d f h), returning 2 (a g), repeat 4 (b c g h).
  // Email only (b2 is direct): b has one order in it, so repeat 3; new and returning as above.
  const EDGE_ORDERS: OrderFixture[] = [
    { id: 'a1', customer: 'a', at: '2025-05-09T10:00:00', status: 'paid', total: 10 },
    { id: 'a2', customer: 'a', at: '2025-05-10T10:00:00', status: 'paid', total: 10 },
    { id: 'b1', customer: 'b', at: '2025-05-10T09:00:00', status: 'paid', total: 10 },
    { id: 'b2', customer: 'b', at: '2025-05-10T18:00:00', status: 'paid', total: 10, channel: 'direct' },
    { id: 'c1', customer: 'c', at: '2025-05-15T10:00:00', status: 'paid', total: 10 },
    { id: 'c2', customer: 'c', at: '2025-05-20T23:00:00', status: 'paid', total: 10 },
    { id: 'd1', customer: 'd', at: '2025-05-20T10:00:00', status: 'paid', total: 10 },
    { id: 'd2', customer: 'd', at: '2025-05-21T00:30:00', status: 'paid', total: 10 },
    { id: 'e1', customer: 'e', at: '2025-05-01T10:00:00', status: 'paid', total: 10 },
    { id: 'e2', customer: 'e', at: '2025-05-12T10:00:00', status: 'cancelled', total: 10 },
    { id: 'f1', customer: 'f', at: '2025-05-11T10:00:00', status: 'cancelled', total: 10 },
    { id: 'f2', customer: 'f', at: '2025-05-12T10:00:00', status: 'paid', total: 10 },
    { id: 'g1', customer: 'g', at: '2025-04-01T10:00:00', status: 'paid', total: 10 },
    { id: 'g2', customer: 'g', at: '2025-05-18T10:00:00', status: 'paid', total: 10 },
    { id: 'g3', customer: 'g', at: '2025-05-19T10:00:00', status: 'paid', total: 10 },
    { id: 'h1', customer: 'h', at: '2025-05-14T10:00:00', status: 'refunded', total: 10, refund: 10 },
    { id: 'h2', customer: 'h', at: '2025-05-16T10:00:00', status: 'paid', total: 10 },
    { id: 'i1', customer: 'i', at: '2025-05-13T10:00:00', status: 'pending', total: 10 },
  ].map((o) => ({ channel: 'email', ...o }) as OrderFixture);
  const EDGE_SPAN = { from: '2025-05-10', to: '2025-05-20' };

  // The same orders by week over 2025-05-09..2025-05-20 (weeks start on Monday): each bucket is a
  // span of its own, clipped to the period.
  //   05-09..05-11  a (a1 a2), b (b1 b2): buyers 2, new 2, returning 0, repeat 2 (email only: 1, b2 is direct)
  //   05-12..05-18  c1, f2, g2, h1 h2:    buyers 4, new 3 (c f h), returning 1 (g), repeat 1 (h)
  //   05-19..05-20  c2, d1, g3:           buyers 3, new 1 (d), returning 2 (c g: earlier orders in the week before), repeat 0
  const WEEKS = { from: '2025-05-09', to: '2025-05-20' };
  const WEEKLY_IDS = ['buyers', 'new_buyers', 'returning_buyers', 'repeat_buyers'] as const;

  it.each([
    ['without', false],
    ['with', true],
  ])('counts buyers at the edges of a span and of each week by hand, %s the derived tables', async (_, derived) => {
    await loadTables(engine, { orders: EDGE_ORDERS });
    if (derived) await rebuildDerived(engine);
    const weekly = async (filters = {}) =>
      (await computeSeriesOf(engine, WEEKS, 'week', WEEKLY_IDS, filters)).map((r) => WEEKLY_IDS.map((id) => r[id]));
    try {
      expectKpis(await computeKpis(engine, EDGE_SPAN), {
        buyers: 7,
        new_buyers: 5,
        returning_customer_rate: 2 / 7,
        repeat_purchase_rate: 4 / 7,
      });
      expectKpis(await computeKpis(engine, EDGE_SPAN, { channel: ['email'] }), {
        buyers: 7,
        new_buyers: 5,
        returning_customer_rate: 2 / 7,
        repeat_purchase_rate: 3 / 7,
      });
      expect(await weekly()).toEqual([
        [2, 2, 0, 2],
        [4, 3, 1, 1],
        [3, 1, 2, 0],
      ]);
      expect(await weekly({ channel: ['email'] })).toEqual([
        [2, 2, 0, 1],
        [4, 3, 1, 1],
        [3, 1, 2, 0],
      ]);
    } finally {
      if (derived) await dropDerived(engine);
    }
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
