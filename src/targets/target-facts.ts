import { isKpiId, KPI_FACTS, type Direction, type MetricKind, type MetricUnit, type SourceTable } from './metric-kinds';
import type { Target } from './schema';

/** How a target's metric is paced and judged, whether it is a KPI or a check-in metric. */
export interface TargetFacts {
  kind: MetricKind;
  direction: Direction;
  /** The KPI's unit; null for a check-in metric, whose unit is free text (`checkin.unit`). */
  unit: MetricUnit | null;
  /** Tables the KPI reads; empty for a check-in metric. */
  tables: readonly SourceTable[];
}

/** Facts of the target's metric; null for a metric that is neither a KPI nor a check-in. */
export function targetFacts(target: Pick<Target, 'metric' | 'checkin'>): TargetFacts | null {
  if (target.checkin !== undefined) {
    return {
      kind: target.checkin.aggregation === 'sum' ? 'additive' : 'ratio',
      direction: target.checkin.direction,
      unit: null,
      tables: [],
    };
  }
  if (!isKpiId(target.metric)) return null;
  const facts = KPI_FACTS[target.metric];
  return { kind: facts.kind, direction: facts.direction, unit: facts.unit, tables: facts.tables };
}
