import { describe, expect, it } from 'vitest';
import { defaultPeriod, latestFullMonth, matchPreset, presetPeriod } from '../../src/lib/period-presets';

describe('default period and presets', () => {
  it.each([
    ['2026-10-31', { from: '2026-10-01', to: '2026-10-31' }],
    ['2026-11-25', { from: '2026-10-01', to: '2026-10-31' }],
    ['2024-02-29', { from: '2024-02-01', to: '2024-02-29' }],
    ['2025-01-15', { from: '2024-12-01', to: '2024-12-31' }],
  ])('latest full month when the data ends %s', (last, expected) => {
    expect(latestFullMonth(last)).toEqual(expected);
  });

  it('anchors presets on the last date in the data', () => {
    expect(presetPeriod('last_30', '2026-10-31')).toEqual({ from: '2026-10-02', to: '2026-10-31' });
    expect(presetPeriod('last_90', '2026-10-31')).toEqual({ from: '2026-08-03', to: '2026-10-31' });
    expect(presetPeriod('quarter_to_date', '2026-11-20')).toEqual({ from: '2026-10-01', to: '2026-11-20' });
    expect(presetPeriod('year_to_date', '2026-10-31')).toEqual({ from: '2026-01-01', to: '2026-10-31' });
    expect(presetPeriod('this_month', '2026-11-20')).toEqual({ from: '2026-11-01', to: '2026-11-20' });
  });

  it('recognises a preset period', () => {
    expect(matchPreset({ from: '2026-10-01', to: '2026-10-31' }, '2026-10-31')).toBe('last_month');
    expect(matchPreset({ from: '2026-10-05', to: '2026-10-31' }, '2026-10-31')).toBeNull();
  });
});

describe('the period the dashboard opens on', () => {
  it('is the latest full month when the data covers it', () => {
    expect(defaultPeriod('2024-11-01', '2026-10-31')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(defaultPeriod('2025-02-20', '2025-03-09')).toEqual({ from: '2025-02-01', to: '2025-02-28' });
  });
  it('is the month the data ends in when the data starts after the latest full month', () => {
    expect(defaultPeriod('2025-03-05', '2025-03-09')).toEqual({ from: '2025-03-01', to: '2025-03-09' });
  });
});
