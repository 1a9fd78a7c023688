import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { labelStride, placeLabels } from '../../../src/components/charts/axes';
import { ACCENT, COMPARE } from '../../../src/components/charts/palette';
import { bucketScale, valueScale } from '../../../src/components/charts/scales';
import { bucketAt, SeriesChart, seriesLayout, type SeriesPoint } from '../../../src/components/charts/SeriesChart';
import { linePath } from '../../../src/components/charts/shapes';
import { describeSeries } from '../../../src/components/charts/summary';
import { translate } from '../../../src/i18n/use-t';

describe('value axis (d3-scale)', () => {
  it('runs from 0 to a round value at or above the highest, ticks in steps of 1, 2 or 5 × a power of ten', () => {
    // 16000 / 5 = 3200 → step 5000 (3.2 ≥ √10), the top rounded up to 20000.
    const money = valueScale([3000, 16000], [100, 0]);
    expect(money.domain()).toEqual([0, 20000]);
    expect(money.ticks(5)).toEqual([0, 5000, 10000, 15000, 20000]);
    // 100 / 5 = 20 → step 20; 100 is already round.
    expect(valueScale([12, 100], [100, 0]).ticks(5)).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('reaches below 0 for a negative value, keeps 0 on a tick, and gives an empty series 0 to 1', () => {
    const scale = valueScale([-50, 100, null], [100, 0]);
    const [lo, hi] = scale.domain() as [number, number];
    expect(lo).toBeLessThanOrEqual(-50);
    expect(hi).toBeGreaterThanOrEqual(100);
    expect(scale.ticks(5)).toContain(0);
    expect(scale.ticks(5)).toContain(lo);
    expect(valueScale([], [100, 0]).domain()).toEqual([0, 1]);
    expect(valueScale([null, undefined, NaN], [100, 0]).domain()).toEqual([0, 1]);
  });
});

describe('buckets (d3-scale band)', () => {
  it('gives each bucket an equal slot, its bar 80 % of it, centred', () => {
    // 100 px over 4 buckets: slots of 25, bars of 20, centres at 12.5, 37.5, 62.5, 87.5.
    const x = bucketScale(4, [0, 100]);
    expect(x.step()).toBe(25);
    expect(x.bandwidth()).toBe(20);
    expect([0, 1, 2, 3].map((i) => x(i)! + x.bandwidth() / 2)).toEqual([12.5, 37.5, 62.5, 87.5]);
  });
});

describe('bucket labels', () => {
  it('labels every bucket when there is room and thins them when not', () => {
    // 12 months, 80 px each, labels 45 px + 12 px gap: all of them.
    expect(labelStride(12, 80, 45)).toBe(1);
    // 31 days, 20 px each, labels 62 px + 12: every 4th.
    expect(labelStride(31, 20, 62)).toBe(4);
    expect(labelStride(1, 10, 100)).toBe(1);
  });

  it('keeps the last label inside the chart and drops labels that would touch the next one', () => {
    // "AAAA" is 4 × 7 = 28 px wide; buckets centred at 10, 30, 50, 70, 90 in a 100 px chart.
    // Last: centre 90 moved in to 100 − 14 − 2 = 84, its left edge with half the gap at 64.
    // 70 (right edge with the gap 90) and 50 (70) would touch it; 30 (50) fits; 0, moved in to 16, touches 30.
    const placed = placeLabels(['AAAA', 'AAAA', 'AAAA', 'AAAA', 'AAAA'], (i) => i * 20 + 10, 100, 1);
    expect(placed).toEqual([
      { index: 1, x: 30 },
      { index: 4, x: 84 },
    ]);
  });

  it('places every stride-th label counted back from the last', () => {
    const placed = placeLabels(['a', 'b', 'c', 'd', 'e'], (i) => i * 100 + 50, 500, 2);
    expect(placed).toEqual([
      { index: 0, x: 50 },
      { index: 2, x: 250 },
      { index: 4, x: 450 },
    ]);
  });
});

describe('line paths (d3-shape)', () => {
  it('breaks the line at a missing value', () => {
    expect(
      linePath(
        [1, 2, undefined, 4, 5],
        (i) => i,
        (v) => 10 - v,
      ),
    ).toBe('M0,9L1,8M3,6L4,5');
    expect(
      linePath(
        [null, null],
        (i) => i,
        (v) => v,
      ),
    ).toBe('');
  });
});

const POINTS: SeriesPoint[] = [
  { label: 'Oct 1', value: 10, compare: 20 },
  { label: 'Oct 2', value: 40, compare: null },
];

describe('series layout', () => {
  it('stands bars on 0 and halves the slot between the period and its comparison', () => {
    // 200 × 100 px: plot 66 px high (8 above, 26 below); values up to 40 → axis 0..40 in steps
    // of 10; the axis labels ("40" is 14 px) take the minimum 36 px, so the plot starts at 44
    // and is 148 px wide: slots of 74, bar pairs of 59.2, each bar (59.2 − 2) / 2 = 28.6.
    const layout = seriesLayout(POINTS, 200, 100, String);
    expect(layout.ticks).toEqual([0, 10, 20, 30, 40]);
    expect(layout.left).toBe(44);
    expect(layout.slot).toBe(74);
    expect(layout.barW).toBeCloseTo(28.6, 9);
    expect(layout.cx(0)).toBeCloseTo(81, 9);
    expect(layout.base).toBe(74);
    expect(layout.y(10)).toBeCloseTo(57.5, 9);
  });
});

describe('the bucket under the pointer', () => {
  it('is the slot the pointer is in, and none left or right of the plot', () => {
    // Slots of 74 px from 44 (the layout above): 44..118 is the first, 118..192 the second.
    expect(bucketAt(44, 44, 74, 2)).toBe(0);
    expect(bucketAt(117.9, 44, 74, 2)).toBe(0);
    expect(bucketAt(118, 44, 74, 2)).toBe(1);
    expect(bucketAt(43, 44, 74, 2)).toBeNull();
    expect(bucketAt(192, 44, 74, 2)).toBeNull();
    expect(bucketAt(50, 44, 0, 0)).toBeNull();
  });
});

describe('the spoken summary of a chart', () => {
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
    translate('en', key, vars);

  it('names the lowest and highest point and where they are', () => {
    const points = [
      { label: 'Oct 1', value: 12 },
      { label: 'Oct 2', value: null },
      { label: 'Oct 3', value: 3 },
      { label: 'Oct 4', value: 30 },
    ];
    expect(describeSeries(t, 'GMV', points, (v) => `¥${v}`)).toBe(
      'GMV: 4 points, lowest ¥3 (Oct 3), highest ¥30 (Oct 4)',
    );
  });

  it('says so when no point has a value', () => {
    expect(describeSeries(t, 'GMV', [{ label: 'Oct 1', value: null }], String)).toBe(
      'GMV: 1 points, none with a value',
    );
  });
});

describe('the series chart as drawn', () => {
  const markup = (kind: 'bar' | 'line') =>
    renderToStaticMarkup(
      createElement(SeriesChart, {
        title: 'GMV by day',
        points: POINTS,
        kind,
        formatValue: (v: number | null) => (v === null ? '—' : `¥${v}`),
        valueLabel: 'GMV',
        compareLabel: 'Last year',
        tableLabel: 'Show as table',
      }),
    );

  it('draws a bar per known value in the accent colour and one per comparison value in grey, and says its extremes', () => {
    const html = markup('bar');
    expect(html.match(new RegExp(`<path[^>]*fill="${ACCENT}"`, 'g'))).toHaveLength(2);
    expect(html.match(new RegExp(`<path[^>]*fill="${COMPARE}"`, 'g'))).toHaveLength(1);
    expect(html).toContain('data-testid="chart-series"');
    expect(html).toContain('role="img" aria-label="GMV by day: 2 points, lowest ¥10 (Oct 1), highest ¥40 (Oct 2)"');
    expect(html).not.toContain('recharts');
  });

  it('draws a line and a dashed comparison line (of one point: no length) as kind "line"', () => {
    const html = markup('line');
    expect(html).not.toMatch(new RegExp(`<path[^>]*fill="${ACCENT}"`));
    expect(html.match(/<path d="M[^"]*"[^>]*stroke="#3b5bdb"/g)).toHaveLength(1);
    expect(html).toMatch(/<path d="M[\d.]+,[\d.]+Z" stroke="#adb5bd" stroke-dasharray="4 3"/);
  });
});
