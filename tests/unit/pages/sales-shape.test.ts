import { describe, expect, it } from 'vitest';
import { effectiveGrain } from '../../../src/components/charts/effective-grain';
import {
  sortByMetric,
  toBarItems,
  toNewReturningRows,
  toSeriesPoints,
  withRanks,
  withShares,
} from '../../../src/features/sales/sales-shape';

describe('effectiveGrain', () => {
  it('keeps the view grain when the period has several buckets of it', () => {
    expect(effectiveGrain({ from: '2026-01-01', to: '2026-10-31' }, 'month')).toBe('month');
    expect(effectiveGrain({ from: '2026-10-01', to: '2026-10-31' }, 'week')).toBe('week');
  });

  it('draws a single month by day rather than as one bar', () => {
    expect(effectiveGrain({ from: '2026-10-01', to: '2026-10-31' }, 'month')).toBe('day');
    expect(effectiveGrain({ from: '2026-07-01', to: '2026-09-30' }, 'quarter')).toBe('month');
    expect(effectiveGrain({ from: '2026-01-01', to: '2026-10-31' }, 'year')).toBe('quarter');
  });

  it('stops at day for a one-day period', () => {
    expect(effectiveGrain({ from: '2026-10-05', to: '2026-10-05' }, 'month')).toBe('day');
  });

  it('goes coarser when there are more days than bars fit', () => {
    expect(effectiveGrain({ from: '2024-11-01', to: '2026-10-31' }, 'day')).toBe('week');
  });
});

describe('series points', () => {
  const rows = [
    { key: '2026-09', gmv: 100, orders: 2 },
    { key: '2026-10', gmv: null, orders: 0 },
  ];

  it('takes one metric, keeping null as null', () => {
    expect(toSeriesPoints(rows, 'gmv')).toEqual([
      { label: '2026-09', value: 100 },
      { label: '2026-10', value: null },
    ]);
  });

  it('matches the comparison by position, null where it is shorter', () => {
    expect(toSeriesPoints<'gmv' | 'orders'>(rows, 'orders', [{ key: '2025-09', gmv: 1, orders: 5 }])).toEqual([
      { label: '2026-09', value: 2, compare: 5 },
      { label: '2026-10', value: 0, compare: null },
    ]);
  });
});

describe('breakdowns', () => {
  const rows = [
    { key: 'email', gmv: 30, orders: 1 },
    { key: '', gmv: 10, orders: 1 },
    { key: 'direct', gmv: 60, orders: 2 },
    { key: 'display', gmv: null, orders: null },
  ];

  it('gives each row its share of the total; unknown stays unknown', () => {
    expect(withShares(rows, 'gmv').map((r) => r.share)).toEqual([0.3, 0.1, 0.6, null]);
    expect(withShares([{ key: 'a', gmv: 0 }], 'gmv')[0]!.share).toBeNull();
  });

  it('sorts largest first with unknown values last', () => {
    expect(sortByMetric(rows, 'gmv').map((r) => r.key)).toEqual(['direct', 'email', '', 'display']);
  });

  it('marks the chosen value and keeps a blank value from being a filter', () => {
    const items = toBarItems(rows, 'gmv', ['email'], (k) => (k === '' ? 'Not set' : k.toUpperCase()));
    expect(items[0]).toEqual({ key: 'email', label: 'EMAIL', value: 30, selected: true, selectable: true });
    expect(items[1]).toEqual({ key: '', label: 'Not set', value: 10, selected: false, selectable: false });
    expect(toBarItems(rows, 'gmv', undefined, (k) => k).every((i) => !i.selected)).toBe(true);
  });
});

describe('new vs returning', () => {
  it('orders new first and gives each its share of GMV', () => {
    const rows = toNewReturningRows([
      { key: 'returning', gmv: 300, orders: 3, buyers: 2, aov: 100 },
      { key: 'new', gmv: 100, orders: 2, buyers: 2, aov: 50 },
    ]);
    expect(rows.map((r) => [r.key, r.share])).toEqual([
      ['new', 0.25],
      ['returning', 0.75],
    ]);
  });

  it('shows a group without orders as zero orders and an unknown AOV', () => {
    const rows = toNewReturningRows([{ key: 'new', gmv: 100, orders: 2, buyers: 2, aov: 50 }]);
    expect(rows[1]).toEqual({ key: 'returning', gmv: 0, orders: 0, buyers: 0, aov: null, share: 0 });
  });

  it('is empty when the period has no orders at all', () => {
    expect(toNewReturningRows([])).toEqual([]);
  });
});

describe('ranks', () => {
  it('numbers rows from 1', () => {
    expect(withRanks([{ p: 'a' }, { p: 'b' }])).toEqual([
      { p: 'a', rank: 1 },
      { p: 'b', rank: 2 },
    ]);
  });
});
