import { activeDimensions, type Filters } from './filters';
import type { Grouping } from './groupings';
import { readsRollup, ROLLUP_DIMENSIONS } from './rollups';
import { SCOPE_SOURCE, SOURCE_DIMENSIONS, type EventScope, type SourceTable } from './registry/sources';
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
 * Where a scope's aggregates come from: `rollup`, the daily rollup of its source (sums of its
 * columns); `rows`, the rows themselves (the derived copies when `derived`, else the canonical
 * tables). All give the same numbers.
 */
export interface ScopePlan {
  scope: ScopeId;
  source: SourceTable;
  from: 'rollup' | 'rows';
  entries: AggregateEntry[];
}

export interface PlanInput {
  filters: Filters;
  /** The derived tables (rollups included) are built. */
  derived: boolean;
}

/** Whether the grouping's key is a column of the source's rollup (date buckets always are). */
function rollupGroups(group: Grouping | undefined, source: SourceTable): boolean {
  if (!group || group.kind === 'buckets') return true;
  return group.kind === 'dimension' && ROLLUP_DIMENSIONS[source].includes(group.dimension);
}

/** Whether every filter that applies to the source names a rollup column. */
function rollupFilters(filters: Filters, source: SourceTable): boolean {
  return activeDimensions(filters)
    .filter((d) => SOURCE_DIMENSIONS[source].includes(d))
    .every((d) => ROLLUP_DIMENSIONS[source].includes(d));
}

/**
 * The plan of a metric query, decided from the registry's fields (each entry's scope and whether
 * it reads from rollups), the grouping's kind and the filters' dimensions: a scope is summed from
 * its rollup when the derived tables exist, every entry of it reads from rollups, and the filters
 * and grouping name only dimensions the rollup keeps. Buyers never are (the registry says why).
 */
export function planQuery(entries: readonly AggregateEntry[], input: PlanInput, group?: Grouping): ScopePlan[] {
  return SCOPE_ORDER.flatMap((scope) => {
    const mine = entries.filter((e) => scopeOf(e) === scope);
    if (mine.length === 0) return [];
    const source = sourceOf(mine[0]!);
    const rollup =
      input.derived && mine.every(readsRollup) && rollupFilters(input.filters, source) && rollupGroups(group, source);
    return [{ scope, source, from: rollup ? 'rollup' : 'rows', entries: mine }];
  });
}
