import { endOfMonth } from 'date-fns';
import type { Engine, Row } from '../../engine/engine';
import { dateSql } from '../compile';
import { prepareContext } from '../context';
import type { DataDescription } from '../describe';
import { CUSTOMERS_TABLE } from '../derived-state';
import { activeDimensions, ordersFilterSql, type Filters } from '../filters';
import { withFilteredOrders } from '../filtered-orders';
import { CUSTOMER_FACTS, firstPaidSql, ordersRelation, paidSql } from '../relations';
import { runMetricSql } from '../result-cache';
import { formatDay, monthOf, monthsBetween, parseDay, shiftDay, type Period } from '../periods';

/**
 * The customer lifecycle (METRICS.md "Customer lifecycle", 用户运营). As of a day d, a customer
 * with a paid order on or before d is `new` (d − first ≤ 29 days), else `active` (d − last ≤ 89),
 * else `dormant` (≤ 179), else `churned`; first and last are their paid orders up to d.
 */
export const STAGES = ['new', 'active', 'dormant', 'churned'] as const;
export type Stage = (typeof STAGES)[number];
export type StageCounts = Record<Stage, number>;

/** Days a stage lasts at most after the date it is measured from (first for `new`, last otherwise). */
export const STAGE_LIMITS = { new: 29, active: 89, dormant: 179 } as const;

export interface LifecycleMonth extends StageCounts {
  /** 'YYYY-MM' of the month end the counts are taken at. */
  month: string;
  /**
   * Customers `new` or `active` at the previous month end who are `dormant` or `churned` at this
   * one ÷ customers `new` or `active` at the previous month end; null when nobody was.
   */
  churn_rate: number | null;
}

export interface AcquisitionRow {
  channel: string;
  new_buyers: number;
}

/** The `lifecycle` section of `report --json`. */
export interface Lifecycle {
  as_of: string;
  stages: StageCounts;
  months: LifecycleMonth[];
  acquisition: AcquisitionRow[];
}

/**
 * Changes of the stage counts by date, over all history (period-free, so a view change answers
 * from the result cache). A customer's paid orders at t₁ ≤ t₂ ≤ … make spans [tᵢ, tᵢ₊₁): while d
 * lies in one, their last paid order up to d is tᵢ (a span between two orders of one day is
 * empty). Counted by running sums of the changes up to d:
 * - `customers`: first paid order f on or before d; `new`: f in [d − 29, d];
 * - `engaged` (new or active): a paid order in [d − 89, d], i.e. the span holding d began at most
 *   89 days before d (new implies it: the first order is one);
 * - `alive` (not churned): the span holding d began at most 179 days before d.
 * So active = engaged − new, dormant = alive − engaged, churned = customers − alive.
 *
 * `leaving` is the churn rate's numerator at a month end m: the engaged of the previous month end
 * p who are not engaged at m are the spans with tᵢ + 90 in (p, m] still running at m; each is
 * counted on the one month end last_day(tᵢ + 90).
 *
 * A span's changes depend only on its start and its length capped at 180 days (a longer one, or
 * the last, outlives every limit), so spans are counted by those two: ~40k groups instead of
 * ~300k spans under a filter at 1M orders, and each change below sums over those.
 */
export function lifecycleEventsSql(filters: Filters, derived: boolean, filteredOrders: string | null = null): string {
  const rel = ordersRelation(derived, filteredOrders);
  const window = 'OVER (PARTITION BY c ORDER BY t)';
  return `WITH
paid AS (
  SELECT ${rel.customer('o')} AS c, o.order_date AS t
  FROM ${rel.table} o
  WHERE ${rel.paid('o')} AND ${rel.filter(filters, 'o')}
),
spans AS MATERIALIZED (
  SELECT t, CAST(least(coalesce(date_diff('day', t, nxt), 180), 180) AS INTEGER) AS len, prev IS NULL AS opens, count(*) AS n
  FROM (SELECT t, lead(t) ${window} AS nxt, lag(t) ${window} AS prev FROM paid)
  GROUP BY ALL
),
changes AS (
  SELECT t AS d, sum(n) AS customers, sum(n) AS new, 0 AS engaged, 0 AS alive, 0 AS leaving FROM spans WHERE opens GROUP BY t
  UNION ALL SELECT t + 30, 0, -sum(n), 0, 0, 0 FROM spans WHERE opens GROUP BY ALL
  UNION ALL SELECT t, 0, 0, sum(n), sum(n), 0 FROM spans GROUP BY t
  UNION ALL SELECT t + least(len, 90), 0, 0, -sum(n), 0, 0 FROM spans GROUP BY ALL
  UNION ALL SELECT t + len, 0, 0, 0, -sum(n), 0 FROM spans GROUP BY ALL
  UNION ALL SELECT last_day(t + 90), 0, 0, 0, 0, sum(n) FROM spans WHERE t + len > last_day(t + 90) GROUP BY ALL
)
SELECT strftime(d, '%Y-%m-%d') AS d, CAST(sum(customers) AS INTEGER) AS customers, CAST(sum(new) AS INTEGER) AS new,
       CAST(sum(engaged) AS INTEGER) AS engaged, CAST(sum(alive) AS INTEGER) AS alive, CAST(sum(leaving) AS INTEGER) AS leaving
FROM changes GROUP BY d ORDER BY d`;
}

