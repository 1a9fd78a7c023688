import type { Engine, Row } from '../../engine/engine';
import { prepareContext, queryMetrics } from '../context';
import type { DataDescription } from '../describe';
import type { Filters } from '../filters';
import type { Period } from '../periods';
import { REGISTRY } from '../registry';
import type { MetricEntry } from '../registry/types';
import { toNumberOrNull } from './kpis';

/** The steps between sessions and paid orders: the registry's entries reported in the funnel, in its order. */
const MIDDLE_STEPS = (REGISTRY as readonly MetricEntry[]).filter((e) => e.report === 'funnel');
export type FunnelStep = 'sessions' | 'product_views' | 'add_to_cart' | 'checkouts' | 'orders';

export interface FunnelRow {
  step: FunnelStep;
  count: number | null;
  rate_from_previous: number | null;
  rate_from_sessions: number | null;
}

/** The steps the loaded traffic has: sessions, the steps whose column holds any value, then paid orders. */
export function funnelSteps(description: DataDescription): FunnelStep[] {
  if (description.traffic.rows === 0) return [];
  const present = MIDDLE_STEPS.filter(
    (e) =>
      e.kind === 'sum' &&
      e.requiresColumn !== undefined &&
      description.traffic.optionalColumns.includes(e.requiresColumn),
  ).map((e) => e.id as FunnelStep);
  return ['sessions', ...present, 'orders'];
}

const ratio = (num: number | null, den: number | null) =>
  num === null || den === null || den === 0 ? null : num / den;

/** Rates against the step before in the list and against sessions (METRICS.md "Funnel"). */
export function parseFunnel(rows: readonly Row[], steps: readonly FunnelStep[]): FunnelRow[] {
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
