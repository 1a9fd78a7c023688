import type { Engine, Row } from '../../engine/engine';
import { compileMetricsSql, dateSql, type QueryContext } from '../../metrics/compile';
import { prepareContext } from '../../metrics/context';
import { firstPaidSql } from '../../metrics/derived';
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
 * (the first month may be clipped). One pass over the orders; the count is the compiler's `buyers`.
 */
export function buyerMixSql(ctx: QueryContext): string {
  const month = (column: string) => `strftime(${column}, '%Y-%m')`;
  const firstMonths = `SELECT (customer_key, ${month('first_paid_date')}) FROM (${firstPaidSql(ctx.derived)}) WHERE first_paid_date >= ${dateSql(ctx.period.from)}`;
  return compileMetricsSql(['buyers'], ctx, {
    key: (_source, alias) =>
      `${month(`${alias}.order_date`)} || CASE WHEN (${alias}.customer_key, ${month(`${alias}.order_date`)}) IN (${firstMonths}) THEN '|new' ELSE '|returning' END`,
  });
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
  return parseBuyerMix(await engine.query(buyerMixSql(ctx)), span, data.orders);
}
