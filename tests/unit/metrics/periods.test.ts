import { describe, expect, it } from 'vitest';
import {
  bucketLabel,
  comparisonPeriod,
  monthsBetween,
  parseDay,
  periodBuckets,
  periodDays,
  previousPeriod,
  samePeriodLastYear,
} from '../../../src/metrics/periods';

describe('comparison periods (METRICS.md "Time")', () => {
  it.each([
    // [period, previous period, why]
    [
      { from: '2025-01-01', to: '2025-03-31' },
      { from: '2024-10-03', to: '2024-12-31' },
      '90 days back, the spec example',
    ],
    [{ from: '2025-03-01', to: '2025-03-31' }, { from: '2025-01-29', to: '2025-02-28' }, '31 days ending Feb 28'],
    [{ from: '2024-03-01', to: '2024-03-01' }, { from: '2024-02-29', to: '2024-02-29' }, 'one day, onto a leap day'],
    // 2025 has 365 days; the 365 days ending 2024-12-31 start on 2024-01-02 because 2024 has 366.
    [
      { from: '2025-01-01', to: '2025-12-31' },
      { from: '2024-01-02', to: '2024-12-31' },
      'a year back across a leap year',
    ],
  ])('previous period of %o is %o (%s)', (period, expected) => {
    expect(previousPeriod(period)).toEqual(expected);
  });

  it.each([
    [
      { from: '2024-02-01', to: '2024-02-29' },
      { from: '2023-02-01', to: '2023-02-28' },
    ], // Feb 29 → Feb 28
    [
      { from: '2024-02-29', to: '2024-03-31' },
      { from: '2023-02-28', to: '2023-03-31' },
    ],
    [
      { from: '2025-03-01', to: '2025-03-31' },
      { from: '2024-03-01', to: '2024-03-31' },
    ],
    [
      { from: '2025-02-28', to: '2025-02-28' },
      { from: '2024-02-28', to: '2024-02-28' },
    ], // not moved onto the 29th
  ])('same period last year of %o is %o', (period, expected) => {
    expect(samePeriodLastYear(period)).toEqual(expected);
  });

  it('picks the comparison by mode', () => {
    const p = { from: '2025-01-01', to: '2025-03-31' };
    expect(comparisonPeriod(p, 'previous')).toEqual({ from: '2024-10-03', to: '2024-12-31' });
    expect(comparisonPeriod(p, 'yoy')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(comparisonPeriod(p, 'none')).toBeNull();
  });

  it('counts days inclusively and refuses non-dates', () => {
    expect(periodDays({ from: '2024-02-01', to: '2024-02-29' })).toBe(29);
    expect(() => parseDay('2025-02-29')).toThrow(/calendar date/);
    expect(() => parseDay('2025/02/01')).toThrow(/YYYY-MM-DD/);
    expect(() => periodBuckets({ from: '2025-02-02', to: '2025-02-01' }, 'day')).toThrow(/ends before/);
  });
});

describe('buckets and labels (METRICS.md "Series")', () => {
  it.each([
    ['2025-01-07', 'day', '2025-01-07'],
    ['2025-01-07', 'week', '2025-W02'],
    ['2025-01-07', 'month', '2025-01'],
    ['2025-05-07', 'quarter', '2025-Q2'],
    ['2025-01-07', 'year', '2025'],
    // ISO weeks across year boundaries: Dec 30 2024 is the Monday of 2025-W01; Jan 3 2021 belongs to 2020-W53.
    ['2024-12-29', 'week', '2024-W52'],
    ['2024-12-30', 'week', '2025-W01'],
    ['2021-01-03', 'week', '2020-W53'],
    ['2021-01-04', 'week', '2021-W01'],
  ] as const)('%s at %s grain is %s', (day, grain, label) => {
    expect(bucketLabel(parseDay(day), grain)).toBe(label);
  });

  it('clips the first and last week to the period, across the year boundary', () => {
    expect(periodBuckets({ from: '2024-12-28', to: '2025-01-07' }, 'week')).toEqual([
      { label: '2024-W52', start: '2024-12-23', from: '2024-12-28', to: '2024-12-29' }, // Sat–Sun of the week starting Mon Dec 23
      { label: '2025-W01', start: '2024-12-30', from: '2024-12-30', to: '2025-01-05' },
      { label: '2025-W02', start: '2025-01-06', from: '2025-01-06', to: '2025-01-07' },
    ]);
  });

  it('keeps a last bucket of a single day (regression: end-of-bucket times skipped it)', () => {
    expect(periodBuckets({ from: '2025-03-30', to: '2025-04-01' }, 'quarter')).toEqual([
      { label: '2025-Q1', start: '2025-01-01', from: '2025-03-30', to: '2025-03-31' },
      { label: '2025-Q2', start: '2025-04-01', from: '2025-04-01', to: '2025-04-01' },
    ]);
    expect(periodBuckets({ from: '2025-01-05', to: '2025-01-06' }, 'week').map((b) => b.label)).toEqual([
      '2025-W01',
      '2025-W02',
    ]);
  });

  it('clips months, quarters and years', () => {
    expect(periodBuckets({ from: '2025-01-15', to: '2025-03-10' }, 'month')).toEqual([
      { label: '2025-01', start: '2025-01-01', from: '2025-01-15', to: '2025-01-31' },
      { label: '2025-02', start: '2025-02-01', from: '2025-02-01', to: '2025-02-28' },
      { label: '2025-03', start: '2025-03-01', from: '2025-03-01', to: '2025-03-10' },
    ]);
    expect(periodBuckets({ from: '2024-11-15', to: '2025-04-01' }, 'quarter').map((b) => b.label)).toEqual([
      '2024-Q4',
      '2025-Q1',
      '2025-Q2',
    ]);
    expect(periodBuckets({ from: '2024-12-31', to: '2025-01-01' }, 'year')).toEqual([
      { label: '2024', start: '2024-01-01', from: '2024-12-31', to: '2024-12-31' },
      { label: '2025', start: '2025-01-01', from: '2025-01-01', to: '2025-01-01' },
    ]);
    expect(periodBuckets({ from: '2024-02-28', to: '2024-03-01' }, 'day').map((b) => b.label)).toEqual([
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ]);
  });

  it('lists the months of a period', () => {
    expect(monthsBetween('2024-11-20', '2025-02-01')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });
});
