import type { Engine, Row } from '../../engine/engine';
import { dateSql, type QueryContext } from '../../metrics/compile';
import { prepareContext } from '../../metrics/context';
import { answerFromColumns } from '../../metrics/columnar/execute';
import { columnStoreFor } from '../../metrics/columnar/store';
import { withDependencies, type AggregateDefinition } from '../../metrics/definitions';
import { firstPaidSql, ordersRelation } from '../../metrics/derived';
import type { DataDescription } from '../../metrics/describe';
import type { Filters } from '../../metrics/filters';
import { periodBuckets, type Period } from '../../metrics/periods';
import { toNumberOrNull } from '../../metrics/queries/kpis';

export interface BuyerMixRow {
  month: string;
  new_buyers: number | null;
  returning_buyers: number | null;
  buyers: number | null;
}

/**
 * Buyers of each month of the span, split into new and returning with each month taken as its
 * own period (METRICS.md `new_buyers`, `returning_buyers`): a buyer is new in a month when their
 * first paid order in the whole dataset falls in that month, on or after the span's first day
 * (the first month may be clipped). One pass over the orders; months stay dates until the result.
 * On the derived tables a bitmap of integer customer ids counts the distinct buyers: no hash table
 * of customer × month (at 1M orders that table held ~600k entries and took most of the time).
 */
export function buyerMixSql(ctx: QueryContext): string {
  const rel = ordersRelation(ctx.derived);
  const firstPaid = rel.firstPaid ? rel.firstPaid('o') : 'f.first_paid_date';
  const from = rel.firstPaid
    ? `${rel.table} o`
    : `${rel.table} o JOIN (${firstPaidSql(false)}) f ON f.customer_key = o.customer_key`;
  const buyers = ctx.derived ? `bit_count(bitstring_agg(${rel.customer('o')}))` : 'count(DISTINCT o.customer_key)';
  const month = "date_trunc('month', o.order_date)";
  return `SELECT strftime(month, '%Y-%m') || CASE WHEN fresh THEN '|new' ELSE '|returning' END AS grp,
       CAST(buyers AS DOUBLE) AS buyers
FROM (
  SELECT ${month} AS month, ${firstPaid} >= greatest(${month}, ${dateSql(ctx.period.from)}) AS fresh, ${buyers} AS buyers
  FROM ${from}
  WHERE ${rel.paid('o')}
    AND o.order_date BETWEEN ${dateSql(ctx.period.from)} AND ${dateSql(ctx.period.to)}
    AND ${rel.filter(ctx.filters, 'o')}
  GROUP BY ALL
)`;
}

/**
 * One row per month of the span. A month the orders table covers but nobody bought in has 0
 * buyers; a month outside the loaded dates has none known (null).
 */
export function parseBuyerMix(
  rows: Row[],
  span: Period,
  loaded: { firstDate: string | null; lastDate: string | null },
): BuyerMixRow[] {
  const counts = new Map(rows.map((r) => [String(r.grp), toNumberOrNull(r.buyers)]));
  return periodBuckets(span, 'month').map((m) => {
    const covered =
      loaded.firstDate !== null && loaded.lastDate !== null && loaded.firstDate <= m.to && loaded.lastDate >= m.from;
    const count = (kind: 'new' | 'returning') => (covered ? (counts.get(`${m.label}|${kind}`) ?? 0) : null);
    const fresh = count('new');
    const returning = count('returning');
    return {
      month: m.label,
      new_buyers: fresh,
      returning_buyers: returning,
      buyers: fresh === null || returning === null ? null : fresh + returning,
    };
  });
}

export async function computeBuyerMix(
  engine: Engine,
  span: Period,
  filters: Filters,
  description?: DataDescription,
): Promise<BuyerMixRow[]> {
  const { ctx, description: data } = await prepareContext(engine, span, filters, description);
  if (ctx.blocked.includes('orders')) return [];
  return parseBuyerMix(fromColumnStore(engine, ctx) ?? (await engine.query(buyerMixSql(ctx))), span, data.orders);
}

/** The rows of buyerMixSql from the dashboard's in-memory column store, when it has one and can answer. */
function fromColumnStore(engine: Engine, ctx: QueryContext): Row[] | null {
  const store = columnStoreFor(engine, ctx);
  if (!store) return null;
  const months = periodBuckets(ctx.period, 'month').map((m) => ({ key: m.label, from: m.from, to: m.to }));
  const aggregates = withDependencies(['buyers', 'new_buyers']).filter((d): d is AggregateDefinition => d.kind !== 'ratio');
  const rows = answerFromColumns(store, aggregates, ctx, { key: () => '', rows: months }, { newInEachGroup: true });
  return rows?.flatMap((r) => [
    { grp: `${String(r.grp)}|new`, buyers: r.new_buyers ?? null },
    { grp: `${String(r.grp)}|returning`, buyers: Number(r.buyers) - Number(r.new_buyers) },
  ]) ?? null;
}
