import { useT } from '../../i18n/use-t';
import type { Grain } from '../../metrics/periods';

/** "by day", "by week", … in the current language. */
export function useGrainLabel(grain: Grain): string {
  const t = useT();
  switch (grain) {
    case 'day':
      return t('series.byDay');
    case 'week':
      return t('series.byWeek');
    case 'month':
      return t('series.byMonth');
    case 'quarter':
      return t('series.byQuarter');
    case 'year':
      return t('series.byYear');
  }
}
