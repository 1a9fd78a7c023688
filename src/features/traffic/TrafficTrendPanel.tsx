import { memo, useCallback, useMemo } from 'react';
import { ChartLegend } from '../../components/charts/ChartLegend';
import { ACCENT, COMPARE } from '../../components/charts/palette';
import { SeriesChart } from '../../components/charts/SeriesChart';
import { tableCsvOnDemand, type Column } from '../../components/ui/DataTable';
import { bucketPeriod, drillToPeriod } from '../../components/ui/drill';
import { exportName } from '../../components/ui/download';
import { Panel } from '../../components/ui/Panel';
import { ErrorBox, Skeleton } from '../../components/ui/states';
import { useStable } from '../../components/ui/use-stable';
import { useFormatters } from '../../components/ui/use-formatters';
import { useEngineQuery } from '../../dataset/use-engine-query';
import { useT } from '../../i18n/use-t';
import { useMetricLabel } from '../../components/ui/use-metric-label';
import { computeSeriesOf } from '../../metrics/queries/series';
import { useAppStore } from '../../stores/app-store';
import { useComparison } from '../../dataset/use-view';
import { effectiveGrain } from '../../components/charts/effective-grain';
import type { PageScope } from '../../components/ui/page-scope';
import { useGrainLabel } from '../../components/ui/use-grain-label';
import { toTrafficPoints, TRAFFIC_TREND_METRICS, type TrafficTrendRow } from './traffic-shape';
import { useAnomalyMarks } from '../../components/charts/use-anomaly-marks';

/** Sessions (bars) or conversion (a line) over the period at the view's grain; a click narrows the period to the bucket. */
export const TrafficTrendPanel = memo(function TrafficTrendPanel({ scope, metric }: { scope: PageScope; metric: 'sessions' | 'conversion_rate' }) {
  const t = useT();
  const metricLabel = useMetricLabel();
  const viewGrain = useAppStore((s) => s.view.grain);
  const fmt = useFormatters(scope.currency);
  const { period, filters, description } = scope;
  const grain = effectiveGrain(period, viewGrain);
  const grainLabel = useGrainLabel(grain);
  const comparison = useStable(useComparison(period));
  const current = useEngineQuery(['traffic-series', period, grain, filters], (e) =>
    computeSeriesOf(e, period, grain, TRAFFIC_TREND_METRICS, filters, description),
  );
  const previous = useEngineQuery(
    ['traffic-series', comparison, grain, filters],
    (e) => computeSeriesOf(e, comparison!, grain, TRAFFIC_TREND_METRICS, filters, description),
    comparison !== null,
  );
  const marks = useAnomalyMarks(scope, grain);
  const isRate = metric === 'conversion_rate';
  const title = isRate
    ? t('traffic.conversionOverTime', { grain: grainLabel })
    : t('traffic.sessionsOverTime', { grain: grainLabel });
  const currentData = current.data;
  const previousData = comparison ? previous.data : undefined;
  const points = useMemo(
    () => (currentData ? toTrafficPoints(currentData, metric, previousData) : []),
    [currentData, metric, previousData],
  );
  const select = useCallback((bucket: string) => drillToPeriod(bucketPeriod(period, grain, bucket)), [period, grain]);
  const valueLabel = isRate ? metricLabel('conversion_rate', 'short') : metricLabel('sessions', 'short');
  const columns: Column<TrafficTrendRow>[] = [
    { key: 'period', label: t('sales.bucket') },
    { key: 'sessions', label: metricLabel('sessions', 'short'), numeric: true },
    { key: 'orders', label: metricLabel('orders', 'short'), numeric: true },
    { key: 'conversion_rate', label: metricLabel('conversion_rate', 'short'), numeric: true },
  ];

  const legend =
    comparison && previous.data
      ? [
          { label: `${period.from} – ${period.to}`, color: ACCENT },
          { label: `${comparison.from} – ${comparison.to}`, color: COMPARE, dashed: isRate },
        ]
      : [];

  return (
    <Panel
      busy={current.isPlaceholderData || previous.isPlaceholderData}
      pngLegend={legend}
      name={`traffic-${metric}`}
      title={title}
      exportName={exportName(`traffic-${metric}-${grain}`, period)}
      caption={scope.caption}
      csv={current.data ? tableCsvOnDemand(current.data, columns) : null}
      png
    >
      {current.error ? (
        <ErrorBox title={t('error.query')} error={current.error} />
      ) : !current.data ? (
        <Skeleton height={240} />
      ) : (
        <>
          {legend.length > 0 && <ChartLegend entries={legend} />}
          <SeriesChart
            title={title}
            points={points}
            kind={isRate ? 'line' : 'bar'}
            valueLabel={valueLabel}
            compareLabel={comparison ? `${comparison.from} – ${comparison.to}` : undefined}
            tableLabel={t('chart.tableAlt')}
            formatValue={isRate ? fmt.rate : fmt.countFull}
            formatAxis={isRate ? fmt.rate : fmt.count}
            height={240}
            onSelect={select}
            marks={marks}
          />
        </>
      )}
    </Panel>
  );
});
