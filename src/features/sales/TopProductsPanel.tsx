import { memo, useMemo } from 'react';
import { DataTable, tableCsvOnDemand, type Column } from '../../components/ui/DataTable';
import { drillToValue } from '../../components/ui/drill';
import { exportName } from '../../components/ui/download';
import { Panel } from '../../components/ui/Panel';
import { EmptyState, ErrorBox, Skeleton } from '../../components/ui/states';
import { useFormatters } from '../../components/ui/use-formatters';
import { useEngineQuery } from '../../dataset/use-engine-query';
import { useT } from '../../i18n/use-t';
import { useMetricLabel } from '../../components/ui/use-metric-label';
import { MISSING } from '../../lib/format';
import { computeTopProducts, type ProductRow } from './sales-queries';
import { withRanks } from './sales-shape';
import type { PageScope } from '../../components/ui/page-scope';

const LIMIT = 20;

/** The best-selling products by line-item sales, where the orders came with line items. */
export const TopProductsPanel = memo(function TopProductsPanel({ scope }: { scope: PageScope }) {
  const t = useT();
  const metric = useMetricLabel();
  const fmt = useFormatters(scope.currency);
  const { period, filters, description } = scope;
  const hasItems = description.orders.itemRows > 0;
  const result = useEngineQuery(
    ['sales-top-products', period, filters, LIMIT],
    (e) => computeTopProducts(e, period, filters, LIMIT, description),
    hasItems,
  );
  const data = result.data;
  const rows = useMemo(() => (data ? withRanks(data) : []), [data]);
  type Row = (typeof rows)[number];
  const columns: Column<Row>[] = [
    { key: 'rank', label: '#', numeric: true },
    { key: 'product', label: t('sales.product'), render: (r) => r.product || MISSING },
    { key: 'sku', label: 'SKU' },
    {
      key: 'category',
      label: t('drill.dim.category'),
      render: (r) =>
        r.category ? (
          <button
            type="button"
            className="link-btn"
            title={t('drill.filterTo')}
            onClick={() => drillToValue('category', r.category!)}
          >
            {r.category}
          </button>
        ) : (
          MISSING
        ),
    },
    { key: 'units', label: t('sales.units'), numeric: true, render: (r) => fmt.countFull(r.units) },
    { key: 'orders', label: metric('orders', 'short'), numeric: true, render: (r) => fmt.countFull(r.orders) },
    { key: 'item_sales', label: t('sales.itemSales'), numeric: true, render: (r) => fmt.moneyFull(r.item_sales) },
    { key: 'share', label: t('sales.shareOfItems'), numeric: true, render: (r) => fmt.rate(r.share) },
  ];

  let body;
  if (!hasItems) body = <EmptyState>{t('sales.noItems')}</EmptyState>;
  else if (result.error) body = <ErrorBox title={t('error.query')} error={result.error} />;
  else if (!result.data) body = <Skeleton height={240} />;
  else if (rows.length === 0) body = <EmptyState>{t('empty.noOrders')}</EmptyState>;
  else
    body = (
      <DataTable
        name="top-products"
        caption={t('sales.topProducts')}
        columns={columns}
        rows={rows}
        rowKey={(r: ProductRow) => r.product}
        sortable
      />
    );

  return (
    <Panel
      busy={result.isPlaceholderData}
      name="sales-top-products"
      title={t('sales.topProducts')}
      subtitle={t('sales.itemSalesNote')}
      exportName={exportName('top-products', period)}
      caption={scope.caption}
      csv={hasItems && result.data ? tableCsvOnDemand(rows, columns) : null}
    >
      {body}
    </Panel>
  );
});
