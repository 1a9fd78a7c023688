import { useT } from '../../i18n/use-t';
import type { MetricId } from '../../metrics/registry';
import { KpiPage } from '../../components/ui/KpiPage';
import { BreakdownPanel } from './BreakdownPanel';
import { NewReturningPanel } from './NewReturningPanel';
import { SalesTrendPanel } from './SalesTrendPanel';
import { TopProductsPanel } from './TopProductsPanel';

export const SALES_KPIS: MetricId[] = [
  'gmv',
  'net_revenue',
  'refunds',
  'refund_rate',
  'discounts',
  'orders',
  'aov',
  'cancelled_orders',
  'cancellation_rate',
];

export function SalesPage() {
  const t = useT();
  return (
    <KpiPage
      title={t('sales.title')}
      kpis={SALES_KPIS}
      emptyWhen={(d) => (d.orders.rows === 0 ? t('sales.emptyOrders') : null)}
    >
      {(scope) => (
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
    </KpiPage>
  );
}
