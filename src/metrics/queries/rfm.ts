import type { Engine, Row } from '../../engine/engine';
import { literal } from '../../engine/sql';
import { dateSql, type QueryContext } from '../compile';
import { prepareContext } from '../context';
import { ordersRelation } from '../derived';
import type { DataDescription } from '../describe';
import type { Filters } from '../filters';
import { toNumberOrNull } from './kpis';

export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potential_loyalist',
  'new',
  'at_risk',
  'cant_lose',
  'hibernating',
  'lost',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export const RFM_SEGMENT_LABELS: Record<RfmSegment, { en: string; zh: string }> = {
  champions: { en: 'Champions', zh: '重要价值客户' },
  loyal: { en: 'Loyal', zh: '忠诚客户' },
  potential_loyalist: { en: 'Potential loyalist', zh: '潜力客户' },
  new: { en: 'New', zh: '新客户' },
  at_risk: { en: 'At risk', zh: '流失风险客户' },
  cant_lose: { en: "Can't lose", zh: '不能失去的客户' },
  hibernating: { en: 'Hibernating', zh: '沉睡客户' },
  lost: { en: 'Lost', zh: '已流失客户' },
};

/**
 * The segment map on the recency score R and frequency score F (5 = best), in order; the first
 * rule that matches names the segment. Every (R, F) pair has exactly one segment:
 *
 *         F=1          F=2          F=3        F=4        F=5
 *   R=5   New          Potential    Potential  Champions  Champions
 *   R=4   New          Potential    Potential  Champions  Champions
 *   R=3   Hibernating  Hibernating  Loyal      Loyal      Loyal
 *   R=2   Hibernating  Hibernating  At risk    At risk    Can't lose
 *   R=1   Lost         Lost         At risk    At risk    Can't lose
 */
export const RFM_MAP: readonly { segment: RfmSegment; r: readonly number[]; f: readonly number[] }[] = [
  { segment: 'champions', r: [4, 5], f: [4, 5] },
  { segment: 'potential_loyalist', r: [4, 5], f: [2, 3] },
  { segment: 'new', r: [4, 5], f: [1] },
  { segment: 'loyal', r: [3], f: [3, 4, 5] },
  { segment: 'hibernating', r: [2, 3], f: [1, 2] },
  { segment: 'cant_lose', r: [1, 2], f: [5] },
  { segment: 'at_risk', r: [1, 2], f: [3, 4] },
  { segment: 'lost', r: [1], f: [1, 2] },
];

export function segmentOf(r: number, f: number): RfmSegment {
  const rule = RFM_MAP.find((x) => x.r.includes(r) && x.f.includes(f));
  if (!rule) throw new RangeError(`RFM scores out of range: R=${r} F=${f}`);
  return rule.segment;
}

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

/**
 * Scores per customer as of `asOf` over all paid orders up to it (METRICS.md "Segments (RFM)"):
 * recency = days since the last paid order, frequency = paid orders, monetary = Σ order_total,
 * each scored 1–5 by NTILE, ties broken by customer_key; 5 is best (lowest recency).
 */
export function rfmScoresSql(ctx: QueryContext, asOf: string): string {
  // Ties break by customer_key itself, present in both relations.
  const rel = ordersRelation(ctx.derived);
  return `WITH
customer_values AS (
  SELECT o.customer_key AS customer, date_diff('day', max(o.order_date), ${dateSql(asOf)}) AS recency,
         count(*) AS frequency, sum(o.order_total) AS monetary
  FROM ${rel.table} o
  WHERE ${rel.paid('o')}
    AND o.order_date <= ${dateSql(asOf)}
    AND ${rel.filter(ctx.filters, 'o')}
  GROUP BY o.customer_key
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
  return `WITH s AS (\n${rfmScoresSql(ctx, asOf)}\n)
SELECT customer AS customer_key, recency, frequency, CAST(monetary AS DOUBLE) AS monetary, r_score, f_score, m_score, segment
FROM s ORDER BY customer_key`;
}

export function rfmSegmentsSql(ctx: QueryContext, asOf: string): string {
  return `WITH s AS (\n${rfmScoresSql(ctx, asOf)}\n)
SELECT segment, count(*) AS customers, CAST(sum(monetary) AS DOUBLE) AS monetary, count(*) / sum(count(*)) OVER () AS share
FROM s GROUP BY segment`;
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
  const segments = parseRfmSegments(await engine.query(rfmSegmentsSql(ctx, asOf)));
  if (!options.includeCustomers) return { asOf, segments };
  return { asOf, segments, customers: parseRfmCustomers(await engine.query(rfmCustomersSql(ctx, asOf))) };
}
