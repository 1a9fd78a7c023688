import { useViewCaption } from '../../components/ui/PageHead';
import { useAppStore } from '../../stores/app-store';
import { useDescription, useViewFilters } from '../overview/use-overview';
import type { PageScope } from './scope';

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
