import { useMemo } from 'react';
import { BarList } from '../../components/charts/BarList';
import { type Column, DataTable, tableCsvOnDemand } from '../../components/ui/DataTable';
import { exportName } from '../../components/ui/download';
import { KpiCard } from '../../components/ui/KpiCard';
import { PageHead } from '../../components/ui/PageHead';
import { usePageScope } from '../../components/ui/page-scope';
import { Panel } from '../../components/ui/Panel';
import { EmptyState, ErrorBox, Skeleton } from '../../components/ui/states';
import { useFormatters } from '../../components/ui/use-formatters';
import { useEngineQuery } from '../../dataset/use-engine-query';
import { useT } from '../../i18n/use-t';
import {
  computeService,
  computeServicePage,
  RESPONSE_BUCKETS,
  type ServicePageData,
  type ServiceReviewsRow,
  type ServiceSection,
} from '../../metrics/queries/service';
import { SERVICE_ENTRIES, type ServiceId } from '../../metrics/registry/service';
import { useAppStore } from '../../stores/app-store';
import { ServiceWeeksChart } from './ServiceWeeksChart';
import { SlaSetting, useSlaMinutes } from './SlaSetting';

const CARDS: ServiceId[] = [
  'tickets',
  'first_response_median',
  'response_within_sla',
  'resolution_rate',
  'csat',
  'complaint_rate',
  'inquiry_conversion',
  'avg_rating',
];

function valueOf(s: ServiceSection, id: ServiceId): number | null {
  switch (id) {
    case 'first_response_median':
      return s.first_response_minutes.median;
    case 'first_response_p90':
      return s.first_response_minutes.p90;
    case 'reviews':
    case 'avg_rating':
    case 'positive_rate':
    case 'negative_rate':
    case 'review_rate':
      return s.reviews ? s.reviews[id] : null;
    default:
      return s[id];
  }
}

/** The metric's name; response within SLA says which SLA it was counted against. */
function useServiceName(): (id: ServiceId) => string {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const sla = useSlaMinutes();
  return (id) => {
    const label = locale === 'zh-CN' ? SERVICE_ENTRIES[id].label.zh : SERVICE_ENTRIES[id].label.en;
    return id === 'response_within_sla' ? `${label} (${t('service.slaWithin', { minutes: sla })})` : label;
  };
}

/**
 * The Service page (客户服务, issue 15): the service section of `yardstick report` for the view
 * (computeService), the response-time distribution, SLA and CSAT week by week, ticket categories,
 * the slowest open tickets and the worst-rated SKUs. The SLA is the view's setting (`report --sla`).
 */
export function ServicePage() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const { filters, period, currency } = usePageScope();
  const fmt = useFormatters(currency);
  const name = useServiceName();
  const sla = useSlaMinutes();
  const section = useEngineQuery(
    ['service', period, filters, sla],
    (e) => computeService(e, period!, filters, { slaMinutes: sla }),
    period !== null,
  );
  const page = useEngineQuery(
    ['service-page', period, sla],
    (e) => computeServicePage(e, period!, sla),
    period !== null,
  );
  const data = section.data;

  return (
    <>
      <PageHead title={t('service.title')}>
        <SlaSetting />
      </PageHead>
      {section.error && <ErrorBox title={t('error.query')} error={section.error} />}
      {data === null ? (
        <EmptyState>{t('service.empty')}</EmptyState>
      ) : (
        <>
          <div className="kpi-grid kpi-row" data-section="service-totals">
            {CARDS.map((id) => {
              const unit = SERVICE_ENTRIES[id].unit;
              return (
                <KpiCard
                  key={id}
                  id={id}
                  label={name(id)}
                  value={data ? valueOf(data, id) : null}
                  unit={unit === 'rate' || unit === 'count' ? unit : 'number'}
                  currency={currency}
                  locale={locale}
                  lowerIsBetter={SERVICE_ENTRIES[id].direction === 'lower'}
                  suffix={unit === 'minutes' ? t('service.slaUnit') : undefined}
                  loading={data === undefined}
                  stale={section.isPlaceholderData}
                />
              );
            })}
          </div>
          {data && page.data && period && <ServicePanels section={data} page={page.data} period={period} fmt={fmt} />}
          {page.error && <ErrorBox title={t('error.query')} error={page.error} />}
          {data && page.data === undefined && <Skeleton height={300} />}
        </>
      )}
    </>
  );
}

