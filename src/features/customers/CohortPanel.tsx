import { memo, useCallback, useMemo, useState } from 'react';
import { CohortHeatmap } from '../../components/charts/CohortHeatmap';
import { drillToPeriod } from '../../components/ui/drill';
import { exportName } from '../../components/ui/download';
import { useFiltersText } from '../../components/ui/PageHead';
import { Panel } from '../../components/ui/Panel';
import { Segmented } from '../../components/ui/Segmented';
import { EmptyState, ErrorBox, Skeleton } from '../../components/ui/states';
import { useFormatters } from '../../components/ui/use-formatters';
import { useStable } from '../../components/ui/use-stable';
import { useEngineQuery } from '../../dataset/use-engine-query';
import { useT } from '../../i18n/use-t';
import { formatRate } from '../../lib/format';
import { computeCohorts, type CohortMode } from '../../metrics/queries/cohorts';
import { periodBuckets } from '../../metrics/periods';
import { useAppStore } from '../../stores/app-store';
import type { PageScope } from '../../components/ui/page-scope';
import { cohortSpan, heatScale, toHeatmap, toHeatmapCsv, type CohortMetric } from './customers-shape';

/** Monthly acquisition cohorts: retention, revenue or LTV by month since the first order; blank where a month has not happened. */
export const CohortPanel = memo(function CohortPanel({ scope }: { scope: PageScope }) {
  const t = useT();
  const filtersText = useFiltersText();
  const locale = useAppStore((s) => s.locale);
  const fmt = useFormatters(scope.currency);
  const [metric, setMetric] = useState<CohortMetric>('retention');
  const [mode, setMode] = useState<CohortMode>('in_month');
  const { filters, description } = scope;
  const span = useStable(cohortSpan(scope.period));
  const result = useEngineQuery(['cohorts', span, filters, mode], (e) =>
    computeCohorts(e, span, filters, mode, description),
  );
  const data = result.data;
  const heatmap = useMemo(() => (data ? toHeatmap(data, metric) : null), [data, metric]);
  const title = t('customers.cohorts');
  const format = useCallback(
    (v: number) => (metric === 'retention' ? formatRate(v, locale, 1) : fmt.moneyTight(v)),
    [metric, locale, fmt],
  );
  const monthLabel = useCallback((k: number) => t('customers.monthK', { k }), [t]);
  // The chart's inputs, kept while the result is the same so the heatmap is not redrawn.
  const columns = useMemo(() => heatmap?.offsets.map(monthLabel) ?? [], [heatmap, monthLabel]);
  const heatRows = useMemo(
    () =>
      heatmap?.rows.map((r) => ({ key: r.cohort, label: r.cohort, sub: fmt.countFull(r.customers), cells: r.cells })) ??
      [],
    [heatmap, fmt],
  );
  const intensity = useMemo(() => (heatmap ? heatScale(heatmap, metric) : () => 0), [heatmap, metric]);
  const selectRow = useCallback(
    (cohort: string) => {
      const month = periodBuckets(span, 'month').find((b) => b.label === cohort);
      drillToPeriod(month ? { from: month.from, to: month.to } : null);
    },
    [span],
  );
  const selectRowLabel = useCallback((label: string) => t('customers.drillCohort', { month: label }), [t]);
  const csv = heatmap ? toHeatmapCsv(heatmap, t('customers.cohort'), t('customers.size'), monthLabel) : null;

  const controls = (
    <>
      <Segmented
        name="cohort-metric"
        label={t('customers.cohortMetric')}
        value={metric}
        onChange={setMetric}
        options={[
          { value: 'retention', label: t('customers.retention') },
          { value: 'revenue', label: t('customers.revenue') },
          { value: 'ltv', label: t('customers.ltv') },
        ]}
      />
      {metric === 'retention' && (
        <Segmented
          name="cohort-mode"
          label={t('customers.cohortMode')}
          value={mode}
          onChange={setMode}
          options={[
            { value: 'in_month', label: t('customers.inMonth') },
            { value: 'in_or_after', label: t('customers.inOrAfter') },
          ]}
        />
      )}
    </>
  );

  let body;
  if (result.error) body = <ErrorBox title={t('error.query')} error={result.error} />;
  else if (!heatmap) body = <Skeleton height={300} />;
  else if (heatmap.rows.every((r) => r.customers === 0)) body = <EmptyState>{t('empty.noOrders')}</EmptyState>;
  else
    body = (
      <CohortHeatmap
        title={title}
        columns={columns}
        rows={heatRows}
        rowHeader={t('customers.cohort')}
        subHeader={t('customers.size')}
        formatCell={format}
        intensity={intensity}
        tableLabel={t('chart.tableAlt')}
        onSelectRow={selectRow}
        selectRowLabel={selectRowLabel}
      />
    );

  const explain =
    metric === 'retention'
      ? mode === 'in_month'
        ? t('customers.retentionNote')
        : t('customers.retentionLaterNote')
      : metric === 'revenue'
        ? t('customers.revenueNote')
        : t('customers.ltvNote');
  return (
    <Panel
      busy={result.isPlaceholderData}
      name="customers-cohorts"
      title={title}
      subtitle={`${t('customers.spanNote', { from: span.from, to: span.to })} · ${explain}`}
      exportName={exportName(`cohorts-${metric}${metric === 'retention' ? `-${mode}` : ''}`, span)}
      caption={`${t('customers.spanNote', { from: span.from, to: span.to })} · ${t('drill.filters')}: ${filtersText}`}
      csv={csv}
      png
      controls={controls}
    >
      {body}
    </Panel>
  );
});
