import type { Engine, Row } from '../../engine/engine';
import { dateSql, neighboursApply, type QueryContext } from '../compile';
import { prepareContext } from '../context';
import type { DataDescription } from '../describe';
import { withFilteredOrders } from '../filtered-orders';
import { firstPaidSql, ordersRelation } from '../relations';
import { runMetricSql } from '../result-cache';
import type { Filters } from '../filters';
import { monthOf, monthsBetween, type Period } from '../periods';
import { toNumberOrNull } from './kpis';

/** `in_month`: active in month c + k (METRICS.md "Cohorts"); `in_or_after`: active in month c + k or any later month up to `to`. */
export type CohortMode = 'in_month' | 'in_or_after';

export interface CohortRow {
  /** 'YYYY-MM' of the cohort's first paid orders. */
  cohort: string;
  customers: number;
  /** Index k is month c + k; arrays run to the month of `to` (rows differ in length). */
  retention: (number | null)[];
  revenue: (number | null)[];
  ltv: (number | null)[];
}

const monthIndex = (column: string) => `(year(${column}) * 12 + month(${column}))`;

/**
 * Per cohort and month offset k: active customers and revenue; plus, per cohort and last
 * active offset, the number of customers (for `in_or_after`). Orders after `to` are not seen;
 * a customer whose first paid order comes after `to` is in no cohort yet. Cohorts stay dates
 * (and customers integers, on the derived tables) until the result: naming each order's month as
 * text cost more than the rest of the query.
 */
export function cohortsSql(ctx: QueryContext): string {
  const start = `${monthOf(ctx.period.from)}-01`;
  const span = `BETWEEN ${dateSql(start)} AND ${dateSql(ctx.period.to)}`;
  if (neighboursApply(ctx)) return cohortsFromNeighboursSql(ctx, span);
  const rel = ordersRelation(ctx.derived, ctx.filteredOrders);
  // The derived relation carries the first paid date on each order; the canonical one needs a join.
  const firstPaid = rel.firstPaid ? rel.firstPaid('o') : 'f.first_paid_date';
  const from = rel.firstPaid
    ? `${rel.table} o`
    : `${rel.table} o JOIN (${firstPaidSql(false)}) f ON f.customer_key = o.customer_key`;
  return `WITH
cohort_orders AS (
  SELECT ${rel.customer('o')} AS customer_key, date_trunc('month', ${firstPaid}) AS cohort,
         ${monthIndex('o.order_date')} - ${monthIndex(firstPaid)} AS k, o.order_total
  FROM ${from}
  WHERE ${rel.paid('o')}
    AND o.order_date ${span}
    AND ${firstPaid} ${span}
    AND ${rel.filter(ctx.filters, 'o')}
),
members AS (
  SELECT DISTINCT customer_key FROM cohort_orders WHERE k = 0
),
member_orders AS (
  SELECT c.* FROM cohort_orders c JOIN members m USING (customer_key)
),
by_month AS (
  SELECT cohort, k, count(DISTINCT customer_key) AS active, CAST(sum(order_total) AS DOUBLE) AS revenue,
         CAST(sum(sum(order_total)) OVER (PARTITION BY cohort ORDER BY k) AS DOUBLE) AS cumulative_revenue
  FROM member_orders GROUP BY cohort, k
),
by_last AS (
  SELECT cohort, last_k AS k, count(*) AS last_active
  FROM (SELECT cohort, customer_key, max(k) AS last_k FROM member_orders GROUP BY cohort, customer_key)
  GROUP BY cohort, last_k
)
SELECT strftime(m.cohort, '%Y-%m') AS cohort, m.k, m.active, m.revenue, m.cumulative_revenue, coalesce(l.last_active, 0) AS last_active
FROM by_month m LEFT JOIN by_last l ON m.cohort = l.cohort AND m.k = l.k
ORDER BY m.cohort, m.k`;
}

