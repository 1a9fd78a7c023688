import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MATRIX_MAX_POINTS, ProductMatrix } from '../../../src/features/products/ProductMatrix';
import type { ProductRow } from '../../../src/metrics/queries/products';

/** SKU-i with revenue share i / 10,000; every 10th without a cost (no margin rate). */
function row(i: number): ProductRow {
  return {
    sku: `SKU-${String(i).padStart(3, '0')}`,
    product_name: null,
    category: null,
    role: 'unassigned',
    units: i,
    item_revenue: i,
    orders: i,
    buyers: i,
    revenue_share: i / 10_000,
    gross_margin: null,
    margin_rate: i % 10 === 0 ? null : 0.3,
    discount_depth: null,
    new_buyer_share: null,
    growth: null,
    abc: null,
  };
}

const drawn = (rows: ProductRow[]) =>
  [...renderToStaticMarkup(
    createElement(ProductMatrix, { rows, roleLabel: (r) => r, xLabel: 'share', yLabel: 'margin', formatRate: String }),
  ).matchAll(/<circle data-sku="([^"]+)"/g)].map((m) => m[1]);

describe('the product matrix', () => {
  it('draws every SKU with a share and a margin rate while they are few', () => {
    // SKUs 1..20: 18 have a margin rate (10 and 20 have none).
    expect(drawn(Array.from({ length: 20 }, (_, i) => row(i + 1)))).toHaveLength(18);
  });

  it(`draws the ${MATRIX_MAX_POINTS} largest revenue shares of a large catalogue`, () => {
    // SKUs 1..400: 360 with a margin rate (SKU-400 has none); the 300 largest shares among them are
    // SKU-399 down to SKU-067 (399 − 67 + 1 = 333 SKUs, less the 33 multiples of 10 from 70 to 390).
    const skus = drawn(Array.from({ length: 400 }, (_, i) => row(i + 1)));
    expect(skus).toHaveLength(300);
    expect(skus[0]).toBe('SKU-399');
    expect(skus.at(-1)).toBe('SKU-067');
    expect(skus).not.toContain('SKU-066');
    expect(skus).not.toContain('SKU-390');
  });
});
