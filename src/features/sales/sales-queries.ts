import type { Engine, Row } from '../../engine/engine';
import { literalList } from '../../engine/sql';
import { dateSql, DATE_COLUMN, type Grouping, type QueryContext } from '../../metrics/compile';
import { prepareContext, queryMetrics } from '../../metrics/context';
import type { ComponentId } from '../../metrics/definitions';
import { firstPaidSql, paidSql } from '../../metrics/derived';
import type { DataDescription } from '../../metrics/describe';
import { channelSql, ordersFilterSql, type Filters } from '../../metrics/filters';
import { periodBuckets, type Grain, type Period } from '../../metrics/periods';
import { toNumberOrNull } from '../../metrics/queries/kpis';
import { bucketLabelSql } from '../../metrics/queries/series';

/**
 * The sales page's queries. Every number goes through the metrics layer's compiler
 * (queryMetrics), so a bar means exactly what the KPI card with the same name means;
 * only the grouping is chosen here. Top products are the exception: line-item sales have no
 * KPI of their own (see `topProductsSql`).
 */

export const SALES_METRICS = ['gmv', 'net_revenue', 'refunds', 'discounts', 'orders', 'aov'] as const;
export type SalesMetric = (typeof SALES_METRICS)[number];

export type MetricRow<K extends string> = { key: string } & Record<K, number | null>;

function parseGrouped<K extends string>(rows: Row[], ids: readonly K[]): MetricRow<K>[] {
  return rows.map((r) => {
    const out = { key: String(r.grp) } as MetricRow<K>;
    for (const id of ids) (out as Record<string, number | null>)[id] = toNumberOrNull(r[id]);
    return out;
  });
}

/** Sales metrics per bucket of the period at a grain, every bucket present (as METRICS.md "Series"). */
function salesSeriesGrouping(period: Period, grain: Grain): Grouping {
  return {
    key: (source, alias) => bucketLabelSql(grain, `${alias}.${DATE_COLUMN[source]}`),
    rows: periodBuckets(period, grain).map((b) => ({ key: b.label, from: b.from, to: b.to })),
  };
}

export async function computeSalesSeries(
  engine: Engine,
  period: Period,
  grain: Grain,
  filters: Filters,
  description?: DataDescription,
): Promise<MetricRow<SalesMetric>[]> {
  const prepared = await prepareContext(engine, period, filters, description);
  return parseGrouped(await queryMetrics(engine, prepared, SALES_METRICS, salesSeriesGrouping(period, grain)), SALES_METRICS);
}

/** Order dimensions a breakdown can group by; blanks become '' (shown as "not set", not a filter value). */
export type OrderDimension = 'channel' | 'region' | 'device';

export function dimensionKeySql(dimension: OrderDimension, alias: string, channelNormalised = false): string {
  if (dimension === 'channel') return channelNormalised ? `${alias}.channel` : channelSql(`${alias}.channel`);
  return `coalesce(nullif(trim(${alias}.${dimension}), ''), '')`;
}

export const BREAKDOWN_METRICS = ['gmv', 'net_revenue', 'orders', 'aov'] as const;
export type BreakdownMetric = (typeof BREAKDOWN_METRICS)[number];

function breakdownGrouping(ctx: QueryContext, dimension: OrderDimension): Grouping {
  // The derived tables hold channels already normalised.
  return { key: (_source, alias) => dimensionKeySql(dimension, alias, ctx.derived), columnar: { dimension } };
}

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
  return parseGrouped(await queryMetrics(engine, prepared, ids, breakdownGrouping(prepared.ctx, dimension)), ids);
}

/**
 * Per category, the orders holding at least one item of it — exactly what the category filter
 * keeps, so clicking a category makes the KPI cards equal its bar. An order with items of two
 * categories counts in both: the bars do not add up to the total. Each order row is repeated
 * once per category among its items (one pass over the orders, however many categories).
 */
const byCategory: Grouping = {
  key: (_source, alias) =>
    `unnest(list_distinct((SELECT list(i.category) FROM order_items i WHERE i.order_id = ${alias}.order_id)))`,
};

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
  return parseGrouped(await queryMetrics(engine, prepared, ids, byCategory), ids);
}

/**
 * New and returning buyers' orders: a buyer is returning when their first paid order in the whole
 * dataset is before the period (METRICS.md `new_buyers` / `returning_buyers`), so the two rows'
 * buyers are those two KPIs and their GMV adds up to the period's GMV.
 */
function newVsReturningGrouping(ctx: QueryContext): Grouping {
  const from = dateSql(ctx.period.from);
  // The derived orders carry each customer's first paid date on the row: no lookup per order.
  const returning = ctx.derived
    ? (alias: string) => `${alias}.first_paid_date < ${from}`
    : (alias: string) => `${alias}.customer_key IN (SELECT customer_key FROM (${firstPaidSql(false)}) WHERE first_paid_date < ${from})`;
  return {
    key: (_source, alias) => `CASE WHEN ${returning(alias)} THEN 'returning' ELSE 'new' END`,
    columnar: { firstPaidBefore: ctx.period.from, before: 'returning', onOrAfter: 'new' },
  };
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
  const rows = await queryMetrics(engine, prepared, NEW_RETURNING_METRICS, newVsReturningGrouping(prepared.ctx));
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
  const rows = await engine.query(topProductsSql(ctx, limit));
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
