import type { Engine, Row } from '../../engine/engine';
import { dateSql } from '../compile';
import { prepareContext } from '../context';
import { activeDimensions, type Filters } from '../filters';
import { paidSql } from '../relations';
import { runMetricSql } from '../result-cache';
import type { Period } from '../periods';
import { DEFAULT_SLA_MINUTES, RESPONSE_MINUTES_SQL, SERVICE_SQL } from '../registry/operations';
import { toNumberOrNull } from './kpis';

/**
 * Customer service and reviews (METRICS.md "Customer service", issue 15), over tickets opened and
 * reviews created in the period. Decisions where METRICS.md is silent:
 * - Minutes and hours are wall-clock differences of the timestamps as written, to the second.
 * - A blank category or channel counts as `other`.
 * - Tickets and reviews carry none of the view's filter dimensions (a ticket's channel is chat,
 *   phone …, not a marketing channel): under an active filter the section is null, as any source
 *   that cannot honour a filter is.
 * - `complaint_rate` and `review_rate` divide by the period's paid orders (all of them).
 */
export { DEFAULT_SLA_MINUTES };
/** METRICS.md `inquiry_conversion`: a paid order within 72 hours after the pre-sale ticket opened, both ends inclusive. */
export const INQUIRY_WINDOW_HOURS = 72;

export interface ServiceReviewsRow {
  sku: string;
  reviews: number;
  avg_rating: number | null;
  positive_rate: number | null;
  negative_rate: number | null;
  review_rate: number | null;
}

export interface ServiceReviews {
  reviews: number | null;
  avg_rating: number | null;
  positive_rate: number | null;
  negative_rate: number | null;
  review_rate: number | null;
  by_sku: ServiceReviewsRow[];
}

/** The `service` section of `report --json` (METRICS.md "Report JSON"). */
export interface ServiceSection {
  tickets: number | null;
  first_response_minutes: { median: number | null; p90: number | null };
  response_within_sla: number | null;
  resolution_rate: number | null;
  resolution_hours: number | null;
  complaint_rate: number | null;
  csat: number | null;
  csat_avg: number | null;
  inquiry_conversion: number | null;
  by_category: { category: string; tickets: number }[];
  by_channel: { channel: string; tickets: number }[];
  reviews: ServiceReviews | null;
}

const minutesSql = (later: string, earlier: string) => `(epoch(${later}) - epoch(${earlier})) / 60.0`;

export function ticketTotalsSql(period: Period, slaMinutes: number): string {
  const span = `BETWEEN ${dateSql(period.from)} AND ${dateSql(period.to)}`;
  const response = RESPONSE_MINUTES_SQL('t');
  const resolution = `${minutesSql('t.resolved_at', 't.opened_at')} / 60.0`;
  return `WITH t AS (SELECT * FROM service_tickets t WHERE t.opened_date ${span}),
paid AS (SELECT count(*) AS orders FROM orders o WHERE ${paidSql('o')} AND o.order_date ${span}),
presale AS (
  SELECT * FROM t WHERE coalesce(nullif(trim(t.category), ''), 'other') = 'pre_sale' AND t.customer_key IS NOT NULL AND t.customer_key <> ''
),
-- A join, not a correlated EXISTS: ClickHouse reads no correlated subquery on a range (issue 20).
converted AS (
  SELECT DISTINCT p.customer_key FROM presale p JOIN orders o ON o.customer_key = p.customer_key
  WHERE ${paidSql('o')} AND o.ordered_at BETWEEN p.opened_at AND p.opened_at + INTERVAL ${INQUIRY_WINDOW_HOURS} HOUR
),
pre AS (SELECT DISTINCT customer_key, customer_key IN (SELECT customer_key FROM converted) AS converted FROM presale)
SELECT CAST(count(*) AS INTEGER) AS tickets,
       ${SERVICE_SQL.responseMedian} AS response_median,
       quantile_cont(${response}, 0.9) FILTER (WHERE t.first_response_at IS NOT NULL) AS response_p90,
       CAST(${SERVICE_SQL.withinSla(slaMinutes)} AS DOUBLE) / nullif(${SERVICE_SQL.tickets}, 0) AS response_within_sla,
       CAST(${SERVICE_SQL.resolved} AS DOUBLE) / nullif(${SERVICE_SQL.tickets}, 0) AS resolution_rate,
       quantile_cont(${resolution}, 0.5) FILTER (WHERE t.resolved_at IS NOT NULL) AS resolution_hours,
       CAST(${SERVICE_SQL.complaints} AS DOUBLE) * 1000 / nullif((SELECT orders FROM paid), 0) AS complaint_rate,
       CAST(${SERVICE_SQL.satisfied} AS DOUBLE) / nullif(${SERVICE_SQL.rated}, 0) AS csat,
       avg(t.csat) AS csat_avg,
       (SELECT CAST(count(*) FILTER (WHERE converted) AS DOUBLE) / nullif(count(*), 0) FROM pre) AS inquiry_conversion
FROM t`;
}

