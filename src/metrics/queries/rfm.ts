import type { Engine, Row } from '../../engine/engine';
import { literal } from '../../engine/sql';
import { dateSql, type QueryContext } from '../compile';
import { prepareContext } from '../context';
import { CUSTOMERS_TABLE } from '../derived-state';
import type { DataDescription } from '../describe';
import { activeDimensions, type Filters } from '../filters';
import { withFilteredOrders } from '../filtered-orders';
import { CUSTOMER_FACTS, ordersRelation } from '../relations';
import { runMetricSql } from '../result-cache';
import { toNumberOrNull } from './kpis';
import { RFM_MAP, RFM_SEGMENTS, type RfmSegment } from './rfm-map';

export { RFM_MAP, RFM_SEGMENT_LABELS, RFM_SEGMENTS, segmentOf, type RfmSegment } from './rfm-map';

function segmentCaseSql(): string {
  const whens = RFM_MAP.map(
    (x) => `WHEN r_score IN (${x.r.join(', ')}) AND f_score IN (${x.f.join(', ')}) THEN ${literal(x.segment)}`,
  );
  return `CASE ${whens.join(' ')} END`;
}

export interface RfmCustomer {
  customer_key: string;
  recency: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
  segment: RfmSegment;
}

export interface RfmSegmentRow {
  segment: RfmSegment;
  customers: number;
  monetary: number;
  share: number;
}

export interface RfmResult {
  asOf: string;
  segments: RfmSegmentRow[];
  /** Present when asked for (`includeCustomers`); one row per customer, ordered by customer_key. */
  customers?: RfmCustomer[];
}

/** A value RFM scores by quintile (ascending is better): recency is scored on its negation. */
interface Measure {
  name: 'r' | 'f' | 'm';
  value: string;
}
const RECENCY: Measure = { name: 'r', value: '-c.recency' };
const FREQUENCY: Measure = { name: 'f', value: 'c.frequency' };
const MONETARY: Measure = { name: 'm', value: 'c.monetary' };

/**
 * One row per customer with a paid order up to `asOf` under the filters: an integer `customer` in
 * customer_key order, recency (days since the last paid order), frequency (paid orders) and
 * monetary (their order_total). The per-customer table holds these over the whole dataset, so
 * without a filter, as of the last order date or later, they are read from it; otherwise they
 * are the same facts (CUSTOMER_FACTS) over the orders up to `asOf`.
 */
function customerValuesSql(ctx: QueryContext, asOf: string, data: DataDescription, withKey: boolean): string {
  const recency = (lastPaid: string) => `date_diff('day', ${lastPaid}, ${dateSql(asOf)})`;
  const lastOrder = data.orders.lastDate;
  if (ctx.derived && activeDimensions(ctx.filters).length === 0 && lastOrder !== null && asOf >= lastOrder) {
    return `SELECT cid AS customer, ${withKey ? 'customer_key, ' : ''}${recency('last_paid_date')} AS recency, paid_orders AS frequency, paid_total AS monetary
  FROM ${CUSTOMERS_TABLE} WHERE paid_orders > 0`;
  }
  const rel = ordersRelation(ctx.derived, ctx.filteredOrders);
  const facts = `${recency(CUSTOMER_FACTS.last_paid_date)} AS recency, ${CUSTOMER_FACTS.paid_orders} AS frequency, ${CUSTOMER_FACTS.paid_total} AS monetary`;
  const where = `WHERE ${rel.paid('o')}
    AND o.order_date <= ${dateSql(asOf)}
    AND ${rel.filter(ctx.filters, 'o')}`;
  if (ctx.derived) {
    // The segments need no name: carrying each customer's text through the grouping costs ~10 %.
    return `SELECT o.cid AS customer, ${withKey ? 'any_value(o.customer_key) AS customer_key, ' : ''}${facts}
  FROM ${rel.table} o
  ${where}
  GROUP BY o.cid`;
  }
  return `SELECT CAST(row_number() OVER (ORDER BY customer_key) AS INTEGER) AS customer, *
  FROM (SELECT o.customer_key, ${facts} FROM orders o ${where} GROUP BY o.customer_key)`;
}

/** Bucket of integer customer ids used to find a tie-break inside a large group of equal values. */
const CID_BUCKET_BITS = 10;

/**
 * The customers that open quintiles 2..5 when customers are ordered by the measure (ascending)
 * then by customer: CTE `${name}_cut(v2, c2, … v5, c5)`. NTILE needs only these four cut
 * points, and finding them takes counts per distinct value and per customer bucket instead of
 * sorting every customer (two window sorts of ~450k rows cost ~400 ms at 1M orders on DuckDB-WASM).
 */
function quintileCutsSql({ name, value }: Measure): string {
  return `${name}_groups AS (
  SELECT ${value} AS v, count(*) AS n FROM customer_values c GROUP BY 1
),
${name}_at AS (
  SELECT p.t, g.v, p.pos - g.before AS j
  FROM (SELECT v, n, sum(n) OVER (ORDER BY v) - n AS before FROM ${name}_groups) g
  JOIN positions p ON p.pos >= g.before AND p.pos < g.before + g.n
),
${name}_cells AS (
  SELECT a.t, a.j, c.customer >> ${CID_BUCKET_BITS} AS b, count(*) AS n
  FROM customer_values c JOIN ${name}_at a ON ${value} = a.v
  GROUP BY ALL
),
${name}_edge AS (
  SELECT t, b, j - before AS j
  FROM (SELECT *, sum(n) OVER (PARTITION BY t ORDER BY b) - n AS before FROM ${name}_cells)
  WHERE j >= before AND j < before + n
),
${name}_bounds AS (
  SELECT t, v, customer FROM (
    SELECT e.t, e.j, a.v, c.customer, row_number() OVER (PARTITION BY e.t ORDER BY c.customer) - 1 AS rank
    FROM ${name}_edge e JOIN ${name}_at a USING (t)
    JOIN customer_values c ON ${value} = a.v AND c.customer >> ${CID_BUCKET_BITS} = e.b
  ) WHERE rank = j
),
${name}_cut AS (
  SELECT ${TILES.map((t) => `max(v) FILTER (WHERE t = ${t}) AS v${t}, max(customer) FILTER (WHERE t = ${t}) AS c${t}`).join(', ')}
  FROM ${name}_bounds
)`;
}

