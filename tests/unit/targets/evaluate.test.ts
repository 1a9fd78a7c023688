import { describe, expect, it } from 'vitest';
import { evaluateTarget, evaluateTargets, toReportTargetRow } from '../../../src/targets/evaluate';
import type { Target } from '../../../src/targets/schema';
import { everyDay, fakeSource, merge } from './fake-source';

function target(overrides: Partial<Target> & Pick<Target, 'metric'>): Target {
  return {
    id: 't',
    period: { from: '2026-01-01', to: '2026-12-31' },
    filters: {},
    ladder: { target: 365_000 },
    phasing: 'linear',
    milestones: [],
    ...overrides,
  };
}

const ordersThroughMarch = { orders: { first: '2024-01-01', last: '2026-03-31' } };

describe('additive metric, linear phasing', () => {
  // 2026 has 365 days; Jan 1..Mar 31 is 31 + 28 + 31 = 90 days, so share = 90 / 365.
  it('is ahead when the projection reaches the stretch', async () => {
    const source = fakeSource({
      tables: ordersThroughMarch,
      sums: { gmv: everyDay('2026-01-01', '2026-03-31', 1_100) },
    });
    const status = await evaluateTarget(
      target({ metric: 'gmv', ladder: { target: 365_000, stretch: 400_000 }, filters: { channel: ['email'] } }),
      source,
    );
    expect(status.as_of).toBe('2026-03-31');
    expect(status.share).toBeCloseTo(90 / 365, 12);
    // actual = 90 days × 1 100 = 99 000
    expect(status.actual_to_date).toBe(99_000);
    // expected = 365 000 × 90 / 365 = 90 000
    expect(status.expected_to_date).toBeCloseTo(90_000, 6);
    // projected = 99 000 ÷ (90 / 365) = 1 100 × 365 = 401 500
    expect(status.projected).toBeCloseTo(401_500, 6);
    // attainment = 401 500 ÷ 365 000 = 1.1
    expect(status.attainment).toBeCloseTo(1.1, 12);
    expect(status.status).toBe('ahead');
    // gap = 99 000 − 90 000; remaining = 365 000 − 99 000 = 266 000 over 365 − 90 = 275 days left
    expect(status.gap).toBeCloseTo(9_000, 6);
    expect(status.remaining).toBe(266_000);
    expect(status.days_left).toBe(275);
    expect(status.required_daily_rate).toBeCloseTo(266_000 / 275, 9);
    expect(status.current_daily_rate).toBe(1_100);
    // The target's own filters reach the source, over from..as_of.
    expect(source.calls).toContainEqual({
      metric: 'gmv',
      period: { from: '2026-01-01', to: '2026-03-31' },
      filters: { channel: ['email'] },
    });
  });

  it.each([
    // projected = daily × 365; target 365 000, floor by default 90 % = 328 500, no stretch
    { daily: 1_100, projected: 401_500, status: 'on_track' }, // ≥ 365 000 but no stretch, so never ahead
    { daily: 1_000, projected: 365_000, status: 'on_track' }, // exactly the target reaches it
    { daily: 950, projected: 346_750, status: 'at_risk' }, // 328 500 ≤ 346 750 < 365 000
    { daily: 900, projected: 328_500, status: 'at_risk' }, // exactly the default floor
    { daily: 850, projected: 310_250, status: 'off_track' }, // below 328 500
  ])('daily $daily projects $projected: $status', async ({ daily, projected, status }) => {
    const source = fakeSource({
      tables: ordersThroughMarch,
      sums: { gmv: everyDay('2026-01-01', '2026-03-31', daily) },
    });
    const result = await evaluateTarget(target({ metric: 'gmv' }), source);
    expect(result.projected).toBeCloseTo(projected, 6);
    expect(result.floor).toBe(328_500);
    expect(result.status).toBe(status);
  });

  it('uses an explicit floor instead of the 90 % default', async () => {
    // projected 346 750 (daily 950) is below a floor of 350 000
    const source = fakeSource({ tables: ordersThroughMarch, sums: { gmv: everyDay('2026-01-01', '2026-03-31', 950) } });
    const result = await evaluateTarget(target({ metric: 'gmv', ladder: { floor: 350_000, target: 365_000 } }), source);
    expect(result.status).toBe('off_track');
  });
});

