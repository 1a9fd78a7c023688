/**
 * The canonical tables every import lands in and every metric reads (../shared/DATA.md).
 * Money is DECIMAL so sums are exact; ids are kept as written and also as a match key
 * (trimmed, lower-cased) because exports disagree on case and spacing.
 * Timestamps are naive wall-clock times as written in the export: an offset never moves a date.
 */
export const CORE_DDL = `
CREATE TABLE IF NOT EXISTS orders (
  order_id        VARCHAR NOT NULL,
  customer_id     VARCHAR NOT NULL,
  customer_key    VARCHAR NOT NULL,
  ordered_at      TIMESTAMP NOT NULL,
  order_date      DATE NOT NULL,
  paid_at         TIMESTAMP,
  status          VARCHAR NOT NULL,
  order_total     DECIMAL(18,4) NOT NULL,
  discount_amount DECIMAL(18,4) NOT NULL DEFAULT 0,
  shipping_amount DECIMAL(18,4) NOT NULL DEFAULT 0,
  tax_amount      DECIMAL(18,4) NOT NULL DEFAULT 0,
  refund_amount   DECIMAL(18,4) NOT NULL DEFAULT 0,
  currency        VARCHAR,
  channel         VARCHAR NOT NULL DEFAULT 'unattributed',
  channel_raw     VARCHAR,
  campaign        VARCHAR,
  coupon_code     VARCHAR,
  region          VARCHAR,
  device          VARCHAR,
  source_file     VARCHAR
);
CREATE TABLE IF NOT EXISTS order_items (
  order_id     VARCHAR NOT NULL,
  sku          VARCHAR,
  product_name VARCHAR,
  category     VARCHAR,
  quantity     DOUBLE,
  unit_price   DECIMAL(18,4),
  source_file  VARCHAR
);
CREATE TABLE IF NOT EXISTS traffic (
  date          DATE NOT NULL,
  channel       VARCHAR NOT NULL DEFAULT 'unattributed',
  channel_raw   VARCHAR,
  device        VARCHAR,
  campaign      VARCHAR,
  sessions      DOUBLE NOT NULL,
  visitors      DOUBLE,
  product_views DOUBLE,
  add_to_cart   DOUBLE,
  checkouts     DOUBLE,
  source_file   VARCHAR
);
CREATE TABLE IF NOT EXISTS users (
  user_id       VARCHAR NOT NULL,
  user_key      VARCHAR NOT NULL,
  registered_at TIMESTAMP NOT NULL,
  registered_date DATE NOT NULL,
  channel       VARCHAR,
  region        VARCHAR,
  member_tier   VARCHAR,
  source_file   VARCHAR
);
`;

/**
 * The optional operations tables (DATA.md "Operations tables"): each module works when its
 * table holds rows and shows nothing otherwise. Same rules as above: money DECIMAL, ids kept
 * as written plus a match key, naive wall-clock timestamps with their day beside them.
 */
export const OPERATIONS_DDL = `
CREATE TABLE IF NOT EXISTS products (
  sku            VARCHAR NOT NULL,
  sku_key        VARCHAR NOT NULL,
  product_name   VARCHAR,
  category       VARCHAR,
  unit_cost      DECIMAL(18,4),
  list_price     DECIMAL(18,4),
  role           VARCHAR,
  lead_time_days DOUBLE,
  status         VARCHAR,
  source_file    VARCHAR
);
CREATE TABLE IF NOT EXISTS inventory (
  date        DATE NOT NULL,
  sku         VARCHAR NOT NULL,
  sku_key     VARCHAR NOT NULL,
  on_hand     DOUBLE NOT NULL,
  on_order    DOUBLE,
  location    VARCHAR,
  source_file VARCHAR
);
CREATE TABLE IF NOT EXISTS marketing_spend (
  date        DATE NOT NULL,
  channel     VARCHAR NOT NULL DEFAULT 'unattributed',
  channel_raw VARCHAR,
  campaign    VARCHAR,
  spend       DECIMAL(18,4) NOT NULL,
  impressions DOUBLE,
  clicks      DOUBLE,
  source_file VARCHAR
);
CREATE TABLE IF NOT EXISTS campaigns (
  campaign    VARCHAR NOT NULL,
  name        VARCHAR,
  type        VARCHAR,
  starts_on   DATE NOT NULL,
  ends_on     DATE NOT NULL,
  budget      DECIMAL(18,4),
  source_file VARCHAR
);
CREATE TABLE IF NOT EXISTS service_tickets (
  ticket_id         VARCHAR NOT NULL,
  customer_id       VARCHAR,
  customer_key      VARCHAR,
  order_id          VARCHAR,
  opened_at         TIMESTAMP NOT NULL,
  opened_date       DATE NOT NULL,
  first_response_at TIMESTAMP,
  resolved_at       TIMESTAMP,
  channel           VARCHAR,
  category          VARCHAR,
  csat              DOUBLE,
  source_file       VARCHAR
);
CREATE TABLE IF NOT EXISTS reviews (
  review_id    VARCHAR NOT NULL,
  order_id     VARCHAR,
  sku          VARCHAR,
  sku_key      VARCHAR,
  customer_id  VARCHAR,
  customer_key VARCHAR,
  created_at   TIMESTAMP NOT NULL,
  created_date DATE NOT NULL,
  rating       DOUBLE NOT NULL,
  source_file  VARCHAR
);
`;

export const CORE_TABLES = ['orders', 'order_items', 'traffic', 'users'] as const;
export type CoreTable = (typeof CORE_TABLES)[number];
export const OPERATIONS_TABLES = [
  'products',
  'inventory',
  'marketing_spend',
  'campaigns',
  'service_tickets',
  'reviews',
] as const;
export type OperationsTable = (typeof OPERATIONS_TABLES)[number];
/** Every table an import can fill: the four core tables, then the optional operations tables. */
export const TABLES = [...CORE_TABLES, ...OPERATIONS_TABLES] as const;
export type TableName = (typeof TABLES)[number];

export const isOperationsTable = (t: TableName): t is OperationsTable =>
  (OPERATIONS_TABLES as readonly string[]).includes(t);

export const ORDER_STATUSES = ['pending', 'paid', 'partially_refunded', 'refunded', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Statuses of an order that was paid, whatever happened later (METRICS.md "Orders"). */
export const PAID_STATUSES: readonly OrderStatus[] = ['paid', 'partially_refunded', 'refunded'];

/** The one channel taxonomy every source maps onto (DATA.md "Values"). */
export const CHANNELS = [
  'organic_search',
  'paid_search',
  'organic_social',
  'paid_social',
  'email',
  'direct',
  'referral',
  'affiliate',
  'display',
  'other',
] as const;
export type Channel = (typeof CHANNELS)[number] | 'unattributed';

/** Every table: the core tables and the optional operations tables (all created empty). */
export const CANONICAL_DDL = CORE_DDL + OPERATIONS_DDL;

/** SQL expression that turns an id as written into its match key. */
export function matchKeySql(column: string): string {
  return `lower(trim(${column}))`;
}