export function ticketGroupsSql(period: Period, column: 'category' | 'channel'): string {
  const span = `BETWEEN ${dateSql(period.from)} AND ${dateSql(period.to)}`;
  return `SELECT coalesce(nullif(trim(${column}), ''), 'other') AS key, CAST(count(*) AS INTEGER) AS tickets
FROM service_tickets WHERE opened_date ${span} GROUP BY key ORDER BY tickets DESC, key`;
}

/** Totals (sku NULL) and per SKU (reviews with a SKU), with the paid orders each is rated against. */
export function reviewsSql(period: Period): string {
  const span = `BETWEEN ${dateSql(period.from)} AND ${dateSql(period.to)}`;
  return `WITH r AS (SELECT * FROM reviews WHERE created_date ${span}),
paid AS (SELECT o.order_id FROM orders o WHERE ${paidSql('o')} AND o.order_date ${span}),
sku_orders AS (
  SELECT lower(trim(i.sku)) AS sku_key, count(DISTINCT i.order_id) AS orders
  FROM order_items i JOIN paid USING (order_id) WHERE i.sku IS NOT NULL GROUP BY ALL
),
by_sku AS (
  SELECT lower(trim(r.sku)) AS sku_key, min(trim(r.sku)) AS shown, count(*) AS reviews, avg(r.rating) AS avg_rating,
         count(*) FILTER (WHERE r.rating >= 4) AS positive, count(*) FILTER (WHERE r.rating <= 2) AS negative
  FROM r WHERE nullif(trim(r.sku), '') IS NOT NULL GROUP BY lower(trim(r.sku))
)
SELECT CAST(NULL AS VARCHAR) AS sku, CAST(count(*) AS INTEGER) AS reviews, ${SERVICE_SQL.avgRating} AS avg_rating,
       CAST(count(*) FILTER (WHERE rating >= 4) AS DOUBLE) / nullif(count(*), 0) AS positive_rate,
       CAST(count(*) FILTER (WHERE rating <= 2) AS DOUBLE) / nullif(count(*), 0) AS negative_rate,
       CAST(count(*) AS DOUBLE) / nullif((SELECT count(*) FROM paid), 0) AS review_rate
FROM r
UNION ALL
SELECT s.shown, CAST(s.reviews AS INTEGER), s.avg_rating, CAST(s.positive AS DOUBLE) / s.reviews, CAST(s.negative AS DOUBLE) / s.reviews,
       CAST(s.reviews AS DOUBLE) / nullif(o.orders, 0)
FROM by_sku s LEFT JOIN sku_orders o USING (sku_key)`;
}

async function rowCount(engine: Engine, table: string): Promise<number> {
  const rows = await engine.query(
    `SELECT CASE WHEN EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = '${table}') THEN 1 ELSE 0 END AS present`,
  );
  if (Number(rows[0]?.present ?? 0) === 0) return 0;
  const n = await engine.query(`SELECT count(*) AS n FROM ${table}`);
  return Number(n[0]?.n ?? 0);
}

const num = (r: Row | undefined, key: string) => (r ? toNumberOrNull(r[key]) : null);

/**
 * The service section for a period: null when neither service_tickets nor reviews holds rows, or
 * when a filter is active (neither table carries the view's dimensions). A table that is not
 * loaded gives null figures (reviews: null) while the other's are computed.
 */
export async function computeService(
  engine: Engine,
  period: Period,
  filters: Filters = {},
  options: { slaMinutes?: number | undefined } = {},
): Promise<ServiceSection | null> {
  const { ctx } = await prepareContext(engine, period, filters);
  const [tickets, reviews] = await Promise.all([rowCount(engine, 'service_tickets'), rowCount(engine, 'reviews')]);
  if (tickets === 0 && reviews === 0) return null;
  const { currency, ...dims } = ctx.filters;
  void currency;
  if (activeDimensions(dims).length > 0) return null;
  const sla = options.slaMinutes ?? DEFAULT_SLA_MINUTES;
  const [totals, categories, channels, reviewRows] = await Promise.all([
    tickets ? runMetricSql(engine, ticketTotalsSql(period, sla)) : Promise.resolve([]),
    tickets ? runMetricSql(engine, ticketGroupsSql(period, 'category')) : Promise.resolve([]),
    tickets ? runMetricSql(engine, ticketGroupsSql(period, 'channel')) : Promise.resolve([]),
    reviews ? runMetricSql(engine, reviewsSql(period)) : Promise.resolve([]),
  ]);
  const t = totals[0];
  const total = reviewRows.find((r) => r.sku === null);
  return {
    tickets: tickets ? Number(t?.tickets ?? 0) : null,
    first_response_minutes: { median: num(t, 'response_median'), p90: num(t, 'response_p90') },
    response_within_sla: num(t, 'response_within_sla'),
    resolution_rate: num(t, 'resolution_rate'),
    resolution_hours: num(t, 'resolution_hours'),
    complaint_rate: num(t, 'complaint_rate'),
    csat: num(t, 'csat'),
    csat_avg: num(t, 'csat_avg'),
    inquiry_conversion: num(t, 'inquiry_conversion'),
    by_category: categories.map((r) => ({ category: String(r.key), tickets: Number(r.tickets) })),
    by_channel: channels.map((r) => ({ channel: String(r.key), tickets: Number(r.tickets) })),
    reviews: reviews
      ? {
          reviews: Number(total?.reviews ?? 0),
          avg_rating: num(total, 'avg_rating'),
          positive_rate: num(total, 'positive_rate'),
          negative_rate: num(total, 'negative_rate'),
          review_rate: num(total, 'review_rate'),
          by_sku: reviewRows
            .filter((r) => r.sku !== null)
            .map((r) => ({
              sku: String(r.sku),
              reviews: Number(r.reviews),
              avg_rating: num(r, 'avg_rating'),
              positive_rate: num(r, 'positive_rate'),
              negative_rate: num(r, 'negative_rate'),
              review_rate: num(r, 'review_rate'),
            }))
            .sort((a, b) => (a.avg_rating ?? 0) - (b.avg_rating ?? 0) || a.sku.localeCompare(b.sku)),
        }
      : null,
  };
}

