import type { TableName } from '../../model/tables';
import { FIELDS } from '../fields';
import type { HeaderIndex, SourceDefinition, SourcePlan } from './source';

/** The header names that make a file one canonical table (DATA.md "Canonical tables"). */
const SIGNATURE: Record<TableName, readonly string[]> = {
  orders: ['order_id', 'customer_id', 'ordered_at', 'status', 'order_total'],
  order_items: ['order_id'],
  traffic: ['date', 'sessions'],
  users: ['user_id', 'registered_at'],
};

const ITEM_FIELDS = ['sku', 'product_name', 'quantity', 'unit_price'];

function recognisesTable(table: TableName, h: HeaderIndex): boolean {
  if (!h.hasAll(SIGNATURE[table])) return false;
  if (table === 'order_items') return !h.has('ordered_at') && ITEM_FIELDS.some((f) => h.has(f));
  return true;
}

/** Every canonical field the file has, read by its own name. */
export function canonicalPlan(table: TableName, h: HeaderIndex): SourcePlan {
  const fields: Partial<Record<string, string>> = {};
  for (const spec of FIELDS[table]) if (h.has(spec.name)) fields[spec.name] = h.text(spec.name);
  return { source: 'canonical', table, fields };
}

export const CANONICAL_SOURCES: SourceDefinition[] = (['orders', 'order_items', 'traffic', 'users'] as const).map(
  (table) => ({
    id: 'canonical',
    table,
    recognises: (h) => recognisesTable(table, h),
    plan: (h) => canonicalPlan(table, h),
  }),
);
