import { useMemo, type ReactNode } from 'react';
import { KpiRow } from './KpiRow';
import { PageHead } from './PageHead';
import { EmptyState, ErrorBox } from './states';
import { useStable } from './use-stable';
import { useT } from '../../i18n/use-t';
import type { MetricId } from '../../metrics/registry';
import type { DataDescription } from '../../metrics/describe';
import { useComparison, useKpis } from '../../dataset/use-view';
import { usePageScope, type PageScope } from './page-scope';

interface KpiPageProps {
  title: string;
  kpis: readonly MetricId[];
  /** What to say instead of the page when the data it needs is not loaded; null when it is. */
  emptyWhen: (description: DataDescription) => ReactNode | null;
  children: (scope: PageScope) => ReactNode;
}

/** The frame of an analyst page: its title, errors, a row of KPI cards against the comparison, then its panels. */
export function KpiPage({ title, kpis, emptyWhen, children }: KpiPageProps) {
  const t = useT();
  const { scope: fresh, description, filters, period, currency } = usePageScope();
  // The scope is rebuilt on every render; the panels (memoised) get the same object until the
  // period, filters, currency, caption or loaded data actually change, so a view change that does
  // not touch a panel's inputs does not redraw its chart.
  const view = useStable(
    fresh ? { period: fresh.period, filters: fresh.filters, currency: fresh.currency, caption: fresh.caption } : null,
  );
  const data = fresh?.description;
  const scope = useMemo<PageScope | null>(() => (view && data ? { ...view, description: data } : null), [view, data]);
  const comparison = useStable(useComparison(period));
  const current = useKpis(period, filters);
  const previous = useKpis(comparison, filters);
  const empty = description.data ? emptyWhen(description.data) : null;

  return (
    <>
      <PageHead title={title} />
      {description.error && <ErrorBox title={t('error.query')} error={description.error} />}
      {current.error && <ErrorBox title={t('error.query')} error={current.error} />}
      {empty ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <>
          <KpiRow
            ids={kpis}
            current={current.data}
            previous={previous.data}
            comparison={comparison}
            currency={currency}
            failed={current.error !== null}
            stale={current.isPlaceholderData || (comparison !== null && previous.isPlaceholderData)}
          />
          {scope && children(scope)}
        </>
      )}
    </>
  );
}
