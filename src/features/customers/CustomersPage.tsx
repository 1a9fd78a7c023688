import { useT } from '../../i18n/use-t';
import type { MetricId } from '../../metrics/registry';
import { KpiPage } from '../../components/ui/KpiPage';
import { BuyerMixPanel } from './BuyerMixPanel';
import { CohortPanel } from './CohortPanel';
import { LifecyclePanel } from './LifecyclePanel';
import { RfmPanel } from './RfmPanel';

export const CUSTOMER_KPIS: MetricId[] = [
  'buyers',
  'new_buyers',
  'returning_buyers',
  'returning_customer_rate',
  'repeat_purchase_rate',
  'revenue_per_buyer',
  'registrations',
  'activation_rate_30d',
];

export function CustomersPage() {
  const t = useT();
  return (
    <KpiPage
      title={t('customers.title')}
      kpis={CUSTOMER_KPIS}
      emptyWhen={(d) => (d.orders.rows === 0 ? t('customers.emptyOrders') : null)}
    >
      {(scope) => (
        <>
          <BuyerMixPanel scope={scope} />
          <LifecyclePanel scope={scope} />
          <CohortPanel scope={scope} />
          <RfmPanel scope={scope} />
        </>
      )}
    </KpiPage>
  );
}
