import { memo, useMemo } from 'react';
import { BarList } from '../../components/charts/BarList';
import { DataTable, tableCsvOnDemand, type Column } from '../../components/ui/DataTable';
import { exportName } from '../../components/ui/download';
import { Panel } from '../../components/ui/Panel';
import { EmptyState, ErrorBox, Skeleton } from '../../components/ui/states';
import { useFormatters } from '../../components/ui/use-formatters';
import { useEngineQuery } from '../../dataset/use-engine-query';
import { useT } from '../../i18n/use-t';
import { useMetricLabel } from '../../components/ui/use-metric-label';
import { computeNewVsReturning } from './sales-queries';
import { toNewReturningRows, type NewReturningRow } from './sales-shape';
import type { PageScope } from '../../components/ui/page-scope';

/** Revenue from buyers new in the period beside buyers who had bought before it. */
export const NewReturningPanel = memo(function NewReturningPanel({ scope }: { scope: PageScope }) {
  const t = useT();
  const metric = useMetricLabel();
  const fmt = useFormatters(scope.currency);
  const { period, filters, description } = scope;
  const result = useEngineQuery(['sales-new-returning', period, filters], (e) =>
    computeNewVsReturning(e, period, filters, description),
  );
  const data = result.data;
  const rows = useMemo(() => (data ? toNewReturningRows(data) : []), [data]);
  const name = (r: NewReturningRow) => (r.key === 'new' ? metric('new_buyers', 'short') : metric('returning_buyers', 'short'));
  const items = useMemo(
    () =>
      rows.map((r) => ({
        key: r.key,
        label: r.key === 'new' ? metric('new_buyers', 'short') : metric('returning_buyers', 'short'),
        value: r.gmv,
        selectable: false,
      })),
    [rows, metric],
  );
  const columns: Column<NewReturningRow>[] = [
    { key: 'key', label: t('sales.buyerType'), render: name, value: (r) => r.key },
    { key: 'gmv', label: 'GMV', numeric: true, render: (r) => fmt.money(r.gmv) },
    { key: 'share', label: t('sales.share'), numeric: true, render: (r) => fmt.rate(r.share) },
    { key: 'buyers', label: metric('buyers', 'short'), numeric: true, render: (r) => fmt.countFull(r.buyers) },
    { key: 'orders', label: metric('orders', 'short'), numeric: true, render: (r) => fmt.countFull(r.orders) },
    { key: 'aov', label: metric('aov', 'short'), numeric: true, render: (r) => fmt.money(r.aov) },
  ];
  const title = t('sales.newVsReturning');

  let body;
  if (result.error) body = <ErrorBox title={t('error.query')} error={result.error} />;
  else if (!result.data) body = <Skeleton height={180} />;
  else if (rows.length === 0) body = <EmptyState>{t('empty.noOrders')}</EmptyState>;
  else
    body = (
      <>
        <BarList title={title} items={items} formatValue={fmt.money} />
        <DataTable
          name="new-returning"
          caption={title}
          // The half-width card has room for five columns; the CSV keeps orders too.
          columns={columns.filter((c) => c.key !== 'orders')}
          rows={rows}
          rowKey={(r) => r.key}
        />
      </>
    );

  return (
    <Panel
      busy={result.isPlaceholderData}
      name="sales-new-returning"
      title={title}
      subtitle={t('sales.newVsReturningNote')}
      exportName={exportName('sales-new-vs-returning', period)}
      caption={scope.caption}
      csv={result.data ? tableCsvOnDemand(rows, columns) : null}
      png
    >
      {body}
    </Panel>
  );
});
