import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNativeEngine } from '../../../src/engine/native';
import { createNodeWasmEngine } from '../../../src/engine/node';
import { CANONICAL_DDL } from '../../../src/model/tables';
import { computeAlerts } from '../../../src/metrics/alerts';
import {
  computeInventory,
  computeProductTotals,
  computeProducts,
  skuLeadTimes,
} from '../../../src/metrics/queries/products';
import { rebuildDerived } from '../../../src/metrics/derived';
import { postedBeforeAnyResult } from '../../fixtures/metrics/held-statements';

/**
 * A hand-worked shop for METRICS.md "Products" and "Inventory" (issue 13).
 *
 * Period 2025-03-01..2025-03-31 (31 days), D = 2025-03-31; comparison (previous) 2025-01-29..2025-02-28.
 * products: A cost 4 list 10 star lead 7 | B cost 2 list 5 traffic | C no cost, no list, no role
 *           | D cost 1 list 3 profit. E is sold and stocked but not in products.
 * orders (customer, day, status: items qty×price):
 *   O0 c1 02-10 paid: A 1×10                        (comparison period only)
 *   O1 c1 03-02 paid: A 2×10, B 1×5
 *   O2 c2 03-05 paid: A 1×10, B 2×5
 *   O3 c3 03-10 paid: A 1×10, B 1×5
 *   O4 c2 03-12 paid: A 1×5,  B 1×5
 *   O5 c4 03-20 paid: A 1×5,  B 1×5, C 1×7.5
 *   O6 c5 03-25 cancelled: A 5×10                   (never counts)
 *   O7 c6 03-28 paid: C 1×7.5, D 1×3, E 1×2
 *   O8 c1 03-01 pending: B 1×5                      (never counts)
 *
 * Per SKU: A units 6 rev 20+10+10+5+5 = 50, orders 5, buyers c1 c2 c3 c4 = 4
 *          B units 6 rev 5+10+5+5+5 = 30, orders 5, buyers 4
 *          C units 2 rev 15, orders 2 (O5 O7), buyers c4 c6;  D units 1 rev 3;  E units 1 rev 2.
 * Total revenue 100, units 16. Shares .50 .30 .15 .03 .02.
 * Margin: A 50 − 6×4 = 26 (rate .52); B 30 − 12 = 18 (.6); D 3 − 1 = 2 (2/3); C, E null.
 *   Totals: gross_margin 46; cost_coverage (50+30+3)/100 = .83.
 * Discount depth: A 1 − 50/60 = 1/6; B 1 − 30/30 = 0; D 1 − 3/3 = 0; C, E null.
 * First paid order ever: c1 O0 (February), c2 O2, c3 O3, c4 O5, c6 O7.
 *   A: new buyers c2 c3 c4 of 4 = .75; B the same; C c4 c6 = 1; D, E c6 = 1.
 * Growth: A 50/10 − 1 = 4; the others had no comparison revenue: null.
 * ABC by revenue (cumulative share before the SKU): A 0 → A; B .50 → A; C .80 → B (not < .80);
 *   D .95 → C (not < .95); E .98 → C.
 * Roles: star (A) 1 SKU, 50, .5, margin .52, new .75, growth 4; traffic (B) 30, .3, .6, .75, null;
 *   profit (D) 3, .03, 2/3, 1, null; unassigned (C, E) 2 SKUs, 17, .17, margin null (no cost),
 *   buyers c4 c6 both new = 1, growth null.
 * Bundles: paid orders of the period with items O1 O2 O3 O4 O5 O7 = 6. A+B together in O1–O5 = 5
 *   (at the floor): support 5/6, confidence 5/5 = 1, lift 1 ÷ (5/6) = 1.2. A+C, B+C (O5), C+D,
 *   C+E, D+E (O7): 1 order each, below the 5-order floor.
 *
 * Inventory snapshots (locations summed per date):
 *   A 03-01 North 20 + South 5 = 25; 03-15 North 8; 03-29 North 2 + South 0 = 2
 *   B 03-01 10; 03-22 −2; 03-29 −1 (oversold)      C none       D 03-01 500      E 03-10 0
 * Units of the 28 days ending D (03-04..03-31): A 4 (O2–O5), B 5, C 2, D 1, E 1 → daily /28.
 * on_hand(D): A 2, B −1, C null, D 500, E 0.
 * days_of_cover: A 2 ÷ (4/28) = 14; B 0 (on_hand ≤ 0); C null; D 500 ÷ (1/28) = 14000; E 0.
 * stockout_days: A 0; B 03-22..03-31 = 10; C null; D 0; E from its first snapshot 03-10..03-31 = 22.
 * sell_through: A 6/(6+2) = .75; B 6/(6+0) = 1; C null; D 1/(1+500); E 1/(1+0) = 1.
 * Alerts: A none (14 ≥ lead 7); B stockout, reorder, oversold; D overstock; E stockout, reorder.
 * inventory_value(d) over SKUs with a cost (A×4, B×2, D×1):
 *   03-01..14: 100+20+500 = 620 (14 days); 03-15..21: 32+20+500 = 552 (7);
 *   03-22..28: 32+0+500 = 532 (7); 03-29..31: 8+0+500 = 508 (3).
 *   Mean = (8680 + 3864 + 3724 + 1524)/31 = 17792/31; inventory_value(D) = 508.
 * COGS = 6×4 + 6×2 + 1×1 = 37; turnover = 37 ÷ (17792/31) = 1147/17792;
 * days_of_inventory = 31 ÷ turnover = 551552/1147.
 */
