import type { BarItem } from '../../components/charts/BarList';
import type { FunnelBar } from '../../components/charts/FunnelChart';
import type { SeriesPoint } from '../../components/charts/SeriesChart';
import type { FunnelRow, FunnelStep } from '../../metrics/queries/funnel';
import type { SeriesOf } from '../../metrics/queries/series';

/** The traffic trend's buckets: what its charts and table show. */
export const TRAFFIC_TREND_METRICS = ['sessions', 'orders', 'conversion_rate'] as const;
export type TrafficTrendRow = SeriesOf<(typeof TRAFFIC_TREND_METRICS)[number]>;

/** Funnel rows → bars: drop-off is the share of the step before that did not reach this step. */
export function toFunnelBars(rows: readonly FunnelRow[], label: (step: FunnelStep) => string): FunnelBar[] {
  return rows.map((r) => ({
    key: r.step,
    label: label(r.step),
    count: r.count,
    rateFromPrevious: r.rate_from_previous,
    dropOff: r.rate_from_previous === null ? null : 1 - r.rate_from_previous,
    rateFromFirst: r.rate_from_sessions,
  }));
}

/** One traffic metric of the series as chart points; the comparison matched by position. */
export function toTrafficPoints(
  rows: readonly TrafficTrendRow[],
  metric: 'sessions' | 'conversion_rate',
  compare?: readonly TrafficTrendRow[],
): SeriesPoint[] {
  return rows.map((r, i) => {
    const point: SeriesPoint = { label: r.period, value: r[metric] ?? null };
    if (compare) point.compare = compare[i]?.[metric] ?? null;
    return point;
  });
}

/**
 * Conversion bars of a breakdown, highest first; rows without sessions have no rate and go last.
 * A blank key ('') is a value that is not set: shown, never a filter.
 */
export function toConversionItems<R extends { conversion_rate: number | null }>(
  rows: readonly R[],
  key: (r: R) => string,
  selected: readonly string[] | undefined,
  label: (key: string) => string,
): BarItem[] {
  return [...rows]
    .sort((a, b) => (b.conversion_rate ?? -1) - (a.conversion_rate ?? -1) || key(a).localeCompare(key(b)))
    .map((r) => ({
      key: key(r),
      label: label(key(r)),
      value: r.conversion_rate,
      selected: selected?.includes(key(r)) ?? false,
      selectable: key(r) !== '',
    }));
}