const COUNTERS = ['customers', 'new', 'engaged', 'alive'] as const;
type Counters = Record<(typeof COUNTERS)[number], number>;

interface Change extends Counters {
  d: string;
  leaving: number;
}

/** Stage counts at any day from the dated changes (sorted by day): running sums up to the day. */
export class StageTimeline {
  private readonly changes: Change[];
  private readonly running: Counters[];

  constructor(rows: readonly Row[]) {
    this.changes = rows.map((r) => ({
      d: String(r.d),
      customers: Number(r.customers),
      new: Number(r.new),
      engaged: Number(r.engaged),
      alive: Number(r.alive),
      leaving: Number(r.leaving),
    }));
    const total: Counters = { customers: 0, new: 0, engaged: 0, alive: 0 };
    this.running = this.changes.map((c) => {
      for (const k of COUNTERS) total[k] += c[k];
      return { ...total };
    });
  }

  /** Index of the last change on or before `day`, −1 when none. */
  private indexAt(day: string): number {
    let lo = 0;
    let hi = this.changes.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.changes[mid]?.d ?? '') <= day) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  stagesAt(day: string): StageCounts {
    const c = this.running[this.indexAt(day)];
    if (!c) return { new: 0, active: 0, dormant: 0, churned: 0 };
    return { new: c.new, active: c.engaged - c.new, dormant: c.alive - c.engaged, churned: c.customers - c.alive };
  }

  /** Customers new or active at the month end before `monthEnd` (a month end) who are neither at `monthEnd`. */
  leavingAt(monthEnd: string): number {
    const change = this.changes[this.indexAt(monthEnd)];
    return change?.d === monthEnd ? change.leaving : 0;
  }
}

const lastDayOf = (month: string) => formatDay(endOfMonth(parseDay(`${month}-01`)));

/** The month ends inside the period (METRICS.md "Lifecycle": `months`). */
export function monthEndsIn(period: Period): string[] {
  return monthsBetween(period.from, period.to)
    .map(lastDayOf)
    .filter((d) => d >= period.from && d <= period.to);
}

/** The month end before a month end's month. */
export function previousMonthEnd(monthEnd: string): string {
  return shiftDay(`${monthOf(monthEnd)}-01`, -1);
}

export function churnRate(timeline: StageTimeline, monthEnd: string): number | null {
  const base = timeline.stagesAt(previousMonthEnd(monthEnd));
  const engaged = base.new + base.active;
  return engaged === 0 ? null : timeline.leavingAt(monthEnd) / engaged;
}

export function lifecycleMonths(timeline: StageTimeline, period: Period): LifecycleMonth[] {
  return monthEndsIn(period).map((d) => ({
    month: monthOf(d),
    ...timeline.stagesAt(d),
    churn_rate: churnRate(timeline, d),
  }));
}

/**
 * New buyers of the period (METRICS.md `new_buyers`, under the same filters) by the channel of
 * their first paid order ever: the earliest paid order by timestamp, ties by order_id, whatever
 * the filters (DATA.md's taxonomy; blank is `unattributed`).
 */
