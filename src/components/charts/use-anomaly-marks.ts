import { useMemo } from 'react';
import { useEngineQuery } from '../../dataset/use-engine-query';
import { useT } from '../../i18n/use-t';
import { computeAnomalies } from '../../metrics/queries/anomalies';
import { ENTRIES } from '../../metrics/registry';
import type { Grain } from '../../metrics/periods';
import { useAppStore } from '../../stores/app-store';
import type { PageScope } from '../ui/page-scope';

/**
 * The anomalous days of the view (METRICS.md "Alerts", the same computeAnomalies the Alerts
 * page and `yardstick report` use), as daily-chart marks: day → "Anomaly on day: GMV, Orders".
 * Nothing at other grains, where a bucket is not a day.
 */
export function useAnomalyMarks(scope: PageScope, grain: Grain): ReadonlyMap<string, string> | undefined {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const { period, filters, description } = scope;
  const anomalies = useEngineQuery(
    ['anomalies', period, filters],
    (e) => computeAnomalies(e, period, filters, description),
    grain === 'day',
  );
  const data = grain === 'day' ? anomalies.data : undefined;
  return useMemo(() => {
    if (!data) return undefined;
    const byDay = new Map<string, string[]>();
    for (const a of data) byDay.set(a.date, [...(byDay.get(a.date) ?? []), locale === 'zh-CN' ? ENTRIES[a.metric].label.zh : ENTRIES[a.metric].label.en]);
    return new Map([...byDay].map(([day, names]) => [day, t('alerts.marker', { date: day, metrics: names.join(', ') })]));
  }, [data, locale, t]);
}
