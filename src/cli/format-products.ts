import { formatValue, MISSING } from '../lib/format';
import { compareText } from '../lib/compare-text';
import type { InventorySection, ProductsSection } from '../metrics/queries/products';
import {
  ALERT_TEXTS,
  PRODUCT_ENTRIES,
  ROLE_TEXTS,
  SKU_ROW_METRICS,
  type ProductMetricId,
} from '../metrics/registry/products';
import type { MarkdownTable } from './format-marketing';

type CsvRow = Record<string, string | number | null>;

const show = (id: ProductMetricId, v: number | null, currency: string | null): string =>
  formatValue(
    v,
    PRODUCT_ENTRIES[id].unit === 'money' && currency === null ? 'count' : PRODUCT_ENTRIES[id].unit,
    'en',
    currency,
    false,
  );
const days = (v: number | null) =>
  v === null ? MISSING : formatValue(Math.round(v * 10) / 10, 'count', 'en', null, false);
const label = (id: ProductMetricId) => PRODUCT_ENTRIES[id].label.en;

const csv = (id: ProductMetricId, value: number | null, suffix = ''): CsvRow => ({
  metric: id,
  label: `${label(id)}${suffix}`,
  unit: PRODUCT_ENTRIES[id].unit,
  value,
  comparison: null,
  change: null,
});

/** The report's `products` totals and `inventory` figures as CSV rows (metric, label, unit, value). */
export function productsCsvRows(products: ProductsSection | null, inventory: InventorySection | null): CsvRow[] {
  const rows: CsvRow[] = [];
  if (products) {
    rows.push(
      csv('units', products.totals.units),
      csv('item_revenue', products.totals.item_revenue),
      csv('gross_margin', products.totals.gross_margin),
      csv('cost_coverage', products.totals.cost_coverage),
    );
  }
  if (inventory) {
    const at = ` on ${inventory.as_of}`;
    rows.push(
      csv('inventory_value', inventory.inventory_value, at),
      csv('inventory_turnover', inventory.inventory_turnover),
      csv('days_of_inventory', inventory.days_of_inventory),
    );
  }
  return rows;
}

/** The Markdown part of the report for products (METRICS.md "Products"): totals, SKUs, roles, bundles. */
export function renderProductsMarkdown(
  section: ProductsSection,
  currency: string | null,
  table: MarkdownTable,
): string {
  const t = section.totals;
  const parts = [
    `## Products\n\n${label('units')}: ${show('units', t.units, null)} · ${label('item_revenue')}: ${show('item_revenue', t.item_revenue, currency)} · ${label('gross_margin')}: ${show('gross_margin', t.gross_margin, currency)} · ${label('cost_coverage')}: ${show('cost_coverage', t.cost_coverage, null)}`,
  ];
  const cols = SKU_ROW_METRICS;
  parts.push(
    table(
      ['SKU', 'Product', 'Role', ...cols.map(label), label('abc')],
      ['l', 'l', 'l', ...cols.map(() => 'r' as const), 'l'],
      section.rows.map((r) => [
        r.sku ?? MISSING,
        r.product_name ?? MISSING,
        ROLE_TEXTS[r.role].label.en,
        ...cols.map((c) => show(c, r[c] as number | null, currency)),
        r.abc ?? MISSING,
      ]),
    ),
  );
  if (section.roles.length) {
    const rc = ['skus', 'item_revenue', 'revenue_share', 'margin_rate', 'new_buyer_share', 'growth'] as const;
    parts.push(
      `### Roles\n\n${table(
        ['Role', 'Job', ...rc.map(label)],
        ['l', 'l', ...rc.map(() => 'r' as const)],
        section.roles.map((r) => [
          ROLE_TEXTS[r.role].label.en,
          ROLE_TEXTS[r.role].job.en,
          ...rc.map((c) => show(c, r[c], currency)),
        ]),
      )}`,
    );
  }
  parts.push(
    section.bundles.length
      ? `### Bundles\n\n${table(
          ['SKU A', 'SKU B', label('orders_together'), label('support'), label('confidence'), label('lift')],
          ['l', 'l', 'r', 'r', 'r', 'r'],
          section.bundles.map((b) => [
            b.sku_a,
            b.sku_b,
            show('orders_together', b.orders_together, null),
            show('support', b.support, null),
            show('confidence', b.confidence, null),
            b.lift.toFixed(2),
          ]),
        )}`
      : '### Bundles\n\nNo pair of SKUs was bought together in 5 or more paid orders.',
  );
  return parts.join('\n\n');
}

/** The Markdown part of the report for inventory (METRICS.md "Inventory"), SKUs with alerts first. */
export function renderInventoryMarkdown(
  section: InventorySection,
  currency: string | null,
  table: MarkdownTable,
): string {
  const head = `## Inventory on ${section.as_of}\n\n${label('inventory_value')}: ${show('inventory_value', section.inventory_value, currency)} · ${label('inventory_turnover')}: ${section.inventory_turnover === null ? MISSING : section.inventory_turnover.toFixed(2)} · ${label('days_of_inventory')}: ${days(section.days_of_inventory)}`;
  const rows = [...section.rows].sort((a, b) => b.alerts.length - a.alerts.length || compareText(a.sku, b.sku));
  return `${head}\n\n${table(
    [
      'SKU',
      label('on_hand'),
      label('daily_units'),
      label('days_of_cover'),
      label('stockout_days'),
      label('sell_through'),
      'Alerts',
    ],
    ['l', 'r', 'r', 'r', 'r', 'r', 'l'],
    rows.map((r) => [
      r.sku,
      show('on_hand', r.on_hand, null),
      r.daily_units.toFixed(2),
      days(r.days_of_cover),
      show('stockout_days', r.stockout_days, null),
      show('sell_through', r.sell_through, null),
      r.alerts.map((a) => ALERT_TEXTS[a].en).join(', ') || MISSING,
    ]),
  )}`;
}