/** Upper edges (minutes, inclusive) of the response-time distribution's buckets; the last is open. */
export const RESPONSE_BUCKETS = [5, 15, 30, 60, 120, 240, 480] as const;

export interface ServicePageData {
  /** Tickets per bucket of RESPONSE_BUCKETS (index i: up to RESPONSE_BUCKETS[i] minutes), then over the last, then unanswered. */
  distribution: number[];
  /** Per ISO week (its Monday) of tickets opened in the period. */
  weeks: { week: string; tickets: number; response_within_sla: number | null; csat: number | null }[];
  /** Tickets opened in the period and not resolved, longest waiting (as of the period's end) first. */
  slowest_open: {
    ticket_id: string;
    customer_id: string | null;
    category: string;
    channel: string;
    opened_at: string;
    answered: boolean;
    hours_open: number;
  }[];
}

/** What the Service page draws beside the section: the response distribution, weekly SLA and CSAT, the slowest open tickets. */
export async function computeServicePage(
  engine: Engine,
  period: Period,
  slaMinutes = DEFAULT_SLA_MINUTES,
): Promise<ServicePageData | null> {
  if ((await rowCount(engine, 'service_tickets')) === 0) return null;
  const span = `BETWEEN ${dateSql(period.from)} AND ${dateSql(period.to)}`;
  const minutes = minutesSql('first_response_at', 'opened_at');
  const bucket = `CASE WHEN first_response_at IS NULL THEN ${RESPONSE_BUCKETS.length + 1} ${RESPONSE_BUCKETS.map((b, i) => `WHEN ${minutes} <= ${b} THEN ${i}`).join(' ')} ELSE ${RESPONSE_BUCKETS.length} END`;
  const [dist, weeks, open] = await Promise.all([
    runMetricSql(
      engine,
      `SELECT ${bucket} AS b, CAST(count(*) AS INTEGER) AS n FROM service_tickets WHERE opened_date ${span} GROUP BY b`,
    ),
    runMetricSql(
      engine,
      `SELECT strftime(date_trunc('week', opened_date), '%Y-%m-%d') AS week, CAST(count(*) AS INTEGER) AS tickets,
         CAST(${SERVICE_SQL.withinSla(slaMinutes)} AS DOUBLE) / nullif(${SERVICE_SQL.tickets}, 0) AS response_within_sla,
         CAST(${SERVICE_SQL.satisfied} AS DOUBLE) / nullif(${SERVICE_SQL.rated}, 0) AS csat
       FROM service_tickets t WHERE opened_date ${span} GROUP BY week ORDER BY week`,
    ),
    runMetricSql(
      engine,
      `SELECT ticket_id, customer_id, coalesce(nullif(trim(category), ''), 'other') AS category,
         coalesce(nullif(trim(channel), ''), 'other') AS channel, strftime(opened_at, '%Y-%m-%d %H:%M') AS opened_at,
         first_response_at IS NOT NULL AS answered,
         (epoch(${dateSql(period.to)} + INTERVAL 1 DAY) - epoch(opened_at)) / 3600.0 AS hours_open
       FROM service_tickets WHERE opened_date ${span} AND resolved_at IS NULL ORDER BY opened_at, ticket_id LIMIT 10`,
    ),
  ]);
  const distribution = new Array<number>(RESPONSE_BUCKETS.length + 2).fill(0);
  for (const r of dist) distribution[Number(r.b)] = Number(r.n);
  return {
    distribution,
    weeks: weeks.map((r) => ({
      week: String(r.week),
      tickets: Number(r.tickets),
      response_within_sla: toNumberOrNull(r.response_within_sla),
      csat: toNumberOrNull(r.csat),
    })),
    slowest_open: open.map((r) => ({
      ticket_id: String(r.ticket_id),
      customer_id: r.customer_id === null ? null : String(r.customer_id),
      category: String(r.category),
      channel: String(r.channel),
      opened_at: String(r.opened_at),
      answered: Boolean(r.answered),
      hours_open: Number(r.hours_open),
    })),
  };
}
