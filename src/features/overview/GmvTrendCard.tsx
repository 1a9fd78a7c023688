import { memo, useCallback, useMemo } from 'react';
import { SeriesChart } from '../../components/charts/SeriesChart';
import { ErrorBox, Skeleton } from '../../components/ui/states';
import { computeTrailingSeries, trailingSeriesKey } from '../../dataset/trailing-series';
import { useEngineQuery } from '../../dataset/use-engine-query';
import { useT } from '../../i18n/use-t';
import { formatMoney } from '../../lib/format';
import type { Filters } from '../../metrics/filters';
import type { Period } from '../../metrics/periods';
import { useAppStore } from '../../stores/app-store';

/** The monthly series of the twelve months up to the period: the GMV chart and the KPI sparklines share it. */
export function useTrailingSeries(period: Period | null, filters: Filters) {
  return useEngineQuery(
    period ? trailingSeriesKey(period, filters) : ['trailing-series', null],
    (engine) => computeTrailingSeries(engine, period!, filters),
    period !== null,
  );
}

export const GmvTrendCard = memo(function GmvTrendCard({ period, filters, currency }: { period: Period | null; filters: Filters; currency: string | null }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const series = useTrailingSeries(period, filters);
  const data = series.data;
  const points = useMemo(() => data?.map((r) => ({ label: r.period, value: r.gmv })) ?? [], [data]);
  const formatValue = useCallback((v: number | null) => formatMoney(v, currency, locale, false), [currency, locale]);
  const formatAxis = useCallback((v: number) => formatMoney(v, currency, locale), [currency, locale]);
  if (series.error) return <ErrorBox title={t('error.query')} error={series.error} />;
  if (!data) return <Skeleton height={260} />;
  return (
    <SeriesChart
      title={t('chart.gmvByMonth')}
      points={points}
      valueLabel="GMV"
      tableLabel={t('chart.tableAlt')}
      formatValue={formatValue}
      formatAxis={formatAxis}
    />
  );
});
