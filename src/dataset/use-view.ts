import { comparisonPeriod, type Period } from '../metrics/periods';
import { computeKpis } from '../metrics/queries/kpis';
import { describeData } from '../metrics/describe';
import { useEngineQuery } from './use-engine-query';
import { useAppStore } from '../stores/app-store';
import type { Filters } from '../metrics/filters';

/** The filters of the current view in the shape the metrics layer takes. */
export function useViewFilters(): Filters {
  const view = useAppStore((s) => s.view);
  const filters: Filters = { ...view.filters };
  if (view.currency) filters.currency = view.currency;
  return filters;
}

export function useDescription() {
  return useEngineQuery(['describe'], describeData);
}

/** KPIs of a period (null period: not known yet, the query waits). */
export function useKpis(period: Period | null, filters: Filters) {
  return useEngineQuery(['kpis', period, filters], (engine) => computeKpis(engine, period!, filters), period !== null);
}

export function useComparison(period: Period | null) {
  const compare = useAppStore((s) => s.view.compare);
  return period ? comparisonPeriod(period, compare) : null;
}
