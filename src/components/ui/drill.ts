import { periodBuckets, type Grain, type Period } from '../../metrics/periods';
import type { Filters } from '../../metrics/filters';
import { useAppStore, type ViewState } from '../../stores/app-store';

export type FilterKey = keyof ViewState['filters'];
export const FILTER_KEYS: readonly FilterKey[] = ['channel', 'category', 'region', 'device', 'campaign'];

/**
 * Clicking a value filters the page to it; clicking the value the page is already filtered to
 * (alone) lifts that filter again.
 */
export function toggleFilterValue(filters: ViewState['filters'], key: FilterKey, value: string): ViewState['filters'] {
  const current = filters[key];
  const next = { ...filters };
  if (current && current.length === 1 && current[0] === value) delete next[key];
  else next[key] = [value];
  return next;
}

/**
 * The filters without one dimension: a breakdown by channel is drawn over every channel, the
 * chosen one highlighted, so another can be picked straight from it.
 */
export function withoutDimension(filters: Filters, key: FilterKey): Filters {
  const next = { ...filters };
  delete next[key];
  return next;
}

export function hasFilterValue(filters: ViewState['filters'] | Filters, key: FilterKey, value: string): boolean {
  const list = filters[key];
  return list !== undefined && list.includes(value);
}

/** The dates of one bucket of a series (clipped to the period), to drill into a month or a week. */
export function bucketPeriod(period: Period, grain: Grain, label: string): Period | null {
  const bucket = periodBuckets(period, grain).find((b) => b.label === label);
  return bucket ? { from: bucket.from, to: bucket.to } : null;
}

/** Drill-down actions: they change the view, which lives in the URL, so back steps out again. */
export function drillToValue(key: FilterKey, value: string): void {
  const { view, setView } = useAppStore.getState();
  setView({ filters: toggleFilterValue(view.filters, key, value) });
}

export function drillToPeriod(period: Period | null): void {
  if (period) useAppStore.getState().setView({ period });
}
