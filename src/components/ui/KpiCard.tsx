import { memo, useCallback, useContext, type ReactNode } from 'react';
import { KpiBadgeContext } from './kpi-badge';
import { formatDelta, formatValue, relativeChange, type Locale, type Unit } from '../../lib/format';
import { Skeleton } from './states';
import { Sparkline } from '../charts/Sparkline';

export interface KpiCardProps {
  id: string;
  label: string;
  value: number | null;
  previous?: number | null | undefined;
  unit: Unit;
  currency: string | null;
  locale: Locale;
  /** Lower is better (refund rate…): a fall is shown as good. */
  lowerIsBetter?: boolean;
  compareLabel?: string | undefined;
  loading?: boolean;
  extra?: ReactNode;
  /** Recent values, oldest first, drawn as a sparkline. */
  trend?: (number | null)[] | undefined;
  trendLabel?: string | undefined;
}

/** Direction of a change for colouring, accounting for metrics where lower is better. */
export function deltaTone(change: number | null, lowerIsBetter: boolean): 'up' | 'down' | 'flat' {
  if (change === null || Math.abs(change) < 0.0005) return 'flat';
  const better = lowerIsBetter ? change < 0 : change > 0;
  return better ? 'up' : 'down';
}

/** One KPI: the number, and its change against the comparison period. Tests read data-kpi / data-value / data-previous. */
export const KpiCard = memo(function KpiCard({ id, label, value, previous, unit, currency, locale, lowerIsBetter = false, compareLabel, loading, extra, trend, trendLabel }: KpiCardProps) {
  const badge = useContext(KpiBadgeContext);
  const change = previous === undefined ? null : relativeChange(value, previous);
  const tone = deltaTone(change, lowerIsBetter);
  const formatTrend = useCallback((v: number) => formatValue(v, unit, locale, currency), [unit, locale, currency]);
  return (
    <article
      className="card kpi"
      data-kpi={id}
      data-value={loading || value === null ? '' : String(value)}
      data-previous={previous === undefined || previous === null ? undefined : String(previous)}
      aria-busy={loading || undefined}
    >
      <div className="kpi-label">{label}</div>
      <div className="kpi-main">
        {loading ? (
          <Skeleton height={32} width="70%" />
        ) : (
          <div className="kpi-value num" title={formatValue(value, unit, locale, currency, false)}>
            {formatValue(value, unit, locale, currency)}
          </div>
        )}
        {trend && <Sparkline values={trend} label={trendLabel ?? label} format={formatTrend} />}
      </div>
      <div className="kpi-foot">
        {previous !== undefined && !loading && (
          <>
            <span className={`delta ${tone}`} aria-label={`${formatDelta(change, locale)} ${compareLabel ?? ''}`}>
              {tone === 'up' ? '▲ ' : tone === 'down' ? '▼ ' : ''}
              {formatDelta(change, locale)}
            </span>
            {compareLabel && <span>{compareLabel}</span>}
          </>
        )}
        {extra}
        {badge?.(id)}
      </div>
    </article>
  );
});
