import type { TableName } from '../model/tables';

/** How a canonical field's text is read. */
export type FieldKind = 'text' | 'id' | 'timestamp' | 'date' | 'money' | 'number' | 'status' | 'channel' | 'enum';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
  /** `enum`: each accepted spelling (lower-case) and the value it stands for. */
  values?: Readonly<Record<string, string>>;
  /** `enum`: what any other spelling becomes; when absent it is rejected as "unknown <name>". */
  fallback?: string;
  /** `money`/`number`: the smallest and largest value allowed (rejected as "negative x" / "x outside a–b"). */
  min?: number;
  max?: number;
}

const f = (name: string, kind: FieldKind, required = false, more: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  kind,
  required,
  ...more,
});
const nonNegative = { min: 0 };

/** Spellings of each value: the canonical word and its Chinese name (DATA.md "Operations tables"). */
const spellings = (pairs: Record<string, readonly string[]>): Record<string, string> =>
  Object.fromEntries(Object.entries(pairs).flatMap(([value, names]) => [value, ...names].map((n) => [n, value])));

export const PRODUCT_ROLES = spellings({ star: ['明星'], traffic: ['引流'], profit: ['利润'], strategic: ['战略'] });
export const PRODUCT_STATUSES = spellings({
  active: ['在售', '上架', '出售中'],
  discontinued: ['停售', '下架', '已下架', '仓库中'],
});
export const CAMPAIGN_TYPES = spellings({
  threshold_discount: ['满减'],
  coupon: ['优惠券'],
  bundle: ['组合套餐'],
  flash_sale: ['限时抢购'],
  new_product: ['新品'],
  holiday: ['节日'],
  other: ['其他'],
});
export const TICKET_CHANNELS = spellings({ chat: [], phone: [], email: [], other: [] });
export const TICKET_CATEGORIES = spellings({
  pre_sale: ['售前'],
  after_sale: ['售后'],
  complaint: ['投诉'],
  return: ['退换货'],
  other: ['其他'],
});

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
  products: [
    f('sku', 'id', true),
    f('product_name', 'text'),
    f('category', 'text'),
    f('unit_cost', 'money', false, nonNegative),
    f('list_price', 'money', false, nonNegative),
    f('role', 'enum', false, { values: PRODUCT_ROLES }),
    f('lead_time_days', 'number', false, nonNegative),
    f('status', 'enum', false, { values: PRODUCT_STATUSES }),
  ],
  inventory: [
    f('date', 'date', true),
    f('sku', 'id', true),
    f('on_hand', 'number', true),
    f('on_order', 'number', false, nonNegative),
    f('location', 'text'),
  ],
  marketing_spend: [
    f('date', 'date', true),
    f('channel', 'channel'),
    f('campaign', 'text'),
    f('spend', 'money', true, nonNegative),
    f('impressions', 'number', false, nonNegative),
    f('clicks', 'number', false, nonNegative),
    // The ad report's currency (Google Ads "Currency code", Meta "Amount spent (USD)"): checked, not stored.
    f('currency', 'text'),
  ],
  campaigns: [
    f('campaign', 'id', true),
    f('name', 'text'),
    f('type', 'enum', false, { values: CAMPAIGN_TYPES, fallback: 'other' }),
    f('starts_on', 'date', true),
    f('ends_on', 'date', true),
    f('budget', 'money', false, nonNegative),
  ],
  service_tickets: [
    f('ticket_id', 'id', true),
    f('customer_id', 'id'),
    f('order_id', 'id'),
    f('opened_at', 'timestamp', true),
    f('first_response_at', 'timestamp'),
    f('resolved_at', 'timestamp'),
    f('channel', 'enum', false, { values: TICKET_CHANNELS, fallback: 'other' }),
    f('category', 'enum', false, { values: TICKET_CATEGORIES, fallback: 'other' }),
    f('csat', 'number', false, { min: 1, max: 5 }),
  ],
  reviews: [
    f('review_id', 'id', true),
    f('order_id', 'id'),
    f('sku', 'id'),
    f('customer_id', 'id'),
    f('created_at', 'timestamp', true),
    f('rating', 'number', true, { min: 1, max: 5 }),
  ],
};

export function fieldNames(table: TableName): string[] {
  return FIELDS[table].map((s) => s.name);
}