export function acquisitionSql(
  period: Period,
  filters: Filters,
  derived: boolean,
  filteredOrders: string | null = null,
): string {
  const span = `BETWEEN ${dateSql(period.from)} AND ${dateSql(period.to)}`;
  if (derived) {
    // Every customer whose first paid order is in the period bought in it.
    if (activeDimensions(filters).length === 0) {
      return `SELECT c.first_channel AS channel, CAST(count(*) AS INTEGER) AS new_buyers
FROM ${CUSTOMERS_TABLE} c WHERE c.first_paid_date ${span}
GROUP BY channel ORDER BY new_buyers DESC, channel`;
    }
    // A filter keeps those with a filtered paid order there: found among the period's orders,
    // which carry each customer's first paid date, before the per-customer table is read.
    const rel = ordersRelation(true, filteredOrders);
    return `SELECT c.first_channel AS channel, CAST(count(*) AS INTEGER) AS new_buyers
FROM (
  SELECT DISTINCT ${rel.customer('o')} FROM ${rel.table} o
  WHERE ${rel.paid('o')} AND o.order_date ${span} AND ${rel.firstPaid!('o')} ${span} AND ${rel.filter(filters, 'o')}
) b JOIN ${CUSTOMERS_TABLE} c ON c.cid = b.cid
GROUP BY channel ORDER BY new_buyers DESC, channel`;
  }
  return `WITH
firsts AS (
  SELECT o.customer_key, ${CUSTOMER_FACTS.first_channel} AS channel
  FROM orders o JOIN (${firstPaidSql(false)}) f ON f.customer_key = o.customer_key AND o.order_date = f.first_paid_date
  WHERE ${paidSql('o')} AND o.order_date ${span}
  GROUP BY o.customer_key
),
buyers AS (
  SELECT DISTINCT o.customer_key FROM orders o WHERE ${paidSql('o')} AND o.order_date ${span} AND ${ordersFilterSql(filters, 'o')}
)
SELECT channel, CAST(count(*) AS INTEGER) AS new_buyers
FROM firsts JOIN buyers USING (customer_key)
GROUP BY channel ORDER BY new_buyers DESC, channel`;
}

/** The stage changes of the orders under the filters, from the result cache when asked before. */
export async function stageTimeline(engine: Engine, filters: Filters, derived: boolean): Promise<StageTimeline> {
  const rows = await withFilteredOrders(engine, derived ? filters : {}, (filteredOrders) =>
    runMetricSql(engine, lifecycleEventsSql(filters, derived, filteredOrders)),
  );
  return new StageTimeline(rows);
}

/**
 * The `lifecycle` section for a period: stages at its `to`, at each month end inside it (with the
 * month's churn rate), and the period's new buyers by first channel. Null without orders or when
 * a filter names a dimension orders lack.
 */
export async function computeLifecycle(
  engine: Engine,
  period: Period,
  filters: Filters = {},
  description?: DataDescription,
): Promise<Lifecycle | null> {
  const { ctx, description: data } = await prepareContext(engine, period, filters, description);
  if (ctx.blocked.includes('orders') || data.orders.rows === 0) return null;
  const [timeline, acquisition] = await Promise.all([
    stageTimeline(engine, ctx.filters, ctx.derived),
    withFilteredOrders(engine, ctx.filters, (filteredOrders) =>
      runMetricSql(engine, acquisitionSql(period, ctx.filters, ctx.derived, filteredOrders)),
    ),
  ]);
  return {
    as_of: period.to,
    stages: timeline.stagesAt(period.to),
    months: lifecycleMonths(timeline, period),
    acquisition: acquisition.map((r) => ({ channel: String(r.channel), new_buyers: Number(r.new_buyers) })),
  };
}

/** The stage of a customer in SQL, from their first paid date, their last one up to `day` (both dates) and the day. */
function stageSql(first: string, last: string, day: string): string {
  return `CASE WHEN ${first} IS NULL OR ${first} > ${day} THEN NULL
    WHEN ${day} - ${first} <= ${STAGE_LIMITS.new} THEN 'new'
    WHEN ${day} - ${last} <= ${STAGE_LIMITS.active} THEN 'active'
    WHEN ${day} - ${last} <= ${STAGE_LIMITS.dormant} THEN 'dormant' ELSE 'churned' END`;
}

/**
 * Per customer with a (filtered) paid order on or before `day`: their stage on `day` and on the
 * month end before `day`'s month (null: not a customer yet), first and last paid dates up to
 * `day`, paid orders and their total up to `day`. Customer ids as written (the first spelling).
 */