const SHOP = `
INSERT INTO orders (order_id, customer_id, customer_key, ordered_at, order_date, status, order_total) VALUES
 ('O0','c1','c1','2025-02-10 10:00','2025-02-10','paid',10),
 ('O1','c1','c1','2025-03-02 10:00','2025-03-02','paid',25),
 ('O2','c2','c2','2025-03-05 10:00','2025-03-05','paid',20),
 ('O3','c3','c3','2025-03-10 10:00','2025-03-10','paid',15),
 ('O4','c2','c2','2025-03-12 10:00','2025-03-12','paid',10),
 ('O5','c4','c4','2025-03-20 10:00','2025-03-20','paid',17.5),
 ('O6','c5','c5','2025-03-25 10:00','2025-03-25','cancelled',50),
 ('O7','c6','c6','2025-03-28 10:00','2025-03-28','paid',12.5),
 ('O8','c1','c1','2025-03-01 09:00','2025-03-01','pending',5);
INSERT INTO order_items (order_id, sku, quantity, unit_price) VALUES
 ('O0','A',1,10),
 ('O1','A',2,10),('O1','B',1,5),
 ('O2','A',1,10),('O2','B',2,5),
 ('O3','A',1,10),('O3','B',1,5),
 ('O4','A',1,5),('O4','B',1,5),
 ('O5','A',1,5),('O5','B',1,5),('O5','C',1,7.5),
 ('O6','A',5,10),
 ('O7','C',1,7.5),('O7','D',1,3),('O7','E',1,2),
 ('O8','B',1,5);
INSERT INTO products (sku, sku_key, product_name, category, unit_cost, list_price, role, lead_time_days) VALUES
 ('A','a','Mug','Kitchen',4,10,'star',7),
 ('B','b','Plate','Kitchen',2,5,'traffic',NULL),
 ('C','c','Bowl','Kitchen',NULL,NULL,NULL,NULL),
 ('D','d','Spoon','Cutlery',1,3,'profit',NULL);
INSERT INTO inventory (date, sku, sku_key, on_hand, location) VALUES
 ('2025-03-01','A','a',20,'North'),('2025-03-01','A','a',5,'South'),
 ('2025-03-15','A','a',8,'North'),
 ('2025-03-29','A','a',2,'North'),('2025-03-29','A','a',0,'South'),
 ('2025-03-01','B','b',10,NULL),('2025-03-22','B','b',-2,NULL),('2025-03-29','B','b',-1,NULL),
 ('2025-03-01','D','d',500,NULL),
 ('2025-03-10','E','e',0,NULL);
`;

const PERIOD = { from: '2025-03-01', to: '2025-03-31' };
const COMPARISON = { from: '2025-01-29', to: '2025-02-28' };

async function shop(engine: Engine): Promise<Engine> {
  await engine.run(CANONICAL_DDL);
  await engine.run(SHOP);
  return engine;
}

// With the derived tables the module reads its own (ys_product_items, ys_product_stock): the same numbers.
const ENGINES: [string, () => Promise<Engine>][] = [
  ['wasm', createNodeWasmEngine],
  ['native', createNativeEngine],
  ['wasm with derived tables', createNodeWasmEngine],
  ['native with derived tables', createNativeEngine],
];

const results: Record<string, unknown> = {};

