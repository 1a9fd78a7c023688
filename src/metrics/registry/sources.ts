/**
 * Facts about the tables metrics read and the row sets they aggregate over: plain data, shared by
 * the registry, the compiler, the filters and the targets module.
 */

/** The tables metrics read from (order_items only serves the category filter and grouping). */
export const SOURCE_TABLES = ['orders', 'traffic', 'users'] as const;
export type SourceTable = (typeof SOURCE_TABLES)[number];

/** The date each table's rows are counted on (METRICS.md "Time"). */
export const DATE_COLUMN: Record<SourceTable, string> = {
  orders: 'order_date',
  traffic: 'date',
  users: 'registered_date',
};

export const FILTER_DIMENSIONS = ['channel', 'category', 'region', 'device', 'campaign', 'currency'] as const;
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];

/** Which dimensions each source table can be filtered on at all, by its columns (`category` through order_items). */
export const SOURCE_DIMENSIONS: Record<SourceTable, readonly FilterDimension[]> = {
  orders: ['channel', 'category', 'region', 'device', 'campaign', 'currency'],
  traffic: ['channel', 'device', 'campaign'],
  users: ['channel', 'region'],
};

/**
 * Dimensions a source is indifferent to: traffic and users hold no money, so a currency choice
 * leaves them as they are instead of blanking them.
 */
export const NEUTRAL_DIMENSIONS: Record<SourceTable, readonly FilterDimension[]> = {
  orders: [],
  traffic: ['currency'],
  users: ['currency'],
};

export const FUNNEL_COLUMNS = ['product_views', 'add_to_cart', 'checkouts'] as const;
export type FunnelColumn = (typeof FUNNEL_COLUMNS)[number];
/** Traffic columns an export may leave out; metrics summing them are null when they are empty throughout. */
export const OPTIONAL_TRAFFIC_COLUMNS = ['visitors', ...FUNNEL_COLUMNS] as const;
export type OptionalTrafficColumn = (typeof OPTIONAL_TRAFFIC_COLUMNS)[number];

/**
 * Row sets sums and counts run over, each restricted to the period and the filters: paid orders
 * (status paid, partially_refunded or refunded), cancelled orders, traffic rows, and users
 * registered in the period (each with the first paid date of the same person). Buyers are
 * counted over paid orders, one per customer.
 */
export const EVENT_SCOPES = ['paid_orders', 'cancelled_orders', 'traffic_rows', 'registrations'] as const;
export type EventScope = (typeof EVENT_SCOPES)[number];

export const SCOPE_SOURCE: Record<EventScope, SourceTable> = {
  paid_orders: 'orders',
  cancelled_orders: 'orders',
  traffic_rows: 'traffic',
  registrations: 'users',
};
