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
import { computeByChannel } from '../../metrics/queries/by-channel';
import { useAppStore } from '../../stores/app-store';
import type { PageScope } from '../../components/ui/page-scope';
import { computeDeviceConversion } from './traffic-queries';
import { toConversionItems } from './traffic-shape';

interface Row {
  key: string;
  sessions: number | null;
  orders: number | null;
  conversion_rate: number | null;
}

function useConversionRows(scope: PageScope, dimension: 'channel' | 'device') {
  const { period, description } = scope;
  const filters = withoutDimension(scope.filters, dimension);
  const channel = useEngineQuery(
    ['by-channel', period, filters],
    (e) => computeByChannel(e, period, filters, description),
    dimension === 'channel',
  );
  const device = useEngineQuery(
    ['by-device', period, filters],
    (e) => computeDeviceConversion(e, period, filters, description),
    dimension === 'device',
  );
  const channelData = channel.data;
  const deviceData = device.data;
  // Mapped once per result, so the rows (and the chart drawn from them) keep their identity.
  const data = useMemo(
    () =>
      dimension === 'channel'
        ? channelData?.map((r): Row => ({
            key: r.channel,
            sessions: r.sessions,
            orders: r.orders,
            conversion_rate: r.conversion_rate,
          }))
        : deviceData?.map((r): Row => ({
            key: r.device,
            sessions: r.sessions,
            orders: r.orders,
            conversion_rate: r.conversion_rate,
          })),
    [dimension, channelData, deviceData],
  );
  const query = dimension === 'channel' ? channel : device;
  return { error: query.error, data, busy: query.isPlaceholderData };
}

/** Conversion (paid orders ÷ sessions) by channel or device, over every value; clicking one filters the page to it. */
export const ConversionBreakdownPanel = memo(function ConversionBreakdownPanel({ scope, dimension }: { scope: PageScope; dimension: 'channel' | 'device' }) {
  const t = useT();
  const metric = useMetricLabel();
  const locale = useAppStore((s) => s.locale);
  const fmt = useFormatters(scope.currency);
  const result = useConversionRows(scope, dimension);
  const available = scope.description.traffic.dimensions.includes(dimension);
  const title = dimension === 'channel' ? t('traffic.byChannel') : t('traffic.byDevice');
  const name = useCallback(
    (key: string) => (key === '' ? t('sales.notSet') : valueLabel(dimension, key, locale)),
    [t, dimension, locale],
  );
  const data = result.data;
  const chosen = scope.filters[dimension];
  const items = useMemo(
    () => (data ? toConversionItems(data, (r) => r.key, chosen, name) : []),
    [data, chosen, name],
  );
  const rows = useMemo(() => items.map((i) => data!.find((r) => r.key === i.key)!), [items, data]);
  const columns: Column<Row>[] = [
    { key: 'key', label: t(`drill.dim.${dimension}`), render: (r) => name(r.key), value: (r) => r.key },
    { key: 'sessions', label: metric('sessions', 'short'), numeric: true, render: (r) => fmt.countFull(r.sessions) },
    { key: 'orders', label: metric('orders', 'short'), numeric: true, render: (r) => fmt.countFull(r.orders) },
    {
      key: 'conversion_rate',
      label: metric('conversion_rate', 'short'),
      numeric: true,
      render: (r) => fmt.rate(r.conversion_rate),
    },
  ];
  const select = useCallback((key: string) => drillToValue(dimension, key), [dimension]);

  let body;
  if (!available)
    body = <EmptyState>{dimension === 'channel' ? t('traffic.noChannel') : t('traffic.noDevice')}</EmptyState>;
  else if (result.error) body = <ErrorBox title={t('error.query')} error={result.error} />;
  else if (!result.data) body = <Skeleton height={200} />;
  else if (rows.length === 0) body = <EmptyState>{t('traffic.emptyTraffic')}</EmptyState>;
  else
    body = (
      <>
        <BarList
          title={title}
          items={items}
          formatValue={fmt.rate}
          onSelect={select}
          selectHint={t('drill.filterTo')}
          clearHint={t('drill.clear')}
        />
        <TableAlternative label={t('chart.tableAlt')} eager>
          <DataTable
            name={`conversion-by-${dimension}`}
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
      busy={result.busy}
      name={`traffic-by-${dimension}`}
      title={title}
      subtitle={t('sales.drillHint')}
      exportName={exportName(`conversion-by-${dimension}`, scope.period)}
      caption={scope.caption}
      csv={available && result.data ? tableCsvOnDemand(rows, columns) : null}
      png={available}
      footnote={
        dimension === 'channel' && available && !scope.description.orders.dimensions.includes('channel')
          ? t('traffic.ordersNoChannel')
          : undefined
      }
    >
      {body}
    </Panel>
  );
});
