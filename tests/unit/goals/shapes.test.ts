import { describe, expect, it } from 'vitest';
import { burnUpTableRows, monthTicks, toBurnUpRows } from '../../../src/features/goals/burn-up-series';
import { nextEntryPeriod } from '../../../src/features/goals/checkin-model';
import { pickDrivers, planDefaults, planToDate, roundPlan } from '../../../src/features/goals/driver-plan';
import { formatSigned, gapTone } from '../../../src/features/goals/goal-format';
import { pickGoalTarget } from '../../../src/features/goals/goal-pick';
import { toWaterfallBars } from '../../../src/components/charts/waterfall-bars';
import type { BurnUp, Target, WaterfallStep } from '../../../src/targets';

const point = (
  date: string,
  actual: number | null,
  target: number,
  projected: number | null,
  floor: number,
  stretch: number | null,
) => ({
  date,
  actual,
  target,
  projected,
  floor,
  stretch,
});

describe('burn-up chart rows', () => {
  it('draws the band from floor to stretch, or to the target line without a stretch', () => {
    const burnUp: BurnUp = {
      targetId: 't',
      kind: 'additive',
      asOf: '2026-01-31',
      phasingUsed: 'linear',
      phasingFallback: null,
      points: [point('2026-01-31', 100, 90, 100, 81, 99), point('2026-02-01', null, 93, 103, 83.7, null)],
    };
    expect(toBurnUpRows(burnUp)).toEqual([
      { date: '2026-01-31', actual: 100, target: 90, projected: 100, band: [81, 99] },
      { date: '2026-02-01', actual: null, target: 93, projected: 103, band: [83.7, 93] },
    ]);
  });

  it('puts the ends in order for a lower-is-better metric, whose floor is above the target', () => {
    const burnUp: BurnUp = {
      targetId: 'refunds',
      kind: 'ratio',
      asOf: null,
      phasingUsed: 'linear',
      phasingFallback: null,
      points: [point('2026-03-01', null, 0.05, null, 0.055, 0.04)],
    };
    expect(toBurnUpRows(burnUp)[0]?.band).toEqual([0.04, 0.055]);
  });

  it('ticks on the first of each month and the first day; tabulates month ends and the last day of data', () => {
    const rows = ['2026-01-15', '2026-01-31', '2026-02-01', '2026-02-14', '2026-02-28', '2026-03-01', '2026-03-02'].map(
      (date) => ({
        date,
        actual: null,
        target: 0,
        projected: null,
        band: [0, 0] as [number, number],
      }),
    );
    expect(monthTicks(rows)).toEqual(['2026-01-15', '2026-02-01', '2026-03-01']);
    expect(burnUpTableRows(rows, '2026-02-14').map((r) => r.date)).toEqual([
      '2026-01-31',
      '2026-02-14',
      '2026-02-28',
      '2026-03-02',
    ]);
  });
});

describe('waterfall bars', () => {
  it('stand the totals on 0 and float each part from where the last one ended', () => {
    // 100 → 130: sessions +40, conversion −15, AOV unchanged (0), the last step ends on the total.
    const steps: WaterfallStep[] = [
      { key: 'base', kind: 'total', start: 0, end: 100, value: 100 },
      { key: 'sessions', kind: 'step', start: 100, end: 140, value: 40 },
      { key: 'conversion_rate', kind: 'step', start: 140, end: 125, value: -15 },
      { key: 'aov', kind: 'step', start: 125, end: 130, value: 5 },
      { key: 'current', kind: 'total', start: 0, end: 130, value: 130 },
    ];
    const bars = toWaterfallBars(steps, (key) => key.toUpperCase());
    expect(bars.map((b) => [b.label, b.range, b.tone])).toEqual([
      ['BASE', [0, 100], 'total'],
      ['SESSIONS', [100, 140], 'up'],
      ['CONVERSION_RATE', [125, 140], 'down'],
      ['AOV', [125, 130], 'up'],
      ['CURRENT', [0, 130], 'total'],
    ]);
    const flat = toWaterfallBars([{ key: 'aov', kind: 'step', start: 125, end: 125, value: 0 }], String);
    expect(flat[0]?.tone).toBe('flat');
  });
});

