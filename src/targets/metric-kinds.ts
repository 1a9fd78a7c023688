/**
 * What targets need to know about each KPI, read from the metric registry (src/metrics/registry):
 * how it is paced (METRICS.md "Targets": additive metrics like sums, every other KPI like a
 * ratio), which way is better, its unit, the tables it is computed from (for `as_of`) and the
 * dimensions it can be filtered by. Nothing about a metric is written here.
 */
import { ENTRIES, isMetricId, KPI_IDS as REPORT_KPI_IDS, pacingOf, type MetricId } from '../metrics/registry';
import {
  isOpsMetricId,
  OPS_ENTRIES,
  OPS_REGISTRY,
  opsDirection,
  opsFilters,
  opsTables,
  type OpsMetricId,
  type OpsTable,
} from '../metrics/registry/operations';
import type { ServiceUnit } from '../metrics/registry/service';
import type { Texts } from '../metrics/registry/types';
import { SOURCE_DIMENSIONS, type SourceTable as KpiTable } from '../metrics/registry/sources';

/** A table a target's metric reads: a KPI's, or an operations module's (`as_of` comes from its last date). */
export type SourceTable = KpiTable | OpsTable;
export type MetricKind = 'additive' | 'ratio';
/** How a targets file says which way is better (check-in metrics carry it; KPIs take the registry's). */
export type Direction = 'higher_is_better' | 'lower_is_better';
export type MetricUnit = ServiceUnit;

export interface MetricFacts {
  kind: MetricKind;
  direction: Direction;
  unit: MetricUnit;
  /** Tables the metric reads; `as_of` is the earliest of their last dates. */
  tables: readonly SourceTable[];
  /** A share, between 0 and 1 (a rate but not a multiple such as ROAS): a target on it is a fraction. */
  fraction: boolean;
}

/** A metric of the data files a target can be set on: a KPI, or an operations metric (registry/operations.ts). */
export type KpiId = MetricId | OpsMetricId;

/** The KPIs, in the order of the report's `kpis` object. */
export const KPI_IDS: readonly MetricId[] = REPORT_KPI_IDS;
/** The operations metrics a target can be set on, module by module. */
export const OPS_METRIC_IDS: readonly OpsMetricId[] = OPS_REGISTRY.map((e) => e.id);

/** One of the report's `kpis` (not an operations metric). */
export function isReportKpiId(value: unknown): value is MetricId {
  return isMetricId(value);
}

export function isKpiId(value: unknown): value is KpiId {
  return isMetricId(value) || isOpsMetricId(value);
}

const directionOf = (d: 'higher' | 'lower'): Direction => (d === 'lower' ? 'lower_is_better' : 'higher_is_better');

function factsOf(metric: KpiId): MetricFacts {
  if (isOpsMetricId(metric)) {
    const ops = OPS_ENTRIES[metric];
    return {
      kind: ops.additive ? 'additive' : 'ratio',
      direction: directionOf(opsDirection(ops)),
      unit: ops.entry.unit,
      tables: opsTables(ops),
      fraction: ops.entry.unit === 'rate' && ops.multiple === undefined,
    };
  }
  const entry = ENTRIES[metric];
  return {
    kind: pacingOf(entry),
    direction: directionOf(entry.direction),
    unit: entry.unit,
    tables: entry.sources,
    fraction: entry.unit === 'rate',
  };
}

export const KPI_FACTS = Object.fromEntries([...KPI_IDS, ...OPS_METRIC_IDS].map((id) => [id, factsOf(id)])) as Record<
  KpiId,
  MetricFacts
>;

/**
 * Filter dimensions each table has, as the metrics layer filters them (`category` reaches
 * orders through their items). `currency` picks the orders of one currency (METRICS.md
 * "Orders") and leaves the other tables as they are.
 */
export const TABLE_DIMENSIONS: Record<KpiTable, readonly string[]> = SOURCE_DIMENSIONS;

/**
 * Dimensions a metric can be filtered by: those every one of its tables has, and `currency` where
 * it reads orders; an operations metric's, those every scope it reads takes (role and SKU too).
 */
export function filterableDimensions(metric: KpiId): string[] {
  if (isOpsMetricId(metric)) return opsFilters(OPS_ENTRIES[metric]);
  const tables = ENTRIES[metric].sources;
  const shared = ['channel', 'category', 'region', 'device', 'campaign'].filter((dimension) =>
    tables.every((table) => TABLE_DIMENSIONS[table].includes(dimension)),
  );
  return tables.some((table) => table === 'orders') ? [...shared, 'currency'] : shared;
}

/** The metric's names and description, from its registry entry (KPI or operations module). */
export function metricTexts(metric: KpiId): { label: Texts; short?: Texts; description: Texts } {
  return isOpsMetricId(metric) ? OPS_ENTRIES[metric].entry : ENTRIES[metric];
}
