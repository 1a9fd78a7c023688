import type { Engine } from '../engine/engine';
import { literalList } from '../engine/sql';
import { PAID_STATUSES } from '../model/tables';
import { ensureCanonicalTables } from './describe';

/** SQL condition for a paid order (METRICS.md "Orders"). */
export function paidSql(alias?: string): string {
  return `${alias ? `${alias}.` : ''}status IN ${literalList(PAID_STATUSES)}`;
}

/** One row per customer with a paid order: the date of their first paid order in the whole dataset. */
export const CUSTOMERS_TABLE = 'ys_customers';

const ready = new WeakSet<Engine>();

/** Rows (customer_key, first_paid_date) over the whole dataset, from the derived table when it was built. */
export function firstPaidSql(derived: boolean): string {
  return derived
    ? `SELECT customer_key, first_paid_date FROM ${CUSTOMERS_TABLE}`
    : `SELECT customer_key, min(order_date) AS first_paid_date FROM orders WHERE ${paidSql()} GROUP BY customer_key`;
}

export function rebuildDerivedSql(): string {
  return `CREATE OR REPLACE TABLE ${CUSTOMERS_TABLE} AS ${firstPaidSql(false)}`;
}

/**
 * Builds the small derived tables metric queries read instead of rescanning orders
 * (ENGINE-NOTES.md §8: the first-order date per customer serves new/returning buyers,
 * activation and cohorts). Idempotent; call it after every load. Results are identical
 * with or without it.
 */
export async function rebuildDerived(engine: Engine): Promise<void> {
  await ensureCanonicalTables(engine);
  await engine.run(rebuildDerivedSql());
  ready.add(engine);
}

/** Drops the derived tables; queries then read the canonical tables directly. */
export async function dropDerived(engine: Engine): Promise<void> {
  ready.delete(engine);
  await engine.run(`DROP TABLE IF EXISTS ${CUSTOMERS_TABLE}`);
}

/** Whether rebuildDerived ran on this engine (and was not dropped since). */
export function hasDerived(engine: Engine): boolean {
  return ready.has(engine);
}
