import { useT } from '../../i18n/use-t';
import type { MetricId } from '../../metrics/registry';
import { KpiPage } from '../../components/ui/KpiPage';
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
  return (
    <KpiPage
      title={t('traffic.title')}
      kpis={TRAFFIC_KPIS}
      emptyWhen={(d) =>
        d.traffic.rows === 0 ? (
          <>
            <strong>{t('traffic.emptyTitle')}</strong>
            <br />
            {t('traffic.emptyTraffic')}
          </>
        ) : null
      }
    >
      {(scope) => (
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
    </KpiPage>
  );
}
