import { activeDimensions, type Filters } from './filters';
import type { Grouping } from './groupings';
import { readsRollup, ROLLUP_DIMENSIONS, totalsGrains, totalsKept } from './rollups';
import {
  SCOPE_SOURCE,
  SOURCE_DIMENSIONS,
  type EventScope,
  type FilterDimension,
  type SourceTable,
} from './registry/sources';
import type { AggregateEntry } from './registry/types';

/** The row sets of a query: the event scopes, and buyers (one row per customer with a paid order in the span). */
export type ScopeId = EventScope | 'period_buyers';
export const SCOPE_ORDER: readonly ScopeId[] = [
  'paid_orders',
  'period_buyers',
  'cancelled_orders',
  'traffic_rows',
  'registrations',
];

export function scopeOf(entry: AggregateEntry): ScopeId {
  return entry.kind === 'buyers' ? 'period_buyers' : entry.scope;
}

export function sourceOf(entry: AggregateEntry): SourceTable {
  const scope = scopeOf(entry);
  return scope === 'period_buyers' ? 'orders' : SCOPE_SOURCE[scope];
}

/**
 * Where a scope's aggregates come from: `totals`, the daily totals of its source (per date and
 * currency, and `by` one dimension more or none); `rollup`, its daily rollup (per date and value of every rollup dimension); `rows`,
 * the rows themselves (the derived copies when `derived`, else the canonical tables). The first
 * two are sums of the same columns. All give the same numbers.
 */
export interface ScopePlan {
  scope: ScopeId;
  source: SourceTable;
  from: 'totals' | 'rollup' | 'rows';
  /** With `totals`: the one dimension they are kept by besides date and currency (null: none). */
  by: FilterDimension | null;
  entries: AggregateEntry[];
}

export interface PlanInput {
  filters: Filters;
  /** The derived tables (rollups included) are built. */
  derived: boolean;
}

/** Whether the grouping's key is one of `kept` (date buckets always are). */
function groupsBy(group: Grouping | undefined, kept: readonly FilterDimension[]): boolean {
  if (!group || group.kind === 'buckets') return true;
  return group.kind === 'dimension' && kept.includes(group.dimension);
}

/** Whether every filter that applies to the source names one of `kept`. */
function filtersBy(filters: Filters, source: SourceTable, kept: readonly FilterDimension[]): boolean {
  return activeDimensions(filters)
    .filter((d) => SOURCE_DIMENSIONS[source].includes(d))
    .every((d) => kept.includes(d));
}

/** Whether a query so filtered and grouped can read the columns of a rollup that keeps `kept`. */
function rollupAnswers(
  filters: Filters,
  group: Grouping | undefined,
  source: SourceTable,
  kept: readonly FilterDimension[],
): boolean {
  return filtersBy(filters, source, kept) && groupsBy(group, kept);
}

/** The daily totals that answer a query so filtered and grouped: kept by no dimension or by one; undefined when none do. */
function totalsBy(
  filters: Filters,
  group: Grouping | undefined,
  source: SourceTable,
): FilterDimension | null | undefined {
  return totalsGrains(source).find((by) => rollupAnswers(filters, group, source, totalsKept(source, by)));
}

/**
 * The plan of a metric query, decided from the registry's fields (each entry's scope and whether
 * it reads from rollups), the grouping's kind and the filters' dimensions: a scope is summed from
 * a rollup when the derived tables exist, every entry of it reads from rollups, and the filters
 * and grouping name only dimensions that rollup keeps. The daily totals serve when they name
 * none but currency, or one more (the totals kept by it); the full rollup when they name more.
 * Buyers never are (the registry says why).
 */
export function planQuery(entries: readonly AggregateEntry[], input: PlanInput, group?: Grouping): ScopePlan[] {
  return SCOPE_ORDER.flatMap((scope) => {
    const mine = entries.filter((e) => scopeOf(e) === scope);
    if (mine.length === 0) return [];
    const source = sourceOf(mine[0]!);
    const rollup = input.derived && mine.every(readsRollup);
    const by = rollup ? totalsBy(input.filters, group, source) : undefined;
    const from: ScopePlan['from'] =
      by !== undefined
        ? 'totals'
        : rollup && rollupAnswers(input.filters, group, source, ROLLUP_DIMENSIONS[source])
          ? 'rollup'
          : 'rows';
    return [{ scope, source, from, by: by ?? null, entries: mine }];
  });
}
