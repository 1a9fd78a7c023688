import type { Engine, Row } from '../../engine/engine';
import { literal } from '../../engine/sql';
import { dateSql, type QueryContext } from '../compile';
import { rfmSegmentsFromColumns } from '../columnar/customers';
import { columnStoreFor } from '../columnar/store';
import { prepareContext } from '../context';
import { CUSTOMERS_TABLE, ordersRelation } from '../derived';
import type { DataDescription } from '../describe';
import type { Filters } from '../filters';
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

/** Paid orders up to `asOf` under the filters, one row per customer: recency, frequency, monetary. */
function customerValuesSql(ctx: QueryContext, asOf: string, customer: string): string {
  const rel = ordersRelation(ctx.derived);
  return `SELECT ${customer} AS customer, date_diff('day', max(o.order_date), ${dateSql(asOf)}) AS recency,
         count(*) AS frequency, sum(o.order_total) AS monetary
  FROM ${rel.table} o
  WHERE ${rel.paid('o')}
    AND o.order_date <= ${dateSql(asOf)}
    AND ${rel.filter(ctx.filters, 'o')}
  GROUP BY ${customer}`;
}

/**
 * Scores per customer as of `asOf` over all paid orders up to it (METRICS.md "Segments (RFM)"):
 * recency = days since the last paid order, frequency = paid orders, monetary = Σ order_total,
 * each scored 1–5 by NTILE, ties broken by customer_key; 5 is best (lowest recency).
 * On the derived tables ties break by cid, which follows customer_key order.
 */
export function rfmScoresSql(ctx: QueryContext, asOf: string): string {
  const customer = ctx.derived ? 'o.cid' : 'o.customer_key';
  return `WITH
customer_values AS (
  ${customerValuesSql(ctx, asOf, customer)}
),
scored AS (
  SELECT *,
         ntile(5) OVER (ORDER BY recency DESC, customer) AS r_score,
         ntile(5) OVER (ORDER BY frequency, customer) AS f_score,
         ntile(5) OVER (ORDER BY monetary, customer) AS m_score
  FROM customer_values
)
SELECT customer, recency, frequency, monetary, r_score, f_score, m_score, ${segmentCaseSql()} AS segment
FROM scored`;
}

export function rfmCustomersSql(ctx: QueryContext, asOf: string): string {
  const [key, join] = ctx.derived
    ? ['k.customer_key', `JOIN ${CUSTOMERS_TABLE} k ON k.cid = s.customer`]
    : ['s.customer', ''];
  return `WITH s AS (\n${rfmScoresSql(ctx, asOf)}\n)
SELECT ${key} AS customer_key, recency, frequency, CAST(monetary AS DOUBLE) AS monetary, r_score, f_score, m_score, segment
FROM s ${join} ORDER BY s.customer`;
}

export function rfmSegmentsSql(ctx: QueryContext, asOf: string): string {
  if (ctx.derived) return rfmSegmentsDerivedSql(ctx, asOf);
  return `WITH s AS (\n${rfmScoresSql(ctx, asOf)}\n)
SELECT segment, count(*) AS customers, CAST(sum(monetary) AS DOUBLE) AS monetary, count(*) / sum(count(*)) OVER () AS share
FROM s GROUP BY segment`;
}

/** Bucket of integer customer ids used to find a tie-break inside a large group of equal values. */
const CID_BUCKET_BITS = 10;

/**
 * The customers that open quintiles 2..5 when customers are ordered by `value` (ascending) then
 * cid: CTEs `${name}_bounds(t, v, cid)`. NTILE needs only these four cut points, and finding them
 * takes counts per distinct value and per cid bucket instead of sorting every customer (two
 * window sorts of ~450k rows cost ~400 ms at 1M orders on DuckDB-WASM).
 */
function quintileBoundsSql(name: string, value: string): string {
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
  SELECT t, v, customer AS cid FROM (
    SELECT e.t, e.j, a.v, c.customer, row_number() OVER (PARTITION BY e.t ORDER BY c.customer) - 1 AS rank
    FROM ${name}_edge e JOIN ${name}_at a USING (t)
    JOIN customer_values c ON ${value} = a.v AND c.customer >> ${CID_BUCKET_BITS} = e.b
  ) WHERE rank = j
),
${name}_cut AS (
  SELECT ${[2, 3, 4, 5].map((t) => `coalesce(max(${sortKeySql('v', 'cid')}) FILTER (WHERE t = ${t}), ${NO_CUT}) AS k${t}`).join(', ')}
  FROM ${name}_bounds
)`;
}

/** (value, cid) packed in one BIGINT that sorts the same way; values are small integers here (days, order counts). */
const sortKeySql = (value: string, cid: string) => `(CAST(${value} AS BIGINT) * 4294967296 + ${cid})`;
const NO_CUT = '9223372036854775807';

/** The quintile of a customer: 1 + the cut points at or before its (value, cid). */
function quintileSql(name: string, value: string): string {
  const key = sortKeySql(value, 'c.customer');
  return `1 + ${[2, 3, 4, 5].map((t) => `CAST(${key} >= ${name}.k${t} AS INTEGER)`).join(' + ')}`;
}

/**
 * Segment totals on the derived tables: the same numbers as the NTILE query, with R and F
 * quintiles from cut points (M does not name a segment). Positions of the cut points follow
 * DuckDB's NTILE: with n customers and p = min(5, n) tiles, tile t starts at
 * (t - 1) * (n // p) + min(t - 1, n % p).
 */
function rfmSegmentsDerivedSql(ctx: QueryContext, asOf: string): string {
  const recency = '-c.recency';
  const frequency = 'c.frequency';
  return `WITH
customer_values AS MATERIALIZED (
  ${customerValuesSql(ctx, asOf, 'o.cid')}
),
positions AS (
  SELECT t, (t - 1) * (n // p) + least(t - 1, n % p) AS pos
  FROM (SELECT count(*) AS n, least(count(*), 5) AS p FROM customer_values), range(2, 6) r(t)
  WHERE t <= p
),
${quintileBoundsSql('r', recency)},
${quintileBoundsSql('f', frequency)},
scored AS (
  SELECT c.monetary, ${quintileSql('r', recency)} AS r_score, ${quintileSql('f', frequency)} AS f_score
  FROM customer_values c, r_cut r, f_cut f
)
SELECT ${segmentCaseSql()} AS segment, count(*) AS customers, CAST(sum(monetary) AS DOUBLE) AS monetary,
       count(*) / sum(count(*)) OVER () AS share
FROM scored GROUP BY 1`;
}

export function parseRfmSegments(rows: Row[]): RfmSegmentRow[] {
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

export function parseRfmCustomers(rows: Row[]): RfmCustomer[] {
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
  const { ctx } = await prepareContext(engine, { from: asOf, to: asOf }, filters, options.description);
  if (ctx.blocked.includes('orders')) return { asOf, segments: [] };
  const store = columnStoreFor(engine, ctx);
  const rows = (store && rfmSegmentsFromColumns(store, ctx, asOf)) ?? (await engine.query(rfmSegmentsSql(ctx, asOf)));
  const segments = parseRfmSegments(rows);
  if (!options.includeCustomers) return { asOf, segments };
  return { asOf, segments, customers: parseRfmCustomers(await engine.query(rfmCustomersSql(ctx, asOf))) };
}
