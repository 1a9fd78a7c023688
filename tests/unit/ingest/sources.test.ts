import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNodeWasmEngine } from '../../../src/engine/node';
import { detectFile, importFile } from '../../../src/ingest/import';
import { fixture, one, resetTables, textFile } from './helpers';

// One fixture per recognised source, in the layout the platform really exports
// (scripts/make-ingest-fixtures.ts). Every expected number below is worked out by hand from
// the fixture rows, never taken from the importer. Money is DECIMAL in the tables; sums are
// cast to DOUBLE in SQL so the comparison is against the exact decimal value.

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeWasmEngine();
});
afterAll(async () => {
  await engine.close();
});
beforeEach(async () => {
  await resetTables(engine);
});

describe('Shopify orders export', () => {
  it('is recognised from its header before loading', async () => {
    const d = await detectFile(engine, fixture('shopify_orders_export.csv'));
    expect(d).toMatchObject({
      table: 'orders',
      source: 'shopify_orders',
      recognised: true,
      encoding: 'utf-8',
      delimiter: ',',
    });
    expect(d.header).toHaveLength(79);
    expect(d.preview[0]).toMatchObject({ Name: '#1001', 'Financial Status': 'paid', Total: '75.20' });
  });

  it('groups line-item rows into orders, maps Financial Status and keeps the wall clock', async () => {
    const r = await importFile(engine, fixture('shopify_orders_export.csv'));
    // 10 data rows: #1001 ×2, #1002, #1003, #1004 ×3, #1005, #1006 → 6 orders, 9 line items.
    expect(r).toMatchObject({
      table: 'orders',
      source: 'shopify_orders',
      rowsRead: 6,
      rowsLoaded: 6,
      rowsRejected: 0,
      duplicates: 0,
    });
    expect(r.items).toEqual({ read: 9, loaded: 9, rejected: 0 });
    expect(r.dateRange).toEqual({ from: '2025-10-07', to: '2025-10-12' });

    const sums = await one(
      engine,
      `SELECT sum(order_total)::DOUBLE AS total, sum(refund_amount)::DOUBLE AS refunds, sum(discount_amount)::DOUBLE AS discounts,
              sum(shipping_amount)::DOUBLE AS shipping, sum(tax_amount)::DOUBLE AS tax FROM orders`,
    );
    // total 75.20 + 58.32 + 16.00 + 30.00 + 9.00 + 30.00 = 218.52; refunds 20.00 (#1002) + 16.00 (#1003) = 36.00
    // discounts 6.00 (#1002); shipping 5 + 0 + 4 + 3 + 0 + 0 = 12; taxes 5.20 + 4.32 = 9.52
    expect(sums).toEqual({ total: 218.52, refunds: 36, discounts: 6, shipping: 12, tax: 9.52 });

    const rows = await engine.query(
      `SELECT order_id, status, customer_id, customer_key, ordered_at, order_date, region, coupon_code FROM orders ORDER BY order_id`,
    );
    expect(rows.map((x) => [x['order_id'], x['status']])).toEqual([
      ['#1001', 'paid'],
      ['#1002', 'partially_refunded'],
      ['#1003', 'refunded'], // refunded stays refunded although Cancelled at is set
      ['#1004', 'pending'],
      ['#1005', 'cancelled'], // voided
      ['#1006', 'paid'], // authorized
    ]);
    expect(rows[1]).toMatchObject({
      customer_id: 'Bob@Example.com',
      customer_key: 'bob@example.com',
      coupon_code: 'WELCOME10',
      region: 'NY',
    });
    // 2025-10-09 23:15:00 +0900: the offset is dropped, the date stays the 9th.
    expect(rows[2]).toMatchObject({ ordered_at: '2025-10-09T23:15:00', order_date: '2025-10-09' });
    // #1006 has no email: the phone stands in for the customer.
    expect(rows[5]).toMatchObject({ customer_id: '+14155550123' });

    const items = await one(
      engine,
      `SELECT count(*) AS n, sum(quantity) AS qty, sum(quantity * unit_price)::DOUBLE AS value, count(*) FILTER (WHERE order_id = '#1004') AS n1004 FROM order_items`,
    );
    // qty 2+1 +1 +1 +4+1+2 +1 +1 = 14; value 50+15 +60 +12 +12+10+5 +9 +30 = 203
    expect(items).toEqual({ n: 9, qty: 14, value: 203, n1004: 3 });
  });
});

