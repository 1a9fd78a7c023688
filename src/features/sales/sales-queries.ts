import type { Engine, Row } from '../../engine/engine';
import { literalList } from '../../engine/sql';
import { dateSql, type QueryContext } from '../../metrics/compile';
import { prepareContext, queryMetrics } from '../../metrics/context';
import type { DataDescription } from '../../metrics/describe';
import { ordersFilterSql, type Filters } from '../../metrics/filters';
import {
  bucketGrouping,
  CATEGORY_GROUPING,
  CUSTOMER_STATUS_GROUPING,
  dimensionGrouping,
  type GroupDimension,
} from '../../metrics/groupings';
import type { Grain, Period } from '../../metrics/periods';
import { toNumberOrNull } from '../../metrics/queries/kpis';
import type { ComponentId } from '../../metrics/registry';
import { paidSql } from '../../metrics/relations';
import { runMetricSql } from '../../metrics/result-cache';

/**
 * The sales page's queries. Every number goes through the metrics layer's compiler
 * (queryMetrics), so a bar means exactly what the KPI card with the same name means;
 * only the grouping is chosen here. Top products are the exception: line-item sales have no
 * KPI of their own (see `topProductsSql`).
 */

export const SALES_METRICS = ['gmv', 'net_revenue', 'refunds', 'discounts', 'orders', 'aov'] as const;
export type SalesMetric = (typeof SALES_METRICS)[number];

export type MetricRow<K extends string> = { key: string } & Record<K, number | null>;

function parseGrouped<K extends string>(rows: readonly Row[], ids: readonly K[]): MetricRow<K>[] {
  return rows.map((r) => {
    const out = { key: String(r.grp) } as MetricRow<K>;
    for (const id of ids) (out as Record<string, number | null>)[id] = toNumberOrNull(r[id]);
    return out;
  });
}

/** Sales metrics per bucket of the period at a grain, every bucket present (as METRICS.md "Series"). */
export async function computeSalesSeries(
  engine: Engine,
  period: Period,
  grain: Grain,
  filters: Filters,
  description?: DataDescription,
): Promise<MetricRow<SalesMetric>[]> {
  const prepared = await prepareContext(engine, period, filters, description);
  return parseGrouped(
    await queryMetrics(engine, prepared, SALES_METRICS, bucketGrouping(period, grain)),
    SALES_METRICS,
  );
}

/** Order dimensions a breakdown can group by; blanks become '' (shown as "not set", not a filter value). */
export type OrderDimension = Extract<GroupDimension, 'channel' | 'region' | 'device'>;

export const BREAKDOWN_METRICS = ['gmv', 'net_revenue', 'orders', 'aov'] as const;
export type BreakdownMetric = (typeof BREAKDOWN_METRICS)[number];

/** One row per value of the dimension with a paid order in the period. */
export async function computeBreakdown<K extends ComponentId>(
  engine: Engine,
  period: Period,
  filters: Filters,
  dimension: OrderDimension,
  ids: readonly K[],
  description?: DataDescription,
): Promise<MetricRow<K>[]> {
  const prepared = await prepareContext(engine, period, filters, description);
  if (prepared.ctx.blocked.includes('orders')) return [];
  return parseGrouped(await queryMetrics(engine, prepared, ids, dimensionGrouping(dimension)), ids);
}

/**
 * Per category, the orders holding at least one item of it — exactly what the category filter
 * keeps, so clicking a category makes the KPI cards equal its bar. An order with items of two
 * categories counts in both: the bars do not add up to the total.
 */
export async function computeCategoryBreakdown<K extends ComponentId>(
  engine: Engine,
  period: Period,
  filters: Filters,
  ids: readonly K[],
  description?: DataDescription,
): Promise<MetricRow<K>[]> {
  const prepared = await prepareContext(engine, period, filters, description);
  // No line item names a category: there is nothing to group by, and the query would still read every order.
  if (prepared.ctx.blocked.includes('orders') || prepared.description.orders.itemsWithCategory === 0) return [];
  return parseGrouped(await queryMetrics(engine, prepared, ids, CATEGORY_GROUPING), ids);
}

export const NEW_RETURNING_METRICS = ['gmv', 'orders', 'buyers', 'aov'] as const;
export type NewReturningMetric = (typeof NEW_RETURNING_METRICS)[number];

export async function computeNewVsReturning(
  engine: Engine,
  period: Period,
  filters: Filters,
  description?: DataDescription,
): Promise<MetricRow<NewReturningMetric>[]> {
  const prepared = await prepareContext(engine, period, filters, description);
  if (prepared.ctx.blocked.includes('orders')) return [];
  // A buyer is returning when their first paid order ever is before the period, so the two rows'
  // buyers are the new_buyers and returning_buyers KPIs and their GMV adds up to the period's GMV.
  const rows = await queryMetrics(engine, prepared, NEW_RETURNING_METRICS, CUSTOMER_STATUS_GROUPING);
  return parseGrouped(rows, NEW_RETURNING_METRICS);
}

export interface ProductRow {
  product: string;
  sku: string | null;
  category: string | null;
  units: number | null;
  /** Σ quantity × unit_price: list value of the lines, before order-level discounts. */
  item_sales: number | null;
  orders: number;
  /** Of all the item sales of the period (not only the listed products). */
  share: number | null;
}

/**
 * Best-selling products by line-item sales (quantity × unit price) over the paid orders of the
 * period under the filters; with a category filter, only that category's items. There is no
 * KPI for item sales in METRICS.md, so this ranking does not claim to add up to GMV, which
 * includes shipping, tax and order-level discounts.
 */
export function topProductsSql(ctx: QueryContext, limit: number): string {
  const categories = ctx.filters.category;
  const itemFilter = categories && categories.length ? `AND i.category IN ${literalList(categories)}` : '';
  return `WITH paid AS (
  SELECT o.order_id FROM orders o
  WHERE ${paidSql('o')}
    AND o.order_date BETWEEN ${dateSql(ctx.period.from)} AND ${dateSql(ctx.period.to)}
    AND ${ordersFilterSql(ctx.filters, 'o')}
)
SELECT coalesce(nullif(trim(i.product_name), ''), nullif(trim(i.sku), ''), '') AS product,
       min(i.sku) AS sku, min(i.category) AS category,
       sum(i.quantity) AS units, sum(i.quantity * i.unit_price) AS item_sales,
       count(DISTINCT i.order_id) AS orders,
       sum(i.quantity * i.unit_price) / nullif(sum(sum(i.quantity * i.unit_price)) OVER (), 0) AS share
FROM order_items i JOIN paid p ON p.order_id = i.order_id
WHERE true ${itemFilter}
GROUP BY 1
ORDER BY item_sales DESC NULLS LAST, product
LIMIT ${Math.max(1, Math.floor(limit))}`;
}

export async function computeTopProducts(
  engine: Engine,
  period: Period,
  filters: Filters,
  limit = 20,
  description?: DataDescription,
): Promise<ProductRow[]> {
  const { ctx } = await prepareContext(engine, period, filters, description);
  if (ctx.blocked.includes('orders')) return [];
  const rows = await runMetricSql(engine, topProductsSql(ctx, limit));
  return rows.map((r) => ({
    product: String(r.product ?? ''),
    sku: r.sku === null || r.sku === undefined ? null : String(r.sku),
    category: r.category === null || r.category === undefined ? null : String(r.category),
    units: toNumberOrNull(r.units),
    item_sales: toNumberOrNull(r.item_sales),
    orders: Number(r.orders ?? 0),
    share: toNumberOrNull(r.share),
  }));
}
