import { KpiCard } from '../../components/ui/KpiCard';
import { PageHead } from '../../components/ui/PageHead';
import { Card } from '../../components/ui/Card';
import { ErrorBox } from '../../components/ui/states';
import { useT } from '../../i18n/use-t';
import { ENTRIES, type MetricId } from '../../metrics/registry';
import { useAppStore } from '../../stores/app-store';
import { useComparison, useDescription, useKpis, useViewFilters } from '../../dataset/use-view';
import { GmvTrendCard, useTrailingSeries } from './GmvTrendCard';
import { DriverSummaryCard } from './DriverSummaryCard';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useStable } from '../../components/ui/use-stable';

/** Marks the moment the first KPI values are on screen, for the start-up benchmark. */
function useFirstKpisMark(ready: boolean) {
  useEffect(() => {
    if (ready && performance.getEntriesByName('ys:first-kpis').length === 0) performance.mark('ys:first-kpis');
  }, [ready]);
}

/** The KPI cards of the overview, in the order a manager reads them. */
export const OVERVIEW_KPIS: MetricId[] = ['gmv', 'net_revenue', 'orders', 'aov', 'conversion_rate', 'repeat_purchase_rate'];

interface OverviewPageProps {
  /** The GMV target's pace, a card of the goals page: the app passes it in, as no page imports another. */
  paceCard: (currency: string | null) => ReactNode;
}

export function OverviewPage({ paceCard }: OverviewPageProps) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const period = useAppStore((s) => s.view.period);
  // Rebuilt on every render; kept as the same object while equal, so the memoised cards below
  // only redraw when what they show changes.
  const filters = useStable(useViewFilters());
  const description = useDescription();
  const comparison = useStable(useComparison(period));
  const current = useKpis(period, filters);
  const previous = useKpis(comparison, filters);
  const currency = filters.currency ?? description.data?.orders.currencies[0] ?? null;
  useFirstKpisMark(current.data !== undefined);
  const trend = useTrailingSeries(period, filters);
  const trendData = trend.data;
  const trends = useMemo(
    () =>
      Object.fromEntries(
        OVERVIEW_KPIS.map((id) => [
          id,
          trendData?.map((row) => (id in row ? ((row as unknown as Record<string, number | null>)[id] ?? null) : null)),
        ]),
      ) as Partial<Record<MetricId, (number | null)[] | undefined>>,
    [trendData],
  );
  const compareLabel = comparison ? t('kpi.vs', { period: `${comparison.from} – ${comparison.to}` }) : undefined;

  return (
    <>
      <PageHead title={t('overview.title')} />
      {current.error && <ErrorBox title={t('error.query')} error={current.error} />}
      <div className="kpi-grid">
        {OVERVIEW_KPIS.map((id) => {
          const def = ENTRIES[id];
          return (
            <KpiCard
              key={id}
              id={id}
              label={locale === 'zh-CN' ? def.label.zh : def.label.en}
              value={current.data?.[id] ?? null}
              previous={comparison ? (previous.data?.[id] ?? null) : undefined}
              unit={def.unit}
              currency={currency}
              locale={locale}
              lowerIsBetter={def.direction === 'lower'}
              compareLabel={compareLabel}
              loading={!current.data}
              stale={current.isPlaceholderData || (comparison !== null && previous.isPlaceholderData)}
              trend={trends[id]}
              trendLabel={t('overview.trendLabel', { metric: locale === 'zh-CN' ? def.label.zh : def.label.en })}
            />
          );
        })}
      </div>
      <Card title={t('overview.gmvTrend')}>
        <GmvTrendCard period={period} filters={filters} currency={currency} />
      </Card>
      <div className="grid-2">
        {paceCard(currency)}
        <DriverSummaryCard current={current.data} previous={previous.data} currency={currency} hasComparison={comparison !== null} />
      </div>
    </>
  );
}
