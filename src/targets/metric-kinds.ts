/**
 * What targets need to know about each KPI, read from the metric registry (src/metrics/registry):
 * how it is paced (METRICS.md "Targets": additive metrics like sums, every other KPI like a
 * ratio), which way is better, its unit, the tables it is computed from (for `as_of`) and the
 * dimensions it can be filtered by. Nothing about a metric is written here.
 */
import { ENTRIES, isMetricId, KPI_IDS as REPORT_KPI_IDS, pacingOf, type MetricId } from '../metrics/registry';
import { SOURCE_DIMENSIONS, type SourceTable } from '../metrics/registry/sources';

export type { SourceTable };
export type MetricKind = 'additive' | 'ratio';
/** How a targets file says which way is better (check-in metrics carry it; KPIs take the registry's). */
export type Direction = 'higher_is_better' | 'lower_is_better';
export type MetricUnit = 'money' | 'count' | 'rate';

export interface MetricFacts {
  kind: MetricKind;
  direction: Direction;
  unit: MetricUnit;
  /** Tables the metric reads; `as_of` is the earliest of their last dates. */
  tables: readonly SourceTable[];
}

export type KpiId = MetricId;

/** The KPIs, in the order of the report's `kpis` object. */
export const KPI_IDS: readonly KpiId[] = REPORT_KPI_IDS;

export function isKpiId(value: unknown): value is KpiId {
  return isMetricId(value);
}

function factsOf(metric: KpiId): MetricFacts {
  const entry = ENTRIES[metric];
  return {
    kind: pacingOf(entry),
    direction: entry.direction === 'lower' ? 'lower_is_better' : 'higher_is_better',
    unit: entry.unit,
    tables: entry.sources,
  };
}

export const KPI_FACTS = Object.fromEntries(KPI_IDS.map((id) => [id, factsOf(id)])) as Record<KpiId, MetricFacts>;

/**
 * Filter dimensions each table has, as the metrics layer filters them (`category` reaches
 * orders through their items). `currency` picks the orders of one currency (METRICS.md
 * "Orders") and leaves the other tables as they are.
 */
export const TABLE_DIMENSIONS: Record<SourceTable, readonly string[]> = SOURCE_DIMENSIONS;

/** Dimensions a metric can be filtered by: those every one of its tables has, and `currency` where it reads orders. */
export function filterableDimensions(metric: KpiId): string[] {
  const tables = KPI_FACTS[metric].tables;
  const shared = ['channel', 'category', 'region', 'device', 'campaign'].filter((dimension) =>
    tables.every((table) => TABLE_DIMENSIONS[table].includes(dimension)),
  );
  return tables.some((table) => table === 'orders') ? [...shared, 'currency'] : shared;
}
