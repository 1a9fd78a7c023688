import type { Engine } from '../engine/engine';

/** One row per customer: an integer id, and the date of the first paid order (null if none). */
export const CUSTOMERS_TABLE = 'ys_customers';
/**
 * Orders with the customer's integer id, first paid date and paid/cancelled flags beside them,
 * and the columns filters and groupings name (order_id, customer_key, order_date, the money
 * columns metrics sum, channel normalised, region, device, campaign, currency), so grouping SQL
 * written against `orders o` with those columns runs on it unchanged.
 */
export const ORDERS_TABLE = 'ys_orders';
/** The one-row result of describeSql(). */
export const DESCRIBE_TABLE = 'ys_describe';

const ready = new WeakSet<Engine>();

/** Whether rebuildDerived ran on this engine (and was not dropped since). */
export function hasDerived(engine: Engine): boolean {
  return ready.has(engine);
}

export function markDerived(engine: Engine, built: boolean): void {
  if (built) ready.add(engine);
  else ready.delete(engine);
}