export function customerStagesSql(day: string, filters: Filters): string {
  const d = dateSql(day);
  const p = dateSql(previousMonthEnd(day));
  return `WITH facts AS (
  SELECT o.customer_key, min(o.customer_id) AS customer_id, min(o.order_date) AS first_paid,
         max(o.order_date) AS last_paid, max(o.order_date) FILTER (WHERE o.order_date <= ${p}) AS last_paid_before,
         count(*) AS paid_orders, CAST(sum(o.order_total) AS DOUBLE) AS paid_total
  FROM orders o
  WHERE ${paidSql('o')} AND o.order_date <= ${d} AND ${ordersFilterSql(filters, 'o')}
  GROUP BY o.customer_key
)
SELECT customer_id, strftime(first_paid, '%Y-%m-%d') AS first_paid, strftime(last_paid, '%Y-%m-%d') AS last_paid,
       CAST(${d} - last_paid AS INTEGER) AS days_since_last, CAST(paid_orders AS INTEGER) AS paid_orders, paid_total,
       ${stageSql('first_paid', 'last_paid', d)} AS stage,
       ${stageSql('first_paid', 'last_paid_before', p)} AS stage_before
FROM facts`;
}

export interface StageMove {
  /** Stage at the month end before the month of the day; null: not a customer then. */
  from: Stage | null;
  to: Stage;
  customers: number;
}

/**
 * Customers (with a filtered paid order on or before `day`) by their stage at the month end before
 * `day`'s month and on `day`: the stages of customerStagesSql, counted. From the derived orders
 * when built: grouped by the integer customer id, with no name or total to carry.
 */
export function stageMovesSql(
  day: string,
  filters: Filters,
  derived: boolean,
  filteredOrders: string | null = null,
): string {
  const rel = ordersRelation(derived, filteredOrders);
  const d = dateSql(day);
  const p = dateSql(previousMonthEnd(day));
  return `WITH facts AS (
  SELECT min(o.order_date) AS first_paid, max(o.order_date) AS last_paid,
         max(o.order_date) FILTER (WHERE o.order_date <= ${p}) AS last_paid_before
  FROM ${rel.table} o
  WHERE ${rel.paid('o')} AND o.order_date <= ${d} AND ${rel.filter(filters, 'o')}
  GROUP BY ${rel.customer('o')}
)
SELECT ${stageSql('first_paid', 'last_paid_before', p)} AS stage_before, ${stageSql('first_paid', 'last_paid', d)} AS stage,
       CAST(count(*) AS INTEGER) AS customers
FROM facts GROUP BY ALL`;
}

/**
 * Movement between stages this month: customers by their stage at the month end before the
 * month of `day` and on `day` (how many dormant customers came back, how many active ones slept).
 */
export async function computeStageMoves(engine: Engine, day: string, filters: Filters = {}): Promise<StageMove[]> {
  const { ctx, description } = await prepareContext(engine, { from: day, to: day }, filters);
  if (ctx.blocked.includes('orders') || description.orders.rows === 0) return [];
  const rows = await withFilteredOrders(engine, ctx.filters, (filteredOrders) =>
    runMetricSql(engine, stageMovesSql(day, ctx.filters, ctx.derived, filteredOrders)),
  );
  const order = (s: unknown) => (s === null ? -1 : STAGES.indexOf(s as Stage));
  return rows
    .map((r) => ({
      from: r.stage_before === null ? null : (String(r.stage_before) as Stage),
      to: String(r.stage) as Stage,
      customers: Number(r.customers),
    }))
    .sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to));
}

export interface StageCustomer {
  customer_id: string;
  first_paid: string;
  last_paid: string;
  days_since_last: number;
  paid_orders: number;
  paid_total: number;
}

/** The customers of one stage on `day` (for a win-back campaign), longest since their last order first. */
export async function computeStageCustomers(
  engine: Engine,
  day: string,
  stage: Stage,
  filters: Filters = {},
): Promise<StageCustomer[]> {
  const { ctx, description } = await prepareContext(engine, { from: day, to: day }, filters);
  if (ctx.blocked.includes('orders') || description.orders.rows === 0) return [];
  const rows = await engine.query(
    `SELECT * FROM (${customerStagesSql(day, ctx.filters)}) WHERE stage = '${stage}' ORDER BY days_since_last DESC, customer_id`,
  );
  return rows.map((r) => ({
    customer_id: String(r.customer_id),
    first_paid: String(r.first_paid),
    last_paid: String(r.last_paid),
    days_since_last: Number(r.days_since_last),
    paid_orders: Number(r.paid_orders),
    paid_total: Number(r.paid_total),
  }));
}
