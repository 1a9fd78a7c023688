import { describe, expect, it } from 'vitest';
import {
  applyLadder,
  buildLadder,
  editRung,
  evaluateLadder,
  ladderSum,
  loadSeasonalShape,
  lockRung,
  lockedRungDates,
  type Ladder,
} from '../../../src/targets/ladder';
import { parseTargetsFile, serializeTargetsFile, type Target } from '../../../src/targets/schema';
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

/** The rungs' sum in cents, added as integers so the check itself has no rounding. */
function centsOf(ladder: Ladder): number {
  return ladder.rungs.reduce((sum, rung) => sum + Math.round(rung.value * 100), 0);
}

function edited(result: ReturnType<typeof editRung>): Ladder {
  if (!result.ok) throw new Error(result.reason);
  return result.ladder;
}

describe('buildLadder, additive metrics', () => {
  it('splits linearly by days', () => {
    // 365 000 over 365 days = 1 000 a day: each month is 1 000 × its days
    const ladder = buildLadder(target({ metric: 'gmv' }), 'month');
    expect(ladder.rungs.map((r) => r.value)).toEqual(
      [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31].map((days) => days * 1_000),
    );
    expect(ladder.rungs[0]).toEqual({
      index: 0,
      label: '2026-01',
      from: '2026-01-01',
      to: '2026-01-31',
      value: 31_000,
      locked: false,
      finished: false,
    });
    expect(ladder.decimals).toBe(2);
  });

  it('rounds money to cents and still sums exactly to the whole', () => {
    // 100 000.00 = 10 000 000 cents. Jan: round(10 000 000 × 31/365) = round(849 315.07) = 849 315 → 8 493.15
    // Feb: round(10 000 000 × 59/365) = round(1 616 438.36) = 1 616 438; minus Jan = 767 123 → 7 671.23
    const ladder = buildLadder(target({ metric: 'gmv', ladder: { target: 100_000 } }), 'month');
    expect(ladder.rungs[0]?.value).toBe(8_493.15);
    expect(ladder.rungs[1]?.value).toBe(7_671.23);
    expect(centsOf(ladder)).toBe(10_000_000);
    expect(ladderSum(ladder)).toBe(100_000);
  });

  it('keeps whole counts whole', () => {
    // orders 1 000 over quarters of 90, 91, 92, 92 days:
    // Q1 round(1 000 × 90/365 = 246.58) = 247; Q2 round(1 000 × 181/365 = 495.89) = 496 − 247 = 249;
    // Q3 round(1 000 × 273/365 = 747.95) = 748 − 496 = 252; Q4 1 000 − 748 = 252
    const ladder = buildLadder(target({ metric: 'orders', ladder: { target: 1_000 } }), 'quarter');
    expect(ladder.rungs.map((r) => [r.label, r.value])).toEqual([
      ['2026-Q1', 247],
      ['2026-Q2', 249],
      ['2026-Q3', 252],
      ['2026-Q4', 252],
    ]);
    expect(ladder.decimals).toBe(0);
  });

  it("splits by last year's shape when seasonal", () => {
    // Last year: Jan 100 a day (3 100), Feb 200 a day (5 600), Mar 100 a day (3 100); total 11 800.
    // 118 000 × 3 100 / 11 800 = 31 000; × 5 600 / 11 800 = 56 000; × 3 100 / 11 800 = 31 000
    const shape = Object.entries(
      merge(
        everyDay('2025-01-01', '2025-01-31', 100),
        everyDay('2025-02-01', '2025-02-28', 200),
        everyDay('2025-03-01', '2025-03-31', 100),
      ),
    ).map(([date, value]) => ({ date, value }));
    const seasonal = target({
      metric: 'gmv',
      period: { from: '2026-01-01', to: '2026-03-31' },
      ladder: { target: 118_000 },
      phasing: 'seasonal',
    });
    const ladder = buildLadder(seasonal, 'month', shape);
    expect(ladder.phasingUsed).toBe('seasonal');
    expect(ladder.rungs.map((r) => r.value)).toEqual([31_000, 56_000, 31_000]);
  });

  it('falls back to linear without a shape', () => {
    // 11 800 000 cents over 90 days: Jan round(11 800 000 × 31/90) = 4 064 444 → 40 644.44;
    // Feb round(11 800 000 × 59/90) = 7 735 556 − 4 064 444 = 3 671 112 → 36 711.12; Mar the rest 40 644.44
    const seasonal = target({
      metric: 'gmv',
      period: { from: '2026-01-01', to: '2026-03-31' },
      ladder: { target: 118_000 },
      phasing: 'seasonal',
    });
    const ladder = buildLadder(seasonal, 'month', null);
    expect(ladder.phasingUsed).toBe('linear');
    expect(ladder.phasingFallback).toBe('history_gap');
    expect(ladder.rungs.map((r) => r.value)).toEqual([40_644.44, 36_711.12, 40_644.44]);
  });

  it('splits custom quarters into months by days within each quarter', () => {
    // Q1 90 000 / 90 days = 1 000 a day; Q2 182 000 / 91 = 2 000; Q3 184 000 / 92 = 2 000; Q4 276 000 / 92 = 3 000
    const custom = target({
      metric: 'gmv',
      ladder: { target: 732_000 },
      phasing: 'custom',
      milestones: [
        { to: '2026-03-31', target: 90_000 },
        { to: '2026-06-30', target: 182_000 },
        { to: '2026-09-30', target: 184_000 },
        { to: '2026-12-31', target: 276_000 },
      ],
    });
    const ladder = buildLadder(custom, 'month');
    expect(ladder.rungs.map((r) => r.value)).toEqual([
      31_000, 28_000, 31_000, 60_000, 62_000, 60_000, 62_000, 62_000, 60_000, 93_000, 90_000, 93_000,
    ]);
  });
});

