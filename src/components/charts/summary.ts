import type { MessageKey } from '../../i18n/messages';
import { extremes } from './scales';

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/**
 * What a screen reader says for a chart of labelled values: its title, how many points, and the
 * lowest and highest with where they are. The numbers are the chart's own formatting.
 */
export function describeSeries(
  t: Translate,
  title: string,
  items: readonly { label: string; value: number | null | undefined }[],
  format: (v: number) => string,
): string {
  const ends = extremes(items, (i) => i.value);
  if (!ends) return t('chart.pointsOnly', { title, count: items.length });
  return t('chart.seriesSummary', {
    title,
    count: items.length,
    low: format(ends.low.value!),
    lowAt: ends.low.label,
    high: format(ends.high.value!),
    highAt: ends.high.label,
  });
}
