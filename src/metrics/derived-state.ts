import type { Engine } from '../engine/engine';

/**
 * One row per customer: an integer id, and the date of the first paid order (null if none).
 * Ids follow customer_key order, so ordering or breaking ties by cid is ordering by customer_key.
 */
export const CUSTOMERS_TABLE = 'ys_customers';
/**
 * Orders with the customer's integer id, first paid date and paid/cancelled flags beside them,
 * and the columns filters and groupings name (order_id, customer_key, order_date, the money
 * columns metrics sum, channel normalised, region, device, campaign, currency), so grouping SQL
 * written against `orders o` with those columns runs on it unchanged. Sorted by order_date.
 *
 * Paid orders also carry the dates of the customer's previous and next paid order (in order of
 * order_date, then order_id): the first paid order of a customer in a period is the one whose
 * previous paid order is before the period, so buyers can be counted without a distinct count.
 * Where there is no such order the dates are 0001-01-01 and 9999-12-31, never null.
 */
export const ORDERS_TABLE = 'ys_orders';
/**
 * Paid and cancelled orders summed per day and per value of every order filter dimension (the
 * columns keep the names and raw values of ys_orders, so filters and group keys written for
 * orders run on it): sums and counts over a period read a few rows per day instead of every order.
 */
export const DAILY_TABLE = 'ys_daily';
/** The one-row result of describeSql(). */
export const DESCRIBE_TABLE = 'ys_describe';

const ready = new WeakSet<Engine>();
const descriptions = new WeakMap<Engine, Promise<unknown>>();
const columnStores = new WeakMap<Engine, unknown>();

/** Whether rebuildDerived ran on this engine (and was not dropped since). */
export function hasDerived(engine: Engine): boolean {
  return ready.has(engine);
}

export function markDerived(engine: Engine, built: boolean): void {
  descriptions.delete(engine);
  columnStores.delete(engine);
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

/** The in-memory copy of the derived rows (columnar/store.ts) kept for this engine, until the next rebuild or drop. */
export function keepColumnStore(engine: Engine, store: unknown): void {
  if (ready.has(engine)) columnStores.set(engine, store);
}

export function columnStoreOf<T>(engine: Engine): T | undefined {
  return columnStores.get(engine) as T | undefined;
}
