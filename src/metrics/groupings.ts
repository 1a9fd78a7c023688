import { CHANNELS } from '../model/tables';
import { periodBuckets, type Bucket, type Grain, type Period } from './periods';
import { SOURCE_DIMENSIONS, type SourceTable } from './registry/sources';

/** Dimensions a query can be grouped by: each table that carries one groups its rows by it. */
export const GROUP_DIMENSIONS = ['channel', 'region', 'device', 'campaign'] as const;
export type GroupDimension = (typeof GROUP_DIMENSIONS)[number];

/**
 * What a metric query returns one row for, as structure: the compiler writes the SQL key and the
 * planner decides from the kind which rows can serve it. Without a grouping a query returns one
 * row, grp = 'all'.
 * - `buckets`: the date buckets of the period at a grain, every one present (first and last
 *   clipped); each bucket is a span of its own, named by its label.
 * - `dimension`: one group per value present; blanks are `unattributed` for channel, '' otherwise.
 * - `category`: per category, the orders holding at least one item of it (what the category
 *   filter keeps, so an order of two categories counts in both).
 * - `customer_status`: `new` or `returning` orders, by whether the customer's first paid order
 *   ever is before the period (METRICS.md `new_buyers` / `returning_buyers`).
 */
export type Grouping =
  | { kind: 'buckets'; grain: Grain; buckets: readonly Bucket[] }
  | { kind: 'dimension'; dimension: GroupDimension }
  | { kind: 'category' }
  | { kind: 'customer_status' };

/** SQL for the first day of the bucket a date column falls in (ISO weeks start on Monday): what rows are grouped by. */
export function bucketStartSql(grain: Grain, column: string): string {
  return grain === 'day' ? column : `date_trunc('${grain}', ${column})`;
}

export function bucketGrouping(period: Period, grain: Grain): Grouping {
  return { kind: 'buckets', grain, buckets: periodBuckets(period, grain) };
}

export function dimensionGrouping(dimension: GroupDimension): Grouping {
  return { kind: 'dimension', dimension };
}

export const CATEGORY_GROUPING: Grouping = { kind: 'category' };
export const CUSTOMER_STATUS_GROUPING: Grouping = { kind: 'customer_status' };

/** Whether a table's rows can be grouped this way at all (traffic has no region, only orders have items and customers). */
export function groupsSource(group: Grouping | undefined, source: SourceTable): boolean {
  if (!group || group.kind === 'buckets') return true;
  if (group.kind === 'dimension') return SOURCE_DIMENSIONS[source].includes(group.dimension);
  return source === 'orders';
}

const CHANNEL_ORDER: readonly string[] = [...CHANNELS, 'unattributed'];
const channelRank = (channel: string) => {
  const i = CHANNEL_ORDER.indexOf(channel);
  return i === -1 ? CHANNEL_ORDER.length : i;
};

/** Channels in the order of the taxonomy (DATA.md "Values"), `unattributed` last, anything else after, alphabetically. */
export function compareChannels(a: string, b: string): number {
  return channelRank(a) - channelRank(b) || a.localeCompare(b);
}
