import { memo, useCallback, useMemo } from 'react';
import { FunnelChart } from '../../components/charts/FunnelChart';
import { TableAlternative } from '../../components/ui/TableAlternative';
import { DataTable, tableCsvOnDemand, type Column } from '../../components/ui/DataTable';
import { exportName } from '../../components/ui/download';
import { Panel } from '../../components/ui/Panel';
import { EmptyState, ErrorBox, Skeleton } from '../../components/ui/states';
import { useFormatters } from '../../components/ui/use-formatters';
import { useEngineQuery } from '../../dataset/use-engine-query';
import { useT } from '../../i18n/use-t';
import { useMetricLabel } from '../../components/ui/use-metric-label';
import { computeFunnel, type FunnelStep } from '../../metrics/queries/funnel';
import type { FunnelBar } from '../../components/charts/FunnelChart';
import type { PageScope } from '../../components/ui/page-scope';
import { toFunnelBars } from './traffic-shape';

/** sessions → product views → add to cart → checkouts → paid orders, with the step rates and the drop-off between steps. */
export const FunnelPanel = memo(function FunnelPanel({ scope }: { scope: PageScope }) {
  const t = useT();
  const metric = useMetricLabel();
  const fmt = useFormatters(scope.currency);
  const { period, filters, description } = scope;
  const result = useEngineQuery(['funnel', period, filters], (e) => computeFunnel(e, period, filters, description));
  const data = result.data;
  const bars = useMemo(() => (data ? toFunnelBars(data, (s: FunnelStep) => metric(s)) : []), [data, metric]);
  const transitionText = useCallback((rate: string, drop: string) => t('traffic.transition', { rate, drop }), [t]);
  const title = t('traffic.funnel');
  const columns: Column<FunnelBar>[] = [
    { key: 'label', label: t('traffic.step') },
    { key: 'count', label: t('traffic.count'), numeric: true, render: (r) => fmt.countFull(r.count) },
    {
      key: 'rateFromPrevious',
      label: t('traffic.fromPrevious'),
      numeric: true,
      render: (r) => fmt.rate(r.rateFromPrevious),
    },
    { key: 'dropOff', label: t('traffic.dropOff'), numeric: true, render: (r) => fmt.rate(r.dropOff) },
    { key: 'rateFromFirst', label: t('traffic.fromSessions'), numeric: true, render: (r) => fmt.rate(r.rateFromFirst) },
  ];
  const onlyEnds = bars.length > 0 && bars.length <= 2;

  let body;
  if (result.error) body = <ErrorBox title={t('error.query')} error={result.error} />;
  else if (!result.data) body = <Skeleton height={220} />;
  else if (bars.length === 0) body = <EmptyState>{t('traffic.emptyFunnel')}</EmptyState>;
  else
    body = (
      <>
        <FunnelChart
          title={title}
          steps={bars}
          formatCount={fmt.countFull}
          formatRate={fmt.rate}
          transitionText={transitionText}
        />
        <TableAlternative label={t('chart.tableAlt')} eager>
          <DataTable name="funnel" caption={title} columns={columns} rows={bars} rowKey={(r) => r.key} />
        </TableAlternative>
      </>
    );

  return (
    <Panel
      busy={result.isPlaceholderData}
      name="traffic-funnel"
      title={title}
      subtitle={onlyEnds ? t('traffic.funnelPartial') : t('traffic.funnelNote')}
      exportName={exportName('funnel', period)}
      caption={scope.caption}
      csv={result.data ? tableCsvOnDemand(bars, columns) : null}
      png={bars.length > 0}
    >
      {body}
    </Panel>
  );
});
