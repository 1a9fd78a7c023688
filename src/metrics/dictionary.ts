import type { Engine } from '../engine/engine';
import { compileMetricsSql } from './compile';
import { prepareContext } from './context';
import { DEFINITIONS, type ComponentId, type MetricDefinition } from './definitions';
import type { DataDescription } from './describe';
import type { Filters, SourceTable } from './filters';
import type { Period } from './periods';

/** What the metric dictionary shows for a number: its definition in words and the SQL that produced it. */
export interface MetricExplanation {
  definition: MetricDefinition;
  sql: string;
  /** Active filters the metric's sources cannot honour (its value is then null). */
  unsupported: Partial<Record<SourceTable, string[]>>;
  currency: string | null;
}

/**
 * The SQL of one metric over a period (the same compiler as the KPI query, pruned to what the
 * metric needs). `filters` are applied as given; `blocked` sources give null.
 */
export function metricSql(
  id: ComponentId,
  period: Period,
  filters: Filters = {},
  options: { derived?: boolean; blocked?: readonly SourceTable[] } = {},
): string {
  return compileMetricsSql([id], {
    period,
    filters,
    blocked: options.blocked ?? [],
    derived: options.derived ?? false,
  });
}

/** The dictionary entry for a number on screen, with the SQL exactly as the engine would run it now. */
export async function explainMetric(
  engine: Engine,
  id: ComponentId,
  period: Period,
  filters: Filters = {},
  description?: DataDescription,
): Promise<MetricExplanation> {
  const prepared = await prepareContext(engine, period, filters, description);
  return {
    definition: DEFINITIONS[id],
    sql: compileMetricsSql([id], prepared.ctx),
    unsupported: prepared.unsupported,
    currency: prepared.currency,
  };
}
