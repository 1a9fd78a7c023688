import type { Engine, Row } from '../../engine/engine';
import { compileMetricsSql, type QueryContext } from '../compile';
import { prepareContext, queryMetrics } from '../context';
import { FUNNEL_COLUMNS, type DataDescription, type FunnelColumn } from '../describe';
import type { Filters } from '../filters';
import type { Period } from '../periods';
import { toNumberOrNull } from './kpis';

export type FunnelStep = 'sessions' | FunnelColumn | 'orders';

export interface FunnelRow {
  step: FunnelStep;
  count: number | null;
  rate_from_previous: number | null;
  rate_from_sessions: number | null;
}

/** The steps the loaded traffic has: sessions, the optional columns holding any value, then paid orders. */
export function funnelSteps(description: DataDescription): FunnelStep[] {
  if (description.traffic.rows === 0) return [];
  const present = FUNNEL_COLUMNS.filter((c) => description.traffic.optionalColumns.includes(c));
  return ['sessions', ...present, 'orders'];
}

export function funnelSql(ctx: QueryContext, steps: readonly FunnelStep[]): string {
  return compileMetricsSql(steps, ctx);
}

const ratio = (num: number | null, den: number | null) =>
  num === null || den === null || den === 0 ? null : num / den;

/** Rates against the step before in the list and against sessions (METRICS.md "Funnel"). */
export function parseFunnel(rows: Row[], steps: readonly FunnelStep[]): FunnelRow[] {
  const row = rows[0] ?? {};
  const sessions = toNumberOrNull(row.sessions);
  let previous: number | null = null;
  return steps.map((step, i) => {
    const count = toNumberOrNull(row[step]);
    const out: FunnelRow = {
      step,
      count,
      rate_from_previous: i === 0 ? null : ratio(count, previous),
      rate_from_sessions: ratio(count, sessions),
    };
    previous = count;
    return out;
  });
}

/** sessions → product_views → add_to_cart → checkouts → orders; a step the traffic lacks is left out; no traffic, no funnel. */
export async function computeFunnel(
  engine: Engine,
  period: Period,
  filters: Filters = {},
  description?: DataDescription,
): Promise<FunnelRow[]> {
  const prepared = await prepareContext(engine, period, filters, description);
  const steps = funnelSteps(prepared.description);
  if (steps.length === 0) return [];
  return parseFunnel(await queryMetrics(engine, prepared, steps), steps);
}
