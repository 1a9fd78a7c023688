import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNodeWasmEngine } from '../../../src/engine/node';
import { computeInventory, computeProducts } from '../../../src/metrics/queries/products';
import { loadSampleProducts } from '../../../src/model/sample-products';
import { loadSampleShop } from '../../../src/model/sample-shop';

/**
 * The sample shop's products and weekly stock (issue 13) agree with its orders: every SKU sold
 * is in the product list with a cost, a third of the SKUs have a role, snapshots are Mondays,
 * the two SKUs that miss reorders in July–August 2025 run out, and MM-202's oversized delivery
 * of March 2026 leaves it overstocked.
 */
const read = (name: string) =>
  new Uint8Array(readFileSync(path.join(import.meta.dirname, '..', '..', '..', 'sample-data', name)));

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeWasmEngine();
  await loadSampleShop(engine, {
    orders: read('orders.csv.gz'),
    order_items: read('order_items.csv.gz'),
    traffic: read('traffic.csv.gz'),
    users: read('users.csv.gz'),
  });
  await loadSampleProducts(engine, { products: read('products.csv.gz'), inventory: read('inventory.csv.gz') });
}, 120_000);
afterAll(async () => {
  await engine?.close();
});

describe('sample products and inventory', () => {
  it('every SKU sold has a product row with a cost; a third have a role; snapshots are weekly on Mondays', async () => {
    const [r] = await engine.query(`SELECT
      (SELECT count(DISTINCT sku) FROM order_items WHERE lower(trim(sku)) NOT IN (SELECT sku_key FROM products)) AS unknown,
      (SELECT count(*) FROM products) AS skus, (SELECT count(role) FROM products) AS with_role,
      (SELECT count(*) FROM inventory WHERE dayofweek(date) <> 1) AS not_monday`);
    expect(Number(r!['unknown'])).toBe(0);
    expect(Number(r!['with_role'])).toBe(Math.ceil(Number(r!['skus']) / 3));
    expect(Number(r!['not_monday'])).toBe(0);
    const p = await computeProducts(engine, { from: '2025-01-01', to: '2025-12-31' });
    expect(p!.totals.cost_coverage).toBe(1);
  });

  it('a stock-out at the end of August 2025 and an overstock in April 2026', async () => {
    const aug = await computeInventory(engine, { from: '2025-08-01', to: '2025-08-31' });
    const out = aug!.rows.filter((r) => r.alerts.includes('stockout')).map((r) => r.sku);
    expect(out.some((s) => s === 'MM-103' || s === 'MM-302')).toBe(true);
    const apr = await computeInventory(engine, { from: '2026-04-01', to: '2026-04-30' });
    expect(apr!.rows.find((r) => r.sku === 'MM-202')!.alerts).toContain('overstock');
  });
});
