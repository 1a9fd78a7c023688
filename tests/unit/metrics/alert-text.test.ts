import { describe, expect, it } from 'vitest';
import { describeAlert } from '../../../src/metrics/alert-text';
import type { Alert } from '../../../src/metrics/report-types';

const base = { metric: null, sku: null, date: '2026-03-10', value: null, expected: null, severity: 'warning' } as const;

describe('an alert in one sentence', () => {
  // 2026-03-10 is a Tuesday; 12,400 against 31,800 is (12,400 − 31,800) / 31,800 = −61.0 %.
  const gmv: Alert = { ...base, kind: 'anomaly', metric: 'gmv', value: 12400, expected: 31800, severity: 'critical' };

  it('says how far a day was from its weekday, in English and Chinese', () => {
    expect(describeAlert(gmv, 'en', 'CNY')).toBe('GMV on Tuesday 2026-03-10 was CN¥12,400.00, 61.0% below a typical Tuesday (CN¥31,800.00).');
    expect(describeAlert(gmv, 'zh-CN', 'CNY')).toMatch(/^2026-03-10（周二）的.+为 ¥12,?400.*低 61\.0%。$/);
  });

  it('says a rate above its weekday', () => {
    // 0.04 against 0.025: +60.0 %.
    const conv: Alert = { ...base, kind: 'anomaly', metric: 'conversion_rate', value: 0.04, expected: 0.025 };
    expect(describeAlert(conv, 'en', 'USD')).toMatch(/on Tuesday 2026-03-10 was 4\.00%, 60\.0% above a typical Tuesday \(2\.50%\)\.$/);
  });

  it('speaks of targets and stock', () => {
    const target: Alert = { ...base, kind: 'target', metric: 'orders', value: 900, expected: 1000, severity: 'critical' };
    expect(describeAlert(target, 'en', 'USD')).toBe('The Orders target is off track: heading for 900 against 1,000 (as of 2026-03-10).');
    const out: Alert = { ...base, kind: 'stockout', sku: 'MM-404', value: -3, expected: 0, severity: 'critical' };
    expect(describeAlert(out, 'en', 'USD')).toBe('MM-404 is out of stock on 2026-03-10 (on hand -3) while it still sells.');
    const reorder: Alert = { ...base, kind: 'reorder', sku: 'A', value: 10, expected: 21 };
    expect(describeAlert(reorder, 'zh-CN', 'USD')).toBe('A 可售 10 天，少于补货周期 21 天：请补货。');
  });
});
