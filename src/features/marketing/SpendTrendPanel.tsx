import { memo, useMemo } from 'react';
import { CHANNEL_COLORS } from '../../components/charts/palette';
import { SeriesChart } from '../../components/charts/SeriesChart';
import { StackedBarChart, type StackSeries } from '../../components/charts/StackedBarChart';
import { effectiveGrain } from '../../components/charts/effective-grain';
import { type Column, tableCsvOnDemand } from '../../components/ui/DataTable';
import { exportName } from '../../components/ui/download';
import { channelLabel } from '../../components/ui/labels';
import type { PageScope } from '../../components/ui/page-scope';
import { Panel } from '../../components/ui/Panel';
import { EmptyState, ErrorBox, Skeleton } from '../../components/ui/states';
import { useFormatters } from '../../components/ui/use-formatters';
import { useGrainLabel } from '../../components/ui/use-grain-label';
import { useEngineQuery } from '../../dataset/use-engine-query';
import { useMetricLabel } from '../../components/ui/use-metric-label';
import { useT } from '../../i18n/use-t';
import { computeMarketingSeries, type MarketingSeriesRow } from '../../metrics/queries/marketing';
import { compareChannels } from '../../metrics/groupings';
import { useAppStore } from '../../stores/app-store';
import { formatRoas, useMarketingLabel } from './marketing-labels';

/** Spend by channel (stacked bars) and ROAS (a line) over the period at the view's grain. */
export const SpendTrendPanel = memo(function SpendTrendPanel({ scope }: { scope: PageScope }) {
  const t = useT();
  const label = useMarketingLabel();
  const metric = useMetricLabel();
  const locale = useAppStore((s) => s.locale);
  const viewGrain = useAppStore((s) => s.view.grain);
  const fmt = useFormatters(scope.currency);
  const { period, filters, description } = scope;
  const grain = effectiveGrain(period, viewGrain);
  const grainLabel = useGrainLabel(grain);
  const result = useEngineQuery(['marketing-series', period, grain, filters], (e) =>
    computeMarketingSeries(e, period, grain, filters, description),
  );
  const data = result.data;
  const series = useMemo<StackSeries[]>(() => {
    const channels = [...new Set((data ?? []).flatMap((r) => Object.keys(r.spend)))].sort(compareChannels);
    return channels.map((c, i) => ({
      key: c,
      label: channelLabel(c, locale),
      color: CHANNEL_COLORS[i % CHANNEL_COLORS.length]!,
    }));
  }, [data, locale]);
  const rows = useMemo(() => (data ?? []).map((r) => ({ label: r.period, values: r.spend })), [data]);
  const points = useMemo(() => (data ?? []).map((r) => ({ label: r.period, value: r.roas })), [data]);
  const columns: Column<MarketingSeriesRow>[] = [
    { key: 'period', label: t('sales.bucket') },
    { key: 'total_spend', label: label('spend', 'short'), numeric: true },
    { key: 'gmv', label: metric('gmv', 'short'), numeric: true },
    { key: 'roas', label: label('roas', 'short'), numeric: true },
  ];
  const spendTitle = t('marketing.spendOverTime', { grain: grainLabel });
  const roasTitle = t('marketing.roasOverTime', { grain: grainLabel });
  const body = (chart: 'spend' | 'roas') =>
    result.error ? (
      <ErrorBox title={t('error.query')} error={result.error} />
    ) : !data ? (
      <Skeleton height={240} />
    ) : series.length === 0 ? (
      // No spend row in the period (a calendar or orders alone): say so rather than draw empty axes.
      <EmptyState>{t('marketing.noSpend')}</EmptyState>
    ) : chart === 'spend' ? (
      <StackedBarChart
        title={spendTitle}
        rows={rows}
        series={series}
        formatValue={fmt.moneyFull}
        formatAxis={fmt.money}
        tableLabel={t('chart.tableAlt')}
        height={240}
      />
    ) : (
      <SeriesChart
        title={roasTitle}
        points={points}
        kind="line"
        valueLabel={label('roas', 'short')}
        tableLabel={t('chart.tableAlt')}
        formatValue={formatRoas}
        formatAxis={(v) => `${v.toFixed(1)}×`}
        height={240}
      />
    );
  return (
    <div className="grid-2">
      <Panel
        busy={result.isPlaceholderData}
        name="marketing-spend"
        title={spendTitle}
        exportName={exportName(`marketing-spend-${grain}`, period)}
        caption={scope.caption}
        csv={data ? tableCsvOnDemand(data, columns) : null}
        png
      >
        {body('spend')}
      </Panel>
      <Panel
        busy={result.isPlaceholderData}
        name="marketing-roas"
        title={roasTitle}
        exportName={exportName(`marketing-roas-${grain}`, period)}
        caption={scope.caption}
        csv={data ? tableCsvOnDemand(data, columns) : null}
        png
      >
        {body('roas')}
      </Panel>
    </div>
  );
});
