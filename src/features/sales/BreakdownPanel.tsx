import { memo, useCallback, useMemo } from 'react';
import { BarList } from '../../components/charts/BarList';
import { TableAlternative } from '../../components/ui/TableAlternative';
import { DataTable, tableCsvOnDemand, type Column } from '../../components/ui/DataTable';
import { drillToValue, hasFilterValue, withoutDimension } from '../../components/ui/drill';
import { exportName } from '../../components/ui/download';
import { valueLabel } from '../../components/ui/labels';
import { Panel } from '../../components/ui/Panel';
import { EmptyState, ErrorBox, Skeleton } from '../../components/ui/states';
import { useFormatters } from '../../components/ui/use-formatters';
import { useEngineQuery } from '../../dataset/use-engine-query';
import { useT } from '../../i18n/use-t';
import { useMetricLabel } from '../../components/ui/use-metric-label';
import type { MessageKey } from '../../i18n/messages';
import { useAppStore } from '../../stores/app-store';
import {
  BREAKDOWN_METRICS,
  computeBreakdown,
  computeCategoryBreakdown,
  type BreakdownMetric,
  type MetricRow,
  type OrderDimension,
} from './sales-queries';
import { sortByMetric, toBarItems, withShares } from './sales-shape';
import type { PageScope } from '../../components/ui/page-scope';

type Dimension = OrderDimension | 'category';
type Row = MetricRow<BreakdownMetric> & { share: number | null };

const TITLES: Record<Dimension, MessageKey> = {
  channel: 'sales.byChannel',
  region: 'sales.byRegion',
  device: 'sales.byDevice',
  category: 'sales.byCategory',
};

const MISSING_DIMENSION: Record<Dimension, MessageKey> = {
  channel: 'sales.noChannel',
  region: 'sales.noRegion',
  device: 'sales.noDevice',
  category: 'sales.noCategory',
};

function useBreakdown(scope: PageScope, dimension: Dimension) {
  const { period, description } = scope;
  const filters = withoutDimension(scope.filters, dimension);
  return useEngineQuery(['sales-breakdown', dimension, period, filters], (e) =>
    dimension === 'category'
      ? computeCategoryBreakdown(e, period, filters, BREAKDOWN_METRICS, description)
      : computeBreakdown(e, period, filters, dimension, BREAKDOWN_METRICS, description),
  );
}

/**
 * GMV by one dimension of the orders, drawn over every value of it (the page's filter on that
 * dimension is left out here), the chosen value ticked. Clicking a bar or a row filters the page.
 */
export const BreakdownPanel = memo(function BreakdownPanel({ scope, dimension }: { scope: PageScope; dimension: Dimension }) {
  const t = useT();
  const metric = useMetricLabel();
  const locale = useAppStore((s) => s.locale);
  const fmt = useFormatters(scope.currency);
  const available = scope.description.orders.dimensions.includes(dimension);
  const result = useBreakdown(scope, dimension);
  const title = t(TITLES[dimension]);
  const name = useCallback(
    (key: string) => (key === '' ? t('sales.notSet') : valueLabel(dimension, key, locale)),
    [t, dimension, locale],
  );
  const data = result.data;
  const rows: Row[] = useMemo(() => (data ? sortByMetric(withShares(data, 'gmv'), 'gmv') : []), [data]);
  const chosen = scope.filters[dimension];
  const items = useMemo(() => toBarItems(rows, 'gmv', chosen, name), [rows, chosen, name]);
  const columns: Column<Row>[] = [
    { key: 'key', label: t(`drill.dim.${dimension}`), render: (r) => name(r.key), value: (r) => r.key },
    { key: 'gmv', label: 'GMV', numeric: true, render: (r) => fmt.moneyFull(r.gmv) },
    {
      key: 'share',
      label: dimension === 'category' ? t('sales.shareOfOrdersGmv') : t('sales.share'),
      numeric: true,
      render: (r) => fmt.rate(r.share),
    },
    { key: 'orders', label: metric('orders', 'short'), numeric: true, render: (r) => fmt.countFull(r.orders) },
    { key: 'aov', label: metric('aov', 'short'), numeric: true, render: (r) => fmt.moneyFull(r.aov) },
  ];
  const select = useCallback((key: string) => drillToValue(dimension, key), [dimension]);

  let body;
  if (!available) body = <EmptyState>{t(MISSING_DIMENSION[dimension])}</EmptyState>;
  else if (result.error) body = <ErrorBox title={t('error.query')} error={result.error} />;
  else if (!result.data) body = <Skeleton height={220} />;
  else if (rows.length === 0) body = <EmptyState>{t('empty.noOrders')}</EmptyState>;
  else
    body = (
      <>
        <BarList title={title} items={items} formatValue={fmt.money} onSelect={select} selectHint={t('drill.filterTo')} clearHint={t('drill.clear')} />
        <TableAlternative label={t('chart.tableAlt')} eager>
          <DataTable
            name={`by-${dimension}`}
            caption={title}
            columns={columns}
            rows={rows}
            rowKey={(r) => r.key}
            onSelect={(r) => select(r.key)}
            canSelect={(r) => r.key !== ''}
            isSelected={(r) => hasFilterValue(scope.filters, dimension, r.key)}
          />
        </TableAlternative>
      </>
    );

  return (
    <Panel
      busy={result.isPlaceholderData}
      name={`sales-by-${dimension}`}
      title={title}
      subtitle={dimension === 'category' ? t('sales.categoryNote') : t('sales.drillHint')}
      exportName={exportName(`sales-by-${dimension}`, scope.period)}
      caption={scope.caption}
      csv={available && result.data ? tableCsvOnDemand(rows, columns) : null}
      png={available}
    >
      {body}
    </Panel>
  );
});
