import { memo, useCallback, useMemo, useState } from 'react';
import { ChartLegend } from '../../components/charts/ChartLegend';
import { ACCENT, COMPARE } from '../../components/charts/palette';
import { SeriesChart } from '../../components/charts/SeriesChart';
import { tableCsvOnDemand, type Column } from '../../components/ui/DataTable';
import { bucketPeriod, drillToPeriod } from '../../components/ui/drill';
import { exportName } from '../../components/ui/download';
import { Panel } from '../../components/ui/Panel';
import { Segmented } from '../../components/ui/Segmented';
import { ErrorBox, Skeleton } from '../../components/ui/states';
import { useStable } from '../../components/ui/use-stable';
import { useFormatters } from '../../components/ui/use-formatters';
import { useEngineQuery } from '../../dataset/use-engine-query';
import { useT } from '../../i18n/use-t';
import { ENTRIES } from '../../metrics/registry';
import { useAppStore } from '../../stores/app-store';
import { useComparison } from '../../dataset/use-view';
import { computeSalesSeries, SALES_METRICS, type MetricRow, type SalesMetric } from './sales-queries';
import { effectiveGrain } from '../../components/charts/effective-grain';
import { toSeriesPoints } from './sales-shape';
import type { PageScope } from '../../components/ui/page-scope';
import { useGrainLabel } from '../../components/ui/use-grain-label';
import { useAnomalyMarks } from '../../components/charts/use-anomaly-marks';

/** GMV, net revenue, refunds, discounts, orders and AOV over the period, against the comparison; a click on a bar narrows the period to it. */
export const SalesTrendPanel = memo(function SalesTrendPanel({ scope }: { scope: PageScope }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const viewGrain = useAppStore((s) => s.view.grain);
  const fmt = useFormatters(scope.currency);
  const [metric, setMetric] = useState<SalesMetric>('gmv');
  const { period, filters, description } = scope;
  const grain = effectiveGrain(period, viewGrain);
  const grainLabel = useGrainLabel(grain);
  const comparison = useStable(useComparison(period));
  const current = useEngineQuery(['sales-series', period, grain, filters], (e) =>
    computeSalesSeries(e, period, grain, filters, description),
  );
  const previous = useEngineQuery(
    ['sales-series', comparison, grain, filters],
    (e) => computeSalesSeries(e, comparison!, grain, filters, description),
    comparison !== null,
  );

  const marks = useAnomalyMarks(scope, grain);
  const label = (id: SalesMetric) => (locale === 'zh-CN' ? ENTRIES[id].label.zh : ENTRIES[id].label.en);
  const unit = ENTRIES[metric].unit;
  const format = unit === 'money' ? fmt.moneyFull : fmt.countFull;
  const axis = unit === 'money' ? fmt.money : fmt.count;
  const currentData = current.data;
  const previousData = comparison ? previous.data : undefined;
  const points = useMemo(
    () => (currentData ? toSeriesPoints(currentData, metric, previousData) : []),
    [currentData, metric, previousData],
  );
  const select = useCallback((bucket: string) => drillToPeriod(bucketPeriod(period, grain, bucket)), [period, grain]);
  const columns: Column<MetricRow<SalesMetric>>[] = [
    { key: 'key', label: t('sales.bucket') },
    ...SALES_METRICS.map((id) => ({ key: id, label: label(id), numeric: true })),
  ];

  const legend =
    comparison && previous.data
      ? [
          { label: `${period.from} – ${period.to}`, color: ACCENT },
          { label: `${comparison.from} – ${comparison.to}`, color: COMPARE, dashed: metric === 'aov' },
        ]
      : [];

  return (
    <Panel
      busy={current.isPlaceholderData || previous.isPlaceholderData}
      pngLegend={legend}
      name="sales-trend"
      title={t('sales.overTime', { grain: grainLabel })}
      subtitle={t('sales.drillHintPeriod')}
      exportName={exportName(`sales-${grain}`, period)}
      caption={scope.caption}
      csv={current.data ? tableCsvOnDemand(current.data, columns) : null}
      png
      controls={
        <Segmented
          name="sales-metric"
          label={t('sales.metric')}
          value={metric}
          onChange={setMetric}
          options={SALES_METRICS.map((id) => ({ value: id, label: label(id) }))}
        />
      }
    >
      {current.error ? (
        <ErrorBox title={t('error.query')} error={current.error} />
      ) : !current.data ? (
        <Skeleton height={260} />
      ) : (
        <>
          {legend.length > 0 && <ChartLegend entries={legend} />}
          <SeriesChart
            title={`${label(metric)} · ${grainLabel}`}
            points={points}
            valueLabel={label(metric)}
            compareLabel={comparison ? `${comparison.from} – ${comparison.to}` : undefined}
            tableLabel={t('chart.tableAlt')}
            formatValue={format}
            formatAxis={axis}
            kind={metric === 'aov' ? 'line' : 'bar'}
            onSelect={select}
            marks={marks}
          />
        </>
      )}
    </Panel>
  );
});
