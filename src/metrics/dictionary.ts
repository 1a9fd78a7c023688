import type { Engine } from '../engine/engine';
import { compileMetricsSql } from './compile';
import { prepareContext } from './context';
import { opsMetricSql, type OpsFilters } from './operations';
import { entryOf, isComponentId, pacingOf, REGISTRY, type ComponentId } from './registry';
import {
  isOpsMetricId,
  OPS_ENTRIES,
  OPS_REGISTRY,
  opsDirection,
  opsParts,
  opsTables,
  type OpsEntry,
  type OpsMetricId,
  type OpsTable,
} from './registry/operations';
import type { ServiceUnit } from './registry/service';
import type { SourceTable as Table } from './registry/sources';
import type { Direction, ReportPlace, Texts, Unit } from './registry/types';
import type { DataDescription } from './describe';
import type { Filters, SourceTable } from './filters';
import type { Period } from './periods';

/** Every metric the dictionary explains: the KPI registry's and the operations registry's. */
export type DictionaryId = ComponentId | OpsMetricId;

export function isDictionaryId(value: unknown): value is DictionaryId {
  return isComponentId(value) || isOpsMetricId(value);
}

/** A metric as the dictionary shows it: the registry entry in words, without its SQL. */
export interface DictionaryEntry {
  id: DictionaryId;
  label: Texts;
  description: Texts;
  /** Operations metrics add minutes, hours, per-1,000 rates and scores. */
  unit: Unit | ServiceUnit;
  direction: Direction;
  /** How a target on it is paced. */
  pacing: 'additive' | 'ratio';
  sources: readonly (Table | OpsTable)[];
  /** Where `report --json` prints it: a KPI place, or an operations metric's section. */
  report: ReportPlace | OpsEntry['module'];
  /** Whether its number can be summed from the daily rollups (or by day); else why not. */
  rollup: 'daily' | string;
  spec: string;
}

function opsDictionaryEntry(entry: OpsEntry<OpsMetricId>): DictionaryEntry {
  const byDay = opsParts(entry).length > 0 && opsParts(entry).every((p) => p.adds);
  return {
    id: entry.id,
    label: entry.entry.label,
    description: entry.entry.description,
    unit: entry.entry.unit,
    direction: opsDirection(entry),
    pacing: entry.additive ? 'additive' : 'ratio',
    sources: opsTables(entry),
    report: entry.module,
    rollup: byDay
      ? 'daily'
      : 'computed over the whole span: a median, a mean, a stock level or churn does not add up by day',
    spec: entry.entry.spec,
  };
}

export function dictionaryEntry(id: DictionaryId): DictionaryEntry {
  if (isOpsMetricId(id)) return opsDictionaryEntry(OPS_ENTRIES[id]);
  const entry = entryOf(id);
  const rollup =
    entry.kind === 'ratio' ? 'from its parts' : entry.rollup === 'daily' ? 'daily' : entry.rollup.notFromRollup;
  return {
    id,
    label: entry.label,
    description: entry.description,
    unit: entry.unit,
    direction: entry.direction,
    pacing: pacingOf(entry),
    sources: entry.sources,
    report: entry.report,
    rollup,
    spec: entry.spec,
  };
}

/** Every registered metric, in registry order, then the operations metrics: the dictionary. */
export function dictionary(): DictionaryEntry[] {
  return [...REGISTRY.map((e) => dictionaryEntry(e.id)), ...OPS_REGISTRY.map((e) => dictionaryEntry(e.id))];
}

/** The view's filters as an operations metric takes them (a targets file's shape). */
function opsFiltersOf(filters: Filters): OpsFilters {
  const out: Record<string, readonly string[]> = {};
  for (const [dim, values] of Object.entries(filters)) {
    if (typeof values === 'string') out[dim] = [values];
    else if (Array.isArray(values) && values.length) out[dim] = values as readonly string[];
  }
  return out;
}

/** What the metric dictionary shows for a number: its definition in words and the SQL that produced it. */
export interface MetricExplanation {
  definition: DictionaryEntry;
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
  id: DictionaryId,
  period: Period,
  filters: Filters = {},
  options: { derived?: boolean; blocked?: readonly SourceTable[] } = {},
): string {
  if (isOpsMetricId(id)) return opsMetricSql(id, period, opsFiltersOf(filters));
  return compileMetricsSql([id], {
    period,
    filters,
    blocked: options.blocked ?? [],
    derived: options.derived ?? false,
  });
}

/**
 * The dictionary entry for a number on screen, with its SQL over the loaded tables. The page
 * may answer from the daily rollups (entry.rollup says when), which equal this SQL by test
 * (derived-equivalence); the reader is shown the definition, not the rollup's column names.
 */
export async function explainMetric(
  engine: Engine,
  id: DictionaryId,
  period: Period,
  filters: Filters = {},
  description?: DataDescription,
): Promise<MetricExplanation> {
  const prepared = await prepareContext(engine, period, filters, description);
  if (isOpsMetricId(id)) {
    // The filters as the KPIs apply them: a currency only where the data holds several.
    const sql = opsMetricSql(id, period, opsFiltersOf(prepared.ctx.filters));
    return { definition: dictionaryEntry(id), sql, unsupported: {}, currency: prepared.currency };
  }
  return {
    definition: dictionaryEntry(id),
    sql: compileMetricsSql([id], { ...prepared.ctx, derived: false }),
    unsupported: prepared.unsupported,
    currency: prepared.currency,
  };
}
