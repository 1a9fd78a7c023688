import { describe, expect, it } from 'vitest';
import {
  cohortSpan,
  heatScale,
  spanMonths,
  toBuyerMixRows,
  toHeatmap,
  toHeatmapCsv,
  toSegmentRows,
} from '../../../src/features/customers/customers-shape';
import type { CohortRow } from '../../../src/metrics/queries/cohorts';
import type { RfmSegmentRow } from '../../../src/metrics/queries/rfm';

const cohorts: CohortRow[] = [
  { cohort: '2026-08', customers: 10, retention: [1, 0.2, 0.1], revenue: [1000, 300, 0], ltv: [100, 130, 130] },
  { cohort: '2026-09', customers: 0, retention: [null, null], revenue: [0, 0], ltv: [null, null] },
  { cohort: '2026-10', customers: 4, retention: [1], revenue: [400], ltv: [100] },
];

describe('cohort heatmap', () => {
  it('is as wide as the longest row; cells past a row’s last month are null', () => {
    const h = toHeatmap(cohorts, 'retention');
    expect(h.offsets).toEqual([0, 1, 2]);
    expect(h.rows.map((r) => r.cells)).toEqual([
      [1, 0.2, 0.1],
      [null, null, null],
      [1, null, null],
    ]);
  });

  it('keeps null as null and a real 0 as 0', () => {
    const revenue = toHeatmap(cohorts, 'revenue');
    expect(revenue.rows[0]!.cells[2]).toBe(0);
    expect(revenue.rows[2]!.cells[1]).toBeNull();
    const ltv = toHeatmap(cohorts, 'ltv');
    expect(ltv.rows[1]!.cells).toEqual([null, null, null]);
  });

  it('keeps each cohort’s size', () => {
    expect(toHeatmap(cohorts, 'ltv').rows.map((r) => [r.cohort, r.customers])).toEqual([
      ['2026-08', 10],
      ['2026-09', 0],
      ['2026-10', 4],
    ]);
  });

  it('is empty without cohorts', () => {
    expect(toHeatmap([], 'retention')).toEqual({ offsets: [], rows: [] });
  });

  it('scales retention to the best month after month 0, money to the largest cell', () => {
    const retention = heatScale(toHeatmap(cohorts, 'retention'), 'retention');
    expect(retention(0.2)).toBe(1);
    expect(retention(0.1)).toBe(0.5);
    expect(retention(1)).toBe(1);
    const revenue = heatScale(toHeatmap(cohorts, 'revenue'), 'revenue');
    expect(revenue(500)).toBe(0.5);
    expect(heatScale(toHeatmap([], 'revenue'), 'revenue')(5)).toBe(0);
  });

  it('scales LTV from its smallest to its largest cell', () => {
    const ltv = heatScale(toHeatmap(cohorts, 'ltv'), 'ltv');
    expect(ltv(100)).toBeCloseTo(0.15, 10);
    expect(ltv(130)).toBeCloseTo(1, 10);
    expect(ltv(115)).toBeCloseTo(0.575, 10);
  });

  it('exports blank cells for null, not 0', () => {
    const csv = toHeatmapCsv(toHeatmap(cohorts, 'revenue'), 'Cohort', 'Customers', (k) => `M${k}`);
    expect(csv.columns.map((c) => c.label)).toEqual(['Cohort', 'Customers', 'M0', 'M1', 'M2']);
    expect(csv.rows[2]).toEqual({ cohort: '2026-10', customers: 4, m0: 400, m1: null, m2: null });
  });
});

describe('cohort span', () => {
  it('widens a short period to the twelve months ending with it', () => {
    expect(cohortSpan({ from: '2026-10-01', to: '2026-10-31' })).toEqual({ from: '2025-11-01', to: '2026-10-31' });
    expect(cohortSpan({ from: '2026-10-01', to: '2026-10-20' })).toEqual({ from: '2025-11-01', to: '2026-10-20' });
  });

  it('keeps a period of three months or more', () => {
    expect(cohortSpan({ from: '2026-08-15', to: '2026-10-31' })).toEqual({ from: '2026-08-15', to: '2026-10-31' });
  });

  it('keeps at most the latest three years', () => {
    expect(cohortSpan({ from: '2020-01-01', to: '2026-10-31' })).toEqual({ from: '2023-11-01', to: '2026-10-31' });
  });

  it('splits the span into months clipped to it', () => {
    expect(spanMonths({ from: '2026-08-15', to: '2026-10-10' })).toEqual([
      { label: '2026-08', period: { from: '2026-08-15', to: '2026-08-31' } },
      { label: '2026-09', period: { from: '2026-09-01', to: '2026-09-30' } },
      { label: '2026-10', period: { from: '2026-10-01', to: '2026-10-10' } },
    ]);
  });
});

describe('buyer mix', () => {
  it('stacks new and returning buyers per month, unknown stays null', () => {
    expect(toBuyerMixRows([{ month: '2026-10', new_buyers: 5, returning_buyers: null, buyers: 5 }])).toEqual([
      { label: '2026-10', values: { new_buyers: 5, returning_buyers: null } },
    ]);
  });
});

describe('RFM segment rows', () => {
  const segments: RfmSegmentRow[] = [
    { segment: 'lost', customers: 5, monetary: 100, share: 0.5 },
    { segment: 'champions', customers: 5, monetary: 300, share: 0.5 },
    { segment: 'new', customers: 0, monetary: 0, share: 0 },
  ];

  it('keeps the map’s order and adds revenue share and revenue per customer', () => {
    const rows = toSegmentRows(segments);
    expect(rows.map((r) => [r.segment, r.revenue_share, r.revenue_per_customer])).toEqual([
      ['champions', 0.75, 60],
      ['new', 0, null],
      ['lost', 0.25, 20],
    ]);
  });

  it('has no revenue share when there is no revenue', () => {
    expect(toSegmentRows([{ segment: 'new', customers: 0, monetary: 0, share: 0 }])[0]!.revenue_share).toBeNull();
  });
});