describe('weeks', () => {
  it('are ISO weeks from Monday, across month ends, clipped to the period', () => {
    // 2026-01-01 is a Thursday, in ISO week 2026-W01 (Mon 2025-12-29 .. Sun 2026-01-04).
    // 590 orders over 59 days = 10 a day.
    const ladder = buildLadder(
      target({ metric: 'orders', period: { from: '2026-01-01', to: '2026-02-28' }, ladder: { target: 590 } }),
      'week',
    );
    expect(ladder.rungs.map((r) => [r.label, r.from, r.to, r.value])).toEqual([
      ['2026-W01', '2026-01-01', '2026-01-04', 40],
      ['2026-W02', '2026-01-05', '2026-01-11', 70],
      ['2026-W03', '2026-01-12', '2026-01-18', 70],
      ['2026-W04', '2026-01-19', '2026-01-25', 70],
      ['2026-W05', '2026-01-26', '2026-02-01', 70],
      ['2026-W06', '2026-02-02', '2026-02-08', 70],
      ['2026-W07', '2026-02-09', '2026-02-15', 70],
      ['2026-W08', '2026-02-16', '2026-02-22', 70],
      ['2026-W09', '2026-02-23', '2026-02-28', 60],
    ]);
  });

  it('take the ISO week-year across a year end', () => {
    const ladder = buildLadder(
      target({ metric: 'orders', period: { from: '2025-12-22', to: '2026-01-11' }, ladder: { target: 21 } }),
      'week',
    );
    expect(ladder.rungs.map((r) => [r.label, r.from, r.to])).toEqual([
      ['2025-W52', '2025-12-22', '2025-12-28'],
      ['2026-W01', '2025-12-29', '2026-01-04'],
      ['2026-W02', '2026-01-05', '2026-01-11'],
    ]);
  });
});

describe('ratio metrics', () => {
  it('carry the target level on every rung', () => {
    const ladder = buildLadder(target({ metric: 'conversion_rate', ladder: { target: 0.03 } }), 'quarter');
    expect(ladder.rungs.map((r) => r.value)).toEqual([0.03, 0.03, 0.03, 0.03]);
  });

  it('carry custom levels, day-weighted where a week straddles two milestones', () => {
    // Week Mon 2026-03-30 .. Sun 04-05: 2 days at 0.02, 5 days at 0.03 → (0.04 + 0.15) / 7 = 0.19 / 7
    const custom = target({
      metric: 'conversion_rate',
      period: { from: '2026-01-01', to: '2026-06-30' },
      ladder: { target: 0.03 },
      phasing: 'custom',
      milestones: [
        { to: '2026-03-31', target: 0.02 },
        { to: '2026-06-30', target: 0.03 },
      ],
    });
    const weeks = buildLadder(custom, 'week');
    const straddling = weeks.rungs.find((r) => r.from === '2026-03-30');
    expect(straddling?.value).toBeCloseTo(0.19 / 7, 15);
    expect(buildLadder(custom, 'month').rungs.map((r) => r.value)).toEqual([0.02, 0.02, 0.02, 0.03, 0.03, 0.03]);
  });

  it('edit one level and leave the others', () => {
    const ladder = edited(
      editRung(buildLadder(target({ metric: 'conversion_rate', ladder: { target: 0.03 } }), 'quarter'), 3, 0.04),
    );
    expect(ladder.rungs.map((r) => r.value)).toEqual([0.03, 0.03, 0.03, 0.04]);
  });
});