describe('the driver plan', () => {
  const actual = { sessions: 80_000, conversion_rate: 0.025, aov: 400 };

  it('takes the tree’s three drivers, or nothing when one is unknown', () => {
    const values = { gmv: 800_000, ...actual, visitors: null, buyer_conversion_rate: 0.02, revenue_per_buyer: 500 };
    expect(pickDrivers(values, 'sessions')).toEqual(actual);
    expect(pickDrivers(values, 'visitors')).toBeNull();
  });

  it('starts from today’s pace over the whole period, and cuts a plan back to the part due', () => {
    // 80,000 sessions with 40 % of the target due → 200,000 over the period; the rates stay.
    const plan = planDefaults(actual, 'sessions', 0.4);
    expect(plan).toEqual({ sessions: 200_000, conversion_rate: 0.025, aov: 400 });
    expect(planToDate(plan, 'sessions', 0.4)).toEqual(actual);
    // Before anything is due the volume is left as it is.
    expect(planDefaults(actual, 'sessions', null)).toEqual(actual);
  });

  it('rounds a plan as a person writes it', () => {
    expect(roundPlan({ sessions: 265038.6, conversion_rate: 0.0227339634681, aov: 414.90429 })).toEqual({
      sessions: 265039,
      conversion_rate: 0.0227,
      aov: 414.9,
    });
  });
});

describe('check-in entries', () => {
  const target = (entries: { from: string; to: string }[]): Pick<Target, 'period' | 'checkin'> => ({
    period: { from: '2026-01-10', to: '2026-03-20' },
    checkin: {
      label: 'Mentions',
      unit: '',
      aggregation: 'sum',
      direction: 'higher_is_better',
      entries: entries.map((period) => ({ period, value: 1 })),
    },
  });

  it('suggests the month after the latest entry, clipped to the period', () => {
    expect(nextEntryPeriod(target([]))).toEqual({ from: '2026-01-10', to: '2026-01-31' });
    expect(nextEntryPeriod(target([{ from: '2026-01-10', to: '2026-01-31' }]))).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(nextEntryPeriod(target([{ from: '2026-03-01', to: '2026-03-05' }]))).toEqual({
      from: '2026-03-06',
      to: '2026-03-20',
    });
    expect(nextEntryPeriod(target([{ from: '2026-03-01', to: '2026-03-20' }]))).toBeNull();
  });
});

describe('the goal a KPI card shows', () => {
  const make = (
    id: string,
    metric: string,
    from: string,
    to: string,
    filters: Record<string, string[]> = {},
  ): Target => ({
    id,
    metric,
    period: { from, to },
    filters,
    ladder: { target: 1 },
    phasing: 'linear',
    milestones: [],
  });
  const targets = [
    make('gmv-2025', 'gmv', '2025-01-01', '2025-12-31'),
    make('gmv-email-2026', 'gmv', '2026-01-01', '2026-12-31', { channel: ['email'] }),
    make('gmv-2026-cny', 'gmv', '2026-01-01', '2026-12-31', { currency: ['CNY'] }),
    make('gmv-2027', 'gmv', '2027-01-01', '2027-12-31'),
    make('orders-2026', 'orders', '2026-01-01', '2026-12-31'),
  ];

  it('is the unfiltered target whose period holds the last day of data', () => {
    expect(pickGoalTarget(targets, 'gmv', '2026-10-31')?.id).toBe('gmv-2026-cny');
    expect(pickGoalTarget(targets, 'orders', '2026-10-31')?.id).toBe('orders-2026');
  });

  it('is otherwise the latest one, and none when no target tracks the KPI', () => {
    expect(pickGoalTarget(targets, 'gmv', '2028-02-01')?.id).toBe('gmv-2027');
    expect(pickGoalTarget(targets, 'aov', '2026-10-31')).toBeNull();
  });
});

describe('gaps', () => {
  it('are good news ahead of pace, or below it for a lower-is-better metric', () => {
    expect(gapTone(5, 'higher_is_better')).toBe('good');
    expect(gapTone(-5, 'higher_is_better')).toBe('bad');
    expect(gapTone(-0.01, 'lower_is_better')).toBe('good');
    expect(gapTone(0, 'lower_is_better')).toBe('flat');
    expect(gapTone(null, 'higher_is_better')).toBe('flat');
  });

  it('carry their sign; rates in percentage points', () => {
    expect(formatSigned(984_780, { metric: 'gmv' }, 'en', 'CNY')).toBe('+CN¥984.78K');
    expect(formatSigned(-984_780, { metric: 'gmv' }, 'zh-CN', 'CNY')).toBe('−¥98.48万');
    expect(formatSigned(-0.0125, { metric: 'conversion_rate' }, 'en', null)).toBe('−1.25 pts');
    expect(formatSigned(null, { metric: 'gmv' }, 'en', 'CNY')).toBe('—');
  });
});

describe('waterfall axis labels', () => {
  it('wrap onto two lines of whole words, split near the middle', async () => {
    const { wrapLabel } = await import('../../../src/components/charts/Waterfall');
    expect(wrapLabel('Revenue per buyer')).toEqual(['Revenue', 'per buyer']); // 7 | 9 characters around 17 / 2
    expect(wrapLabel('Buyer conversion')).toEqual(['Buyer', 'conversion']);
    expect(wrapLabel('Target pace')).toEqual(['Target pace']); // 11 characters fit
    expect(wrapLabel('支付转化率')).toEqual(['支付转化率']);
  });
});
