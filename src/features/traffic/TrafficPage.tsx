import { KpiRow } from '../../components/ui/KpiRow';
import { PageHead } from '../../components/ui/PageHead';
import { EmptyState, ErrorBox } from '../../components/ui/states';
import { useT } from '../../i18n/use-t';
import type { MetricId } from '../../metrics/definitions';
import { useComparison, useKpis } from '../overview/use-overview';
import { usePageScope } from '../sales/use-page-scope';
import { ConversionBreakdownPanel } from './ConversionBreakdownPanel';
import { FunnelPanel } from './FunnelPanel';
import { TrafficTrendPanel } from './TrafficTrendPanel';

export const TRAFFIC_KPIS: MetricId[] = [
  'sessions',
  'visitors',
  'conversion_rate',
  'buyer_conversion_rate',
  'orders',
  'buyers',
];

export function TrafficPage() {
  const t = useT();
  const { scope, description, filters, period, currency } = usePageScope();
  const comparison = useComparison(period);
  const current = useKpis(period, filters);
  const previous = useKpis(comparison, filters);
  const noTraffic = description.data?.traffic.rows === 0;

  return (
    <>
      <PageHead title={t('traffic.title')} />
      {description.error && <ErrorBox title={t('error.query')} error={description.error} />}
      {current.error && <ErrorBox title={t('error.query')} error={current.error} />}
      {noTraffic ? (
        <EmptyState>
          <strong>{t('traffic.emptyTitle')}</strong>
          <br />
          {t('traffic.emptyTraffic')}
        </EmptyState>
      ) : (
        <>
          <KpiRow
            ids={TRAFFIC_KPIS}
            current={current.data}
            previous={previous.data}
            comparison={comparison}
            currency={currency}
            failed={current.error !== null}
          />
          {scope && (
            <>
              <div className="grid-2">
                <TrafficTrendPanel scope={scope} metric="sessions" />
                <TrafficTrendPanel scope={scope} metric="conversion_rate" />
              </div>
              <FunnelPanel scope={scope} />
              <div className="grid-2">
                <ConversionBreakdownPanel scope={scope} dimension="channel" />
                <ConversionBreakdownPanel scope={scope} dimension="device" />
              </div>
            </>
          )}
        </>
      )}
    </>
  );
}
