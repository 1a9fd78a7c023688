import type { Engine } from '../engine/engine';
import type { FilterDimension, SourceTable } from './registry/sources';

/**
 * One row per customer (every customer_key in orders): an integer id in customer_key order, and
 * the customer's facts over their paid orders in the whole dataset (first and last paid date,
 * paid orders, their total; null dates and 0 orders without any). Ordering or breaking ties by
 * cid is ordering by customer_key.
 */
export const CUSTOMERS_TABLE = 'ys_customers';
/**
 * Orders with the customer's integer id and first paid date and the paid/cancelled flags beside
 * them, channel normalised, and the columns filters and groupings name (order_id, customer_key,
 * order_date, the money columns, region, device, campaign, currency).
 */
export const ORDERS_TABLE = 'ys_orders';
/**
 * The daily rollups generated from the registry (rollups.ts): per source, one row per date and
 * value of every filter dimension the source has but category, one column per rollup entry.
 */
export const ROLLUP_TABLE: Record<SourceTable, string> = {
  orders: 'ys_daily_orders',
  traffic: 'ys_daily_traffic',
  users: 'ys_daily_users',
};
/**
 * The daily totals: the same columns summed over every dimension but currency (money never mixes
 * currencies), one row per date and currency. A query with no filter and no grouping by a
 * dimension sums ~730 rows here instead of ~130k rollup rows at 1M orders.
 */
export const DAILY_TOTALS_TABLE: Record<SourceTable, string> = {
  orders: 'ys_daily_orders_totals',
  traffic: 'ys_daily_traffic_totals',
  users: 'ys_daily_users_totals',
};
/**
 * The daily totals kept per value of one more dimension (null: none), for a query whose filters
 * and grouping name that dimension alone: `ys_daily_orders_totals_by_channel` has ~6.5k rows at
 * 1M orders where the rollup has ~128k.
 */
export function dailyTotalsTable(source: SourceTable, by: FilterDimension | null): string {
  return by === null ? DAILY_TOTALS_TABLE[source] : `${DAILY_TOTALS_TABLE[source]}_by_${by}`;
}
/** The one-row result of describeSql(). */
export const DESCRIBE_TABLE = 'ys_describe';

const ready = new WeakSet<Engine>();
const descriptions = new WeakMap<Engine, Promise<unknown>>();
const generations = new WeakMap<Engine, number>();

/** Whether rebuildDerived ran on this engine (and was not dropped since). */
export function hasDerived(engine: Engine): boolean {
  return ready.has(engine);
}

/** Which build of the derived tables an engine has: results read from one build never answer for another. */
export function derivedGeneration(engine: Engine): number {
  return generations.get(engine) ?? 0;
}

export function markDerived(engine: Engine, built: boolean): void {
  descriptions.delete(engine);
  generations.set(engine, derivedGeneration(engine) + 1);
  if (built) ready.add(engine);
  else ready.delete(engine);
}

/**
 * The description of the data read from the derived tables, kept until they are rebuilt or
 * dropped: every metric query starts by reading it, and the data cannot change in between
 * without a rebuild.
 */
export function cachedDescription<T>(engine: Engine, read: () => Promise<T>): Promise<T> {
  let cached = descriptions.get(engine) as Promise<T> | undefined;
  if (!cached) {
    cached = read();
    descriptions.set(engine, cached);
    cached.catch(() => descriptions.delete(engine));
  }
  return cached;
}
