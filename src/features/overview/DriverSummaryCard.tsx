import { memo, useCallback, useMemo } from 'react';
import { Waterfall } from '../../components/charts/Waterfall';
import { Card } from '../../components/ui/Card';
import { EmptyState, Skeleton } from '../../components/ui/states';
import { useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/messages';
import { useMetricLabel } from '../../components/ui/use-metric-label';
import { formatMoney, formatValue, formatDelta, relativeChange } from '../../lib/format';
import type { Kpis } from '../../metrics/queries/kpis';
import { useAppStore } from '../../stores/app-store';
import { toWaterfallBars } from '../../components/charts/waterfall-bars';
import { driverChange, DRIVERS } from './driver-summary';

const END_LABEL: Record<'base' | 'current', MessageKey> = {
  base: 'overview.drivers.before',
  current: 'overview.drivers.now',
};

/** GMV = sessions × conversion × AOV for the period, and what moved it since the comparison period. */
export const DriverSummaryCard = memo(function DriverSummaryCard({ current, previous, currency, hasComparison }: { current: Kpis | undefined; previous: Kpis | undefined; currency: string | null; hasComparison: boolean }) {
  const t = useT();
  const metric = useMetricLabel();
  const locale = useAppStore((s) => s.locale);
  const money = useCallback((v: number | null) => formatMoney(v, currency, locale), [currency, locale]);
  const change = useMemo(() => (hasComparison ? driverChange(current, previous) : null), [hasComparison, current, previous]);
  const waterfall = change?.ok ? change.waterfall : null;
  const bars = useMemo(
    () =>
      waterfall
        ? toWaterfallBars(waterfall, (k) =>
            k === 'base' || k === 'current' ? t(END_LABEL[k]) : metric(k as (typeof DRIVERS)[number], 'short'),
          )
        : [],
    [waterfall, t, metric],
  );
  return (
    <Card title={t('overview.drivers.title')}>
      {!current ? (
        <Skeleton height={200} />
      ) : current.sessions === null ? (
        <EmptyState>{t('overview.drivers.noTraffic')}</EmptyState>
      ) : (
        <>
          <div className="driver-eq" data-testid="driver-tree">
            <DriverBox label={metric('gmv', 'short')} value={money(current.gmv)} delta={hasComparison ? relativeChange(current.gmv, previous?.gmv ?? null) : undefined} />
            <span className="driver-op">=</span>
            <DriverBox label={metric('sessions', 'short')} value={formatValue(current.sessions, 'count', locale, null)} delta={hasComparison ? relativeChange(current.sessions, previous?.sessions ?? null) : undefined} />
            <span className="driver-op">×</span>
            <DriverBox label={metric('conversion_rate', 'short')} value={formatValue(current.conversion_rate, 'rate', locale, null)} delta={hasComparison ? relativeChange(current.conversion_rate, previous?.conversion_rate ?? null) : undefined} />
            <span className="driver-op">×</span>
            <DriverBox label={metric('aov', 'short')} value={money(current.aov)} delta={hasComparison ? relativeChange(current.aov, previous?.aov ?? null) : undefined} />
          </div>
          {change?.ok ? (
            <Waterfall
              title={t('overview.drivers.waterfall')}
              bars={bars}
              formatValue={money}
              formatAxis={money}
              height={220}
              zoom
            />
          ) : (
            hasComparison && <p className="muted">{t('overview.drivers.noChange')}</p>
          )}
        </>
      )}
    </Card>
  );
});

function DriverBox({ label, value, delta }: { label: string; value: string; delta?: number | null | undefined }) {
  const locale = useAppStore((s) => s.locale);
  return (
    <div className="driver-box">
      <div className="stat-label">{label}</div>
      <div className="stat-value num">{value}</div>
      {delta !== undefined && <div className="muted num">{formatDelta(delta, locale)}</div>}
    </div>
  );
}