/**
 * cohortsSql's rows without grouping orders by customer, on the derived orders with no filter:
 * each paid order there carries the dates of its customer's paid orders before and after it
 * (rollups.ts), so a customer is active in a month through the first of their orders in it (the
 * one before lies in an earlier month), and last active at the month of their last order up to
 * `to` (the one after lies beyond `to`, or there is none). With no filter a cohort member's first
 * paid order is in the span, so every customer counted has their month k = 0.
 */
function cohortsFromNeighboursSql(ctx: QueryContext, span: string): string {
  const rel = ordersRelation(true);
  const firstPaid = rel.firstPaid!('o');
  return `WITH
cohort_orders AS (
  SELECT date_trunc('month', ${firstPaid}) AS cohort,
         ${monthIndex('o.order_date')} - ${monthIndex(firstPaid)} AS k, o.order_total,
         o.prev_paid_date < date_trunc('month', o.order_date) AS opens_month,
         coalesce(o.next_paid_date > ${dateSql(ctx.period.to)}, true) AS last_by_to
  FROM ${rel.table} o
  WHERE ${rel.paid('o')}
    AND o.order_date ${span}
    AND ${firstPaid} ${span}
)
SELECT strftime(cohort, '%Y-%m') AS cohort, k, count(*) FILTER (WHERE opens_month) AS active,
       CAST(sum(order_total) AS DOUBLE) AS revenue,
       CAST(sum(sum(order_total)) OVER (PARTITION BY cohort ORDER BY k) AS DOUBLE) AS cumulative_revenue,
       count(*) FILTER (WHERE last_by_to) AS last_active
FROM cohort_orders
GROUP BY cohort, k
ORDER BY cohort, k`;
}

/** Builds the cohort rows, one per month of the period, arrays from k = 0 to the month of `to`. */
export function parseCohorts(rows: readonly Row[], period: Period, mode: CohortMode): CohortRow[] {
  const cells = new Map<string, { active: number; revenue: number; cumulative: number; lastActive: number }>();
  for (const r of rows) {
    cells.set(`${String(r.cohort)}|${Number(r.k)}`, {
      active: Number(r.active ?? 0),
      revenue: toNumberOrNull(r.revenue) ?? 0,
      cumulative: toNumberOrNull(r.cumulative_revenue) ?? 0,
      lastActive: Number(r.last_active ?? 0),
    });
  }
  const months = monthsBetween(period.from, period.to);
  return months.map((cohort, i) => {
    const width = months.length - i;
    const at = (k: number) => cells.get(`${cohort}|${k}`);
    const customers = at(0)?.active ?? 0;
    const share = (n: number) => (customers > 0 ? n / customers : null);
    const retention: (number | null)[] = [];
    const revenue: (number | null)[] = [];
    const ltv: (number | null)[] = [];
    let stillActive = 0;
    for (let k = width - 1; k >= 0; k--) {
      stillActive += at(k)?.lastActive ?? 0;
      retention[k] = share(mode === 'in_month' ? (at(k)?.active ?? 0) : stillActive);
    }
    // Months without orders carry the running total forward; the total itself is summed exactly in SQL.
    let cumulative = 0;
    for (let k = 0; k < width; k++) {
      const cell = at(k);
      if (cell) cumulative = cell.cumulative;
      revenue[k] = cell?.revenue ?? 0;
      ltv[k] = share(cumulative);
    }
    return { cohort, customers, retention, revenue, ltv };
  });
}

/** Monthly acquisition cohorts of the period (METRICS.md "Cohorts"). */
export async function computeCohorts(
  engine: Engine,
  period: Period,
  filters: Filters = {},
  mode: CohortMode = 'in_month',
  description?: DataDescription,
): Promise<CohortRow[]> {
  const { ctx, description: data } = await prepareContext(engine, period, filters, description);
  if (ctx.blocked.includes('orders') || data.orders.rows === 0) return [];
  const rows = await withFilteredOrders(engine, ctx.filters, (filteredOrders) =>
    runMetricSql(engine, cohortsSql({ ...ctx, filteredOrders })),
  );
  return parseCohorts(rows, period, mode);
}
