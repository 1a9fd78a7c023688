import { CORE_TABLES, OPERATIONS_TABLES, type TableName } from '../../model/tables';
import { FIELDS } from '../fields';
import type { HeaderIndex, SourceDefinition, SourcePlan } from './source';

/** The header names that make a file one canonical table (DATA.md "Canonical tables"). */
const SIGNATURE: Record<TableName, readonly string[]> = {
  orders: ['order_id', 'customer_id', 'ordered_at', 'status', 'order_total'],
  order_items: ['order_id'],
  traffic: ['date', 'sessions'],
  users: ['user_id', 'registered_at'],
  products: ['sku'],
  inventory: ['date', 'sku', 'on_hand'],
  marketing_spend: ['date', 'spend'],
  campaigns: ['campaign', 'starts_on', 'ends_on'],
  service_tickets: ['ticket_id', 'opened_at'],
  reviews: ['review_id', 'created_at', 'rating'],
};

/** A products file names SKUs and says something about them, with no order, date or review on its rows. */
const PRODUCT_FIELDS = ['product_name', 'category', 'unit_cost', 'list_price', 'role', 'lead_time_days', 'status'];
const NOT_PRODUCTS = ['order_id', 'date', 'on_hand', 'review_id', 'ticket_id'];

const ITEM_FIELDS = ['sku', 'product_name', 'quantity', 'unit_price'];

function recognisesTable(table: TableName, h: HeaderIndex): boolean {
  if (!h.hasAll(SIGNATURE[table])) return false;
  if (table === 'order_items')
    return !h.has('ordered_at') && !h.has('review_id') && !h.has('ticket_id') && ITEM_FIELDS.some((f) => h.has(f));
  if (table === 'products') return !NOT_PRODUCTS.some((f) => h.has(f)) && PRODUCT_FIELDS.some((f) => h.has(f));
  return true;
}

/** Every canonical field the file has, read by its own name. */
export function canonicalPlan(table: TableName, h: HeaderIndex): SourcePlan {
  const fields: Partial<Record<string, string>> = {};
  for (const spec of FIELDS[table]) if (h.has(spec.name)) fields[spec.name] = h.text(spec.name);
  return { source: 'canonical', table, fields };
}

/** The operations tables first: their headers are narrower than the core tables' signatures. */
export const CANONICAL_SOURCES: SourceDefinition[] = [...OPERATIONS_TABLES, ...CORE_TABLES].map((table) => ({
  id: 'canonical',
  table,
  recognises: (h) => recognisesTable(table, h),
  plan: (h) => canonicalPlan(table, h),
}));
