import { describe, expect, it } from 'vitest';
import { amountToInput, describeAmount, parseAmount, unitAdornment } from '../../../src/features/goals/units';

describe('amounts as planners type them', () => {
  it.each([
    // [typed, unit, stored]
    ['12.5', 'rate', 0.125],
    ['12.5 %', 'rate', 0.125],
    ['12.5％', 'rate', 0.125],
    ['3.1', 'rate', 0.031], // not 0.031000000000000003
    ['0.35', 'rate', 0.0035],
    ['100', 'rate', 1],
    ['25000000', 'money', 25_000_000],
    ['25,000,000', 'money', 25_000_000],
    ['25 000 000', 'money', 25_000_000],
    ['¥ 1,234.56', 'money', 1234.56],
    ['CN¥99', 'money', 99],
    ['$12.5', 'money', 12.5],
    ['2800万', 'money', 28_000_000], // 2800 × 10⁴
    ['1.25亿', 'money', 125_000_000], // 1.25 × 10⁸
    ['12k', 'count', 12_000],
    ['1.5M', 'count', 1_500_000],
    ['4.2万', 'count', 42_000],
    ['.5', 'number', 0.5],
    ['-5', 'number', -5],
  ] as const)('"%s" as %s is %s', (typed, unit, stored) => {
    expect(parseAmount(typed, unit)).toEqual({ ok: true, value: stored });
  });

  it('reads an empty field as nothing, and refuses what is not a number', () => {
    expect(parseAmount('', 'money')).toEqual({ ok: true, value: null });
    expect(parseAmount('   ', 'rate')).toEqual({ ok: true, value: null });
    for (const typed of ['lots', '1.2.3', '12%', '万', '1e5', '5 % %', '12万', 'NaN']) {
      const unit = typed === '12万' ? 'rate' : typed === '12%' ? 'money' : 'count';
      expect(parseAmount(typed, unit), typed).toEqual({ ok: false });
    }
  });

  it.each([
    // [stored, unit, field text]
    [0.125, 'rate', '12.5'],
    [0.031, 'rate', '3.1'],
    [0.0227, 'rate', '2.27'],
    [25_000_000, 'money', '25,000,000'],
    [1234.5, 'money', '1,234.5'],
    [1731536.86, 'money', '1,731,536.86'],
    [52000, 'count', '52,000'],
    [4.25, 'number', '4.25'],
  ] as const)('%s as %s shows as "%s" and reads back the same', (stored, unit, text) => {
    expect(amountToInput(stored, unit)).toBe(text);
    expect(parseAmount(text, unit)).toEqual({ ok: true, value: stored });
  });

  it('shows nothing for a missing amount', () => {
    expect(amountToInput(undefined, 'money')).toBe('');
    expect(amountToInput(null, 'rate')).toBe('');
  });

  it('spells out what was typed in the UI language', () => {
    expect(describeAmount('2800万', 'money', 'zh-CN', 'CNY')).toBe('¥2,800万');
    expect(describeAmount('28000000', 'money', 'en', 'CNY')).toBe('CN¥28M');
    expect(describeAmount('12.5', 'rate', 'en', null)).toBe('12.50%');
    expect(describeAmount('oops', 'rate', 'en', null)).toBe('');
  });

  it('puts the currency symbol or % beside the field', () => {
    expect(unitAdornment('money', 'CNY', 'en')).toBe('CN¥');
    expect(unitAdornment('money', 'CNY', 'zh-CN')).toBe('¥');
    expect(unitAdornment('money', 'USD', 'en')).toBe('$');
    expect(unitAdornment('rate', 'CNY', 'en')).toBe('%');
    expect(unitAdornment('count', 'CNY', 'en')).toBe('');
  });
});
