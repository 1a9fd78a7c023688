import type { Engine } from '../engine/engine';

/** One row per customer: an integer id in customer_key order, and the date of the first paid order (null if none). */
export const CUSTOMERS_TABLE = 'ys_customers';
/**
 * Orders with the customer's integer id and first paid date beside them, sorted by order_date.
 * It keeps every canonical column a grouping or filter may name (all but customer_id, the
 * timestamps and source_file), so SQL written against `orders o` runs on it unchanged.
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