describe('ratio metric', () => {
  it('takes as_of from the earlier of orders and traffic for conversion_rate', async () => {
    // Orders run to Mar 20, traffic only to Mar 10: as_of = 2026-03-10.
    // Jan 1..Feb 28 (59 days): 3 orders / 100 sessions a day; Mar 1..10: 2 / 100;
    // Mar 11..20: 500 orders a day, which must not count.
    const source = fakeSource({
      tables: {
        orders: { first: '2025-01-01', last: '2026-03-20' },
        traffic: { first: '2025-01-01', last: '2026-03-10' },
      },
      ratios: {
        conversion_rate: {
          numerator: merge(
            everyDay('2026-01-01', '2026-02-28', 3),
            everyDay('2026-03-01', '2026-03-10', 2),
            everyDay('2026-03-11', '2026-03-20', 500),
          ),
          denominator: everyDay('2026-01-01', '2026-03-20', 100),
        },
      },
    });
    const status = await evaluateTarget(
      target({ metric: 'conversion_rate', period: { from: '2026-01-01', to: '2026-03-31' }, ladder: { target: 0.03 } }),
      source,
    );
    expect(status.as_of).toBe('2026-03-10');
    // actual = (59 × 3 + 10 × 2) ÷ (69 × 100) = 197 / 6 900 = 0.028550…
    expect(status.actual_to_date).toBeCloseTo(197 / 6_900, 12);
    expect(status.share).toBeNull();
    expect(status.expected_to_date).toBe(0.03);
    expect(status.projected).toBeCloseTo(197 / 6_900, 12);
    // attainment = (197 / 6 900) ÷ 0.03 = 0.951690…
    expect(status.attainment).toBeCloseTo(197 / 6_900 / 0.03, 12);
    // default floor 0.027 ≤ 0.02855 < 0.03
    expect(status.status).toBe('at_risk');
    expect(status.remaining).toBeNull();
    expect(status.required_daily_rate).toBeNull();
  });

  it('takes as_of from orders when they end before traffic', async () => {
    const source = fakeSource({
      tables: {
        orders: { first: '2025-01-01', last: '2026-02-14' },
        traffic: { first: '2025-01-01', last: '2026-03-31' },
      },
      ratios: {
        conversion_rate: {
          numerator: everyDay('2026-01-01', '2026-03-31', 3),
          denominator: everyDay('2026-01-01', '2026-03-31', 100),
        },
      },
    });
    const status = await evaluateTarget(target({ metric: 'conversion_rate', ladder: { target: 0.03 } }), source);
    expect(status.as_of).toBe('2026-02-14');
    // 3 / 100 every day = 0.03 exactly the target
    expect(status.status).toBe('on_track');
  });

  describe('lower is better: refund_rate, target 0.05, floor 0.06, stretch 0.04', () => {
    it.each([
      { refundsPerDay: 35, rate: 0.035, attainment: 0.05 / 0.035, status: 'ahead' }, // ≤ 0.04
      { refundsPerDay: 45, rate: 0.045, attainment: 0.05 / 0.045, status: 'on_track' }, // ≤ 0.05
      { refundsPerDay: 55, rate: 0.055, attainment: 0.05 / 0.055, status: 'at_risk' }, // ≤ 0.06
      { refundsPerDay: 70, rate: 0.07, attainment: 0.05 / 0.07, status: 'off_track' }, // > 0.06
    ])('refunds $refundsPerDay of 1 000 a day: $status', async ({ refundsPerDay, rate, attainment, status }) => {
      const source = fakeSource({
        tables: ordersThroughMarch,
        ratios: {
          refund_rate: {
            numerator: everyDay('2026-01-01', '2026-03-31', refundsPerDay),
            denominator: everyDay('2026-01-01', '2026-03-31', 1_000),
          },
        },
      });
      const result = await evaluateTarget(
        target({ metric: 'refund_rate', ladder: { floor: 0.06, target: 0.05, stretch: 0.04 } }),
        source,
      );
      expect(result.projected).toBeCloseTo(rate, 12);
      // inverted: attainment = target ÷ projected
      expect(result.attainment).toBeCloseTo(attainment, 12);
      expect(result.status).toBe(status);
    });

    it('defaults the floor to 110 % of the target', async () => {
      // floor = 0.05 × 11 / 10 = 0.055; 0.054 reaches it (≤), 0.056 does not
      const run = async (perDay: number) =>
        evaluateTarget(
          target({ metric: 'refund_rate', ladder: { target: 0.05 } }),
          fakeSource({
            tables: ordersThroughMarch,
            ratios: {
              refund_rate: {
                numerator: everyDay('2026-01-01', '2026-03-31', perDay),
                denominator: everyDay('2026-01-01', '2026-03-31', 1_000),
              },
            },
          }),
        );
      const atRisk = await run(54);
      expect(atRisk.floor).toBeCloseTo(0.055, 12);
      expect(atRisk.status).toBe('at_risk');
      expect((await run(56)).status).toBe('off_track');
    });
  });
});

