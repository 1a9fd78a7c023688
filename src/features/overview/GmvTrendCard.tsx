import { trailingYear } from '../../lib/trailing-year';
import { SeriesChart } from '../../components/charts/SeriesChart';
import { ErrorBox, Skeleton } from '../../components/ui/states';
import { useEngineQuery } from '../../app/use-engine-query';
import { useT } from '../../i18n/use-t';
import { formatMoney } from '../../lib/format';
import type { Filters } from '../../metrics/filters';
import type { Period } from '../../metrics/periods';
import { computeSeries } from '../../metrics/queries/series';
import { useAppStore } from '../../stores/app-store';


/** The monthly series of the twelve months up to the period: the GMV chart and the KPI sparklines share it. */
export function useTrailingSeries(period: Period | null, filters: Filters) {
  const span = period ? trailingYear(period) : null;
  return useEngineQuery(['series', span, 'month', filters], (engine) => computeSeries(engine, span!, 'month', filters), span !== null);
}

export function GmvTrendCard({ period, filters, currency }: { period: Period | null; filters: Filters; currency: string | null }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const series = useTrailingSeries(period, filters);
  if (series.error) return <ErrorBox title={t('error.query')} error={series.error} />;
  if (!series.data) return <Skeleton height={260} />;
  const points = series.data.map((r) => ({ label: r.period, value: r.gmv }));
  return (
    <SeriesChart
      title={t('chart.gmvByMonth')}
      points={points}
      valueLabel="GMV"
      tableLabel={t('chart.tableAlt')}
      formatValue={(v) => formatMoney(v, currency, locale, false)}
      formatAxis={(v) => formatMoney(v, currency, locale)}
    />
  );
}