describe('WooCommerce orders export', () => {
  it('is recognised and maps statuses, refunds, coupons, attribution and line items', async () => {
    expect(await detectFile(engine, fixture('woocommerce_orders_export.csv'))).toMatchObject({
      table: 'orders',
      source: 'woocommerce_orders',
    });
    const r = await importFile(engine, fixture('woocommerce_orders_export.csv'));
    expect(r).toMatchObject({
      rowsRead: 6,
      rowsLoaded: 6,
      rowsRejected: 0,
      duplicates: 0,
      dateRange: { from: '2025-03-03', to: '2025-03-08' },
    });
    expect(r.items).toEqual({ read: 7, loaded: 7, rejected: 0 });

    const sums = await one(
      engine,
      `SELECT sum(order_total)::DOUBLE AS total, sum(refund_amount)::DOUBLE AS refunds, sum(discount_amount)::DOUBLE AS discounts, sum(shipping_amount)::DOUBLE AS shipping, count(DISTINCT customer_key) AS buyers FROM orders`,
    );
    // total 40.90 + 85.90 + 25.00 + 12.50 + 18.00 + 36.90 = 219.20; refunds 5.00 (4102) + 25.00 (4103) = 30.00
    // discount 9.00 (4102); shipping 4.90 + 5.90 + 4.90 = 15.70; anna orders twice → 5 buyers
    expect(sums).toEqual({ total: 219.2, refunds: 30, discounts: 9, shipping: 15.7, buyers: 5 });

    const rows = await engine.query(
      `SELECT order_id, status, channel, channel_raw, coupon_code, currency FROM orders ORDER BY order_id`,
    );
    expect(rows.map((x) => [x['order_id'], x['status'], x['channel']])).toEqual([
      ['4101', 'paid', 'organic_search'], // completed; attribution source type "organic"
      ['4102', 'partially_refunded', 'direct'], // processing with a 5.00 refund of 85.90; "typein"
      ['4103', 'refunded', 'unattributed'],
      ['4104', 'pending', 'unattributed'], // on-hold
      ['4105', 'cancelled', 'unattributed'],
      ['4106', 'paid', 'paid_search'], // utm_medium cpc
    ]);
    expect(rows[1]).toMatchObject({ coupon_code: 'SPRING10', currency: 'EUR', channel_raw: 'typein' });

    const items = await one(
      engine,
      `SELECT count(*) AS n, sum(quantity) AS qty, sum(quantity * unit_price)::DOUBLE AS value FROM order_items`,
    );
    // unit price = sub_total / quantity: 36/2=18, 89/1, 25/1, 12.50/5=2.50, 18/2=9, 18/1, 14/2=7
    // qty 2+1+1+5+2+1+2 = 14; value 36 + 89 + 25 + 12.5 + 18 + 18 + 14 = 212.5
    expect(items).toEqual({ n: 7, qty: 14, value: 212.5 });
  });
});

describe('Taobao / Tmall seller order report (GBK)', () => {
  it('decodes GB18030, trims header names and unwraps ="…" ids', async () => {
    const d = await detectFile(engine, fixture('taobao_orders_gbk.csv'));
    expect(d).toMatchObject({ table: 'orders', source: 'taobao_orders', encoding: 'gb18030' });
    expect(d.header).toContain('收货地址'); // written as "收货地址 " in the export
    expect(d.preview[0]?.['订单编号']).toBe('="2875012345678901"');
  });

  it('derives statuses from payment time and refund amount (METRICS.md "Source statuses")', async () => {
    const r = await importFile(engine, fixture('taobao_orders_gbk.csv'));
    expect(r).toMatchObject({
      rowsRead: 6,
      rowsLoaded: 6,
      rowsRejected: 0,
      dateRange: { from: '2025-01-06', to: '2025-01-09' },
    });
    const rows = await engine.query(
      `SELECT order_id, status, paid_at, order_total::DOUBLE AS order_total, currency, region FROM orders ORDER BY order_id`,
    );
    expect(rows.map((x) => [x['order_id'], x['status']])).toEqual([
      ['2875012345678901', 'paid'], // 交易成功, paid
      ['2875012345678902', 'refunded'], // 交易关闭 after paying 88.50, refund 88.50
      ['2875012345678903', 'cancelled'], // 交易关闭, never paid
      ['2875012345678904', 'pending'], // 等待买家付款
      ['2875012345678905', 'partially_refunded'], // paid 300.00, refund 100.00
      ['2875012345678906', 'paid'],
    ]);
    expect(rows[0]).toMatchObject({ currency: 'CNY', region: '浙江省', paid_at: '2025-01-06T20:11:30' });
    expect(rows[2]).toMatchObject({ paid_at: null, order_total: 59.9 }); // unpaid: the total asked for
    const sums = await one(
      engine,
      `SELECT sum(order_total)::DOUBLE AS total, sum(refund_amount)::DOUBLE AS refunds, sum(shipping_amount)::DOUBLE AS shipping, count(DISTINCT customer_key) AS buyers FROM orders`,
    );
    // total 199.00 + 88.50 + 59.90 + 120.00 + 300.00 + 45.00 = 812.40; refunds 88.50 + 100.00 = 188.50
    // shipping 8.50 + 10.00 = 18.50; tb_alice twice → 5 buyers
    expect(sums).toEqual({ total: 812.4, refunds: 188.5, shipping: 18.5, buyers: 5 });
  });
});