describe('seasonal phasing', () => {
  // Last year (2025): January 2 000 a day = 62 000, Feb..Dec 1 000 a day × 334 days = 334 000;
  // total 396 000. This year January runs 2 200 a day = 68 200.
  const gmv = merge(
    everyDay('2025-01-01', '2025-01-31', 2_000),
    everyDay('2025-02-01', '2025-12-31', 1_000),
    everyDay('2026-01-01', '2026-01-31', 2_200),
  );
  const seasonal = target({ metric: 'gmv', phasing: 'seasonal', ladder: { target: 396_000, stretch: 430_000 } });

  it("paces by last year's shape when the history covers last year", async () => {
    const source = fakeSource({ tables: { orders: { first: '2024-06-01', last: '2026-01-31' } }, sums: { gmv } });
    const status = await evaluateTarget(seasonal, source);
    // share = 62 000 / 396 000
    expect(status.share).toBeCloseTo(62_000 / 396_000, 12);
    expect(status.phasing_used).toBe('seasonal');
    // expected = 396 000 × 62 000 / 396 000 = 62 000
    expect(status.expected_to_date).toBeCloseTo(62_000, 6);
    // projected = 68 200 ÷ (62 000 / 396 000) = 1.1 × 396 000 = 435 600 ≥ stretch 430 000
    expect(status.projected).toBeCloseTo(435_600, 6);
    expect(status.attainment).toBeCloseTo(1.1, 12);
    expect(status.status).toBe('ahead');
  });

  it('falls back to linear when the history starts after last year began', async () => {
    // First order 2025-03-01 > 2025-01-01: last year's span is not covered.
    const source = fakeSource({ tables: { orders: { first: '2025-03-01', last: '2026-01-31' } }, sums: { gmv } });
    const status = await evaluateTarget(seasonal, source);
    expect(status.phasing_used).toBe('linear');
    expect(status.phasing_fallback).toBe('history_gap');
    // share = 31 / 365; projected = 68 200 × 365 / 31 = 2 200 × 365 = 803 000
    expect(status.share).toBeCloseTo(31 / 365, 12);
    expect(status.expected_to_date).toBeCloseTo((396_000 * 31) / 365, 6);
    expect(status.projected).toBeCloseTo(803_000, 6);
  });

  it('falls back to linear when last year totals 0', async () => {
    const source = fakeSource({
      tables: { orders: { first: '2024-06-01', last: '2026-01-31' } },
      sums: { gmv: merge(everyDay('2025-01-01', '2025-12-31', 0), everyDay('2026-01-01', '2026-01-31', 2_200)) },
    });
    const status = await evaluateTarget(seasonal, source);
    expect(status.phasing_fallback).toBe('zero_last_year');
    expect(status.share).toBeCloseTo(31 / 365, 12);
  });
});

