import { literalList } from '../engine/sql';
import { PAID_STATUSES } from '../model/tables';
import { CUSTOMERS_TABLE, ORDERS_TABLE } from './derived-state';
import { channelSql, ordersFilterSql, type Filters } from './filters';

/** SQL condition for a paid order (METRICS.md "Orders"). */
export function paidSql(alias?: string): string {
  return `${alias ? `${alias}.` : ''}status IN ${literalList(PAID_STATUSES)}`;
}

/**
 * A customer's facts over their paid orders, as aggregates of order rows: the per-customer table
 * holds them over the whole dataset, RFM over the orders up to a date (METRICS.md "Segments").
 */
export const CUSTOMER_FACTS = {
  first_paid_date: 'min(order_date)',
  last_paid_date: 'max(order_date)',
  paid_orders: 'count(*)',
  paid_total: 'sum(order_total)',
  /** The channel of the first paid order ever: earliest by timestamp, ties by order_id (METRICS.md "First paid order ever"). */
  first_channel: `arg_min(${channelSql('channel')}, (ordered_at, order_id))`,
} as const;

/** Rows (customer_key, first_paid_date) for customers with a paid order, over the whole dataset. */
export function firstPaidSql(derived: boolean): string {
  return derived
    ? `SELECT customer_key, first_paid_date FROM ${CUSTOMERS_TABLE} WHERE first_paid_date IS NOT NULL`
    : `SELECT customer_key, ${CUSTOMER_FACTS.first_paid_date} AS first_paid_date FROM orders WHERE ${paidSql()} GROUP BY customer_key`;
}

/**
 * How queries read order rows: the canonical table, or the derived one built after a load. Both
 * give the same rows; the derived one answers faster (integer customer ids make distinct counts
 * cheap, the first paid date needs no join, channels are already normalised).
 */
export interface OrdersRelation {
  table: string;
  paid: (alias: string) => string;
  cancelled: (alias: string) => string;
  /** A per-customer value (an integer in the derived table, in customer_key order): for counting, grouping and ties. */
  customer: (alias: string) => string;
  /** The customer's first paid date on the row itself, when the relation carries it. */
  firstPaid: ((alias: string) => string) | null;
  channelNormalised: boolean;
  filter: (filters: Filters, alias: string) => string;
}

/**
 * `filteredTable`: a table of the derived orders under the filters the caller will pass
 * (filtered-orders.ts), read in place of them; its filter is then true of every row.
 */
export function ordersRelation(derived: boolean, filteredTable: string | null = null): OrdersRelation {
  if (derived && filteredTable) return { ...ordersRelation(true), table: filteredTable, filter: () => 'TRUE' };
  return derived
    ? {
        table: ORDERS_TABLE,
        paid: (a) => `${a}.is_paid`,
        cancelled: (a) => `${a}.is_cancelled`,
        customer: (a) => `${a}.cid`,
        firstPaid: (a) => `${a}.first_paid_date`,
        channelNormalised: true,
        filter: (filters, a) => ordersFilterSql(filters, a, { channelNormalised: true }),
      }
    : {
        table: 'orders',
        paid: (a) => paidSql(a),
        cancelled: (a) => `${a}.status = 'cancelled'`,
        customer: (a) => `${a}.customer_key`,
        firstPaid: null,
        channelNormalised: false,
        filter: (filters, a) => ordersFilterSql(filters, a),
      };
}