describe('Google Analytics 4 export', () => {
  it('skips the # comment block, reads 20250107 dates and maps default channel groups', async () => {
    const d = await detectFile(engine, fixture('ga4_traffic_acquisition.csv'));
    expect(d).toMatchObject({ table: 'traffic', source: 'ga4_traffic' });
    expect(d.header[0]).toBe('Session default channel group');

    const r = await importFile(engine, fixture('ga4_traffic_acquisition.csv'));
    expect(r).toMatchObject({
      rowsRead: 8,
      rowsLoaded: 8,
      rowsRejected: 0,
      dateRange: { from: '2025-01-06', to: '2025-01-07' },
    });
    const sums = await one(
      engine,
      `SELECT sum(sessions) AS sessions, sum(visitors) AS visitors, sum(add_to_cart) AS atc, sum(checkouts) AS checkouts, sum(product_views) AS views FROM traffic`,
    );
    // sessions 1200+600+300+20+1100+500+150+80 = 3950; Total users 950+480+260+18+900+400+140+75 = 3223
    // add to carts 140+70+40+0+120+60+30+5 = 465; checkouts 60+30+18+0+50+25+12+2 = 197; no item views column → null
    expect(sums).toEqual({ sessions: 3950, visitors: 3223, atc: 465, checkouts: 197, views: null });
    const byChannel = await engine.query(`SELECT channel, sum(sessions) AS s FROM traffic GROUP BY 1 ORDER BY 1`);
    expect(byChannel).toEqual([
      { channel: 'direct', s: 1100 }, // 600 + 500
      { channel: 'email', s: 150 },
      { channel: 'organic_search', s: 2300 }, // 1200 + 1100
      { channel: 'organic_social', s: 80 },
      { channel: 'paid_search', s: 300 },
      { channel: 'unattributed', s: 20 }, // "Unassigned"
    ]);
    expect(await one(engine, `SELECT channel_raw FROM traffic WHERE channel = 'unattributed'`)).toEqual({
      channel_raw: 'Unassigned',
    });
  });
});

describe('Google Analytics 4 export with more than one table', () => {
  it('reads the first table and stops at the blank line before the next section', async () => {
    const text = [
      '# ----------------------------------------',
      '# Traffic acquisition',
      '# ----------------------------------------',
      'Date,Session default channel group,Sessions,Total users',
      '20250301,Direct,10,8',
      '20250301,Referral,4,4',
      '',
      '# ----------------------------------------',
      '# Totals',
      'Date,Sessions',
      '20250301,14',
      '',
    ].join('\n');
    const r = await importFile(engine, textFile('ga4-two-tables.csv', text));
    expect(r).toMatchObject({ source: 'ga4_traffic', rowsRead: 2, rowsLoaded: 2, rowsRejected: 0 });
    // 10 + 4 = 14 sessions; the totals table is not read as a third day
    expect(await one(engine, 'SELECT sum(sessions) AS s, count(*) AS n FROM traffic')).toEqual({ s: 14, n: 2 });
  });

  it('adds up rows that differ only by a dimension Yardstick does not keep', async () => {
    const text =
      'Date,Session default channel group,Country,Sessions,Total users\n20250301,Direct,DE,10,8\n20250301,Direct,FR,5,5\n';
    const r = await importFile(engine, textFile('ga4-by-country.csv', text));
    // both rows load, one added into the other (issue 19, item 4)
    expect(r).toMatchObject({ rowsRead: 2, rowsLoaded: 2, duplicates: 0, addedUp: 1 });
    // 10 + 5 sessions, 8 + 5 users on one Direct day
    expect(await engine.query('SELECT sessions, visitors FROM traffic')).toEqual([{ sessions: 15, visitors: 13 }]);
  });
});

