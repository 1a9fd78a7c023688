import { describe, expect, it } from 'vitest';
import { anomalyAlerts, hasCriticalOn, sortAlerts, stockAlerts, targetAlerts, type Alert } from '../../../src/metrics/alerts';
import type { InventorySection } from '../../../src/metrics/queries/products';
import type { ReportTargetRow } from '../../../src/metrics/report-types';

const target = (status: ReportTargetRow['status'], extra: Partial<ReportTargetRow> = {}): ReportTargetRow => ({
  id: `t-${status}`,
  metric: 'gmv',
  as_of: '2025-03-10',
  share: 0.3,
  target: 1000,
  actual_to_date: 200,
  expected_to_date: 300,
  projected: 650,
  attainment: 0.65,
  status,
  ...extra,
});

describe('alerts from targets', () => {
  it('raises at_risk as a warning and off_track as critical, with the projection against the target', () => {
    const rows = ['ahead', 'on_track', 'at_risk', 'off_track', 'not_started', 'no_data'].map((s) =>
      target(s as ReportTargetRow['status']),
    );
    expect(targetAlerts(rows, '2025-03-31')).toEqual([
      { kind: 'target', metric: 'gmv', sku: null, date: '2025-03-10', value: 650, expected: 1000, severity: 'warning' },
      { kind: 'target', metric: 'gmv', sku: null, date: '2025-03-10', value: 650, expected: 1000, severity: 'critical' },
    ]);
  });

  it('falls back to what was reached when nothing projects, and to the period end without an as-of day', () => {
    expect(targetAlerts([target('off_track', { projected: null, as_of: null })], '2025-03-31')).toEqual([
      { kind: 'target', metric: 'gmv', sku: null, date: '2025-03-31', value: 200, expected: 1000, severity: 'critical' },
    ]);
  });
});

describe('alerts from stock', () => {
  const section: InventorySection = {
    as_of: '2025-03-31',
    inventory_value: 100,
    inventory_turnover: 1,
    days_of_inventory: 31,
    rows: [
      // Sold out while selling 2 a day, 3 oversold: stock-out, reorder (cover 0 < lead) and oversold.
      { sku: 'A', on_hand: -3, daily_units: 2, days_of_cover: 0, stockout_days: 4, sell_through: 1, alerts: ['stockout', 'reorder', 'oversold'] },
      // 10 days of cover against a 21-day lead time.
      { sku: 'B', on_hand: 20, daily_units: 2, days_of_cover: 10, stockout_days: 0, sell_through: 0.5, alerts: ['reorder'] },
      // 400 days of cover; lead time not given (default 14) does not matter for overstock.
      { sku: 'C', on_hand: 400, daily_units: 1, days_of_cover: 400, stockout_days: 0, sell_through: 0.1, alerts: ['overstock'] },
      { sku: 'D', on_hand: 50, daily_units: 1, days_of_cover: 50, stockout_days: 0, sell_through: 0.3, alerts: [] },
    ],
  };

  it('gives on_hand or days of cover against 0, the lead time or 180; only a stock-out is critical', () => {
    expect(stockAlerts(section, new Map([['B', 21]]))).toEqual([
      { kind: 'stockout', metric: null, sku: 'A', date: '2025-03-31', value: -3, expected: 0, severity: 'critical' },
      { kind: 'reorder', metric: null, sku: 'A', date: '2025-03-31', value: 0, expected: 14, severity: 'warning' },
      { kind: 'oversold', metric: null, sku: 'A', date: '2025-03-31', value: -3, expected: 0, severity: 'warning' },
      { kind: 'reorder', metric: null, sku: 'B', date: '2025-03-31', value: 10, expected: 21, severity: 'warning' },
      { kind: 'overstock', metric: null, sku: 'C', date: '2025-03-31', value: 400, expected: 180, severity: 'warning' },
    ]);
  });
});

describe('the alert list', () => {
  const odd: Alert[] = anomalyAlerts([
    { metric: 'gmv', date: '2025-03-04', value: 20, expected: 100, z: -7.19, severity: 'critical' },
    { metric: 'refunds', date: '2025-03-09', value: 900, expected: 100, z: 4, severity: 'warning' },
  ]);

  it('carries an anomaly as metric, day, value and weekday median', () => {
    expect(odd[0]).toEqual({ kind: 'anomaly', metric: 'gmv', sku: null, date: '2025-03-04', value: 20, expected: 100, severity: 'critical' });
  });

  it('sorts newest first, critical before warning on a day', () => {
    const t = targetAlerts([target('at_risk', { as_of: '2025-03-09' })], '2025-03-31');
    const sorted = sortAlerts([...odd, ...t]);
    expect(sorted.map((a) => `${a.date} ${a.kind} ${a.severity}`)).toEqual([
      '2025-03-09 anomaly warning',
      '2025-03-09 target warning',
      '2025-03-04 anomaly critical',
    ]);
  });

  it('pages someone only for a critical alert on the given day', () => {
    expect(hasCriticalOn(odd, '2025-03-04')).toBe(true);
    expect(hasCriticalOn(odd, '2025-03-09')).toBe(false);
  });
});
