import type { Engine } from '../../engine/engine';
import { literal } from '../../engine/sql';
import { compileMetricsSql, type QueryContext } from '../../metrics/compile';
import { prepareContext } from '../../metrics/context';
import type { DataDescription } from '../../metrics/describe';
import type { Filters } from '../../metrics/filters';
import type { Period } from '../../metrics/periods';
import { toNumberOrNull } from '../../metrics/queries/kpis';

export const BUYER_MIX_METRICS = ['new_buyers', 'returning_buyers', 'buyers'] as const;

export interface BuyerMixRow {
  month: string;
  new_buyers: number | null;
  returning_buyers: number | null;
  buyers: number | null;
}

/**
 * New and returning buyers of each month, each month taken as its own period (METRICS.md
 * `new_buyers`, `returning_buyers`): one compiled KPI query per month, run as one statement.
 */
export function buyerMixSql(ctx: QueryContext, months: readonly { label: string; period: Period }[]): string {
  return months
    .map(
      (m) =>
        `SELECT ${literal(m.label)} AS month, * FROM (\n${compileMetricsSql(BUYER_MIX_METRICS, { ...ctx, period: m.period })}\n)`,
    )
    .join('\nUNION ALL\n')
    .concat('\nORDER BY month');
}

export async function computeBuyerMix(
  engine: Engine,
  months: readonly { label: string; period: Period }[],
  filters: Filters,
  description?: DataDescription,
): Promise<BuyerMixRow[]> {
  const first = months[0];
  if (!first) return [];
  const { ctx } = await prepareContext(engine, first.period, filters, description);
  if (ctx.blocked.includes('orders')) return [];
  const rows = await engine.query(buyerMixSql(ctx, months));
  return rows.map((r) => ({
    month: String(r.month),
    new_buyers: toNumberOrNull(r.new_buyers),
    returning_buyers: toNumberOrNull(r.returning_buyers),
    buyers: toNumberOrNull(r.buyers),
  }));
}
