import { memo, useCallback, useMemo } from 'react';
import { StackedBarChart } from '../../components/charts/StackedBarChart';
import { ACCENT, SECOND } from '../../components/charts/palette';
import { tableCsvOnDemand, type Column } from '../../components/ui/DataTable';
import { drillToPeriod } from '../../components/ui/drill';
import { exportName } from '../../components/ui/download';
import { useFiltersText } from '../../components/ui/PageHead';
import { Panel } from '../../components/ui/Panel';
import { EmptyState, ErrorBox, Skeleton } from '../../components/ui/states';
import { useFormatters } from '../../components/ui/use-formatters';
import { useStable } from '../../components/ui/use-stable';
import { useEngineQuery } from '../../dataset/use-engine-query';
import { useT } from '../../i18n/use-t';
import { useMetricLabel } from '../../components/ui/use-metric-label';
import type { PageScope } from '../../components/ui/page-scope';
import { computeBuyerMix, type BuyerMixRow } from './customers-queries';
import { cohortSpan, spanMonths, toBuyerMixRows } from './customers-shape';

/** New and returning buyers month by month; a click on a month makes it the page's period. */
export const BuyerMixPanel = memo(function BuyerMixPanel({ scope }: { scope: PageScope }) {
  const t = useT();
  const metric = useMetricLabel();
  const filtersText = useFiltersText();
  const fmt = useFormatters(scope.currency);
  const { filters, description } = scope;
  const span = useStable(cohortSpan(scope.period));
  const months = useMemo(() => spanMonths(span), [span]);
  const result = useEngineQuery(['buyer-mix', span, filters], (e) => computeBuyerMix(e, span, filters, description));
  const title = t('customers.buyerMix');
  const series = useMemo(
    () => [
      { key: 'new_buyers', label: metric('new_buyers', 'short'), color: ACCENT },
      { key: 'returning_buyers', label: metric('returning_buyers', 'short'), color: SECOND },
    ],
    [metric],
  );
  const data = result.data;
  const stackRows = useMemo(() => (data ? toBuyerMixRows(data) : []), [data]);
  const select = useCallback(
    (label: string) => drillToPeriod(months.find((m) => m.label === label)?.period ?? null),
    [months],
  );
  const columns: Column<BuyerMixRow>[] = [
    { key: 'month', label: t('customers.month') },
    { key: 'new_buyers', label: metric('new_buyers', 'short'), numeric: true },
    { key: 'returning_buyers', label: metric('returning_buyers', 'short'), numeric: true },
    { key: 'buyers', label: metric('buyers', 'short'), numeric: true },
  ];
  const hasAny = result.data?.some((r) => (r.buyers ?? 0) > 0) ?? false;

  let body;
  if (result.error) body = <ErrorBox title={t('error.query')} error={result.error} />;
  else if (!result.data) body = <Skeleton height={240} />;
  else if (!hasAny) body = <EmptyState>{t('empty.noOrders')}</EmptyState>;
  else
    body = (
      <StackedBarChart
        title={title}
        rows={stackRows}
        series={series}
        formatValue={fmt.countFull}
        formatAxis={fmt.count}
        tableLabel={t('chart.tableAlt')}
        onSelect={select}
      />
    );

  return (
    <Panel
      busy={result.isPlaceholderData}
      name="customers-buyer-mix"
      pngLegend={series}
      title={title}
      subtitle={t('customers.spanNote', { from: span.from, to: span.to })}
      exportName={exportName('new-vs-returning-buyers', span)}
      caption={`${t('customers.spanNote', { from: span.from, to: span.to })} · ${t('drill.filters')}: ${filtersText}`}
      csv={result.data ? tableCsvOnDemand(result.data, columns) : null}
      png
    >
      {body}
    </Panel>
  );
});
