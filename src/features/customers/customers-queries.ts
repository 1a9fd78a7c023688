import type { Engine } from '../../engine/engine';
import { prepareContext, queryMetrics } from '../../metrics/context';
import type { DataDescription } from '../../metrics/describe';
import type { Filters } from '../../metrics/filters';
import { withFilteredOrders } from '../../metrics/filtered-orders';
import { bucketGrouping } from '../../metrics/groupings';
import type { Period } from '../../metrics/periods';
import { toNumberOrNull } from '../../metrics/queries/kpis';

const BUYER_MIX_METRICS = ['new_buyers', 'returning_buyers', 'buyers'] as const;

export interface BuyerMixRow {
  month: string;
  new_buyers: number | null;
  returning_buyers: number | null;
  buyers: number | null;
}

/**
 * Buyers of each month of the span, split into new and returning with each month taken as its
 * own period (METRICS.md `new_buyers`, `returning_buyers`): the KPIs themselves over month
 * buckets, so a buyer is new in a month when their first paid order in the whole dataset falls in
 * that month, on or after the span's first day (the first month may be clipped). A month the
 * orders table covers but nobody bought in has 0 buyers; a month outside the loaded dates has
 * none known (null).
 */
export async function computeBuyerMix(
  engine: Engine,
  span: Period,
  filters: Filters,
  description?: DataDescription,
): Promise<BuyerMixRow[]> {
  const prepared = await prepareContext(engine, span, filters, description);
  if (prepared.ctx.blocked.includes('orders')) return [];
  const rows = await withFilteredOrders(engine, prepared.ctx.filters, (filteredOrders) =>
    queryMetrics(
      engine,
      { ...prepared, ctx: { ...prepared.ctx, filteredOrders } },
      BUYER_MIX_METRICS,
      bucketGrouping(span, 'month'),
    ),
  );
  return rows.map((r) => ({
    month: String(r.grp),
    new_buyers: toNumberOrNull(r.new_buyers),
    returning_buyers: toNumberOrNull(r.returning_buyers),
    buyers: toNumberOrNull(r.buyers),
  }));
}
