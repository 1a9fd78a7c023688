import type { Engine, Row } from '../../engine/engine';
import { prepareContext, queryMetrics } from '../context';
import type { DataDescription } from '../describe';
import type { Filters } from '../filters';
import type { Period } from '../periods';
import { KPI_IDS, type MetricId } from '../registry';

export type Kpis = Record<MetricId, number | null>;

export function toNumberOrNull(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

export function parseKpis(rows: readonly Row[]): Kpis {
  const row = rows[0] ?? {};
  const out = {} as Kpis;
  for (const id of KPI_IDS) out[id] = toNumberOrNull(row[id]);
  return out;
}

/**
 * Every KPI of METRICS.md over `period` under `filters`, in one query. Missing sources and filters
 * a source cannot honour give null; see `prepareContext` for the currency rule.
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
