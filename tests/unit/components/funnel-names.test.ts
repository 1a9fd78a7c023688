import { describe, expect, it } from 'vitest';
import { textWidth } from '../../../src/components/charts/axes';
import { funnelNames } from '../../../src/components/charts/FunnelChart';

// The activation funnel's "First order (within 30 days)" was cut off by its bar: the names had a
// column of at most 150 px whatever their length.
describe('where the funnel writes its steps’ names', () => {
  const steps = ['Registrations', 'First order (within 30 days)', 'Second order'];

  it('beside the bars, in a column wider than the longest name, when that fits in 40 % of the chart', () => {
    const names = funnelNames(steps, 1100);
    expect(names.beside).toBe(true);
    // 28 characters at ~7 px (12 px text) → 196, drawn at 13 px → ≥ 212.
    expect(names.column).toBeGreaterThan((textWidth('First order (within 30 days)') * 13) / 12);
    expect(names.column).toBeLessThanOrEqual(1100 * 0.4);
  });

  it('keeps a 96 px column for short names', () => {
    expect(funnelNames(['Sessions', 'Orders'], 1100)).toEqual({ beside: true, column: 96 });
  });

  it('above the bars on a phone, where the column would take more than 40 %', () => {
    expect(funnelNames(steps, 330)).toEqual({ beside: false, column: 0 });
    expect(funnelNames(['首单（30 天内）', '第二单'], 200).beside).toBe(false);
  });
});
