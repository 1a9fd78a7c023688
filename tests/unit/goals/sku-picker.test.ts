import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNodeWasmEngine } from '../../../src/engine/node';
import { SkuPicker } from '../../../src/features/goals/SkuPicker';
import { skuOptions, type SkuOption } from '../../../src/metrics/dimension-values';
import { loadTables } from '../../fixtures/metrics/tables';

/**
 * Issue 13 item 4: targets on product metrics filterable by SKU. The Goals editor had no SKU list
 * to pick from; it now lists the loaded SKUs with their names (the products file's first, the line
 * items' for SKUs sold without a products row), once per match key.
 */
describe('the SKUs a target can name', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeWasmEngine();
    await loadTables(engine, {
      orders: [{ id: 'o1', customer: 'a', at: '2025-03-02T10:00:00', status: 'paid', total: 10 }],
    });
    await engine.run(`DELETE FROM products; DELETE FROM order_items;
      INSERT INTO products (sku, sku_key, product_name) VALUES ('SKU-A', 'sku-a', 'Linen duvet'), ('SKU-B', 'sku-b', NULL);
      INSERT INTO order_items (order_id, sku, product_name, quantity, unit_price) VALUES
        ('o1', ' sku-a ', 'Duvet (old name)', 1, 5), ('o1', 'SKU-X', 'Soap dish', 1, 5), ('o1', '  ', 'No SKU', 1, 5),
        ('o1', 'SKU-B', 'Bath mat', 1, 5)`);
  }, 120_000);
  afterAll(async () => {
    await engine?.close();
  });

  it('lists products and SKUs sold without a products row, each once, with the products file’s name first', async () => {
    // SKU-A: the products row's name; SKU-B: no name in products → the items'; SKU-X: items only; the blank SKU is no SKU.
    expect(await skuOptions(engine)).toEqual([
      { sku: 'SKU-A', name: 'Linen duvet' },
      { sku: 'SKU-B', name: 'Bath mat' },
      { sku: 'SKU-X', name: 'Soap dish' },
    ]);
  });
});

describe('the SKU picker', () => {
  const many: SkuOption[] = Array.from({ length: 75 }, (_, i) => ({
    sku: `MM-${String(i).padStart(3, '0')}`,
    name: `Product ${i}`,
  }));
  const render = (selected: string[]) =>
    renderToStaticMarkup(createElement(SkuPicker, { options: many, selected, onChange: () => undefined }));

  it('shows each SKU with its name, the chosen ones first and checked, and how many more a search would show', () => {
    const html = render(['MM-070']);
    const rows = [...html.matchAll(/data-sku="([^"]+)"/g)].map((m) => m[1]);
    // The chosen one, then the first 60 of the other 74.
    expect(rows).toHaveLength(61);
    expect(rows.slice(0, 3)).toEqual(['MM-070', 'MM-000', 'MM-001']);
    expect(html).toMatch(/data-sku="MM-070"><input type="checkbox" name="pick-sku" checked=""/);
    expect(html).toMatch(/data-sku="MM-000"><input type="checkbox" name="pick-sku"\/>/);
    expect(html).toContain('<span class="sku-id">MM-000</span><span class="sku-name">Product 0</span>');
    expect(html).toContain('14 more: narrow the search');
    expect(html).toMatch(/class="filter-picker-value">MM-070</);
  });
});
