import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNodeWasmEngine } from '../../../src/engine/node';
import { detectFile, ensureTables, importFile } from '../../../src/ingest/import';
import { OPERATIONS_TABLES } from '../../../src/model/tables';
import { textFile } from './helpers';

/**
 * The six operations tables of DATA.md in their canonical layouts: recognised from the header,
 * required columns enforced with a reason per row, values checked, a key seen again replaces
 * the earlier row. Expected rows are written out from the CSV text below.
 */
let engine: Engine;
beforeAll(async () => {
  engine = await createNodeWasmEngine();
}, 60_000);
afterAll(async () => {
  await engine?.close();
});
beforeEach(async () => {
  await engine.run(OPERATIONS_TABLES.map((t) => `DROP TABLE IF EXISTS ${t};`).join(' '));
  await ensureTables(engine);
});

describe('products', () => {
  it('recognises sku + product fields, maps Chinese roles, rejects a missing SKU, a negative cost and an unknown role', async () => {
    const file = textFile(
      'products.csv',
      [
        'sku,product_name,category,unit_cost,list_price,role,lead_time_days,status',
        'A-1,Mug,Kitchen,4.50,12.00,star,7,active',
        ',Nameless,Kitchen,1,2,,,',
        'B-2,Plate,Kitchen,-1,5,,,',
        'c-3,Bowl,Kitchen,,9.90,引流,,discontinued',
        'D-4,Cup,Kitchen,2,5,hero,,',
        ' a-1 ,Mug v2,Kitchen,4.75,12.00,利润,7,active',
      ].join('\n'),
    );
    expect(await detectFile(engine, file)).toMatchObject({ table: 'products', source: 'canonical' });
    const r = await importFile(engine, file);
    expect(r).toMatchObject({ table: 'products', rowsRead: 6, rowsLoaded: 3, rowsRejected: 3, duplicates: 1 });
    expect(r.reasons).toEqual({ 'missing sku': 1, 'negative unit_cost': 1, 'unknown role': 1 });
    expect(r.rejected.map((x) => x.line)).toEqual([3, 4, 6]);
    const rows = await engine.query(
      `SELECT sku, sku_key, product_name, unit_cost::DOUBLE AS cost, list_price::DOUBLE AS price, role, lead_time_days, status
       FROM products ORDER BY sku_key`,
    );
    // ' a-1 ' (line 7) replaces A-1 (line 2): same match key, the last row wins.
    expect(rows).toEqual([
      {
        sku: 'a-1',
        sku_key: 'a-1',
        product_name: 'Mug v2',
        cost: 4.75,
        price: 12,
        role: 'profit',
        lead_time_days: 7,
        status: 'active',
      },
      {
        sku: 'c-3',
        sku_key: 'c-3',
        product_name: 'Bowl',
        cost: null,
        price: 9.9,
        role: 'traffic',
        lead_time_days: null,
        status: 'discontinued',
      },
    ]);
  });
});

describe('inventory', () => {
  it('keeps negative on_hand (oversold), rejects text in on_hand and a missing date, one row per date/sku/location', async () => {
    const file = textFile(
      'stock.csv',
      [
        'date,sku,on_hand,on_order,location',
        '2025-03-01,A-1,10,5,North',
        '2025-03-01,A-1,4,,South',
        '2025-03-01,B-2,-3,,North',
        '2025-03-01,C-3,lots,,North',
        ',C-3,1,,North',
        '2025-03-01,a-1,12,5,North',
      ].join('\n'),
    );
    expect(await detectFile(engine, file)).toMatchObject({ table: 'inventory', source: 'canonical' });
    const r = await importFile(engine, file);
    expect(r).toMatchObject({ rowsRead: 6, rowsLoaded: 4, rowsRejected: 2, duplicates: 1 });
    expect(r.reasons).toEqual({ 'unparseable on_hand': 1, 'missing date': 1 });
    expect(r.dateRange).toEqual({ from: '2025-03-01', to: '2025-03-01' });
    expect(
      await engine.query(`SELECT sku_key, location, on_hand, on_order FROM inventory ORDER BY sku_key, location`),
    ).toEqual([
      { sku_key: 'a-1', location: 'North', on_hand: 12, on_order: 5 },
      { sku_key: 'a-1', location: 'South', on_hand: 4, on_order: null },
      { sku_key: 'b-2', location: 'North', on_hand: -3, on_order: null },
    ]);
  });
});

