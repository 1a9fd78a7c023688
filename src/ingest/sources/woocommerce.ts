import { ident } from '../../engine/sql';
import { CLEAN_TABLE } from '../raw';
import { ABSENT, type HeaderIndex, type SourceDefinition, type SourcePlan } from './source';

/** One `key:value` out of WooCommerce's `name:Hoodie|sku:HD-1|quantity:2|total:80.00` item text. */
function part(item: string, key: string): string {
  return `nullif(trim(regexp_extract(${item}, '(?:^|\\|)${key}:([^|]*)', 1)), '')`;
}

function itemColumns(h: HeaderIndex): string[] {
  return h.names.filter((name) => /^line_item_\d+$/i.test(name.trim())).map((name) => h.text(name));
}

/**
 * WooCommerce's orders export as documented for the official order Import Export suite
 * (woocommerce.com "Import and Export of WooCommerce Orders"): one row per order,
 * snake_case headers (order_id, order_number, order_date, paid_date, status, order_total,
 * discount_total, shipping_total, tax_total, order_currency, customer_email, billing_*,
 * coupon_items, refund_items, line_item_1…). The Customer/Order CSV Export format
 * (refunded_total, billing_email, line_items) is read too.
 * Status: processing/completed → paid (partially refunded or refunded by the refunds),
 * on-hold/pending → pending, cancelled/failed → cancelled, refunded → refunded.
 */
function plan(h: HeaderIndex): SourcePlan {
  const refundItems = h.text('refund_items');
  const refundFromItems = `CAST(list_sum(list_transform(regexp_extract_all(${refundItems}, 'amount:(-?[\\d.]+)', 1), x -> abs(CAST(x AS DECIMAL(18,4))))) AS VARCHAR)`;
  const refund = h.has('refunded_total') ? h.text('refunded_total') : h.has('refund_items') ? refundFromItems : ABSENT;
  const total = `try_cast(${h.text('order_total')} AS DECIMAL(18,4))`;
  const refunded = `coalesce(try_cast(${refund} AS DECIMAL(18,4)), 0)`;
  const status = `lower(${h.text('status')})`;
  const orderId = h.first('order_number', 'order_id');
  const items = [
    ...(h.has('line_items') ? [`string_split(coalesce(${h.text('line_items')}, ''), ';')`] : []),
    ...(itemColumns(h).length > 0 ? [`[${itemColumns(h).join(', ')}]`] : []),
  ];
  const itemList = items.length === 0 ? 'CAST([] AS VARCHAR[])' : items.reduce((a, b) => `list_concat(${a}, ${b})`);
  const item = `trim(_item)`;
  return {
    source: 'woocommerce_orders',
    table: 'orders',
    fields: {
      order_id: orderId,
      customer_id: h.coalesce('customer_email', 'billing_email', 'billing_phone'),
      ordered_at: h.first('order_date', 'date'),
      paid_at: h.text('paid_date'),
      status: `CASE
        WHEN ${status} IN ('processing', 'completed') AND ${refunded} > 0 AND ${refunded} >= ${total} THEN 'refunded'
        WHEN ${status} IN ('processing', 'completed') AND ${refunded} > 0 THEN 'partially_refunded'
        WHEN ${status} IN ('processing', 'completed') THEN 'paid'
        WHEN ${status} IN ('on-hold', 'pending', 'checkout-draft') THEN 'pending'
        WHEN ${status} IN ('cancelled', 'failed') THEN 'cancelled'
        ELSE ${h.text('status')} END`,
      order_total: h.text('order_total'),
      discount_amount: h.first('discount_total', 'cart_discount'),
      shipping_amount: h.first('shipping_total', 'order_shipping'),
      tax_amount: h.first('tax_total', 'order_tax'),
      refund_amount: refund,
      currency: h.first('order_currency', 'currency'),
      coupon_code: `nullif(regexp_extract(${h.first('coupon_items', 'coupons')}, '(?:^|\\|)code:([^|;]*)', 1), '')`,
      region: h.coalesce('billing_state', 'shipping_state', 'billing_country', 'shipping_country'),
      channel: h.coalesce('meta:_wc_order_attribution_utm_medium', 'meta:_wc_order_attribution_source_type'),
      campaign: h.text('meta:_wc_order_attribution_utm_campaign'),
      device: h.text('meta:_wc_order_attribution_device_type'),
    },
    items: {
      table: 'order_items',
      from: `(SELECT c.*, unnest(${itemList}) AS _item FROM ${ident(CLEAN_TABLE)} c)`,
      where: `nullif(${item}, '') IS NOT NULL`,
      fields: {
        order_id: orderId,
        sku: part(item, 'sku'),
        product_name: part(item, 'name'),
        quantity: part(item, 'quantity'),
        unit_price: `CAST(round(try_cast(coalesce(${part(item, 'sub_total')}, ${part(item, 'total')}) AS DOUBLE) / nullif(try_cast(${part(item, 'quantity')} AS DOUBLE), 0), 4) AS VARCHAR)`,
      },
    },
  };
}

export const WOOCOMMERCE_ORDERS: SourceDefinition = {
  id: 'woocommerce_orders',
  table: 'orders',
  recognises: (h) =>
    h.hasAll(['order_id', 'status', 'order_total']) &&
    (h.has('order_date') || h.has('date')) &&
    (h.has('customer_email') || h.has('billing_email')),
  plan,
};
