import { describe, expect, it } from 'vitest';
import { burnUp, checkInRunningValues } from '../../../src/targets/burn-up';
import type { Target } from '../../../src/targets/schema';
import { cumulate } from '../../../src/targets/source';

const tenDays = { from: '2026-01-01', to: '2026-01-10' };

function target(overrides: Partial<Target> & Pick<Target, 'metric'>): Target {
  return {
    id: 't',
    period: tenDays,
    filters: {},
    ladder: { target: 1_000 },
    phasing: 'linear',
    milestones: [],
    ...overrides,
  };
}

describe('additive burn-up', () => {
  // 1 000 over 10 days, floor 900, stretch 1 200; 120 a day for Jan 1..4 → running 120, 240, 360, 480.
  const daily = ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04'].map((date) => ({ date, value: 120 }));
  const chart = burnUp(
    target({ metric: 'gmv', ladder: { floor: 900, target: 1_000, stretch: 1_200 } }),
    cumulate(daily),
  );

  it('draws the cumulative target, band and actual', () => {
    expect(chart.asOf).toBe('2026-01-04');
    expect(chart.points).toHaveLength(10);
    // Day 1: 1/10 of 1 000, 900 and 1 200
    expect(chart.points[0]).toEqual({
      date: '2026-01-01',
      actual: 120,
      target: 100,
      projected: null,
      floor: 90,
      stretch: 120,
    });
    expect(chart.points[9]).toMatchObject({ target: 1_000, floor: 900, stretch: 1_200, actual: null });
  });

  it('projects from as_of along the phasing', () => {
    // projected total = 480 ÷ (4/10) = 1 200; on day d the line is 1 200 × d/10
    expect(chart.points[2]?.projected).toBeNull();
    expect(chart.points[3]?.projected).toBeCloseTo(480, 9);
    expect(chart.points[4]).toMatchObject({ actual: null });
    expect(chart.points[4]?.projected).toBeCloseTo(600, 9);
    expect(chart.points[9]?.projected).toBeCloseTo(1_200, 9);
  });

  it('stops the actual at an earlier as_of', () => {
    // as_of Jan 2: 240 ÷ (2/10) = 1 200 as well
    const early = burnUp(target({ metric: 'gmv' }), cumulate(daily), { asOf: '2026-01-02' });
    expect(early.points.map((p) => p.actual).slice(0, 4)).toEqual([120, 240, null, null]);
    // floor 90 % of 1 000 = 900 by default
    expect(early.points[9]?.floor).toBe(900);
  });

  it('follows custom milestones', () => {
    // Rung 1 Jan 1..5 = 200, rung 2 Jan 6..10 = 800: by Jan 5 the line is at 200, by Jan 6 at 200 + 800/5 = 360
    const custom = burnUp(
      target({
        metric: 'gmv',
        phasing: 'custom',
        milestones: [
          { to: '2026-01-05', target: 200 },
          { to: '2026-01-10', target: 800 },
        ],
      }),
      [],
    );
    expect(custom.points[4]?.target).toBeCloseTo(200, 9);
    expect(custom.points[5]?.target).toBeCloseTo(360, 9);
    expect(custom.asOf).toBeNull();
    expect(custom.points.every((p) => p.projected === null && p.actual === null)).toBe(true);
  });
});

describe('ratio burn-up', () => {
  it('draws the level to date against the target level', () => {
    // conversion_rate target 0.03 (floor 0.027 by default); level to date 0.02, 0.025, 0.028
    const running = [
      { date: '2026-01-01', value: 0.02 },
      { date: '2026-01-02', value: 0.025 },
      { date: '2026-01-03', value: 0.028 },
    ];
    const chart = burnUp(target({ metric: 'conversion_rate', ladder: { target: 0.03, stretch: 0.035 } }), running);
    expect(chart.points[0]).toMatchObject({
      date: '2026-01-01',
      actual: 0.02,
      target: 0.03,
      projected: null,
      stretch: 0.035,
    });
    expect(chart.points[0]?.floor).toBeCloseTo(0.027, 15);
    // from as_of the level held is the last level to date
    expect(chart.points[2]?.projected).toBe(0.028);
    expect(chart.points[9]).toMatchObject({ actual: null, projected: 0.028, target: 0.03 });
  });

  it('steps the target level with custom rungs', () => {
    const chart = burnUp(
      target({
        metric: 'conversion_rate',
        ladder: { target: 0.03 },
        phasing: 'custom',
        milestones: [
          { to: '2026-01-05', target: 0.02 },
          { to: '2026-01-10', target: 0.03 },
        ],
      }),
      [],
    );
    // floor keeps its ratio: 0.027 × 0.02 / 0.03 = 0.018 in the first rung
    expect(chart.points[4]?.target).toBe(0.02);
    expect(chart.points[4]?.floor).toBeCloseTo(0.018, 12);
    expect(chart.points[5]?.target).toBe(0.03);
  });
});

it('builds running values for a check-in from its entries', () => {
  // Entries: Jan 1..3 = 5, Jan 4..5 = 7. Running: nothing ended by Jan 1 and 2, 5 from Jan 3, 12 on Jan 5.
  const values = checkInRunningValues(
    target({
      metric: 'mentions',
      checkin: {
        label: 'Mentions',
        unit: '',
        aggregation: 'sum',
        direction: 'higher_is_better',
        entries: [
          { period: { from: '2026-01-01', to: '2026-01-03' }, value: 5 },
          { period: { from: '2026-01-04', to: '2026-01-05' }, value: 7 },
        ],
      },
    }),
  );
  expect(values.map((v) => v.value)).toEqual([null, null, 5, 5, 12]);
});
