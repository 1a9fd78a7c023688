/**
 * The canonical tables every import lands in and every metric reads (../shared/DATA.md).
 * Money is DECIMAL so sums are exact; ids are kept as written and also as a match key
 * (trimmed, lower-cased) because exports disagree on case and spacing.
 * Timestamps are naive wall-clock times as written in the export: an offset never moves a date.
 */
export const CANONICAL_DDL = `
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

export const TABLES = ['orders', 'order_items', 'traffic', 'users'] as const;
export type TableName = (typeof TABLES)[number];

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

/** SQL expression that turns an id as written into its match key. */
export function matchKeySql(column: string): string {
  return `lower(trim(${column}))`;
}