describe('marketing_spend and campaigns', () => {
  it('reads spend by day and channel onto the taxonomy, and a calendar with Chinese types', async () => {
    const spend = textFile(
      'spend.csv',
      [
        'date,channel,campaign,spend,impressions,clicks',
        '2025-03-01,Google Ads,spring,120.50,1000,40',
        '2025-03-02,email,,,,',
      ].join('\n'),
    );
    expect(await detectFile(engine, spend)).toMatchObject({ table: 'marketing_spend', source: 'canonical' });
    const r = await importFile(engine, spend);
    expect(r).toMatchObject({ rowsLoaded: 1, rowsRejected: 1, reasons: { 'missing spend': 1 } });
    const [row] = await engine.query(`SELECT channel, channel_raw, spend::DOUBLE AS spend FROM marketing_spend`);
    expect(row).toEqual({ channel: 'paid_search', channel_raw: 'Google Ads', spend: 120.5 });

    const calendar = textFile(
      'campaigns.csv',
      [
        'campaign,name,type,starts_on,ends_on,budget',
        'd11,Double 11,满减,2025-11-01,2025-11-11,5000',
        'x,No end,coupon,2025-01-01,,',
      ].join('\n'),
    );
    expect(await detectFile(engine, calendar)).toMatchObject({ table: 'campaigns', source: 'canonical' });
    const c = await importFile(engine, calendar);
    expect(c).toMatchObject({ rowsLoaded: 1, rowsRejected: 1, reasons: { 'missing ends_on': 1 } });
    expect(await engine.query(`SELECT campaign, type, CAST(ends_on AS VARCHAR) AS ends_on FROM campaigns`)).toEqual([
      { campaign: 'd11', type: 'threshold_discount', ends_on: '2025-11-11' },
    ]);
  });
});

describe('service_tickets and reviews', () => {
  it('reads tickets (unknown channel becomes other, csat 1–5) and reviews (rating required, 1–5)', async () => {
    const tickets = textFile(
      'tickets.csv',
      [
        'ticket_id,customer_id,order_id,opened_at,first_response_at,resolved_at,channel,category,csat',
        'T1, C-9 ,O1,2025-03-01 10:00,2025-03-01 10:05,2025-03-01 11:00,chat,售后,5',
        'T2,C-9,,2025-03-02 09:00,,,web,complaint,6',
        'T3,,,,,,phone,,',
      ].join('\n'),
    );
    expect(await detectFile(engine, tickets)).toMatchObject({ table: 'service_tickets', source: 'canonical' });
    const t = await importFile(engine, tickets);
    expect(t).toMatchObject({ rowsLoaded: 1, rowsRejected: 2 });
    expect(t.reasons).toEqual({ 'csat outside 1–5': 1, 'missing opened_at': 1 });
    expect(
      await engine.query(
        `SELECT ticket_id, customer_key, CAST(opened_date AS VARCHAR) AS d, channel, category, csat FROM service_tickets`,
      ),
    ).toEqual([
      { ticket_id: 'T1', customer_key: 'c-9', d: '2025-03-01', channel: 'chat', category: 'after_sale', csat: 5 },
    ]);

    const reviews = textFile(
      'reviews.csv',
      [
        'review_id,order_id,sku,customer_id,created_at,rating',
        'R1,O1,A-1,C-9,2025-03-03 08:00,4',
        'R2,O1,A-1,C-9,2025-03-03 08:00,',
        'R1,O1,A-1,C-9,2025-03-04 08:00,2',
      ].join('\n'),
    );
    expect(await detectFile(engine, reviews)).toMatchObject({ table: 'reviews', source: 'canonical' });
    const rv = await importFile(engine, reviews);
    expect(rv).toMatchObject({ rowsLoaded: 2, rowsRejected: 1, duplicates: 1, reasons: { 'missing rating': 1 } });
    expect(
      await engine.query(`SELECT review_id, sku_key, CAST(created_date AS VARCHAR) AS d, rating FROM reviews`),
    ).toEqual([{ review_id: 'R1', sku_key: 'a-1', d: '2025-03-04', rating: 2 }]);
  });

  it('a reviews file with order_id and sku is not read as order items', async () => {
    const file = textFile('r.csv', 'review_id,order_id,sku,created_at,rating\nR1,O1,A,2025-03-03,5\n');
    expect(await detectFile(engine, file)).toMatchObject({ table: 'reviews' });
  });
});
