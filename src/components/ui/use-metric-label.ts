import { useCallback } from 'react';
import { entryOf, type ComponentId } from '../../metrics/registry';
import { useAppStore } from '../../stores/app-store';

/**
 * A metric's name in the UI language, from its registry entry: the label, or with `short` the
 * shorter name for table headings, legends and driver boxes. Pages never name a metric themselves.
 */
export function useMetricLabel(): (id: ComponentId, form?: 'short') => string {
  const locale = useAppStore((s) => s.locale);
  return useCallback(
    (id: ComponentId, form?: 'short') => {
      const entry = entryOf(id);
      const texts = form === 'short' ? (entry.short ?? entry.label) : entry.label;
      return locale === 'zh-CN' ? texts.zh : texts.en;
    },
    [locale],
  );
}
