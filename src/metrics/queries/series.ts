import type { Engine } from '../../engine/engine';
import { prepareContext, queryMetrics } from '../context';
import { describeData, type DataDescription } from '../describe';
import type { Filters } from '../filters';
import { bucketGrouping } from '../groupings';
import type { Grain, Period } from '../periods';
import type { ComponentId } from '../registry';
import { toNumberOrNull } from './kpis';

export { bucketGrouping, bucketStartSql } from '../groupings';

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

export type SeriesMetric = (typeof SERIES_ORDER_METRICS)[number] | (typeof SERIES_TRAFFIC_METRICS)[number];

export function seriesMetrics(withTraffic: boolean): SeriesMetric[] {
  return withTraffic ? [...SERIES_ORDER_METRICS, ...SERIES_TRAFFIC_METRICS] : [...SERIES_ORDER_METRICS];
}

/** The series of the period at a grain (METRICS.md "Series"): every bucket, the first and last clipped to the period. */
export async function computeSeries(
  engine: Engine,
  period: Period,
  grain: Grain,
  filters: Filters = {},
  description?: DataDescription,
): Promise<SeriesRow[]> {
  const known = description ?? (await describeData(engine));
  const metrics = seriesMetrics(known.traffic.rows > 0);
  return (await computeSeriesOf(engine, period, grain, metrics, filters, known)) as SeriesRow[];
}

/** A bucket of a series of chosen metrics. */
export type SeriesOf<M extends ComponentId> = { period: string } & Record<M, number | null>;

/**
 * The series of just the metrics a chart shows, buckets as in computeSeries. A chart asks for no
 * more than it draws: buyers, for one, are counted over order rows while sums come from the
 * daily rollups, so a GMV chart that also asked for buyers would read every order of its span.
 */
export async function computeSeriesOf<M extends ComponentId>(
  engine: Engine,
  period: Period,
  grain: Grain,
  metrics: readonly M[],
  filters: Filters = {},
  description?: DataDescription,
): Promise<SeriesOf<M>[]> {
  const prepared = await prepareContext(engine, period, filters, description);
  const rows = await queryMetrics(engine, prepared, metrics, bucketGrouping(period, grain));
  return rows.map((r) => {
    const row = { period: String(r.grp) } as SeriesOf<M>;
    for (const id of metrics) (row as Record<string, number | null>)[id] = toNumberOrNull(r[id]);
    return row;
  });
}