describe('Chinese-header traffic export', () => {
  it('reads 日期/访客数/浏览量/加购人数 and maps Taobao traffic sources', async () => {
    expect(await detectFile(engine, fixture('cn_traffic_sycm.csv'))).toMatchObject({
      table: 'traffic',
      source: 'cn_traffic',
    });
    const r = await importFile(engine, fixture('cn_traffic_sycm.csv'));
    expect(r).toMatchObject({
      rowsRead: 6,
      rowsLoaded: 6,
      rowsRejected: 0,
      dateRange: { from: '2025-01-06', to: '2025-01-07' },
      warnings: [],
    });
    const sums = await one(
      engine,
      `SELECT sum(sessions) AS sessions, sum(visitors) AS visitors, sum(product_views) AS views, sum(add_to_cart) AS atc, sum(checkouts) AS checkouts FROM traffic`,
    );
    // 访客数 1,234 + 560 + 210 + 1,100 + 600 + 90 = 3794 (sessions stand in: no 访问次数 column)
    // 浏览量 3456 + 1200 + 400 + 3000 + 1300 + 150 = 9506; 加购人数 150+60+20+140+66+12 = 448; 下单买家数 80+30+10+70+35+6 = 231
    expect(sums).toEqual({ sessions: 3794, visitors: 3794, views: 9506, atc: 448, checkouts: 231 });
    const byChannel = await engine.query(`SELECT channel, sum(visitors) AS v FROM traffic GROUP BY 1 ORDER BY 1`);
    expect(byChannel).toEqual([
      { channel: 'affiliate', v: 210 }, // 淘宝客
      { channel: 'direct', v: 90 }, // 我的淘宝
      { channel: 'organic_search', v: 2334 }, // 手淘搜索 1234 + 1100
      { channel: 'paid_search', v: 1160 }, // 直通车 560 + 600
    ]);
  });
});

