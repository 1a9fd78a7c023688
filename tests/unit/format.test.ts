import { describe, expect, it } from 'vitest';
import { formatCount, formatDelta, formatMoney, formatRate, formatValue, relativeChange } from '../../src/lib/format';

describe('formatting for people', () => {
  it.each([
    // value, currency, locale, expected
    [2164394.5, 'CNY', 'zh-CN', '¥216.44万'],
    [312_000_000, 'CNY', 'zh-CN', '¥3.12亿'],
    [812.5, 'CNY', 'zh-CN', '¥813'],
    [-15000, 'CNY', 'zh-CN', '-¥1.5万'],
    [2164394.5, 'USD', 'en', '$2.16M'],
    [812.5, 'USD', 'en', '$812.50'],
  ] as const)('money %s %s in %s → %s', (value, currency, locale, expected) => {
    expect(formatMoney(value, currency, locale)).toBe(expected);
  });

  it('writes unknown values as an em dash, never 0', () => {
    expect(formatMoney(null, 'CNY', 'zh-CN')).toBe('—');
    expect(formatCount(null, 'en')).toBe('—');
    expect(formatRate(null, 'en')).toBe('—');
    expect(formatValue(Number.NaN, 'number', 'en', null)).toBe('—');
    expect(formatDelta(null, 'en')).toBe('—');
  });

  it('shows rates stored as fractions as percentages', () => {
    expect(formatRate(0.0312, 'en')).toBe('3.12%');
    expect(formatRate(0.3333, 'zh-CN')).toBe('33.33%');
  });

  it('counts in 万 for Chinese readers', () => {
    expect(formatCount(123456, 'zh-CN')).toBe('12.35万');
    expect(formatCount(123456, 'en')).toBe('123.5K');
    expect(formatCount(4520, 'en')).toBe('4,520');
  });

  it('computes relative change, null without a usable base', () => {
    expect(relativeChange(110, 100)).toBeCloseTo(0.1, 12);
    expect(relativeChange(110, 0)).toBeNull();
    expect(relativeChange(null, 100)).toBeNull();
    expect(formatDelta(0.042, 'en')).toBe('+4.2%');
    expect(formatDelta(-0.1, 'en')).toBe('−10.0%');
  });
});

describe('a change too small to show', () => {
  it('has no sign', () => {
    expect(formatDelta(-0.0003, 'en')).toBe('0.0%');
    expect(formatDelta(0.0006, 'en')).toBe('+0.1%');
  });
});
