import type { Engine } from '../../engine/engine';
import { dateSql } from '../compile';
import { CUSTOMERS_TABLE, hasDerived } from '../derived-state';
import { activeDimensions, type Filters } from '../filters';
import type { Period } from '../periods';
import { activated_30d } from '../registry/users';
import { CUSTOMER_FACTS, paidSql } from '../relations';
import { runMetricSql } from '../result-cache';

/**
 * The registration → first order → second order funnel of the lifecycle section (issue 15).
 * Choices (METRICS.md defines only the first two steps):
 * - Registrations: users whose registration date is in the period (`registrations`).
 * - First order: of those, the users activated within 30 days: the registry's `activated_30d`
 *   condition (first paid order in the whole dataset, after `to` too, 0 to 30 days after
 *   registering; user_id = customer_id after trimming and case folding).
 * - Second order: of the activated, those with at least two paid orders in the whole dataset
 *   (the second may come any time after the first, after `to` too, like activation).
 * - Each step's rate is against the step before it; null when that step is 0.
 * - Users carry none of the view's filter dimensions: under an active filter the funnel is null.
 */
export interface ActivationFunnel {
  registrations: number;
  first_order: number;
  second_order: number;
  first_order_rate: number | null;
  second_order_rate: number | null;
}

/** `derived`: the per-customer table already holds each customer's first paid date and paid orders over the whole dataset. */
export function activationFunnelSql(period: Period, derived = false): string {
  const firstPaid = derived
    ? `SELECT customer_key, first_paid_date, paid_orders FROM ${CUSTOMERS_TABLE} WHERE first_paid_date IS NOT NULL`
    : `SELECT customer_key, ${CUSTOMER_FACTS.first_paid_date} AS first_paid_date, ${CUSTOMER_FACTS.paid_orders} AS paid_orders
  FROM orders WHERE ${paidSql()} GROUP BY customer_key`;
  return `WITH first_paid AS (
  ${firstPaid}
), r AS (
  SELECT u.registered_date, f.first_paid_date, coalesce(f.paid_orders, 0) AS paid_orders
  FROM users u LEFT JOIN first_paid f ON f.customer_key = u.user_key
  WHERE u.registered_date BETWEEN ${dateSql(period.from)} AND ${dateSql(period.to)}
), s AS (SELECT *, coalesce(${activated_30d.where ?? "false"}, false) AS activated FROM r)
SELECT CAST(count(*) AS INTEGER) AS registrations,
       CAST(count(*) FILTER (WHERE activated) AS INTEGER) AS first_order,
       CAST(count(*) FILTER (WHERE activated AND paid_orders >= 2) AS INTEGER) AS second_order
FROM s`;
}

const rate = (n: number, d: number) => (d > 0 ? n / d : null);

export async function computeActivationFunnel(
  engine: Engine,
  period: Period,
  filters: Filters,
): Promise<ActivationFunnel | null> {
  if (activeDimensions(filters).length > 0) return null;
  const [row] = await runMetricSql(engine, activationFunnelSql(period, hasDerived(engine)));
  const registrations = Number(row?.registrations ?? 0);
  if (registrations === 0) return null;
  const first = Number(row?.first_order ?? 0);
  const second = Number(row?.second_order ?? 0);
  return {
    registrations,
    first_order: first,
    second_order: second,
    first_order_rate: rate(first, registrations),
    second_order_rate: rate(second, first),
  };
}
