import type { DataDescription } from '../../metrics/describe';
import type { Filters } from '../../metrics/filters';
import type { Period } from '../../metrics/periods';
import { useViewCaption } from './PageHead';
import { useAppStore } from '../../stores/app-store';
import { useDescription, useViewFilters } from '../../dataset/use-view';
import { useMemo } from 'react';
import { useStable } from './use-stable';

/** What every panel of an analyst page computes over: the view, resolved. */
export interface PageScope {
  period: Period;
  filters: Filters;
  currency: string | null;
  description: DataDescription;
  /** Period and filters in words, written on exported images. */
  caption: string;
}

/**
 * The view resolved for an analyst page (sales, traffic, customers): null until the period and
 * the description of the loaded data are known. The currency is the chosen one, else the data's.
 * Filters and scope keep their identity while their values do.
 */
export function usePageScope() {
  const period = useAppStore((s) => s.view.period);
  const filters = useStable(useViewFilters());
  const description = useDescription();
  const caption = useViewCaption();
  const currency = filters.currency ?? description.data?.orders.currencies[0] ?? null;
  const data = description.data;
  // The same object while the view is the same, so the memoised panels handed it do not redraw
  // when a result of another panel arrives.
  const scope: PageScope | null = useMemo(
    () => (period && data ? { period, filters, currency, description: data, caption } : null),
    [period, filters, currency, data, caption],
  );
  return { scope, description, filters, period, currency };
}