describe('canonical layout', () => {
  // Orders A-1..A-5: totals 100.00 + 250.50 + 75.25 + 40.00 + 60.00 = 525.75, refunds 50.50 + 40.00 = 90.50,
  // discounts 10.00, shipping 5.00, tax 8.00 + 20.00 = 28.00. The same rows in every container.
  const expectedSums = { n: 5, total: 525.75, refunds: 90.5, discounts: 10, shipping: 5, tax: 28 };
  const sumsSql = `SELECT count(*) AS n, sum(order_total)::DOUBLE AS total, sum(refund_amount)::DOUBLE AS refunds, sum(discount_amount)::DOUBLE AS discounts, sum(shipping_amount)::DOUBLE AS shipping, sum(tax_amount)::DOUBLE AS tax FROM orders`;

  it.each([
    ['canonical_orders.csv', 'csv'],
    ['canonical_orders.csv.gz', 'csv+gzip'],
    ['canonical_orders.json', 'json'],
    ['canonical_orders.ndjson', 'ndjson'],
    ['canonical_orders.parquet', 'parquet'],
    ['canonical_orders.xlsx', 'xlsx'],
  ])('loads orders from %s', async (name, format) => {
    const d = await detectFile(engine, fixture(name));
    expect(d).toMatchObject({ table: 'orders', source: 'canonical', format });
    const r = await importFile(engine, fixture(name));
    expect(r).toMatchObject({
      rowsRead: 5,
      rowsLoaded: 5,
      rowsRejected: 0,
      duplicates: 0,
      dateRange: { from: '2025-02-01', to: '2025-02-05' },
    });
    expect(await one(engine, sumsSql)).toEqual(expectedSums);
    const rows = await engine.query(
      `SELECT order_id, ordered_at, paid_at, status, channel, channel_raw, campaign FROM orders ORDER BY order_id`,
    );
    expect(rows.map((x) => x['channel'])).toEqual([
      'organic_search',
      'paid_search',
      'email',
      'unattributed',
      'paid_social',
    ]);
    expect(rows[0]).toMatchObject({
      ordered_at: '2025-02-01T09:00:00',
      paid_at: '2025-02-01T09:01:00',
      channel_raw: 'Organic Search',
    });
    expect(rows[1]).toMatchObject({ status: 'partially_refunded', campaign: 'winter\nsale' });
    expect(rows[2]).toMatchObject({ paid_at: null });
  });

  it('loads semicolon-separated order items with decimal commas', async () => {
    const r = await importFile(engine, fixture('canonical_order_items_semicolon.csv'));
    expect(r).toMatchObject({ table: 'order_items', rowsRead: 4, rowsLoaded: 4, rowsRejected: 0, dateRange: null });
    // qty 2 + 1 + 1 + 3 = 7; value 2×45.00 + 10.00 + 1,234.50 + 3×25.08 = 90 + 10 + 1234.5 + 75.24 = 1409.74
    expect(
      await one(
        engine,
        `SELECT sum(quantity) AS qty, sum(quantity * unit_price)::DOUBLE AS value, max(unit_price)::DOUBLE AS top FROM order_items`,
      ),
    ).toEqual({ qty: 7, value: 1409.74, top: 1234.5 });
  });

  it('loads tab-separated traffic', async () => {
    const d = await detectFile(engine, fixture('canonical_traffic.tsv'));
    expect(d).toMatchObject({ table: 'traffic', source: 'canonical', delimiter: '\t' });
    const r = await importFile(engine, fixture('canonical_traffic.tsv'));
    expect(r).toMatchObject({ rowsRead: 3, rowsLoaded: 3 });
    // sessions 100+50+70 = 220; visitors 80+45+60 = 185; views 300+120+200 = 620; carts 20+10+15 = 45; checkouts 10+6+8 = 24
    expect(
      await one(
        engine,
        `SELECT sum(sessions) AS s, sum(visitors) AS v, sum(product_views) AS pv, sum(add_to_cart) AS atc, sum(checkouts) AS co, max(campaign) AS campaign FROM traffic`,
      ),
    ).toEqual({
      s: 220,
      v: 185,
      pv: 620,
      atc: 45,
      co: 24,
      campaign: 'brand',
    });
  });

  it('loads UTF-16LE users with mixed date styles and match keys', async () => {
    const d = await detectFile(engine, fixture('canonical_users_utf16le.csv'));
    expect(d).toMatchObject({ table: 'users', encoding: 'utf-16le' });
    const r = await importFile(engine, fixture('canonical_users_utf16le.csv'));
    expect(r).toMatchObject({ rowsRead: 3, rowsLoaded: 3, dateRange: { from: '2025-01-15', to: '2025-02-01' } });
    expect(
      await engine.query(`SELECT user_key, registered_at, channel, member_tier FROM users ORDER BY user_key`),
    ).toEqual([
      {
        user_key: 'c1@example.com',
        registered_at: '2025-01-15T08:00:00',
        channel: 'organic_search',
        member_tier: 'gold',
      },
      { user_key: 'c2@example.com', registered_at: '2025-01-20T00:00:00', channel: 'email', member_tier: 'silver' },
      { user_key: 'c3@example.com', registered_at: '2025-02-01T10:00:00', channel: 'referral', member_tier: null },
    ]);
  });
});

describe('files handed over as a Blob (the browser path: read in slices, never whole)', () => {
  it.each([
    ['canonical_orders.csv', 5],
    ['canonical_orders.csv.gz', 5],
    ['canonical_orders.parquet', 5],
    ['canonical_orders.xlsx', 5],
    ['taobao_orders_gbk.csv', 6],
    ['ga4_traffic_acquisition.csv', 8],
  ])('%s loads the same rows', async (name, rows) => {
    const bytes = fixture(name).data as Uint8Array<ArrayBuffer>;
    const r = await importFile(engine, { name, data: new Blob([bytes]) });
    expect(r).toMatchObject({ rowsRead: rows, rowsLoaded: rows, rowsRejected: 0 });
  });
});
