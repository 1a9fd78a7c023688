import type { Engine, Row } from '../../engine/engine';
import { compileMetricsSql, DATE_COLUMN, dateSql, type Grouping, type QueryContext } from '../compile';
import { prepareContext, queryMetrics } from '../context';
import type { DataDescription } from '../describe';
import type { Filters } from '../filters';
import { periodBuckets, type Grain, type Period } from '../periods';
import { toNumberOrNull } from './kpis';

export const SERIES_ORDER_METRICS = ['gmv', 'refunds', 'net_revenue', 'orders', 'buyers', 'aov'] as const;
export const SERIES_TRAFFIC_METRICS = ['sessions', 'conversion_rate'] as const;

/** One bucket of the series (METRICS.md "Series"); traffic fields only when traffic is loaded. */
export interface SeriesRow {
  period: string;
  gmv: number | null;
  refunds: number | null;
  net_revenue: number | null;
  orders: number | null;
  buyers: number | null;
  aov: number | null;
  sessions?: number | null;
  conversion_rate?: number | null;
}

/** SQL for the bucket label of a date column; matches `bucketLabel` (`2025-01-07`, `2025-W02`, `2025-01`, `2025-Q1`, `2025`). */
export function bucketLabelSql(grain: Grain, column: string): string {
  switch (grain) {
    case 'day':
      return `strftime(${column}, '%Y-%m-%d')`;
    case 'week':
      return `strftime(${column}, '%G-W%V')`;
    case 'month':
      return `strftime(${column}, '%Y-%m')`;
    case 'quarter':
      return `strftime(${column}, '%Y') || '-Q' || quarter(${column})`;
    case 'year':
      return `strftime(${column}, '%Y')`;
  }
}

type SeriesMetric = (typeof SERIES_ORDER_METRICS)[number] | (typeof SERIES_TRAFFIC_METRICS)[number];

export function seriesMetrics(withTraffic: boolean): SeriesMetric[] {
  return withTraffic ? [...SERIES_ORDER_METRICS, ...SERIES_TRAFFIC_METRICS] : [...SERIES_ORDER_METRICS];
}

/** SQL for the first day of the bucket a date column falls in (ISO weeks start on Monday). */
export function bucketStartSql(grain: Grain, column: string): string {
  return grain === 'day' ? column : `date_trunc('${grain}', ${column})`;
}

/**
 * Groups rows into the buckets of the period: every bucket present, the first and last clipped.
 * Rows are grouped by the bucket's first day (cheap per row) and named by its label.
 */
export function bucketGrouping(period: Period, grain: Grain): Grouping {
  return {
    key: (source, alias) => bucketStartSql(grain, `${alias}.${DATE_COLUMN[source]}`),
    rows: periodBuckets(period, grain).map((b) => ({ key: b.label, keySql: dateSql(b.start), from: b.from, to: b.to })),
  };
}

/** One row per bucket of the period, every bucket present, the first and last clipped to the period. */
export function seriesSql(ctx: QueryContext, grain: Grain, withTraffic: boolean): string {
  return compileMetricsSql(seriesMetrics(withTraffic), ctx, bucketGrouping(ctx.period, grain));
}

export function parseSeries(rows: Row[], withTraffic: boolean): SeriesRow[] {
  return rows.map((r) => {
    const row: SeriesRow = { period: String(r.grp) } as SeriesRow;
    for (const id of seriesMetrics(withTraffic)) row[id] = toNumberOrNull(r[id]);
    return row;
  });
}

/** The series of the period at a grain (METRICS.md "Series"). */
export async function computeSeries(
  engine: Engine,
  period: Period,
  grain: Grain,
  filters: Filters = {},
  description?: DataDescription,
): Promise<SeriesRow[]> {
  const prepared = await prepareContext(engine, period, filters, description);
  const withTraffic = prepared.description.traffic.rows > 0;
  const rows = await queryMetrics(engine, prepared, seriesMetrics(withTraffic), bucketGrouping(period, grain));
  return parseSeries(rows, withTraffic);
}