describe('editing and locking', () => {
  it('re-balances the unlocked rungs and keeps the sum after every edit and lock', () => {
    // Monthly linear 365 000: Jan 31 000, Feb 28 000, …
    let ladder = buildLadder(target({ metric: 'gmv' }), 'month');
    ladder = lockRung(ladder, 1); // Feb stays 28 000
    ladder = edited(editRung(ladder, 0, 40_000));
    // The other 10 months (306 days) share 365 000 − 28 000 − 40 000 = 297 000 in proportion to their
    // old values (1 000 × days). Mar: round(29 700 000 × 31/306) = round(3 008 823.53) = 3 008 824 → 30 088.24
    expect(ladder.rungs[0]?.value).toBe(40_000);
    expect(ladder.rungs[1]?.value).toBe(28_000);
    expect(ladder.rungs[2]?.value).toBe(30_088.24);
    // Dec takes what is left: 29 700 000 − round(29 700 000 × 275/306 = 26 691 176.47) = 3 008 824 → 30 088.24
    expect(ladder.rungs[11]?.value).toBe(30_088.24);
    expect(centsOf(ladder)).toBe(36_500_000);

    ladder = lockRung(ladder, 0);
    ladder = edited(editRung(ladder, 2, 0));
    expect(ladder.rungs.slice(0, 3).map((r) => r.value)).toEqual([40_000, 28_000, 0]);
    expect(centsOf(ladder)).toBe(36_500_000);

    ladder = lockRung(ladder, 0, false);
    ladder = edited(editRung(ladder, 11, 100_000));
    expect(ladder.rungs[11]?.value).toBe(100_000);
    expect(ladder.rungs[1]?.value).toBe(28_000);
    expect(centsOf(ladder)).toBe(36_500_000);
    expect(lockedRungDates(ladder)).toEqual(['2026-02-28']);
  });

  it('spreads by days when the other rungs are all 0', () => {
    // Quarters of 1 000 orders. Q1 = 1 000 leaves 0 everywhere else; then Q1 = 100 leaves 900 for
    // Q2..Q4 (91 + 92 + 92 = 275 days): Q2 round(900 × 91/275 = 297.8) = 298;
    // Q3 round(900 × 183/275 = 598.9) = 599 − 298 = 301; Q4 900 − 599 = 301
    let ladder = buildLadder(target({ metric: 'orders', ladder: { target: 1_000 } }), 'quarter');
    ladder = edited(editRung(ladder, 0, 1_000));
    expect(ladder.rungs.map((r) => r.value)).toEqual([1_000, 0, 0, 0]);
    ladder = edited(editRung(ladder, 0, 100));
    expect(ladder.rungs.map((r) => r.value)).toEqual([100, 298, 301, 301]);
  });

  it('refuses what cannot keep the sum', () => {
    const ladder = lockRung(buildLadder(target({ metric: 'gmv' }), 'month'), 1);
    // 365 000 − 28 000 locked = 337 000 at most for January
    expect(editRung(ladder, 0, 340_000)).toEqual({ ok: false, reason: expect.stringMatching(/at most 337000/) });
    expect(editRung(ladder, 1, 1)).toEqual({ ok: false, reason: '2026-02 is locked' });
    expect(editRung(ladder, 0, -5).ok).toBe(false);
    expect(editRung(ladder, 12, 5).ok).toBe(false);
    const allLocked = [1, 2, 3].reduce(
      (l, i) => lockRung(l, i),
      buildLadder(target({ metric: 'orders', ladder: { target: 1_000 } }), 'quarter'),
    );
    expect(editRung(allLocked, 0, 300).ok).toBe(false);
    expect(editRung(allLocked, 0, 247).ok).toBe(true);
  });

  it('travels in the targets file as custom milestones', () => {
    const original = target({ metric: 'gmv' });
    const ladder = edited(editRung(buildLadder(original, 'month'), 0, 40_000));
    const applied = applyLadder(original, ladder);
    const reread = parseTargetsFile(JSON.parse(serializeTargetsFile({ version: 1, targets: [applied] })));
    expect(reread.ok).toBe(true);
    const again = buildLadder(reread.ok ? (reread.file.targets[0] as Target) : original, 'month', null, ['2026-03-31']);
    expect(again.rungs.map((r) => r.value)).toEqual(ladder.rungs.map((r) => r.value));
    expect(again.rungs[2]?.locked).toBe(true);
  });
});

