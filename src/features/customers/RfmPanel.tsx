import { useQueryClient } from '@tanstack/react-query';
import { memo, useMemo, useState } from 'react';
import { BarList } from '../../components/charts/BarList';
import { DataTable, tableCsvOnDemand, type Column } from '../../components/ui/DataTable';
import { downloadCsv, exportName } from '../../components/ui/download';
import { Panel } from '../../components/ui/Panel';
import { EmptyState, ErrorBox, Skeleton } from '../../components/ui/states';
import { useFormatters } from '../../components/ui/use-formatters';
import { useEngine } from '../../dataset/engine-context';
import { useEngineQuery } from '../../dataset/use-engine-query';
import { useT } from '../../i18n/use-t';
import { computeRfm, RFM_SEGMENT_LABELS, type RfmSegment } from '../../metrics/queries/rfm';
import { useAppStore } from '../../stores/app-store';
import type { PageScope } from '../../components/ui/page-scope';
import { toSegmentRows, type SegmentRow } from './customers-shape';

const CUSTOMER_COLUMNS = ['customer_key', 'segment', 'recency', 'frequency', 'monetary', 'r', 'f', 'm'] as const;

/** RFM segments as of the period's last day: counts, revenue and its share, and each segment's customers as a CSV. */
export const RfmPanel = memo(function RfmPanel({ scope }: { scope: PageScope }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const version = useAppStore((s) => s.dataset.version);
  const engine = useEngine();
  const queryClient = useQueryClient();
  const fmt = useFormatters(scope.currency);
  const [failure, setFailure] = useState<unknown>(null);
  const { filters, description } = scope;
  const asOf = scope.period.to;
  const result = useEngineQuery(['rfm', asOf, filters], (e) => computeRfm(e, asOf, filters, { description }));
  const segments = result.data?.segments;
  const rows = useMemo(() => (segments ? toSegmentRows(segments) : []), [segments]);
  const name = (s: RfmSegment) => (locale === 'zh-CN' ? RFM_SEGMENT_LABELS[s].zh : RFM_SEGMENT_LABELS[s].en);
  const title = t('customers.rfm');
  const items = useMemo(
    () =>
      rows.map((r) => ({
        key: r.segment,
        label: locale === 'zh-CN' ? RFM_SEGMENT_LABELS[r.segment].zh : RFM_SEGMENT_LABELS[r.segment].en,
        value: r.customers,
        selectable: false,
      })),
    [rows, locale],
  );

  const downloadSegment = async (segment: RfmSegment) => {
    setFailure(null);
    try {
      const all = await queryClient.fetchQuery({
        queryKey: ['rfm-customers', asOf, filters, version],
        queryFn: () => computeRfm(engine, asOf, filters, { includeCustomers: true, description }),
      });
      const list = (all.customers ?? []).filter((c) => c.segment === segment);
      downloadCsv(
        exportName(`customers-${segment}`, { from: asOf, to: asOf }),
        list,
        CUSTOMER_COLUMNS.map((key) => ({ key, label: key })),
      );
    } catch (e) {
      setFailure(e);
    }
  };

  const columns: Column<SegmentRow>[] = [
    { key: 'segment', label: t('customers.segment'), render: (r) => name(r.segment) },
    { key: 'customers', label: t('customers.customers'), numeric: true, render: (r) => fmt.countFull(r.customers) },
    { key: 'share', label: t('customers.shareOfCustomers'), numeric: true, render: (r) => fmt.rate(r.share) },
    { key: 'monetary', label: t('customers.revenue'), numeric: true, render: (r) => fmt.moneyFull(r.monetary) },
    {
      key: 'revenue_share',
      label: t('customers.revenueShare'),
      numeric: true,
      render: (r) => fmt.rate(r.revenue_share),
    },
    {
      key: 'revenue_per_customer',
      label: t('customers.perCustomer'),
      numeric: true,
      render: (r) => fmt.moneyFull(r.revenue_per_customer),
    },
  ];
  const withDownload: Column<SegmentRow>[] = [
    ...columns,
    {
      key: 'list',
      label: t('customers.list'),
      render: (r) => (
        <button
          type="button"
          className="btn btn-sm"
          data-download={r.segment}
          disabled={r.customers === 0}
          onClick={() => void downloadSegment(r.segment)}
          aria-label={t('customers.downloadList', { segment: name(r.segment) })}
        >
          ⤓ CSV
        </button>
      ),
    },
  ];

  let body;
  if (result.error) body = <ErrorBox title={t('error.query')} error={result.error} />;
  else if (!result.data) body = <Skeleton height={260} />;
  else if (rows.every((r) => r.customers === 0)) body = <EmptyState>{t('customers.emptyRfm')}</EmptyState>;
  else
    body = (
      <div className="rfm-layout">
        <BarList title={title} items={items} formatValue={fmt.countFull} />
        <DataTable name="rfm" caption={title} columns={withDownload} rows={rows} rowKey={(r) => r.segment} />
      </div>
    );

  return (
    <Panel
      busy={result.isPlaceholderData}
      name="customers-rfm"
      title={title}
      subtitle={t('customers.rfmNote', { date: asOf })}
      exportName={exportName('rfm-segments', scope.period)}
      caption={scope.caption}
      csv={result.data ? tableCsvOnDemand(rows, columns) : null}
      png
    >
      {failure !== null && <ErrorBox title={t('customers.downloadFailed')} error={failure} />}
      {body}
    </Panel>
  );
});
