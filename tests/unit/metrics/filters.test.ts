import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { MixedCurrencyError, prepareContext } from '../../../src/metrics/context';
import { describeData } from '../../../src/metrics/describe';
import { computeKpis } from '../../../src/metrics/queries/kpis';
import { computeByChannel } from '../../../src/metrics/queries/by-channel';
import { ENGINES, loadTables, MARCH_SHOP, type OrderFixture } from '../../fixtures/metrics/tables';

const MARCH = { from: '2025-03-01', to: '2025-03-31' };

describe.each(ENGINES)('filters on $name', ({ create }) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await create();
  });
  afterAll(async () => {
    await engine.close();
  });

  describe('on the March shop', () => {
    beforeAll(async () => {
      await loadTables(engine, { ...MARCH_SHOP, users: MARCH_SHOP.users.map((u) => ({ ...u, channel: 'email' })) });
    });

    it('channel filters orders, traffic and users alike', async () => {
      const kpis = await computeKpis(engine, MARCH, { channel: ['email'] });
      expect(kpis).toMatchObject({
        gmv: 100, // o2 60 + o3 40
        orders: 2,
        buyers: 1, // alice
        returning_buyers: 1,
        cancelled_orders: 1, // o7 is email
        sessions: 300, // Mar 1 email row
        conversion_rate: 2 / 300,
        registrations: 5, // every user is email in this variant
      });
    });

    it('region: orders filtered; traffic and users (no region values) cannot be, so their KPIs are null', async () => {
      const kpis = await computeKpis(engine, MARCH, { region: ['North'] });
      expect(kpis).toMatchObject({
        gmv: 60, // o2 only
        orders: 1,
        sessions: null,
        visitors: null,
        conversion_rate: null,
        buyer_conversion_rate: null,
        registrations: null,
        activation_rate_30d: null,
      });
      const { unsupported } = await prepareContext(engine, MARCH, { region: ['North'] });
      expect(unsupported).toEqual({ traffic: ['region'], users: ['region'] });
    });

    it('category keeps orders with an item of the category, whole order totals', async () => {
      const kpis = await computeKpis(engine, MARCH, { category: ['Bedding'] });
      expect(kpis).toMatchObject({ gmv: 140, orders: 2, buyers: 2, sessions: null }); // o2 60 + o4 80
      const both = await computeKpis(engine, MARCH, { category: ['Bedding', 'Bath'] });
      expect(both).toMatchObject({ gmv: 180, orders: 3 }); // o2 + o3 + o4, o4 counted once
    });

    it('filters combine with AND and an empty list filters nothing', async () => {
      expect(await computeKpis(engine, MARCH, { channel: ['email'], category: ['Bath'] })).toMatchObject({
        gmv: 40,
        orders: 1,
      });
      expect(await computeKpis(engine, MARCH, { channel: [], region: [] })).toMatchObject({ gmv: 205, sessions: 500 });
    });

    it('by channel honours the channel filter', async () => {
      const rows = await computeByChannel(engine, MARCH, { channel: ['paid_search'] });
      expect(rows).toEqual([{ channel: 'paid_search', gmv: 80, orders: 1, sessions: 200, conversion_rate: 0.005 }]);
    });

    it('describes which dimensions each table carries', async () => {
      const d = await describeData(engine);
      expect(d.orders.dimensions.sort()).toEqual(['category', 'channel', 'currency', 'region']);
      expect(d.traffic.dimensions).toEqual(['channel']);
      expect(d.users.dimensions).toEqual(['channel']);
      expect(d.orders).toMatchObject({
        rows: 10,
        firstDate: '2025-02-10',
        lastDate: '2025-04-12',
        currencies: ['USD'],
      });
      expect(d.traffic).toMatchObject({
        rows: 3,
        firstDate: '2025-03-01',
        lastDate: '2025-04-01',
        optionalColumns: ['visitors'],
      });
      expect(d.users).toMatchObject({ rows: 6, firstDate: '2025-01-20', lastDate: '2025-03-31' });
    });
  });

  it('category without line items cannot filter orders: order KPIs null', async () => {
    await loadTables(engine, { orders: MARCH_SHOP.orders, traffic: MARCH_SHOP.traffic });
    const kpis = await computeKpis(engine, MARCH, { category: ['Bedding'] });
    expect(kpis).toMatchObject({ gmv: null, orders: null, sessions: null });
    expect((await prepareContext(engine, MARCH, { category: ['Bedding'] })).unsupported).toEqual({
      orders: ['category'],
      traffic: ['category'],
    });
  });

  describe('currencies', () => {
    const ORDERS: OrderFixture[] = [
      { id: '1', customer: 'a', at: '2025-03-02', status: 'paid', total: 100, currency: 'USD' },
      { id: '2', customer: 'b', at: '2025-03-03', status: 'paid', total: 90, currency: 'EUR' },
      { id: '3', customer: 'c', at: '2025-03-04', status: 'paid', total: 80, currency: 'EUR' },
      { id: '4', customer: 'd', at: '2025-03-05', status: 'paid', total: 70, currency: null },
    ];

    it('refuses to sum several currencies without a choice', async () => {
      await loadTables(engine, { orders: ORDERS });
      await expect(computeKpis(engine, MARCH)).rejects.toBeInstanceOf(MixedCurrencyError);
      await expect(computeKpis(engine, MARCH)).rejects.toThrow(/EUR, USD/);
    });

    it('gives the chosen currency only; orders without one are left out when there are several', async () => {
      await loadTables(engine, { orders: ORDERS });
      expect(await computeKpis(engine, MARCH, { currency: 'EUR' })).toMatchObject({ gmv: 170, orders: 2 });
      expect(await computeKpis(engine, MARCH, { currency: 'USD' })).toMatchObject({ gmv: 100, orders: 1 });
    });

    it('with one currency, orders without a currency count in it', async () => {
      await loadTables(engine, { orders: ORDERS.filter((o) => o.currency !== 'EUR') });
      expect(await computeKpis(engine, MARCH)).toMatchObject({ gmv: 170, orders: 2 }); // 100 + 70
      expect(await computeKpis(engine, MARCH, { currency: 'USD' })).toMatchObject({ gmv: 170 });
      const { currency } = await prepareContext(engine, MARCH);
      expect(currency).toBe('USD');
    });
  });
});