describe('custom phasing', () => {
  it('paces an additive metric by its milestone amounts', async () => {
    // Rungs: Jan 1..Mar 31 = 100 000; Apr 1..Jun 30 (91 days) = 200 000; total 300 000.
    // as_of May 15: 45 days of the second rung (30 in April + 15).
    // share = (100 000 + 200 000 × 45/91) ÷ 300 000 = 18 100 000 / 27 300 000 = 181/273
    // actual = 1 500 a day × 135 days (31+28+31+30+15) = 202 500
    const source = fakeSource({
      tables: { orders: { first: '2025-01-01', last: '2026-05-15' } },
      sums: { gmv: everyDay('2026-01-01', '2026-05-15', 1_500) },
    });
    const status = await evaluateTarget(
      target({
        metric: 'gmv',
        period: { from: '2026-01-01', to: '2026-06-30' },
        ladder: { target: 300_000 },
        phasing: 'custom',
        milestones: [
          { to: '2026-03-31', target: 100_000 },
          { to: '2026-06-30', target: 200_000 },
        ],
      }),
      source,
    );
    expect(status.share).toBeCloseTo(181 / 273, 12);
    expect(status.expected_to_date).toBeCloseTo((300_000 * 181) / 273, 6); // 198 901.10
    expect(status.actual_to_date).toBe(202_500);
    // projected = 202 500 × 273 / 181 = 305 428.18; attainment = that ÷ 300 000 = 1.0181
    expect(status.projected).toBeCloseTo((202_500 * 273) / 181, 6);
    expect(status.attainment).toBeCloseTo((202_500 * 273) / 181 / 300_000, 12);
    expect(status.status).toBe('on_track');
    expect(status.current_rung).toEqual({ index: 1, from: '2026-04-01', to: '2026-06-30', value: 200_000 });
  });

  it("judges a ratio metric against the current rung's level, floor and stretch keeping their ratio", async () => {
    // Levels: Jan 0.02, Feb 0.025, Mar 0.03; ladder floor 0.027, target 0.03, stretch 0.033.
    // as_of Feb 15 → level 0.025; floor 0.027 × 0.025/0.03 = 0.0225; stretch 0.033 × 0.025/0.03 = 0.0275.
    // actual 24 orders / 1 000 sessions a day = 0.024: 0.0225 ≤ 0.024 < 0.025 → at_risk
    const source = fakeSource({
      tables: {
        orders: { first: '2025-01-01', last: '2026-02-15' },
        traffic: { first: '2025-01-01', last: '2026-02-20' },
      },
      ratios: {
        conversion_rate: {
          numerator: everyDay('2026-01-01', '2026-02-20', 24),
          denominator: everyDay('2026-01-01', '2026-02-20', 1_000),
        },
      },
    });
    const status = await evaluateTarget(
      target({
        metric: 'conversion_rate',
        period: { from: '2026-01-01', to: '2026-03-31' },
        ladder: { floor: 0.027, target: 0.03, stretch: 0.033 },
        phasing: 'custom',
        milestones: [
          { to: '2026-01-31', target: 0.02 },
          { to: '2026-02-28', target: 0.025 },
          { to: '2026-03-31', target: 0.03 },
        ],
      }),
      source,
    );
    expect(status.target).toBe(0.025);
    expect(status.ladder_target).toBe(0.03);
    expect(status.floor).toBeCloseTo(0.0225, 12);
    expect(status.stretch).toBeCloseTo(0.0275, 12);
    expect(status.expected_to_date).toBe(0.025);
    // attainment = 0.024 / 0.025 = 0.96
    expect(status.attainment).toBeCloseTo(0.96, 12);
    expect(status.status).toBe('at_risk');
  });
});

