import { describe, expect, it } from 'vitest';
import { activeCounts, alertKey, groupOf, periodAround, visibleAlerts } from '../../src/features/alerts/alert-list';
import type { Alert } from '../../src/metrics/report-types';

const alert = (patch: Partial<Alert>): Alert => ({
  kind: 'anomaly',
  metric: 'gmv',
  sku: null,
  date: '2026-03-10',
  value: 1,
  expected: 2,
  severity: 'warning',
  ...patch,
});

const gmvDay = alert({});
const target = alert({ kind: 'target', date: '2026-03-31', severity: 'critical' });
const stockout = alert({ kind: 'stockout', metric: null, sku: 'SKU-1', severity: 'critical' });
const reorder = alert({ kind: 'reorder', metric: null, sku: 'SKU-2' });

describe('alert identity', () => {
  it('is kind, metric or SKU, and day, whatever the numbers', () => {
    expect(alertKey(gmvDay)).toBe('anomaly|gmv|2026-03-10');
    expect(alertKey({ ...gmvDay, value: 99, severity: 'critical' })).toBe(alertKey(gmvDay));
    expect(alertKey(stockout)).toBe('stockout|SKU-1|2026-03-10');
    expect(alertKey({ ...gmvDay, date: '2026-03-11' })).not.toBe(alertKey(gmvDay));
  });
  it('groups the four stock kinds as stock', () => {
    expect([gmvDay, target, stockout, reorder].map(groupOf)).toEqual(['anomaly', 'target', 'stock', 'stock']);
  });
});

describe('filtering and counting', () => {
  const all = [target, gmvDay, stockout, reorder];
  const dismissed = new Set([alertKey(stockout)]);
  it('filters by group and leaves out the dismissed unless asked', () => {
    expect(visibleAlerts(all, 'stock', dismissed, false)).toEqual([reorder]);
    expect(visibleAlerts(all, 'stock', dismissed, true)).toEqual([stockout, reorder]);
    expect(visibleAlerts(all, null, new Set(), false)).toEqual(all);
  });
  it('counts active alerts and the critical among them', () => {
    expect(activeCounts(all, new Set())).toEqual({ total: 4, critical: 2 });
    expect(activeCounts(all, dismissed)).toEqual({ total: 3, critical: 1 });
  });
});

describe('periodAround', () => {
  it('is the day’s month', () => {
    expect(periodAround('2026-03-15')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
  });
  it('reaches a week past the month’s edge for a day near it', () => {
    expect(periodAround('2026-03-02')).toEqual({ from: '2026-02-23', to: '2026-03-31' });
    expect(periodAround('2026-02-27')).toEqual({ from: '2026-02-01', to: '2026-03-06' });
  });
});
