import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysInclusive,
  isIsoDate,
  minusOneYear,
  periodLastYear,
  splitPeriod,
  wholeMonthsWithin,
} from '../../../src/targets/dates';

describe('calendar dates', () => {
  it.each([
    { value: '2026-01-31', ok: true },
    { value: '2024-02-29', ok: true },
    { value: '2025-02-29', ok: false },
    { value: '2026-13-01', ok: false },
    { value: '2026-1-5', ok: false },
    { value: '2000-02-29', ok: true },
    { value: '1900-02-29', ok: false },
    { value: '2026-04-31', ok: false },
    { value: '2026-12-31', ok: true },
    { value: '2026-00-10', ok: false },
    { value: '2026-01-00', ok: false },
    { value: '2026-01-32', ok: false },
    { value: 20260101, ok: false },
  ])('$value is a date: $ok', ({ value, ok }) => {
    expect(isIsoDate(value)).toBe(ok);
  });

  it('counts days inclusively, across a daylight-saving change', () => {
    // March 2026: 31 days whatever the clocks do on the 8th (US) or the 29th (EU)
    expect(daysInclusive('2026-03-01', '2026-03-31')).toBe(31);
    expect(daysInclusive('2026-01-01', '2026-12-31')).toBe(365);
    expect(daysInclusive('2024-01-01', '2024-12-31')).toBe(366);
    expect(daysInclusive('2026-05-05', '2026-05-05')).toBe(1);
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
  });

  it('maps a year back with Feb 29 on Feb 28 (METRICS.md "Time")', () => {
    expect(minusOneYear('2024-02-29')).toBe('2023-02-28');
    expect(minusOneYear('2026-03-01')).toBe('2025-03-01');
    expect(periodLastYear({ from: '2024-02-01', to: '2024-02-29' })).toEqual({ from: '2023-02-01', to: '2023-02-28' });
  });

  it('splits into quarters clipped to the period', () => {
    expect(splitPeriod({ from: '2026-02-15', to: '2026-07-10' }, 'quarter')).toEqual([
      { from: '2026-02-15', to: '2026-03-31', label: '2026-Q1' },
      { from: '2026-04-01', to: '2026-06-30', label: '2026-Q2' },
      { from: '2026-07-01', to: '2026-07-10', label: '2026-Q3' },
    ]);
  });

  it('keeps only whole months', () => {
    expect(wholeMonthsWithin({ from: '2026-01-15', to: '2026-04-30' }).map((m) => m.from)).toEqual([
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
    ]);
    expect(wholeMonthsWithin({ from: '2026-01-01', to: '2026-03-30' }).map((m) => m.from)).toEqual([
      '2026-01-01',
      '2026-02-01',
    ]);
  });
});