describe('issue 18, item 8: editing a rung leaves finished rungs as they were', () => {
  // orders 1 000 a year, linear. As of 2026-10-15 the rungs that ended by 2026-10-14 are finished.
  const plan = target({ metric: 'orders', ladder: { target: 1_000 } });

  it('marks rungs that ended before the as-of date finished', () => {
    const ladder = buildLadder(plan, 'quarter', null, [], '2026-10-15');
    expect(ladder.rungs.map((r) => r.finished)).toEqual([true, true, true, false]);
  });

  it('re-balances only future rungs and never sets a finished one', () => {
    // By months as of 2026-10-15: Jan–Sep finished, Oct–Dec free. orders 1 000 by months,
    // linear: Oct = round(1000×304/365=832.88)=833 − round(1000×273/365=747.95)=748 → 85;
    // Nov = round(1000×334/365=915.07)=915 − 833 = 82; Dec = 1 000 − 915 = 85.
    const ladder = buildLadder(plan, 'month', null, [], '2026-10-15');
    expect(ladder.rungs.slice(9).map((r) => r.value)).toEqual([85, 82, 85]);
    const past = ladder.rungs.slice(0, 9).map((r) => r.value);
    // Dec set to 100: Oct and Nov share 252 − 100 = 152 in the ratio 85 : 82 →
    // Oct round(152 × 85/167 = 77.37) = 77, Nov 152 − 77 = 75.
    const after = edited(editRung(ladder, 11, 100));
    expect(after.rungs.slice(0, 9).map((r) => r.value)).toEqual(past);
    expect(after.rungs.slice(9).map((r) => r.value)).toEqual([77, 75, 100]);
    expect(ladderSum(after)).toBe(1_000);
    expect(editRung(ladder, 3, 10).ok).toBe(false);
  });
});

describe('tracking rungs', () => {
  it('evaluates each rung as a target of its own', async () => {
    // 365 000 linear by quarter: Q1 90 000, Q2 91 000, Q3 92 000, Q4 92 000. Data: 1 000 a day to May 15.
    const whole = target({ metric: 'gmv', ladder: { floor: 328_500, target: 365_000 } });
    const source = fakeSource({
      tables: { orders: { first: '2025-01-01', last: '2026-05-15' } },
      sums: { gmv: everyDay('2026-01-01', '2026-05-15', 1_000) },
    });
    const statuses = await evaluateLadder(whole, buildLadder(whole, 'quarter'), source);
    // Q1 finished: 90 000 of 90 000, floor 328 500 × 90 000 / 365 000 = 81 000
    expect(statuses[0]).toMatchObject({
      id: 't#2026-Q1',
      as_of: '2026-03-31',
      share: 1,
      projected: 90_000,
      attainment: 1,
      status: 'on_track',
      floor: 81_000,
    });
    // Q2 Apr 1..May 15 = 45 of 91 days: actual 45 000, projected 45 000 × 91 / 45 = 91 000
    expect(statuses[1]?.share).toBeCloseTo(45 / 91, 12);
    expect(statuses[1]?.projected).toBeCloseTo(91_000, 6);
    expect(statuses[1]?.status).toBe('on_track');
    expect(statuses.slice(2).map((s) => s.status)).toEqual(['not_started', 'not_started']);
  });
});

describe('loadSeasonalShape', () => {
  const seasonal = target({ metric: 'gmv', phasing: 'seasonal' });

  it("gives last year's daily values when the history covers last year", async () => {
    const source = fakeSource({
      tables: { orders: { first: '2025-01-01', last: '2026-02-01' } },
      sums: { gmv: everyDay('2025-01-01', '2025-12-31', 5) },
    });
    const shape = await loadSeasonalShape(seasonal, source);
    expect(shape).toHaveLength(365);
    expect(shape?.[0]).toEqual({ date: '2025-01-01', value: 5 });
  });

  it('gives null when the history has a gap', async () => {
    const source = fakeSource({
      tables: { orders: { first: '2025-01-02', last: '2026-02-01' } },
      sums: { gmv: everyDay('2025-01-02', '2025-12-31', 5) },
    });
    expect(await loadSeasonalShape(seasonal, source)).toBeNull();
  });
});
