import type { Engine } from '../engine/engine';
import type { Filters } from '../metrics/filters';
import type { Period } from '../metrics/periods';
import { computeSeriesOf, type SeriesOf } from '../metrics/queries/series';
import { trailingYear } from '../lib/trailing-year';

/**
 * What the overview draws over the twelve months up to its period: the GMV chart and the KPI
 * cards' sparklines. Only these: each is summed from the daily rollups, so the query never reads
 * order rows (buyers would).
 */
export const TRAILING_SERIES_METRICS = ['gmv', 'net_revenue', 'orders', 'aov', 'sessions', 'conversion_rate'] as const;
export type TrailingSeriesRow = SeriesOf<(typeof TRAILING_SERIES_METRICS)[number]>;

/** The query key of the trailing series: the start-up snapshot seeds it under the same key. */
export function trailingSeriesKey(period: Period, filters: Filters): unknown[] {
  return ['trailing-series', trailingYear(period), filters];
}

export function computeTrailingSeries(engine: Engine, period: Period, filters: Filters): Promise<TrailingSeriesRow[]> {
  return computeSeriesOf(engine, trailingYear(period), 'month', TRAILING_SERIES_METRICS, filters);
}