const TILES = [2, 3, 4, 5];

/** The quintile of a customer: 1 + the cut points at or before its (value, customer); a tile that does not exist cuts nothing. */
function quintileSql({ name, value }: Measure): string {
  const reached = (t: number) =>
    `CAST(coalesce(${value} > ${name}.v${t} OR (${value} = ${name}.v${t} AND c.customer >= ${name}.c${t}), false) AS INTEGER)`;
  return `1 + ${TILES.map(reached).join(' + ')}`;
}

/**
 * Scores per customer as of `asOf` over all paid orders up to it (METRICS.md "Segments (RFM)"):
 * each of recency, frequency and monetary scored 1–5 as NTILE(5) would over customers ordered by
 * it, ties broken by customer_key; 5 is best (lowest recency). Positions of the cut points follow
 * DuckDB's NTILE: with n customers and p = min(5, n) tiles, tile t starts at
 * (t - 1) * (n // p) + min(t - 1, n % p). M is scored only when asked: it names no segment.
 */
function scoredSql(ctx: QueryContext, asOf: string, data: DataDescription, perCustomer: boolean): string {
  const measures = perCustomer ? [RECENCY, FREQUENCY, MONETARY] : [RECENCY, FREQUENCY];
  return `WITH
customer_values AS MATERIALIZED (
  ${customerValuesSql(ctx, asOf, data, perCustomer)}
),
positions AS (
  SELECT t, (t - 1) * (n // p) + least(t - 1, n % p) AS pos
  FROM (SELECT count(*) AS n, least(count(*), 5) AS p FROM customer_values), range(2, 6) r(t)
  WHERE t <= p
),
${measures.map(quintileCutsSql).join(',\n')},
scored AS (
  SELECT c.*, ${measures.map((m) => `${quintileSql(m)} AS ${m.name}_score`).join(', ')}
  FROM customer_values c, ${measures.map((m) => `${m.name}_cut ${m.name}`).join(', ')}
)`;
}

/**
 * Customers and their total by segment. The segment follows from the two scores alone, so the
 * customers are counted by score pair first and the segment named for the 25 pairs, not for each
 * customer (~20 % of the statement at 1M orders).
 */
export function rfmSegmentsSql(ctx: QueryContext, asOf: string, data: DataDescription): string {
  return `${scoredSql(ctx, asOf, data, false)},
score_pairs AS (
  SELECT r_score, f_score, count(*) AS customers, sum(monetary) AS monetary FROM scored GROUP BY ALL
)
SELECT ${segmentCaseSql()} AS segment, CAST(sum(customers) AS BIGINT) AS customers, CAST(sum(monetary) AS DOUBLE) AS monetary,
       sum(customers) / sum(sum(customers)) OVER () AS share
FROM score_pairs GROUP BY ALL`;
}

export function rfmCustomersSql(ctx: QueryContext, asOf: string, data: DataDescription): string {
  return `${scoredSql(ctx, asOf, data, true)}
SELECT customer_key, recency, frequency, CAST(monetary AS DOUBLE) AS monetary, r_score, f_score, m_score, ${segmentCaseSql()} AS segment
FROM scored ORDER BY customer`;
}

export function parseRfmSegments(rows: readonly Row[]): RfmSegmentRow[] {
  const found = new Map(rows.map((r) => [String(r.segment), r]));
  return RFM_SEGMENTS.map((segment) => {
    const r = found.get(segment);
    return {
      segment,
      customers: Number(r?.customers ?? 0),
      monetary: toNumberOrNull(r?.monetary) ?? 0,
      share: toNumberOrNull(r?.share) ?? 0,
    };
  });
}

export function parseRfmCustomers(rows: readonly Row[]): RfmCustomer[] {
  return rows.map((r) => ({
    customer_key: String(r.customer_key),
    recency: Number(r.recency),
    frequency: Number(r.frequency),
    monetary: Number(r.monetary),
    r: Number(r.r_score),
    f: Number(r.f_score),
    m: Number(r.m_score),
    segment: String(r.segment) as RfmSegment,
  }));
}

/** RFM segments as of a date, over all history up to it, under the order filters. */
export async function computeRfm(
  engine: Engine,
  asOf: string,
  filters: Filters = {},
  options: { includeCustomers?: boolean; description?: DataDescription } = {},
): Promise<RfmResult> {
  const { ctx, description } = await prepareContext(engine, { from: asOf, to: asOf }, filters, options.description);
  if (ctx.blocked.includes('orders')) return { asOf, segments: [] };
  const segments = parseRfmSegments(
    await withFilteredOrders(engine, ctx.filters, (filteredOrders) =>
      runMetricSql(engine, rfmSegmentsSql({ ...ctx, filteredOrders }, asOf, description)),
    ),
  );
  if (!options.includeCustomers) return { asOf, segments };
  // The customer list names each customer: from ys_orders, whose rows carry the key (the filtered table does not).
  const customers = parseRfmCustomers(await runMetricSql(engine, rfmCustomersSql(ctx, asOf, description)));
  return { asOf, segments, customers };
}
