import type { Engine, Row } from '../../engine/engine';
import { compileMetricsSql, type QueryContext } from '../compile';
import { prepareContext, queryMetrics } from '../context';
import { KPI_IDS, type MetricId } from '../definitions';
import type { DataDescription } from '../describe';
import type { Filters } from '../filters';
import type { Period } from '../periods';

export type Kpis = Record<MetricId, number | null>;

/** One query for all 21 KPIs of the period (METRICS.md "Orders", "Traffic", "Users"). */
export function kpisSql(ctx: QueryContext): string {
  return compileMetricsSql(KPI_IDS, ctx);
}

export function toNumberOrNull(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

export function parseKpis(rows: Row[]): Kpis {
  const row = rows[0] ?? {};
  const out = {} as Kpis;
  for (const id of KPI_IDS) out[id] = toNumberOrNull(row[id]);
  return out;
}

/**
 * Every KPI of METRICS.md over `period` under `filters`. Missing sources and filters a source
 * cannot honour give null; see `prepareContext` for the currency rule.
 */
export async function computeKpis(
  engine: Engine,
  period: Period,
  filters: Filters = {},
  description?: DataDescription,
): Promise<Kpis> {
  const prepared = await prepareContext(engine, period, filters, description);
  return parseKpis(await queryMetrics(engine, prepared, KPI_IDS));
}
