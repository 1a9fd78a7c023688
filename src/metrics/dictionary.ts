import type { Engine } from '../engine/engine';
import { compileMetricsSql } from './compile';
import { prepareContext } from './context';
import { entryOf, pacingOf, REGISTRY, type ComponentId } from './registry';
import type { SourceTable as Table } from './registry/sources';
import type { Direction, ReportPlace, Texts, Unit } from './registry/types';
import type { DataDescription } from './describe';
import type { Filters, SourceTable } from './filters';
import type { Period } from './periods';

/** A metric as the dictionary shows it: the registry entry in words, without its SQL. */
export interface DictionaryEntry {
  id: ComponentId;
  label: Texts;
  description: Texts;
  unit: Unit;
  direction: Direction;
  /** How a target on it is paced. */
  pacing: 'additive' | 'ratio';
  sources: readonly Table[];
  /** Where `report --json` prints it. */
  report: ReportPlace;
  /** Whether its number can be summed from the daily rollups; else why not. */
  rollup: 'daily' | string;
  spec: string;
}

export function dictionaryEntry(id: ComponentId): DictionaryEntry {
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

/** Every registered metric, in registry order: the dictionary. */
export function dictionary(): DictionaryEntry[] {
  return REGISTRY.map((e) => dictionaryEntry(e.id));
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

/**
 * The dictionary entry for a number on screen, with its SQL over the loaded tables. The page
 * may answer from the daily rollups (entry.rollup says when), which equal this SQL by test
 * (derived-equivalence); the reader is shown the definition, not the rollup's column names.
 */
export async function explainMetric(
  engine: Engine,
  id: ComponentId,
  period: Period,
  filters: Filters = {},
  description?: DataDescription,
): Promise<MetricExplanation> {
  const prepared = await prepareContext(engine, period, filters, description);
  return {
    definition: dictionaryEntry(id),
    sql: compileMetricsSql([id], { ...prepared.ctx, derived: false }),
    unsupported: prepared.unsupported,
    currency: prepared.currency,
  };
}
