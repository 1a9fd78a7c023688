import { describe, expect, it } from 'vitest';
import { toConversionItems, toFunnelBars, toTrafficPoints } from '../../../src/features/traffic/traffic-shape';
import type { FunnelRow } from '../../../src/metrics/queries/funnel';

describe('funnel bars', () => {
  const rows: FunnelRow[] = [
    { step: 'sessions', count: 1000, rate_from_previous: null, rate_from_sessions: 1 },
    { step: 'add_to_cart', count: 100, rate_from_previous: 0.1, rate_from_sessions: 0.1 },
    { step: 'orders', count: 25, rate_from_previous: 0.25, rate_from_sessions: 0.025 },
  ];

  it('carries the step rates and the drop-off between steps', () => {
    const bars = toFunnelBars(rows, (s) => s.toUpperCase());
    expect(bars.map((b) => [b.key, b.label, b.count, b.rateFromPrevious, b.dropOff, b.rateFromFirst])).toEqual([
      ['sessions', 'SESSIONS', 1000, null, null, 1],
      ['add_to_cart', 'ADD_TO_CART', 100, 0.1, 0.9, 0.1],
      ['orders', 'ORDERS', 25, 0.25, 0.75, 0.025],
    ]);
  });

  it('has no drop-off where the rate is unknown (a step of zero)', () => {
    const bars = toFunnelBars(
      [
        { step: 'sessions', count: 0, rate_from_previous: null, rate_from_sessions: null },
        { step: 'orders', count: 0, rate_from_previous: null, rate_from_sessions: null },
      ],
      String,
    );
    expect(bars[1]!.dropOff).toBeNull();
  });
});

describe('traffic series', () => {
  it('takes sessions or conversion per bucket, comparison by position', () => {
    const rows = [
      {
        period: '2026-10-01',
        gmv: 1,
        refunds: 0,
        net_revenue: 1,
        orders: 1,
        buyers: 1,
        aov: 1,
        sessions: 50,
        conversion_rate: 0.02,
      },
      {
        period: '2026-10-02',
        gmv: 0,
        refunds: 0,
        net_revenue: 0,
        orders: 0,
        buyers: 0,
        aov: null,
        sessions: null,
        conversion_rate: null,
      },
    ];
    expect(toTrafficPoints(rows, 'conversion_rate')).toEqual([
      { label: '2026-10-01', value: 0.02 },
      { label: '2026-10-02', value: null },
    ]);
    expect(toTrafficPoints(rows, 'sessions', [rows[1]!])).toEqual([
      { label: '2026-10-01', value: 50, compare: null },
      { label: '2026-10-02', value: null, compare: null },
    ]);
  });
});

describe('conversion bars', () => {
  it('sorts by conversion, unknown last, ticks the chosen value, and never filters on a blank one', () => {
    const rows = [
      { k: 'mobile', conversion_rate: 0.01 },
      { k: '', conversion_rate: 0.05 },
      { k: 'tablet', conversion_rate: null },
      { k: 'desktop', conversion_rate: 0.03 },
    ];
    const items = toConversionItems(
      rows,
      (r) => r.k,
      ['desktop'],
      (k) => k || 'Not set',
    );
    expect(items.map((i) => [i.key, i.value, i.selected, i.selectable])).toEqual([
      ['', 0.05, false, false],
      ['desktop', 0.03, true, true],
      ['mobile', 0.01, false, true],
      ['tablet', null, false, true],
    ]);
  });
});
