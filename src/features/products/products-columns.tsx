import type { Column } from '../../components/ui/DataTable';
import type { Formatters } from '../../components/ui/use-formatters';
import type { BundleRow, InventoryRow, ProductRole, ProductRow } from '../../metrics/queries/products';
import {
  ALERT_TEXTS,
  PRODUCT_ENTRIES,
  ROLE_TEXTS,
  SKU_ROW_METRICS,
  type ProductMetricId,
} from '../../metrics/registry/products';
import { RoleSelect } from './RoleSelect';

/**
 * The Products page's labels and table columns, from the registry's product entries. Made once
 * per language, currency and set of roles (the page memoises them), so a view change redraws a
 * table only when its rows change.
 */
export const metricLabel = (id: ProductMetricId, zh: boolean) =>
  zh ? PRODUCT_ENTRIES[id].label.zh : PRODUCT_ENTRIES[id].label.en;
export const metricExplained = (id: ProductMetricId, zh: boolean) =>
  zh ? PRODUCT_ENTRIES[id].description.zh : PRODUCT_ENTRIES[id].description.en;
export const roleLabelOf = (r: ProductRole, zh: boolean) => (zh ? ROLE_TEXTS[r].label.zh : ROLE_TEXTS[r].label.en);

export function showMetric(id: ProductMetricId, v: number | null, fmt: Formatters): string {
  const unit = PRODUCT_ENTRIES[id].unit;
  if (unit === 'money') return fmt.moneyFull(v);
  if (unit === 'rate') return fmt.rate(v);
  return fmt.countFull(v === null ? null : Math.round(v * 10) / 10);
}

export function skuColumns(
  zh: boolean,
  fmt: Formatters,
  rolesHere: ReadonlyMap<string, ProductRole>,
): Column<ProductRow>[] {
  const roleLabel = (r: ProductRole) => roleLabelOf(r, zh);
  return [
    { key: 'sku', label: 'SKU' },
    { key: 'product_name', label: zh ? '商品' : 'Product' },
    { key: 'category', label: zh ? '类目' : 'Category' },
    {
      key: 'role',
      label: zh ? '角色' : 'Role',
      render: (r) =>
        r.sku === null ? (
          roleLabel(r.role)
        ) : (
          <RoleSelect
            sku={r.sku}
            role={r.role}
            setHere={rolesHere.get(r.sku.trim().toLowerCase()) ?? null}
            roleLabel={roleLabel}
            zh={zh}
          />
        ),
      value: (r) => r.role,
    },
    ...SKU_ROW_METRICS.map((id): Column<ProductRow> => ({
      key: id,
      label: metricLabel(id, zh),
      numeric: true,
      render: (r) => showMetric(id, r[id], fmt),
    })),
    { key: 'abc', label: metricLabel('abc', zh) },
  ];
}

export function bundleColumns(zh: boolean, fmt: Formatters): Column<BundleRow>[] {
  return [
    { key: 'sku_a', label: 'SKU A' },
    { key: 'sku_b', label: 'SKU B' },
    {
      key: 'orders_together',
      label: metricLabel('orders_together', zh),
      numeric: true,
      render: (r) => fmt.countFull(r.orders_together),
    },
    { key: 'support', label: metricLabel('support', zh), numeric: true, render: (r) => fmt.rate(r.support) },
    { key: 'confidence', label: metricLabel('confidence', zh), numeric: true, render: (r) => fmt.rate(r.confidence) },
    { key: 'lift', label: metricLabel('lift', zh), numeric: true, render: (r) => r.lift.toFixed(2) },
  ];
}

export function stockColumns(zh: boolean, fmt: Formatters): Column<InventoryRow>[] {
  return [
    { key: 'sku', label: 'SKU' },
    {
      key: 'alerts',
      label: zh ? '预警' : 'Alerts',
      render: (r) => r.alerts.map((a) => (zh ? ALERT_TEXTS[a].zh : ALERT_TEXTS[a].en)).join(' · ') || '—',
      value: (r) => r.alerts.join(' '),
    },
    { key: 'on_hand', label: metricLabel('on_hand', zh), numeric: true, render: (r) => fmt.countFull(r.on_hand) },
    {
      key: 'daily_units',
      label: metricLabel('daily_units', zh),
      numeric: true,
      render: (r) => r.daily_units.toFixed(2),
    },
    {
      key: 'days_of_cover',
      label: metricLabel('days_of_cover', zh),
      numeric: true,
      render: (r) => showMetric('days_of_cover', r.days_of_cover, fmt),
    },
    {
      key: 'stockout_days',
      label: metricLabel('stockout_days', zh),
      numeric: true,
      render: (r) => fmt.countFull(r.stockout_days),
    },
    {
      key: 'sell_through',
      label: metricLabel('sell_through', zh),
      numeric: true,
      render: (r) => fmt.rate(r.sell_through),
    },
  ];
}
