import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CampaignChart, campaignLayout } from '../../../src/components/charts/CampaignChart';
import { StackedBarChart, stackedAreaPath, stackedLayout } from '../../../src/components/charts/StackedBarChart';

const SERIES = [
  { key: 'new', label: 'New', color: '#000001' },
  { key: 'returning', label: 'Returning', color: '#000002' },
];
const ROWS = [
  { label: 'Jan', values: { new: 10, returning: 30 } },
  { label: 'Feb', values: { new: null, returning: 20 } },
  { label: 'Mar', values: { new: 0, returning: 0 } },
];
const plain = (v: number) => String(v);

describe('stacked bars drawn by the d3 layer', () => {
  it('stacks the parts in series order from the axis, each as tall as its value', () => {
    // 400 × 240 px: the plot is 240 − 8 − 26 = 206 px tall, its axis 0–40 (the highest total,
    // ticks every 10), the value labels 36 px wide (the least), so the plot runs from x = 44 to 392.
    // Three slots of 348 / 3 = 116 px, each bar 80 % of its slot (92.8 px) from 44 + 11.6.
    // y(v) = 214 − v / 40 × 206: y(10) = 162.5, y(20) = 111, y(40) = 8.
    const layout = stackedLayout(ROWS, SERIES, 400, 240, plain);
    expect(layout.ticks).toEqual([0, 10, 20, 30, 40]);
    expect(layout.left).toBe(44);
    expect(layout.slot).toBe(116);
    const rounded = layout.parts.map((p) => ({ ...p, x: +p.x.toFixed(6), w: +p.w.toFixed(6) }));
    expect(rounded).toEqual([
      { row: 0, key: 'new', color: '#000001', x: 55.6, y: 162.5, w: 92.8, h: 51.5, top: false },
      { row: 0, key: 'returning', color: '#000002', x: 55.6, y: 8, w: 92.8, h: 154.5, top: true },
      // Feb: no new buyers drawn at all; Mar: nothing.
      { row: 1, key: 'returning', color: '#000002', x: 171.6, y: 111, w: 92.8, h: 103, top: true },
    ]);
  });

  it('rounds the highest part drawn, even when a later series is zero in that bar', () => {
    const layout = stackedLayout([{ label: 'Jan', values: { new: 5, returning: 0 } }], SERIES, 400, 240, plain);
    expect(layout.parts.map((p) => [p.key, p.top])).toEqual([['new', true]]);
  });

  it('draws an area band from the level below to its own', () => {
    // Two buckets at x = 0 and 100, y(v) = 100 − v; the second series lies between the first's
    // level (10, then 0) and the sum (40, then 20).
    const path = stackedAreaPath(
      [
        [10, 40],
        [0, 20],
      ],
      1,
      (i) => i * 100,
      (v) => 100 - v,
    );
    expect(path).toBe('M0,60L100,80L100,100L0,90Z');
  });

  it('renders a part per value, the legend, the table toggle, and no recharts', () => {
    const html = renderToStaticMarkup(
      createElement(StackedBarChart, {
        title: 'Buyers',
        rows: ROWS,
        series: SERIES,
        formatValue: (v: number | null) => (v === null ? '—' : String(v)),
        tableLabel: 'Show as table',
      }),
    );
    expect(html.match(/data-part="/g)).toHaveLength(3);
    expect(html).toContain('data-testid="chart-stacked"');
    expect(html).toContain('data-export-chart="stacked"');
    expect(html).toContain('Returning');
    // The table alternative's toggle (its rows are built once it is opened).
    expect(html).toContain('<summary class="table-toggle">Show as table</summary>');
    expect(html).not.toContain('recharts');
  });
});

describe('the campaign chart drawn by the d3 layer', () => {
  const days = [
    { date: '2025-06-01', phase: 'before' as const, gmv: 100 },
    { date: '2025-06-02', phase: 'during' as const, gmv: 120 },
    { date: '2025-06-03', phase: 'after' as const, gmv: 0 },
  ];

  it('reaches the baseline on its axis when the baseline is above every day', () => {
    // 0–250 in about 4 ticks: 250 / 4 = 62.5, 6.25 × 10, between √10 and √50, so steps of 5 × 10;
    // 250 is on a step, so the axis ends there (without the baseline it would end at 120).
    const layout = campaignLayout(days, 250, 400, 220, plain);
    expect(layout.y.domain()).toEqual([0, 250]);
    expect(layout.ticks).toEqual([0, 50, 100, 150, 200, 250]);
    expect(layout.labels).toEqual(['06-01', '06-02', '06-03']);
  });

  it('draws a bar per day with GMV, coloured by phase, and the dashed baseline with its label', () => {
    const html = renderToStaticMarkup(
      createElement(CampaignChart, {
        summary: 'Double 11',
        days,
        baseline: 90,
        labels: { before: 'Before', during: 'During', after: 'After', baseline: 'Baseline' },
        formatValue: (v: number | null) => (v === null ? '—' : `¥${v}`),
        formatAxis: plain,
      }),
    );
    expect(html.match(/data-phase="/g)).toHaveLength(2);
    expect(html).toContain('data-phase="before"');
    expect(html).toContain('data-phase="during"');
    expect(html).toMatch(/stroke-dasharray="4 3"/);
    expect(html).toContain('Baseline ¥90');
    expect(html).not.toContain('recharts');
  });
});