function ServicePanels({
  section,
  page,
  period,
  fmt,
}: {
  section: ServiceSection;
  page: ServicePageData;
  period: { from: string; to: string };
  fmt: ReturnType<typeof useFormatters>;
}) {
  const t = useT();
  const name = useServiceName();
  const bucketLabels = useMemo(() => {
    const m = (x: number) => (x < 60 ? `${x} ${t('service.slaUnit')}` : `${x / 60} ${t('service.hourUnit')}`);
    const labels = RESPONSE_BUCKETS.map((b, i) => (i === 0 ? `≤ ${m(b)}` : `${m(RESPONSE_BUCKETS[i - 1]!)} – ${m(b)}`));
    return [...labels, `> ${m(RESPONSE_BUCKETS.at(-1)!)}`, t('service.unanswered')];
  }, [t]);
  const distribution = page.distribution.map((n, i) => ({
    key: String(i),
    label: bucketLabels[i] ?? '',
    value: n,
    selectable: false,
  }));
  const categories = section.by_category.map((c) => ({
    key: c.category,
    label: t(`service.category.${c.category}` as 'service.category.other'),
    value: c.tickets,
    selectable: false,
  }));
  const weekColumns: Column<ServicePageData['weeks'][number]>[] = [
    { key: 'week', label: t('service.week') },
    { key: 'tickets', label: name('tickets'), numeric: true, render: (r) => fmt.countFull(r.tickets) },
    {
      key: 'response_within_sla',
      label: name('response_within_sla'),
      numeric: true,
      render: (r) => fmt.rate(r.response_within_sla),
    },
    { key: 'csat', label: name('csat'), numeric: true, render: (r) => fmt.rate(r.csat) },
  ];
  const openColumns: Column<ServicePageData['slowest_open'][number]>[] = [
    { key: 'ticket_id', label: t('service.ticket') },
    { key: 'customer_id', label: t('service.customer') },
    {
      key: 'category',
      label: t('service.categoryLabel'),
      render: (r) => t(`service.category.${r.category}` as 'service.category.other'),
    },
    { key: 'channel', label: t('service.channel') },
    { key: 'opened_at', label: t('service.opened') },
    { key: 'answered', label: t('service.answered'), render: (r) => (r.answered ? t('service.yes') : t('service.no')) },
    {
      key: 'hours_open',
      label: t('service.hoursOpen'),
      numeric: true,
      render: (r) => fmt.countFull(Math.round(r.hours_open)),
    },
  ];
  const skus = section.reviews?.by_sku.slice(0, 10) ?? [];
  const skuColumns: Column<ServiceReviewsRow>[] = [
    { key: 'sku', label: 'SKU' },
    { key: 'reviews', label: name('reviews'), numeric: true, render: (r) => fmt.countFull(r.reviews) },
    {
      key: 'avg_rating',
      label: name('avg_rating'),
      numeric: true,
      render: (r) => (r.avg_rating === null ? '—' : r.avg_rating.toFixed(2)),
    },
    { key: 'positive_rate', label: name('positive_rate'), numeric: true, render: (r) => fmt.rate(r.positive_rate) },
    { key: 'negative_rate', label: name('negative_rate'), numeric: true, render: (r) => fmt.rate(r.negative_rate) },
    { key: 'review_rate', label: name('review_rate'), numeric: true, render: (r) => fmt.rate(r.review_rate) },
  ];
  return (
    <div className="service-grid" data-testid="service-panels" data-section-json={JSON.stringify(section)}>
      <Panel
        name="service-response"
        title={t('service.distribution')}
        subtitle={t('service.distributionNote')}
        exportName={exportName('service-response-times', period)}
        csv={tableCsvOnDemand(distribution, [
          { key: 'label', label: t('service.bucket') },
          { key: 'value', label: name('tickets'), numeric: true },
        ])}
        png
      >
        <BarList title={t('service.distribution')} items={distribution} formatValue={fmt.countFull} />
      </Panel>
      <Panel
        name="service-categories"
        title={t('service.categories')}
        exportName={exportName('service-categories', period)}
        csv={tableCsvOnDemand(categories, [
          { key: 'label', label: t('service.categoryLabel') },
          { key: 'value', label: name('tickets'), numeric: true },
        ])}
        png
      >
        <BarList title={t('service.categories')} items={categories} formatValue={fmt.countFull} />
      </Panel>
      <Panel
        name="service-weeks"
        title={t('service.weeks')}
        exportName={exportName('service-by-week', period)}
        csv={tableCsvOnDemand(page.weeks, weekColumns)}
        png
      >
        <ServiceWeeksChart weeks={page.weeks} label={name} fmt={fmt} />
      </Panel>
      <Panel
        name="service-open"
        title={t('service.slowestOpen')}
        subtitle={t('service.slowestOpenNote', { date: period.to })}
        exportName={exportName('service-open-tickets', period)}
        csv={tableCsvOnDemand(page.slowest_open, openColumns)}
      >
        {page.slowest_open.length ? (
          <DataTable
            name="service-open"
            caption={t('service.slowestOpen')}
            columns={openColumns}
            rows={page.slowest_open}
            rowKey={(r) => r.ticket_id}
          />
        ) : (
          <EmptyState>{t('service.noneOpen')}</EmptyState>
        )}
      </Panel>
      <Panel
        name="service-reviews"
        title={t('service.worstSkus')}
        exportName={exportName('service-reviews-by-sku', period)}
        csv={tableCsvOnDemand(skus, skuColumns)}
      >
        {skus.length ? (
          <DataTable
            name="service-skus"
            caption={t('service.worstSkus')}
            columns={skuColumns}
            rows={skus}
            rowKey={(r) => r.sku}
          />
        ) : (
          <EmptyState>{t('service.noReviews')}</EmptyState>
        )}
      </Panel>
    </div>
  );
}
