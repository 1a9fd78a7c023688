import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Waterfall, type WaterfallChartBar } from '../../../src/components/charts/Waterfall';

/**
 * Issue 18, item 14d: the driver-tree waterfall's axis started at CN¥2.08M with nothing to say so,
 * and the totals' heights read as their size. A zoomed axis that does not reach 0 now carries a
 * visible break mark (on the axis and across each total's foot) and says where it starts.
 */
const BARS: WaterfallChartBar[] = [
  { key: 'base', label: 'Comparison', range: [0, 2_100_000], value: 2_100_000, tone: 'total' },
  { key: 's', label: 'Sessions', range: [2_100_000, 2_150_000], value: 50_000, tone: 'up' },
  { key: 'current', label: 'This period', range: [0, 2_150_000], value: 2_150_000, tone: 'total' },
];
const fmt = (v: number) => `${(v / 1e6).toFixed(2)}M`;
const render = (zoom: boolean) => renderToStaticMarkup(createElement(Waterfall, { title: 'GMV', bars: BARS, formatValue: fmt, formatAxis: fmt, zoom }));

describe('the waterfall axis', () => {
  it('marks the break when zoomed past 0', () => {
    const html = render(true);
    expect(html).toContain('data-axis-break');
    // Zoomed domain starts at 2.1M − 0.6 × 50k = 2.07M.
    expect(html).toContain('(2.07M–)');
  });
  it('has no break mark when the axis starts at 0', () => {
    const html = render(false);
    expect(html).not.toContain('data-axis-break');
    expect(html).toContain('data-axis-from="0"');
  });
});
