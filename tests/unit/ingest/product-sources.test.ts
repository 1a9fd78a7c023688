import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNodeWasmEngine } from '../../../src/engine/node';
import { detectFile, ensureTables, importFile } from '../../../src/ingest/import';
import { fixture } from './helpers';

/**
 * Product lists and stock snapshots in the layouts shops export (issue 13): Shopify's products
 * and inventory exports and Chinese sheets. Expected rows are read off the fixtures by hand.
 */
let engine: Engine;
beforeAll(async () => {
  engine = await createNodeWasmEngine();
}, 60_000);
afterAll(async () => {
  await engine?.close();
});
beforeEach(async () => {
  await engine.run('DROP TABLE IF EXISTS products; DROP TABLE IF EXISTS inventory');
  await ensureTables(engine);
});

const products = () =>
  engine.query(
    `SELECT sku, product_name, category, unit_cost::DOUBLE AS cost, list_price::DOUBLE AS price, role, status
     FROM products ORDER BY sku`,
  );

describe('Shopify products export', () => {
  it('one row per variant: title per handle, compare-at as list price, image rows skipped, a negative cost rejected', async () => {
    const file = fixture('shopify_products_export.csv');
    expect(await detectFile(engine, file)).toMatchObject({ table: 'products', source: 'shopify_products' });
    const r = await importFile(engine, file);
    // 5 data rows: the image-only row (line 4) is no variant; gift-wrap has no SKU and cost -1.
    expect(r).toMatchObject({ rowsRead: 4, rowsLoaded: 3, rowsRejected: 1, reasons: { 'missing sku': 1 } });
    expect(await products()).toEqual([
      {
        sku: 'LS-M',
        product_name: 'Linen Shirt / M',
        category: 'Shirts',
        cost: 18.5,
        price: 59,
        role: null,
        status: 'active',
      },
      {
        sku: 'LS-S',
        product_name: 'Linen Shirt / S',
        category: 'Shirts',
        cost: 18.5,
        price: 59,
        role: null,
        status: 'active',
      },
      {
        sku: 'TOTE-1',
        product_name: 'Canvas Tote',
        category: 'Handbags',
        cost: null,
        price: 19.9,
        role: null,
        status: 'discontinued',
      },
    ]);
  });
});

describe('Shopify inventory export', () => {
  it('one snapshot per variant and location dated today, on hand may be negative, "not stocked" skipped', async () => {
    const file = fixture('shopify_inventory_export.csv');
    expect(await detectFile(engine, file)).toMatchObject({ table: 'inventory', source: 'shopify_inventory' });
    const r = await importFile(engine, file);
    expect(r).toMatchObject({ rowsRead: 4, rowsLoaded: 4, rowsRejected: 0 });
    expect(r.warnings?.some((w) => w.includes('no date'))).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect(
      await engine.query(
        `SELECT sku, location, on_hand, on_order, CAST(date AS VARCHAR) = '${today}' AS today FROM inventory ORDER BY sku, location`,
      ),
    ).toEqual([
      { sku: 'LS-M', location: 'Warehouse', on_hand: -1, on_order: 20, today: true },
      { sku: 'LS-S', location: 'Shop floor', on_hand: 3, on_order: 0, today: true },
      { sku: 'LS-S', location: 'Warehouse', on_hand: 12, on_order: 5, today: true },
      { sku: 'TOTE-1', location: 'Warehouse', on_hand: 40, on_order: 0, today: true },
    ]);
  });
});

