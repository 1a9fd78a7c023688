import type { DataDescription } from '../../metrics/describe';
import type { Filters } from '../../metrics/filters';
import type { Period } from '../../metrics/periods';
import { useViewCaption } from './PageHead';
import { useAppStore } from '../../stores/app-store';
import { useDescription, useViewFilters } from '../../dataset/use-view';

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
 */
export function usePageScope() {
  const period = useAppStore((s) => s.view.period);
  const filters = useViewFilters();
  const description = useDescription();
  const caption = useViewCaption();
  const currency = filters.currency ?? description.data?.orders.currencies[0] ?? null;
  const scope: PageScope | null =
    period && description.data ? { period, filters, currency, description: description.data, caption } : null;
  return { scope, description, filters, period, currency };
}
