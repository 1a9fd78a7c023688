import { KpiRow } from '../../components/ui/KpiRow';
import { PageHead } from '../../components/ui/PageHead';
import { EmptyState, ErrorBox } from '../../components/ui/states';
import { useT } from '../../i18n/use-t';
import type { MetricId } from '../../metrics/definitions';
import { useComparison, useKpis } from '../overview/use-overview';
import { BreakdownPanel } from './BreakdownPanel';
import { NewReturningPanel } from './NewReturningPanel';
import { SalesTrendPanel } from './SalesTrendPanel';
import { TopProductsPanel } from './TopProductsPanel';
import { usePageScope } from './use-page-scope';

export const SALES_KPIS: MetricId[] = ['gmv', 'net_revenue', 'refunds', 'discounts', 'orders', 'aov'];

export function SalesPage() {
  const t = useT();
  const { scope, description, filters, period, currency } = usePageScope();
  const comparison = useComparison(period);
  const current = useKpis(period, filters);
  const previous = useKpis(comparison, filters);
  const noOrders = description.data?.orders.rows === 0;

  return (
    <>
      <PageHead title={t('sales.title')} />
      {description.error && <ErrorBox title={t('error.query')} error={description.error} />}
      {current.error && <ErrorBox title={t('error.query')} error={current.error} />}
      {noOrders ? (
        <EmptyState>{t('sales.emptyOrders')}</EmptyState>
      ) : (
        <>
          <KpiRow
            ids={SALES_KPIS}
            current={current.data}
            previous={previous.data}
            comparison={comparison}
            currency={currency}
            failed={current.error !== null}
          />
          {scope && (
            <>
              <SalesTrendPanel scope={scope} />
              <div className="grid-2">
                <BreakdownPanel scope={scope} dimension="channel" />
                <BreakdownPanel scope={scope} dimension="region" />
              </div>
              <div className="grid-2">
                <BreakdownPanel scope={scope} dimension="category" />
                <NewReturningPanel scope={scope} />
              </div>
              <TopProductsPanel scope={scope} />
            </>
          )}
        </>
      )}
    </>
  );
}
