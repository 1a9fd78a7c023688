import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { computeByChannel } from '../../../src/metrics/queries/by-channel';
import { computeFunnel } from '../../../src/metrics/queries/funnel';
import { ENGINES, loadTables, type OrderFixture, type TrafficFixture } from '../../fixtures/metrics/tables';

const MAY = { from: '2025-05-01', to: '2025-05-31' };
const ORDERS: OrderFixture[] = [
  { id: '1', customer: 'a', at: '2025-05-02', status: 'paid', total: 100, channel: 'email' },
  { id: '2', customer: 'b', at: '2025-05-03', status: 'paid', total: 50, channel: 'email' },
  { id: '3', customer: 'c', at: '2025-05-04', status: 'paid', total: 30, channel: 'unattributed' }, // no channel in the export
  { id: '4', customer: 'd', at: '2025-05-05', status: 'refunded', total: 20, refund: 20, channel: 'paid_search' },
  { id: '5', customer: 'e', at: '2025-05-06', status: 'cancelled', total: 80, channel: 'affiliate' }, // not a paid order
  { id: '6', customer: 'f', at: '2025-06-01', status: 'paid', total: 70, channel: 'display' }, // after May
];
// No add_to_cart column in this export.
const TRAFFIC: TrafficFixture[] = [
  { date: '2025-05-01', channel: 'email', sessions: 400, product_views: 200, checkouts: 20 },
  { date: '2025-05-02', channel: 'paid_search', sessions: 500, product_views: 300, checkouts: 30 },
  { date: '2025-05-03', channel: 'organic_search', sessions: 100, product_views: 100, checkouts: 10 },
];

describe.each(ENGINES)('funnel and channels on $name', ({ create }) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await create();
    await loadTables(engine, { orders: ORDERS, traffic: TRAFFIC });
  });
  afterAll(async () => {
    await engine.close();
  });

  it('leaves out the step the traffic lacks; rates refer to the step before in the list', async () => {
    expect(await computeFunnel(engine, MAY)).toEqual([
      { step: 'sessions', count: 1000, rate_from_previous: null, rate_from_sessions: 1 }, // 400 + 500 + 100
      { step: 'product_views', count: 600, rate_from_previous: 0.6, rate_from_sessions: 0.6 },
      // add_to_cart is missing: checkouts compare with product views
      { step: 'checkouts', count: 60, rate_from_previous: 0.1, rate_from_sessions: 0.06 },
      // paid orders 1..4
      { step: 'orders', count: 4, rate_from_previous: 4 / 60, rate_from_sessions: 0.004 },
    ]);
  });

  it('has no funnel without traffic', async () => {
    const other = await create();
    try {
      await loadTables(other, { orders: ORDERS });
      expect(await computeFunnel(other, MAY)).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('gives one row per channel with a paid order or traffic, orders without a channel under unattributed', async () => {
    expect(await computeByChannel(engine, MAY)).toEqual([
      { channel: 'organic_search', gmv: 0, orders: 0, sessions: 100, conversion_rate: 0 }, // traffic only
      { channel: 'paid_search', gmv: 20, orders: 1, sessions: 500, conversion_rate: 0.002 }, // 1 / 500
      { channel: 'email', gmv: 150, orders: 2, sessions: 400, conversion_rate: 0.005 }, // 2 / 400
      // affiliate has only a cancelled order and display only a June order: no rows
      { channel: 'unattributed', gmv: 30, orders: 1, sessions: 0, conversion_rate: null },
    ]);
  });

  it('gives null sessions per channel without traffic', async () => {
    const other = await create();
    try {
      await loadTables(other, { orders: ORDERS });
      expect(await computeByChannel(other, MAY)).toEqual([
        { channel: 'paid_search', gmv: 20, orders: 1, sessions: null, conversion_rate: null },
        { channel: 'email', gmv: 150, orders: 2, sessions: null, conversion_rate: null },
        { channel: 'unattributed', gmv: 30, orders: 1, sessions: null, conversion_rate: null },
      ]);
    } finally {
      await other.close();
    }
  });
});
