import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { scatterLayout } from '../../../src/components/charts/ScatterChart';
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
  [
    ...renderToStaticMarkup(
      createElement(ProductMatrix, {
        rows,
        roleLabel: (r) => r,
        xLabel: 'share',
        yLabel: 'margin',
        formatRate: String,
      }),
    ).matchAll(/<circle data-point="([^"]+)"/g),
  ].map((m) => m[1]);

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

describe('the matrix layout (ScatterChart)', () => {
  const percent = (v: number) => `${(v * 100).toFixed(1)}%`;
  const points = [
    { key: 'a', x: 0.01, y: 0.45, size: 1, color: '#000', title: 'a' },
    { key: 'b', x: 0.124, y: 0.6, size: 0.5, color: '#000', title: 'b' },
  ];

  it('fits the margin axis to the margins instead of starting at 0', () => {
    // 45–60 %: a tenth of the spread (1.5 points) either side, then rounded out to 5-point ticks.
    const { y } = scatterLayout(points, 800, 320, percent, percent);
    expect(y.domain()).toEqual([0.4, 0.65]);
  });

  it('writes only as many share ticks as fit side by side', () => {
    const wide = scatterLayout(points, 1200, 320, percent, percent);
    const narrow = scatterLayout(points, 330, 320, percent, percent);
    expect(wide.xTicks.length).toBeGreaterThan(narrow.xTicks.length);
    for (const { xTicks, x } of [wide, narrow]) {
      const centres = xTicks.map((t) => x(t));
      // "12.0%" is drawn ~35 px wide at 12 px: neighbouring labels' centres must be further apart.
      for (let i = 1; i < centres.length; i++) expect(centres[i]! - centres[i - 1]!).toBeGreaterThan(35);
      expect(x.domain()[1]).toBeGreaterThanOrEqual(0.124);
    }
  });
});
