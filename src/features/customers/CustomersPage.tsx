import { KpiRow } from '../../components/ui/KpiRow';
import { PageHead } from '../../components/ui/PageHead';
import { EmptyState, ErrorBox } from '../../components/ui/states';
import { useT } from '../../i18n/use-t';
import type { MetricId } from '../../metrics/definitions';
import { useComparison, useKpis } from '../overview/use-overview';
import { usePageScope } from '../sales/use-page-scope';
import { BuyerMixPanel } from './BuyerMixPanel';
import { CohortPanel } from './CohortPanel';
import { RfmPanel } from './RfmPanel';

export const CUSTOMER_KPIS: MetricId[] = [
  'buyers',
  'new_buyers',
  'returning_buyers',
  'returning_customer_rate',
  'repeat_purchase_rate',
  'revenue_per_buyer',
];

export function CustomersPage() {
  const t = useT();
  const { scope, description, filters, period, currency } = usePageScope();
  const comparison = useComparison(period);
  const current = useKpis(period, filters);
  const previous = useKpis(comparison, filters);
  const noOrders = description.data?.orders.rows === 0;

  return (
    <>
      <PageHead title={t('customers.title')} />
      {description.error && <ErrorBox title={t('error.query')} error={description.error} />}
      {current.error && <ErrorBox title={t('error.query')} error={current.error} />}
      {noOrders ? (
        <EmptyState>{t('customers.emptyOrders')}</EmptyState>
      ) : (
        <>
          <KpiRow
            ids={CUSTOMER_KPIS}
            current={current.data}
            previous={previous.data}
            comparison={comparison}
            currency={currency}
            failed={current.error !== null}
          />
          {scope && (
            <>
              <BuyerMixPanel scope={scope} />
              <CohortPanel scope={scope} />
              <RfmPanel scope={scope} />
            </>
          )}
        </>
      )}
    </>
  );
}
