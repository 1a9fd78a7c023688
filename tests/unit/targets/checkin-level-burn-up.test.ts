import { describe, expect, it } from 'vitest';
import { burnUpDomain, toBurnUpRows } from '../../../src/features/goals/burn-up-series';
import { burnUp, checkInRunningValues } from '../../../src/targets/burn-up';
import { checkInValue } from '../../../src/targets/checkin';
import type { CheckIn, Target } from '../../../src/targets/schema';

/** Issue 18, item 10: a check-in level's burn-up shows the latest reading on an axis fitted to the data. */
const csat: CheckIn = {
  label: 'Customer satisfaction',
  unit: 'score',
  aggregation: 'level',
  direction: 'higher_is_better',
  entries: [
    { period: { from: '2026-01-01', to: '2026-01-31' }, value: 4.0 },
    { period: { from: '2026-02-01', to: '2026-02-28' }, value: 4.6 },
    { period: { from: '2026-03-01', to: '2026-03-31' }, value: 4.3 },
  ],
};

const target: Target = {
  id: 'csat-h1',
  metric: 'csat',
  period: { from: '2026-01-01', to: '2026-06-30' },
  filters: {},
  ladder: { floor: 4.2, target: 4.5, stretch: 4.7 },
  phasing: 'linear',
  milestones: [],
  checkin: csat,
};

describe('check-in level metric (issue 18, item 10)', () => {
  it('is worth its latest entry, not the mean of the entries', () => {
    // Latest entry ends 2026-03-31 with 4.3; the old day-weighted mean was (124 + 128.8 + 133.3) ÷ 90 = 4.29.
    expect(checkInValue(csat, target.period)).toBe(4.3);
    // Over Jan..Feb only the February reading is the latest.
    expect(checkInValue(csat, { from: '2026-01-01', to: '2026-02-28' })).toBe(4.6);
  });

  it('draws the latest reading as the actual line', () => {
    const running = checkInRunningValues(target);
    const on = (date: string) => running.find((p) => p.date === date)?.value;
    expect(on('2026-01-30')).toBeNull(); // no reading has ended yet
    expect(on('2026-01-31')).toBe(4.0);
    expect(on('2026-02-15')).toBe(4.0); // February's reading is not in until Feb 28
    expect(on('2026-02-28')).toBe(4.6); // old: (4.0×31 + 4.6×28) ÷ 59 = 4.285
    expect(on('2026-03-31')).toBe(4.3);
    const chart = burnUp(target, running);
    expect(chart.asOf).toBe('2026-03-31');
    // Held from as_of: the latest reading, 4.3.
    expect(chart.points.at(-1)?.projected).toBe(4.3);
  });

  it('fits the axis to the readings instead of running it from 0', () => {
    const rows = toBurnUpRows(burnUp(target, checkInRunningValues(target)));
    // Lines and band span 4.0 (January) .. 4.7 (stretch); a tenth of the spread (0.07) either side
    // gives 3.93..4.77; for 5 ticks over 0.84 d3 steps by 0.2 (0.168 rounds up to 2 × 0.1), so 3.8..4.8.
    const [lo, hi] = burnUpDomain(rows, true);
    expect(lo).toBeCloseTo(3.8, 9);
    expect(hi).toBeCloseTo(4.8, 9);
    // An amount's burn-up still starts at 0.
    expect(burnUpDomain(rows, false)[0]).toBe(0);
  });
});
