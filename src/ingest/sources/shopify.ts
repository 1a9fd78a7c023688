import { ident } from '../../engine/sql';
import { CLEAN_TABLE } from '../raw';
import type { HeaderIndex, SourceDefinition, SourcePlan } from './source';

/**
 * Shopify's orders export (Admin › Orders › Export): one row per line item; order-level
 * fields (Financial Status, Total, …) only on an order's first row; timestamps like
 * `2025-10-07 09:50:26 +0200`. Statuses per METRICS.md "Source statuses".
 */
function plan(h: HeaderIndex): SourcePlan {
  const name = h.text('Name');
  const financial = h.text('Financial Status');
  const firstRowOfOrder = `_row IN (SELECT min(_row) FROM ${ident(CLEAN_TABLE)} GROUP BY ${name})`;
  return {
    source: 'shopify_orders',
    table: 'orders',
    where: firstRowOfOrder,
    fields: {
      order_id: name,
      customer_id: h.coalesce('Email', 'Phone', 'Billing Phone', 'Shipping Phone'),
      ordered_at: h.text('Created at'),
      paid_at: h.text('Paid at'),
      status: `CASE lower(${financial})
        WHEN 'paid' THEN 'paid' WHEN 'partially_paid' THEN 'paid' WHEN 'authorized' THEN 'paid'
        WHEN 'partially_refunded' THEN 'partially_refunded' WHEN 'refunded' THEN 'refunded'
        WHEN 'pending' THEN 'pending' WHEN 'voided' THEN 'cancelled' WHEN 'expired' THEN 'cancelled'
        ELSE ${financial} END`,
      order_total: h.text('Total'),
      discount_amount: h.text('Discount Amount'),
      shipping_amount: h.text('Shipping'),
      tax_amount: h.text('Taxes'),
      refund_amount: h.text('Refunded Amount'),
      currency: h.text('Currency'),
      coupon_code: h.text('Discount Code'),
      region: h.coalesce('Shipping Province', 'Billing Province', 'Shipping Country', 'Billing Country'),
    },
    items: {
      table: 'order_items',
      where: `${h.text('Lineitem name')} IS NOT NULL OR ${h.text('Lineitem sku')} IS NOT NULL`,
      fields: {
        order_id: name,
        sku: h.text('Lineitem sku'),
        product_name: h.text('Lineitem name'),
        quantity: h.text('Lineitem quantity'),
        unit_price: h.text('Lineitem price'),
      },
    },
  };
}

export const SHOPIFY_ORDERS: SourceDefinition = {
  id: 'shopify_orders',
  table: 'orders',
  recognises: (h) => h.hasAll(['Name', 'Financial Status', 'Created at', 'Total', 'Lineitem name']),
  plan,
};
