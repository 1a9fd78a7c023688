import type { Engine, Row } from '../engine/engine';
import { compileMetricsQuery, type QueryContext } from './compile';
import { hasDerived } from './derived-state';
import { describeData, type DataDescription } from './describe';
import type { Grouping } from './groupings';
import type { ComponentId } from './registry';
import { runMetricSql } from './result-cache';
import { SOURCE_TABLES, unsupportedDimensions, type FilterDimension, type Filters, type SourceTable } from './filters';
import { assertPeriod, type Period } from './periods';

/** Orders hold several currencies and none was chosen: money cannot be summed across them. */
export class MixedCurrencyError extends Error {
  constructor(readonly currencies: string[]) {
    super(`Orders are in several currencies (${currencies.join(', ')}); choose one currency`);
    this.name = 'MixedCurrencyError';
  }
}

export interface CurrencyChoice {
  /** The currency every money metric is in; null when no order names one. */
  currency: string | null;
  /** The currency filter to apply to orders, if one is needed. */
  filter: string | undefined;
}

/**
 * Decides the currency of money metrics (METRICS.md "Orders": never mix currencies).
 * - One currency in the data (orders without a currency count as that one): it is used, no filter.
 * - Several: the chosen one filters orders (orders without a currency are left out); none chosen
 *   → MixedCurrencyError.
 * - A chosen currency the data does not hold filters to nothing.
 */
export function chooseCurrency(description: DataDescription, requested?: string): CurrencyChoice {
  const present = description.orders.currencies;
  if (requested !== undefined && requested !== '') {
    const single = present.length === 0 || (present.length === 1 && present[0] === requested);
    return { currency: requested, filter: single ? undefined : requested };
  }
  if (present.length > 1) throw new MixedCurrencyError(present);
  return { currency: present[0] ?? null, filter: undefined };
}

/** Active filters each loaded source cannot honour; its metrics are null under them. */
export type UnsupportedFilters = Partial<Record<SourceTable, FilterDimension[]>>;

export function unsupportedFilters(description: DataDescription, filters: Filters): UnsupportedFilters {
  const out: UnsupportedFilters = {};
  for (const source of SOURCE_TABLES) {
    if (description[source].rows === 0) continue; // not loaded: its metrics are null anyway
    const dims = unsupportedDimensions(source, filters, description[source].dimensions);
    if (dims.length) out[source] = dims;
  }
  return out;
}

/** A query context plus what was decided on the way. */
export interface PreparedContext {
  ctx: QueryContext;
  description: DataDescription;
  currency: string | null;
  unsupported: UnsupportedFilters;
}

/** Builds the context every metric runner uses: resolves the currency and the sources blocked by filters. */
export function contextFor(
  description: DataDescription,
  period: Period,
  filters: Filters,
  derived: boolean,
): PreparedContext {
  assertPeriod(period);
  const choice = chooseCurrency(description, filters.currency);
  const applied: Filters = { ...filters };
  delete applied.currency;
  if (choice.filter !== undefined) applied.currency = choice.filter;
  const unsupported = unsupportedFilters(description, applied);
  const blocked = SOURCE_TABLES.filter((s) => unsupported[s] !== undefined);
  return { ctx: { period, filters: applied, blocked, derived }, description, currency: choice.currency, unsupported };
}

/** describeData + contextFor, for runners called without a description at hand. */
export async function prepareContext(
  engine: Engine,
  period: Period,
  filters: Filters = {},
  description?: DataDescription,
): Promise<PreparedContext> {
  return contextFor(description ?? (await describeData(engine)), period, filters, hasDerived(engine));
}

/**
 * Runs metrics in the lean form (compileMetricsQuery): one row per group, grp and the requested
 * ids. Every number of the pages and of `yardstick report` comes through here.
 */
export async function queryMetrics(
  engine: Engine,
  prepared: PreparedContext,
  ids: readonly ComponentId[],
  group?: Grouping,
): Promise<readonly Row[]> {
  const query = compileMetricsQuery(ids, prepared.ctx, prepared.description, group);
  if (query.sql === null) return query.finish([]);
  const rows = await runMetricSql(engine, query.sql);
  // The SQL names the period, the filters, the buckets and the columns read; with the ids asked
  // for and the description it decides the finished rows.
  let byRows = finishedRows.get(prepared.description);
  if (!byRows) finishedRows.set(prepared.description, (byRows = new WeakMap()));
  let byQuery = byRows.get(rows);
  if (!byQuery) byRows.set(rows, (byQuery = new Map()));
  const key = `${ids.join(',')}\n${query.sql}`;
  let finished = byQuery.get(key);
  if (!finished) {
    finished = Object.freeze(query.finish(rows).map((r) => Object.freeze(r)));
    byQuery.set(key, finished);
  }
  return finished;
}

/**
 * Finished rows per description, result and query. The result cache hands the same rows to every
 * view that asks again (a period's comparison, the calendar's days, the odd-day series), and
 * finishing them again cost the Marketing page's main thread ~12 ms a change (issue 14's 100 ms);
 * the same objects back also let memoised panels skip a redraw. Frozen: every caller shares them.
 */
const finishedRows = new WeakMap<DataDescription, WeakMap<readonly Row[], Map<string, readonly Row[]>>>();
