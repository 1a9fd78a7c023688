import type { Engine } from '../engine/engine';
import { literalList } from '../engine/sql';
import { PAID_STATUSES } from '../model/tables';
import { describeSql, ensureCanonicalTables } from './describe';
import { CUSTOMERS_TABLE, DAILY_TABLE, DESCRIBE_TABLE, hasDerived, keepColumnStore, markDerived, ORDERS_TABLE } from './derived-state';
import { loadColumnStore } from './columnar/store';
import { warmUp } from './columnar/warm-up';
import { channelSql, ordersFilterSql, type Filters } from './filters';

export { CUSTOMERS_TABLE, DAILY_TABLE, DESCRIBE_TABLE, hasDerived, ORDERS_TABLE };

/** SQL condition for a paid order (METRICS.md "Orders"). */
export function paidSql(alias?: string): string {
  return `${alias ? `${alias}.` : ''}status IN ${literalList(PAID_STATUSES)}`;
}

/** Rows (customer_key, first_paid_date) for customers with a paid order, over the whole dataset. */
export function firstPaidSql(derived: boolean): string {
  return derived
    ? `SELECT customer_key, first_paid_date FROM ${CUSTOMERS_TABLE} WHERE first_paid_date IS NOT NULL`
    : `SELECT customer_key, min(order_date) AS first_paid_date FROM orders WHERE ${paidSql()} GROUP BY customer_key`;
}

/**
 * How metric queries read orders: the canonical table, or the derived one. Both give the same
 * rows; the derived table answers faster (integer customer ids make distinct counts cheap, the
 * first paid date needs no join, channels are already normalised, rows are sorted by date).
 */
export interface OrdersRelation {
  table: string;
  paid: (alias: string) => string;
  cancelled: (alias: string) => string;
  /** A per-customer value (an integer in the derived table): for counting and grouping, not for ordering. */
  customer: (alias: string) => string;
  /** The customer's first paid date on the row itself, when the relation carries it. */
  firstPaid: ((alias: string) => string) | null;
  filter: (filters: Filters, alias: string) => string;
}

export function ordersRelation(derived: boolean): OrdersRelation {
  return derived
    ? {
        table: ORDERS_TABLE,
        paid: (a) => `${a}.is_paid`,
        cancelled: (a) => `${a}.is_cancelled`,
        customer: (a) => `${a}.cid`,
        firstPaid: (a) => `${a}.first_paid_date`,
        filter: (filters, a) => ordersFilterSql(filters, a, { channelNormalised: true }),
      }
    : {
        table: 'orders',
        paid: (a) => paidSql(a),
        cancelled: (a) => `${a}.status = 'cancelled'`,
        customer: (a) => `${a}.customer_key`,
        firstPaid: null,
        filter: (filters, a) => ordersFilterSql(filters, a),
      };
}

/**
 * prev_paid_date / next_paid_date when there is no such order (and on unpaid orders): dates
 * before and after any real one, so a comparison needs no NULL check, which in DuckDB-WASM
 * costs several times the comparison itself.
 */
export const NO_PREVIOUS_PAID = "DATE '0001-01-01'";
export const NO_NEXT_PAID = "DATE '9999-12-31'";

export function rebuildDerivedSql(): string[] {
  return [
    `CREATE OR REPLACE TABLE ${CUSTOMERS_TABLE} AS
  SELECT customer_key, CAST(row_number() OVER (ORDER BY customer_key) AS INTEGER) AS cid,
         min(order_date) FILTER (WHERE ${paidSql()}) AS first_paid_date
  FROM orders GROUP BY customer_key`,
    `CREATE OR REPLACE TABLE ${ORDERS_TABLE} AS
  WITH joined AS (
    SELECT o.order_id, o.customer_key, o.order_date, c.cid, c.first_paid_date,
           ${paidSql('o')} AS is_paid, o.status = 'cancelled' AS is_cancelled,
           o.order_total, o.discount_amount, o.refund_amount,
           ${channelSql('o.channel')} AS channel, o.region, o.device, o.campaign, o.currency
    FROM orders o JOIN ${CUSTOMERS_TABLE} c USING (customer_key)
  )
  SELECT *,
         coalesce(CASE WHEN is_paid THEN lag(CASE WHEN is_paid THEN order_date END IGNORE NULLS) OVER customer_orders END, ${NO_PREVIOUS_PAID}) AS prev_paid_date,
         coalesce(CASE WHEN is_paid THEN lead(CASE WHEN is_paid THEN order_date END IGNORE NULLS) OVER customer_orders END, ${NO_NEXT_PAID}) AS next_paid_date
  FROM joined
  WINDOW customer_orders AS (PARTITION BY cid ORDER BY order_date, order_id)
  ORDER BY order_date`,
    `CREATE OR REPLACE TABLE ${DAILY_TABLE} AS
  SELECT order_date, is_paid, is_cancelled, channel, region, device, campaign, currency,
         count(*) AS order_count, sum(order_total) AS order_total,
         sum(refund_amount) AS refund_amount, sum(discount_amount) AS discount_amount
  FROM ${ORDERS_TABLE}
  WHERE is_paid OR is_cancelled
  GROUP BY ALL
  ORDER BY order_date`,
    `CREATE OR REPLACE TABLE ${DESCRIBE_TABLE} AS ${describeSql()}`,
  ];
}

/**
 * Builds the small derived tables metric queries read instead of rescanning orders
 * (ENGINE-NOTES.md §8: the first-order date per customer serves new/returning buyers,
 * activation and cohorts; integer customer ids serve distinct counts). Idempotent; call it
 * after every change to the canonical tables, before querying again. Results are identical
 * with or without it. `columnStore`: also keep the in-memory copy the dashboard answers from.
 */
export async function rebuildDerived(engine: Engine, options: { columnStore?: boolean } = {}): Promise<void> {
  markDerived(engine, false);
  await ensureCanonicalTables(engine);
  for (const sql of rebuildDerivedSql()) await engine.run(sql);
  markDerived(engine, true);
  // The dashboard also keeps the rows in memory (columnar/store.ts); a one-off report does not need them.
  if (options.columnStore) {
    const store = await loadColumnStore(engine);
    if (store) {
      keepColumnStore(engine, store);
      warmUp(store);
    }
  }
}

/** Drops the derived tables; queries then read the canonical tables directly. */
export async function dropDerived(engine: Engine): Promise<void> {
  markDerived(engine, false);
  await engine.run(
    `DROP TABLE IF EXISTS ${DAILY_TABLE}; DROP TABLE IF EXISTS ${ORDERS_TABLE}; DROP TABLE IF EXISTS ${CUSTOMERS_TABLE}; DROP TABLE IF EXISTS ${DESCRIBE_TABLE};`,
  );
}
