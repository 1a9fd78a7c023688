import type { BarItem } from '../../components/charts/BarList';
import type { SeriesPoint } from '../../components/charts/SeriesChart';
import type { MetricRow, NewReturningMetric } from './sales-queries';

/** Chart points of one metric; the comparison period's buckets are matched by position. */
export function toSeriesPoints<K extends string>(
  rows: readonly MetricRow<K>[],
  metric: K,
  compare?: readonly MetricRow<K>[],
): SeriesPoint[] {
  return rows.map((r, i) => {
    const point: SeriesPoint = { label: r.key, value: r[metric] };
    if (compare) point.compare = compare[i]?.[metric] ?? null;
    return point;
  });
}

/** Each row's share of the total of a metric; null where the value or the total is unknown or zero. */
export function withShares<K extends string, R extends MetricRow<K>>(
  rows: readonly R[],
  metric: K,
): (R & { share: number | null })[] {
  const total = rows.reduce((s, r) => s + (r[metric] ?? 0), 0);
  return rows.map((r) => {
    const v = r[metric];
    return { ...r, share: v === null || total === 0 ? null : v / total };
  });
}

/** Largest first; unknown values last. */
export function sortByMetric<K extends string, R extends MetricRow<K>>(rows: readonly R[], metric: K): R[] {
  return [...rows].sort((a, b) => (b[metric] ?? -Infinity) - (a[metric] ?? -Infinity) || a.key.localeCompare(b.key));
}

/**
 * Bars of a breakdown. A blank value ('') is "not set": it is shown, but it is not something
 * the page can be filtered to.
 */
export function toBarItems<K extends string>(
  rows: readonly MetricRow<K>[],
  metric: K,
  selected: readonly string[] | undefined,
  label: (key: string) => string,
): BarItem[] {
  return rows.map((r) => ({
    key: r.key,
    label: label(r.key),
    value: r[metric],
    selected: selected?.includes(r.key) ?? false,
    selectable: r.key !== '',
  }));
}

export type Cohort = 'new' | 'returning';
export type NewReturningRow = MetricRow<NewReturningMetric> & { key: Cohort; share: number | null };

/** Both rows, new first, each with its share of GMV; a group without orders in the period has zero orders. */
export function toNewReturningRows(rows: readonly MetricRow<NewReturningMetric>[]): NewReturningRow[] {
  if (rows.length === 0) return [];
  const filled = (['new', 'returning'] as const).map(
    (key) => rows.find((r) => r.key === key) ?? { key, gmv: 0, orders: 0, buyers: 0, aov: null },
  );
  return withShares(filled, 'gmv').map((r) => ({ ...r, key: r.key as Cohort }));
}

/** Rows numbered from 1 in their order. */
export function withRanks<R>(rows: readonly R[]): (R & { rank: number })[] {
  return rows.map((r, i) => ({ ...r, rank: i + 1 }));
}