describe('before, after and without data', () => {
  it('is not_started with nulls when as_of is before the period', async () => {
    const source = fakeSource({
      tables: ordersThroughMarch,
      sums: { gmv: everyDay('2026-01-01', '2026-03-31', 1_000) },
    });
    const status = await evaluateTarget(
      target({ metric: 'gmv', period: { from: '2026-07-01', to: '2026-12-31' }, ladder: { target: 500_000 } }),
      source,
    );
    expect(toReportTargetRow(status)).toEqual({
      id: 't',
      metric: 'gmv',
      as_of: '2026-03-31',
      share: null,
      target: 500_000,
      actual_to_date: null,
      expected_to_date: null,
      projected: null,
      attainment: null,
      status: 'not_started',
    });
    expect(source.calls).toHaveLength(0);
  });

  it('is judged on the whole period once it has finished', async () => {
    // Period 2025 Q1 (90 days); data runs a year past it, so as_of = to and share = 1.
    const source = fakeSource({
      tables: ordersThroughMarch,
      sums: { gmv: everyDay('2025-01-01', '2025-03-31', 1_000) },
    });
    const status = await evaluateTarget(
      target({ metric: 'gmv', period: { from: '2025-01-01', to: '2025-03-31' }, ladder: { target: 90_000 } }),
      source,
    );
    expect(status.as_of).toBe('2025-03-31');
    expect(status.share).toBe(1);
    // actual = expected = projected = 90 × 1 000 = 90 000; attainment 1
    expect(status.projected).toBe(90_000);
    expect(status.attainment).toBe(1);
    expect(status.status).toBe('on_track');
    expect(status.days_left).toBe(0);
    expect(status.required_daily_rate).toBeNull();
  });

  it('has no data when the metric’s table is not loaded', async () => {
    const status = await evaluateTarget(target({ metric: 'sessions' }), fakeSource({ tables: ordersThroughMarch }));
    expect(status.as_of).toBeNull();
    expect(status.status).toBe('no_data');
    expect(status.projected).toBeNull();
  });

  it('is not_started while nothing is due yet under custom phasing', async () => {
    // First rung (January) is 0, so on Jan 20 the share is 0: no pace to judge.
    const source = fakeSource({
      tables: { orders: { first: '2025-01-01', last: '2026-01-20' } },
      sums: { gmv: everyDay('2026-01-01', '2026-01-20', 10) },
    });
    const status = await evaluateTarget(
      target({
        metric: 'gmv',
        period: { from: '2026-01-01', to: '2026-02-28' },
        ladder: { target: 1_000 },
        phasing: 'custom',
        milestones: [
          { to: '2026-01-31', target: 0 },
          { to: '2026-02-28', target: 1_000 },
        ],
      }),
      source,
    );
    expect(status.share).toBe(0);
    expect(status.actual_to_date).toBe(200);
    expect(status.projected).toBeNull();
    expect(status.status).toBe('not_started');
  });

  it('can be evaluated as of an earlier date', async () => {
    // as_of Jan 31: share 31/365, actual 31 × 1 000; projected = 1 000 × 365 = 365 000
    const source = fakeSource({
      tables: ordersThroughMarch,
      sums: { gmv: everyDay('2026-01-01', '2026-03-31', 1_000) },
    });
    const status = await evaluateTarget(target({ metric: 'gmv' }), source, { asOf: '2026-01-31' });
    expect(status.as_of).toBe('2026-01-31');
    expect(status.actual_to_date).toBe(31_000);
    expect(status.projected).toBeCloseTo(365_000, 6);
  });
});