describe('Chinese product list and stock sheet', () => {
  it('商品编码/商品名称/类目/成本价/吊牌价 with roles; 日期/货号/库存: text in 库存 rejected, an unknown SKU loaded and counted', async () => {
    const list = fixture('cn_products.csv');
    expect(await detectFile(engine, list)).toMatchObject({ table: 'products', source: 'cn_products' });
    const p = await importFile(engine, list);
    expect(p).toMatchObject({ rowsRead: 4, rowsLoaded: 2, rowsRejected: 2 });
    expect(p.reasons).toEqual({ 'missing sku': 1, 'negative unit_cost': 1 });
    expect(await products()).toEqual([
      {
        sku: 'BX-01',
        product_name: '保温杯 500ml',
        category: '杯壶',
        cost: 32.5,
        price: 99,
        role: 'star',
        status: 'active',
      },
      {
        sku: 'BX-02',
        product_name: '保温杯 350ml',
        category: '杯壶',
        cost: 28,
        price: 79,
        role: 'traffic',
        status: 'active',
      },
    ]);

    const stock = fixture('cn_inventory.csv');
    expect(await detectFile(engine, stock)).toMatchObject({ table: 'inventory', source: 'cn_inventory' });
    const s = await importFile(engine, stock);
    expect(s).toMatchObject({ rowsRead: 4, rowsLoaded: 3, rowsRejected: 1, reasons: { 'unparseable on_hand': 1 } });
    // BX-09 is not in products; BX-03 was rejected from products (negative cost), its snapshot is rejected for 十个.
    expect(s.notInProducts).toBe(1);
    expect(s.warnings?.some((w) => w.includes('SKU not in products'))).toBe(true);
    expect(await engine.query(`SELECT sku, on_hand, on_order, location FROM inventory ORDER BY sku`)).toEqual([
      { sku: 'BX-01', on_hand: 120, on_order: 50, location: '杭州仓' },
      { sku: 'BX-02', on_hand: 0, on_order: null, location: '杭州仓' },
      { sku: 'BX-09', on_hand: 7, on_order: null, location: '杭州仓' },
    ]);
  });
});

describe('canonical products and inventory in every container the import reads', () => {
  // tests/fixtures/ingest/canonical_{products,inventory}.* (scripts/make-ingest-fixtures.ts), by hand:
  // products P-1 (cost 12.50, price 39, star, 14 days), P-2 (3.20, 9.90, traffic, no lead time),
  // P-3 (20, 59, no role, 21 days, discontinued): costs 35.70, prices 107.90.
  // inventory: P-1 40 at A and 5 at B, P-2 −3 (oversold) on 2025-02-01, P-3 12 on 2025-02-02:
  // on hand 54, on order 30 (P-3's is empty).
  const FORMATS = [
    ['json', 'json'],
    ['ndjson', 'ndjson'],
    ['parquet', 'parquet'],
    ['xlsx', 'xlsx'],
  ] as const;

  it.each(FORMATS)('loads products from .%s', async (ext, format) => {
    const file = fixture(`canonical_products.${ext}`);
    expect(await detectFile(engine, file)).toMatchObject({ table: 'products', source: 'canonical', format });
    const r = await importFile(engine, file);
    expect(r).toMatchObject({ rowsRead: 3, rowsLoaded: 3, rowsRejected: 0, duplicates: 0 });
    expect(await products()).toEqual([
      { sku: 'P-1', product_name: 'Linen shirt', category: 'Shirts', cost: 12.5, price: 39, role: 'star', status: 'active' },
      { sku: 'P-2', product_name: 'Candle', category: 'Home', cost: 3.2, price: 9.9, role: 'traffic', status: 'active' },
      { sku: 'P-3', product_name: 'Vase', category: 'Home', cost: 20, price: 59, role: null, status: 'discontinued' },
    ]);
    const [lead] = await engine.query(`SELECT sum(lead_time_days) AS days, count(lead_time_days) AS n FROM products`);
    expect(lead).toEqual({ days: 35, n: 2 });
  });

  it.each(FORMATS)('loads inventory from .%s, an oversold (negative) snapshot included', async (ext, format) => {
    const file = fixture(`canonical_inventory.${ext}`);
    expect(await detectFile(engine, file)).toMatchObject({ table: 'inventory', source: 'canonical', format });
    const r = await importFile(engine, file);
    expect(r).toMatchObject({ rowsRead: 4, rowsLoaded: 4, rowsRejected: 0, dateRange: { from: '2025-02-01', to: '2025-02-02' } });
    const rows = await engine.query(
      `SELECT CAST(date AS VARCHAR) AS date, sku, on_hand, on_order, location FROM inventory ORDER BY date, sku, location`,
    );
    expect(rows).toEqual([
      { date: '2025-02-01', sku: 'P-1', on_hand: 40, on_order: 10, location: 'A' },
      { date: '2025-02-01', sku: 'P-1', on_hand: 5, on_order: 0, location: 'B' },
      { date: '2025-02-01', sku: 'P-2', on_hand: -3, on_order: 20, location: 'A' },
      { date: '2025-02-02', sku: 'P-3', on_hand: 12, on_order: null, location: 'A' },
    ]);
  });
});
