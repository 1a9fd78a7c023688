import { literal, literalList } from '../engine/sql';
import {
  FILTER_DIMENSIONS,
  NEUTRAL_DIMENSIONS,
  SOURCE_DIMENSIONS,
  type FilterDimension,
  type SourceTable,
} from './registry/sources';

export { FILTER_DIMENSIONS, SOURCE_DIMENSIONS, SOURCE_TABLES } from './registry/sources';
export type { FilterDimension, SourceTable } from './registry/sources';

/**
 * Filters shared by every metric (issue 4). Each list keeps rows whose value is one of the
 * listed values; an empty or missing list does not filter. `currency` is a single ISO code:
 * money never mixes currencies (METRICS.md "Orders").
 */
export interface Filters {
  channel?: readonly string[];
  category?: readonly string[];
  region?: readonly string[];
  device?: readonly string[];
  campaign?: readonly string[];
  currency?: string;
}

/** The SQL expression of an order's or a traffic row's channel; blanks count as `unattributed` (METRICS.md "By channel"). */
export function channelSql(column = 'channel'): string {
  return `coalesce(nullif(trim(${column}), ''), 'unattributed')`;
}

/** Dimensions that actually filter something. */
export function activeDimensions(filters: Filters): FilterDimension[] {
  return FILTER_DIMENSIONS.filter((d) => {
    if (d === 'currency') return filters.currency !== undefined && filters.currency !== '';
    const values = filters[d];
    return values !== undefined && values.length > 0;
  });
}

/**
 * Active filters a source cannot honour, given which dimensions its loaded data carries
 * (`available`, from describeData). Metrics of a source with any such filter are null:
 * a number that ignored the filter would be wrong.
 */
export function unsupportedDimensions(
  source: SourceTable,
  filters: Filters,
  available: readonly FilterDimension[],
): FilterDimension[] {
  return activeDimensions(filters).filter(
    (d) => !NEUTRAL_DIMENSIONS[source].includes(d) && !(SOURCE_DIMENSIONS[source].includes(d) && available.includes(d)),
  );
}

function inList(column: string, values: readonly string[] | undefined): string | null {
  return values && values.length > 0 ? `${column} IN ${literalList(values)}` : null;
}

function joinConditions(conditions: (string | null)[]): string {
  const kept = conditions.filter((c): c is string => c !== null);
  return kept.length ? kept.join(' AND ') : 'TRUE';
}

/**
 * WHERE condition for the orders table (alias `o`); `category` keeps orders with at least one
 * item of the category. `channelNormalised`: the relation's channel is already what channelSql gives.
 */
export function ordersFilterSql(filters: Filters, alias = 'o', options: { channelNormalised?: boolean } = {}): string {
  const col = (c: string) => `${alias}.${c}`;
  const category =
    filters.category && filters.category.length > 0
      ? `${col('order_id')} IN (SELECT order_id FROM order_items WHERE category IN ${literalList(filters.category)})`
      : null;
  return joinConditions([
    inList(channelOf(alias, options.channelNormalised), filters.channel),
    inList(col('region'), filters.region),
    inList(col('device'), filters.device),
    inList(col('campaign'), filters.campaign),
    filters.currency ? `${col('currency')} = ${literal(filters.currency)}` : null,
    category,
  ]);
}

/** The rows' channel as filters compare it: rollups hold it normalised already. */
function channelOf(alias: string, normalised: boolean | undefined): string {
  return normalised ? `${alias}.channel` : channelSql(`${alias}.channel`);
}

/** WHERE condition for the traffic table (alias `t`). */
export function trafficFilterSql(filters: Filters, alias = 't', options: { channelNormalised?: boolean } = {}): string {
  return joinConditions([
    inList(channelOf(alias, options.channelNormalised), filters.channel),
    inList(`${alias}.device`, filters.device),
    inList(`${alias}.campaign`, filters.campaign),
  ]);
}

/** WHERE condition for the users table (alias `u`). */
export function usersFilterSql(filters: Filters, alias = 'u', options: { channelNormalised?: boolean } = {}): string {
  return joinConditions([
    inList(channelOf(alias, options.channelNormalised), filters.channel),
    inList(`${alias}.region`, filters.region),
  ]);
}

export function filterSql(
  source: SourceTable,
  filters: Filters,
  alias: string,
  options: { channelNormalised?: boolean } = {},
): string {
  switch (source) {
    case 'orders':
      return ordersFilterSql(filters, alias, options);
    case 'traffic':
      return trafficFilterSql(filters, alias, options);
    case 'users':
      return usersFilterSql(filters, alias, options);
  }
}
