import { useCallback } from 'react';
import { MARKETING_ENTRIES, type MarketingMetricId } from '../../metrics/registry/marketing';
import { useAppStore } from '../../stores/app-store';

/** A marketing metric's name in the UI language, from its registry entry (`short` for headings). */
export function useMarketingLabel(): (id: MarketingMetricId, form?: 'short') => string {
  const locale = useAppStore((s) => s.locale);
  return useCallback(
    (id: MarketingMetricId, form?: 'short') => {
      const entry = MARKETING_ENTRIES[id];
      const texts = form === 'short' ? (entry.short ?? entry.label) : entry.label;
      return locale === 'zh-CN' ? texts.zh : texts.en;
    },
    [locale],
  );
}

/** ROAS reads as a multiple (2.54×); "—" when it cannot be computed. */
export function formatRoas(v: number | null): string {
  return v === null ? '—' : `${v.toFixed(2)}×`;
}
