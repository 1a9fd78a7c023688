import type { TableName } from '../model/tables';

/** How a canonical field's text is read. */
export type FieldKind = 'text' | 'id' | 'timestamp' | 'date' | 'money' | 'number' | 'status' | 'channel';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
}

const f = (name: string, kind: FieldKind, required = false): FieldSpec => ({ name, kind, required });

/**
 * The fields a file can fill, per canonical table, in the order rejection reasons are checked
 * (DATA.md "Canonical tables"). Derived columns (keys, dates, source_file) are not listed.
 */
export const FIELDS: Record<TableName, readonly FieldSpec[]> = {
  orders: [
    f('order_id', 'id', true),
    f('customer_id', 'id', true),
    f('ordered_at', 'timestamp', true),
    f('paid_at', 'timestamp'),
    f('status', 'status', true),
    f('order_total', 'money', true),
    f('discount_amount', 'money'),
    f('shipping_amount', 'money'),
    f('tax_amount', 'money'),
    f('refund_amount', 'money'),
    f('currency', 'text'),
    f('channel', 'channel'),
    f('campaign', 'text'),
    f('coupon_code', 'text'),
    f('region', 'text'),
    f('device', 'text'),
  ],
  order_items: [
    f('order_id', 'id', true),
    f('sku', 'text'),
    f('product_name', 'text'),
    f('category', 'text'),
    f('quantity', 'number'),
    f('unit_price', 'money'),
  ],
  traffic: [
    f('date', 'date', true),
    f('channel', 'channel'),
    f('device', 'text'),
    f('campaign', 'text'),
    f('sessions', 'number', true),
    f('visitors', 'number'),
    f('product_views', 'number'),
    f('add_to_cart', 'number'),
    f('checkouts', 'number'),
  ],
  users: [
    f('user_id', 'id', true),
    f('registered_at', 'timestamp', true),
    f('channel', 'channel'),
    f('region', 'text'),
    f('member_tier', 'text'),
  ],
};

export function fieldNames(table: TableName): string[] {
  return FIELDS[table].map((s) => s.name);
}