describe.each(ENGINES)('products and inventory on %s', (name, create) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await shop(await create());
    if (name.endsWith('derived tables')) await rebuildDerived(engine);
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
  });

  it("product totals over the comparison period (the cards' comparison): O0 only, A 1×10 cost 4", async () => {
    // units 1, revenue 10, gross margin 10 − 4 = 6, cost coverage 10/10 = 1.
    expect(await computeProductTotals(engine, COMPARISON)).toEqual({
      units: 1,
      item_revenue: 10,
      gross_margin: 6,
      cost_coverage: 1,
    });
  });

  it('products: per SKU, totals, roles and bundles as worked out above', async () => {
    const p = await computeProducts(engine, PERIOD, {}, { comparison: COMPARISON });
    expect(p).not.toBeNull();
    results[`${name}:products`] = p;
    expect(p!.totals.units).toBe(16);
    expect(p!.totals.item_revenue).toBeCloseTo(100, 9);
    expect(p!.totals.gross_margin).toBeCloseTo(46, 9);
    expect(p!.totals.cost_coverage).toBeCloseTo(0.83, 12);
    const by = Object.fromEntries(p!.rows.map((r) => [r.sku, r]));
    expect(Object.keys(by).sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(by['A']).toMatchObject({ product_name: 'Mug', role: 'star', units: 6, orders: 5, buyers: 4, abc: 'A' });
    expect(by['A']!.item_revenue).toBeCloseTo(50, 9);
    expect(by['A']!.revenue_share).toBeCloseTo(0.5, 12);
    expect(by['A']!.gross_margin).toBeCloseTo(26, 9);
    expect(by['A']!.margin_rate).toBeCloseTo(0.52, 12);
    expect(by['A']!.discount_depth).toBeCloseTo(1 / 6, 12);
    expect(by['A']!.new_buyer_share).toBeCloseTo(0.75, 12);
    expect(by['A']!.growth).toBeCloseTo(4, 12);
    expect(by['B']).toMatchObject({ role: 'traffic', units: 6, orders: 5, buyers: 4, growth: null, abc: 'A' });
    expect(by['B']!.margin_rate).toBeCloseTo(0.6, 12);
    expect(by['B']!.discount_depth).toBeCloseTo(0, 12);
    expect(by['B']!.new_buyer_share).toBeCloseTo(0.75, 12);
    // C has no cost and no list price; ABC boundary: 0.80 before it is B, not A.
    expect(by['C']).toMatchObject({
      role: 'unassigned',
      units: 2,
      orders: 2,
      buyers: 2,
      gross_margin: null,
      margin_rate: null,
      discount_depth: null,
      new_buyer_share: 1,
      abc: 'B',
    });
    // D: 0.95 before it is C, not B.
    expect(by['D']).toMatchObject({ role: 'profit', units: 1, abc: 'C', discount_depth: 0, new_buyer_share: 1 });
    expect(by['D']!.margin_rate).toBeCloseTo(2 / 3, 12);
    // E is not in products: still in every total, role unassigned, its name from nowhere.
    expect(by['E']).toMatchObject({ role: 'unassigned', product_name: null, units: 1, abc: 'C', gross_margin: null });
    expect(by['E']!.revenue_share).toBeCloseTo(0.02, 12);

    const roles = Object.fromEntries(p!.roles.map((r) => [r.role, r]));
    expect(Object.keys(roles).sort()).toEqual(['profit', 'star', 'traffic', 'unassigned']);
    expect(roles['star']).toMatchObject({ skus: 1, new_buyer_share: 0.75 });
    expect(roles['star']!.margin_rate).toBeCloseTo(0.52, 12);
    expect(roles['star']!.growth).toBeCloseTo(4, 12);
    expect(roles['traffic']).toMatchObject({ skus: 1, growth: null });
    expect(roles['traffic']!.revenue_share).toBeCloseTo(0.3, 12);
    expect(roles['profit']!.margin_rate).toBeCloseTo(2 / 3, 12);
    expect(roles['unassigned']).toMatchObject({ skus: 2, margin_rate: null, new_buyer_share: 1, growth: null });
    expect(roles['unassigned']!.item_revenue).toBeCloseTo(17, 9);
    expect(roles['unassigned']!.revenue_share).toBeCloseTo(0.17, 12);

    expect(p!.bundles).toHaveLength(1);
    expect(p!.bundles[0]).toMatchObject({ sku_a: 'A', sku_b: 'B', orders_together: 5, confidence: 1 });
    expect(p!.bundles[0]!.support).toBeCloseTo(5 / 6, 12);
    expect(p!.bundles[0]!.lift).toBeCloseTo(1.2, 12);
  });

  it('a role set in the app wins over the file, and is what the roles add up', async () => {
    const p = await computeProducts(engine, PERIOD, {}, { roles: { c: 'strategic' } });
    expect(p!.rows.find((r) => r.sku === 'C')!.role).toBe('strategic');
    expect(p!.roles.find((r) => r.role === 'strategic')).toMatchObject({ skus: 1, new_buyer_share: 1 });
    expect(p!.roles.find((r) => r.role === 'unassigned')).toMatchObject({ skus: 1 });
  });

  it('inventory: on hand, cover, stock-out days, sell-through, value, turnover and alerts', async () => {
    const inv = await computeInventory(engine, PERIOD);
    results[`${name}:inventory`] = inv;
    expect(inv).not.toBeNull();
    expect(inv!.as_of).toBe('2025-03-31');
    expect(inv!.inventory_value).toBeCloseTo(508, 9);
    expect(inv!.inventory_turnover).toBeCloseTo(1147 / 17792, 12);
    expect(inv!.days_of_inventory).toBeCloseTo(551552 / 1147, 9);
    const by = Object.fromEntries(inv!.rows.map((r) => [r.sku, r]));
    expect(Object.keys(by).sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(by['A']).toMatchObject({ on_hand: 2, stockout_days: 0, alerts: [] });
    expect(by['A']!.daily_units).toBeCloseTo(4 / 28, 12);
    expect(by['A']!.days_of_cover).toBeCloseTo(14, 9);
    expect(by['A']!.sell_through).toBeCloseTo(0.75, 12);
    expect(by['B']).toMatchObject({
      on_hand: -1,
      days_of_cover: 0,
      stockout_days: 10,
      sell_through: 1,
      alerts: ['stockout', 'reorder', 'oversold'],
    });
    // C has no snapshot: nothing about its stock is known.
    expect(by['C']).toMatchObject({
      on_hand: null,
      days_of_cover: null,
      stockout_days: null,
      sell_through: null,
      alerts: [],
    });
    expect(by['C']!.daily_units).toBeCloseTo(2 / 28, 12);
    expect(by['D']).toMatchObject({ on_hand: 500, stockout_days: 0, alerts: ['overstock'] });
    expect(by['D']!.days_of_cover).toBeCloseTo(14000, 6);
    expect(by['D']!.sell_through).toBeCloseTo(1 / 501, 12);
    expect(by['E']).toMatchObject({
      on_hand: 0,
      days_of_cover: 0,
      stockout_days: 22,
      sell_through: 1,
      alerts: ['stockout', 'reorder'],
    });
  });

  it("the reorder alerts expect each SKU's lead time from the products file (A 7 days; B and E none: 14)", async () => {
    const inventory = (await computeInventory(engine, PERIOD))!;
    const reorders = (await computeAlerts(engine, PERIOD, {}, { targets: [], inventory, anomalies: [] })).filter(
      (a) => a.kind === 'reorder',
    );
    expect(reorders.map((a) => [a.sku, a.expected])).toEqual([
      ['B', 14],
      ['E', 14],
    ]);
    expect(await skuLeadTimes(engine)).toEqual(new Map([['A', 7]]));
  });
});

describe('products on DuckDB-WASM with the derived tables', () => {
  it('posts the SKU rows, the role buyers and the bundle pairs at once: none waits for another’s rows', async () => {
    const engine = await shop(await createNodeWasmEngine());
    try {
      await rebuildDerived(engine);
      await computeProducts(engine, COMPARISON); // the module's own tables, built once
      const { posted, result } = await postedBeforeAnyResult(engine, () => computeProducts(engine, PERIOD));
      expect(posted).toHaveLength(3);
      expect(result?.totals.units).toBe(16);
    } finally {
      await engine.close();
    }
  });
});

describe('wasm = native', () => {
  it('gives the same products and inventory sections', () => {
    expect(results['native:products']).toEqual(results['wasm:products']);
    expect(results['native:inventory']).toEqual(results['wasm:inventory']);
    expect(results['wasm:products']).toBeDefined();
  });

  it('with the derived tables, the same sections as the canonical tables give', () => {
    for (const engine of ['wasm', 'native']) {
      expect(results[`${engine} with derived tables:products`]).toEqual(results[`${engine}:products`]);
      expect(results[`${engine} with derived tables:inventory`]).toEqual(results[`${engine}:inventory`]);
    }
  });
});