describe('check-in metrics', () => {
  it('tracks a summed check-in like an additive KPI', async () => {
    // Entries Jan 1 100 + Feb 900 = 2 000 by Feb 28 (59 days of 365).
    // projected = 2 000 × 365 / 59 = 12 372.88 ≥ 12 000 → on_track
    const status = await evaluateTarget(
      target({
        metric: 'brand_mentions',
        ladder: { target: 12_000 },
        checkin: {
          label: 'Brand mentions',
          unit: 'mentions',
          aggregation: 'sum',
          direction: 'higher_is_better',
          entries: [
            { period: { from: '2026-01-01', to: '2026-01-31' }, value: 1_100 },
            { period: { from: '2026-02-01', to: '2026-02-28' }, value: 900 },
          ],
        },
      }),
      fakeSource({ tables: {} }),
    );
    expect(status.as_of).toBe('2026-02-28');
    expect(status.share).toBeCloseTo(59 / 365, 12);
    expect(status.actual_to_date).toBe(2_000);
    expect(status.projected).toBeCloseTo((2_000 * 365) / 59, 6);
    expect(status.status).toBe('on_track');
  });

  it('reads a level check-in at its latest entry, not an average (issue 18, item 10)', async () => {
    // Latest entry (Feb) = 4.6 ≥ 4.5 → on_track; the old day-weighted mean (4.0 × 31 + 4.6 × 28) ÷ 59 = 4.285 was at_risk
    const status = await evaluateTarget(
      target({
        metric: 'csat',
        ladder: { floor: 4.2, target: 4.5 },
        checkin: {
          label: 'Customer satisfaction',
          unit: 'score',
          aggregation: 'level',
          direction: 'higher_is_better',
          entries: [
            { period: { from: '2026-01-01', to: '2026-01-31' }, value: 4.0 },
            { period: { from: '2026-02-01', to: '2026-02-28' }, value: 4.6 },
          ],
        },
      }),
      fakeSource({ tables: {} }),
    );
    expect(status.actual_to_date).toBe(4.6);
    expect(status.projected).toBe(4.6);
    expect(status.status).toBe('on_track');
  });

  it('judges a lower-is-better check-in and has no data before any entry', async () => {
    const checkin = {
      label: 'First response time',
      unit: 'minutes',
      aggregation: 'level',
      direction: 'lower_is_better',
    } as const;
    const answered = await evaluateTarget(
      target({
        metric: 'response_minutes',
        ladder: { target: 60 },
        checkin: { ...checkin, entries: [{ period: { from: '2026-01-01', to: '2026-01-31' }, value: 55 }] },
      }),
      fakeSource({ tables: {} }),
    );
    // 55 ≤ 60 → on_track; attainment = 60 / 55
    expect(answered.status).toBe('on_track');
    expect(answered.attainment).toBeCloseTo(60 / 55, 12);
    const empty = await evaluateTarget(
      target({ metric: 'response_minutes', ladder: { target: 60 }, checkin: { ...checkin, entries: [] } }),
      fakeSource({ tables: {} }),
    );
    expect(empty.status).toBe('no_data');
  });
});

it('evaluates a whole file in order', async () => {
  const source = fakeSource({
    tables: ordersThroughMarch,
    sums: { gmv: everyDay('2026-01-01', '2026-03-31', 1_000), orders: everyDay('2026-01-01', '2026-03-31', 10) },
  });
  const statuses = await evaluateTargets(
    {
      version: 1,
      targets: [target({ id: 'a', metric: 'gmv' }), target({ id: 'b', metric: 'orders', ladder: { target: 5_000 } })],
    },
    source,
  );
  expect(statuses.map((s) => s.id)).toEqual(['a', 'b']);
  // orders: 900 by Mar 31 → projected 900 × 365 / 90 = 3 650 < 4 500 (90 % of 5 000) → off_track
  expect(statuses[1]?.projected).toBeCloseTo(3_650, 9);
  expect(statuses[1]?.status).toBe('off_track');
});
