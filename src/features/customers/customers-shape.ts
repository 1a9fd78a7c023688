import type { StackRow } from '../../components/charts/StackedBarChart';
import type { CohortRow } from '../../metrics/queries/cohorts';
import { addMonths, startOfMonth } from 'date-fns';
import { formatDay, monthsBetween, parseDay, periodBuckets, type Period } from '../../metrics/periods';
import { RFM_SEGMENTS, type RfmSegment, type RfmSegmentRow } from '../../metrics/queries/rfm';
import type { BuyerMixRow } from './customers-queries';

/** Cohorts need months to show anything; a period shorter than this is widened to a year. */
const MIN_COHORT_MONTHS = 3;
const TRAILING_MONTHS = 12;
const MAX_COHORT_MONTHS = 36;

/**
 * The months the cohort heatmap and the buyer mix cover: the period's months when it spans a
 * few, else the twelve months ending with the period's last day; never more than three years
 * (the latest ones).
 */
export function cohortSpan(period: Period): Period {
  const months = monthsBetween(period.from, period.to).length;
  if (months >= MIN_COHORT_MONTHS && months <= MAX_COHORT_MONTHS) return period;
  const keep = months < MIN_COHORT_MONTHS ? TRAILING_MONTHS : MAX_COHORT_MONTHS;
  return { from: formatDay(startOfMonth(addMonths(parseDay(period.to), -(keep - 1)))), to: period.to };
}

/** Each calendar month of the span as its own period, clipped to the span. */
export function spanMonths(span: Period): { label: string; period: Period }[] {
  return periodBuckets(span, 'month').map((b) => ({ label: b.label, period: { from: b.from, to: b.to } }));
}

export function toBuyerMixRows(rows: readonly BuyerMixRow[]): StackRow[] {
  return rows.map((r) => ({
    label: r.month,
    values: { new_buyers: r.new_buyers, returning_buyers: r.returning_buyers },
  }));
}

export type CohortMetric = 'retention' | 'revenue' | 'ltv';

export interface Heatmap {
  /** Month offsets k = 0, 1, …, as many as the longest row. */
  offsets: number[];
  rows: { cohort: string; customers: number; cells: (number | null)[] }[];
}

/**
 * Cohort rows → a rectangular grid. Cells past a row's last month are null, and a null value
 * stays null (it is drawn blank): a month that has not happened is not a month with no sales.
 */
export function toHeatmap(cohorts: readonly CohortRow[], metric: CohortMetric): Heatmap {
  const width = Math.max(0, ...cohorts.map((c) => c[metric].length));
  const offsets = Array.from({ length: width }, (_, k) => k);
  return {
    offsets,
    rows: cohorts.map((c) => ({
      cohort: c.cohort,
      customers: c.customers,
      cells: offsets.map((k) => (k < c[metric].length ? (c[metric][k] ?? null) : null)),
    })),
  };
}

/**
 * How dark a cell is, 0..1. Retention is scaled to the highest month after the first (month 0
 * is always 100 % and would wash the rest out); revenue from 0 to the largest cell; LTV, which
 * only grows, from its smallest to its largest cell so the growth shows.
 */
export function heatScale(heatmap: Heatmap, metric: CohortMetric): (v: number) => number {
  const values = heatmap.rows.flatMap((r) =>
    r.cells.filter((v, k): v is number => v !== null && (metric !== 'retention' || k > 0)),
  );
  const max = Math.max(0, ...values);
  if (metric === 'ltv') {
    const min = Math.min(max, ...values);
    return (v) => (max > min ? 0.15 + (0.85 * Math.max(0, v - min)) / (max - min) : max > 0 ? 1 : 0);
  }
  return (v) => (max > 0 ? Math.min(1, v / max) : 0);
}

export interface SegmentRow extends RfmSegmentRow {
  /** Of the revenue (Σ monetary) of all scored customers. */
  revenue_share: number | null;
  revenue_per_customer: number | null;
}

/** Segments in the map's order, each with its share of revenue; segments with no customers are kept (0 customers is a fact). */
export function toSegmentRows(segments: readonly RfmSegmentRow[]): SegmentRow[] {
  const total = segments.reduce((s, r) => s + r.monetary, 0);
  const order = (s: RfmSegment) => RFM_SEGMENTS.indexOf(s);
  return [...segments]
    .sort((a, b) => order(a.segment) - order(b.segment))
    .map((r) => ({
      ...r,
      revenue_share: total > 0 ? r.monetary / total : null,
      revenue_per_customer: r.customers > 0 ? r.monetary / r.customers : null,
    }));
}

/** The grid as CSV rows: cohort, size, then one column per month offset; null cells stay empty. */
export function toHeatmapCsv(
  heatmap: Heatmap,
  cohortLabel: string,
  sizeLabel: string,
  monthLabel: (k: number) => string,
) {
  const columns = [
    { key: 'cohort', label: cohortLabel },
    { key: 'customers', label: sizeLabel },
    ...heatmap.offsets.map((k) => ({ key: `m${k}`, label: monthLabel(k) })),
  ];
  const rows = heatmap.rows.map((r) => ({
    cohort: r.cohort,
    customers: r.customers,
    ...Object.fromEntries(r.cells.map((v, k) => [`m${k}`, v])),
  }));
  return { columns, rows };
}
