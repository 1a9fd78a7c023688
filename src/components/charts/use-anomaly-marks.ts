import { useMemo } from 'react';
import { useEngineQuery } from '../../dataset/use-engine-query';
import { useT } from '../../i18n/use-t';
import type { Engine } from '../../engine/engine';
import type { DataDescription } from '../../metrics/describe';
import type { Filters } from '../../metrics/filters';
import { computeAnomalies, type Anomaly } from '../../metrics/queries/anomalies';
import { ENTRIES } from '../../metrics/registry';
import type { Grain, Period } from '../../metrics/periods';
import { useAppStore } from '../../stores/app-store';
import type { PageScope } from '../ui/page-scope';

/** The view's odd days as one engine query: the chart marks and the alerts badge share its result. */
export function anomaliesQuery(period: Period, filters: Filters, description: DataDescription | undefined) {
  return {
    key: ['anomalies', period, filters] as const,
    run: (engine: Engine): Promise<Anomaly[]> => computeAnomalies(engine, period, filters, description),
  };
}

/**
 * The anomalous days of the view (METRICS.md "Alerts", the same computeAnomalies the Alerts
 * page and `yardstick report` use), as daily-chart marks: day → "Anomaly on day: GMV, Orders".
 * Nothing at other grains, where a bucket is not a day.
 */
export function useAnomalyMarks(scope: PageScope, grain: Grain): ReadonlyMap<string, string> | undefined {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const { period, filters, description } = scope;
  const query = anomaliesQuery(period, filters, description);
  const anomalies = useEngineQuery(query.key, query.run, grain === 'day');
  const data = grain === 'day' ? anomalies.data : undefined;
  return useMemo(() => {
    if (!data) return undefined;
    const byDay = new Map<string, string[]>();
    for (const a of data) byDay.set(a.date, [...(byDay.get(a.date) ?? []), locale === 'zh-CN' ? ENTRIES[a.metric].label.zh : ENTRIES[a.metric].label.en]);
    return new Map([...byDay].map(([day, names]) => [day, t('alerts.marker', { date: day, metrics: names.join(', ') })]));
  }, [data, locale, t]);
}
