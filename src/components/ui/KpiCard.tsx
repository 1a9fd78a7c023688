import { memo, useCallback, useContext, type ReactNode } from 'react';
import { KpiBadgeContext } from './kpi-badge';
import { formatDelta, formatValue, relativeChange, type Locale, type Unit } from '../../lib/format';
import { Skeleton } from './states';
import { translate } from '../../i18n/use-t';
import { Sparkline } from '../charts/Sparkline';
import { DIM_AFTER_MS, useDelayedFlag } from './use-delayed-flag';

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
  /** The number is the previous view's while the new view's query runs: dimmed and busy. */
  stale?: boolean;
  extra?: ReactNode;
  /** Recent values, oldest first, drawn as a sparkline. */
  trend?: (number | null)[] | undefined;
  trendLabel?: string | undefined;
  /** A unit written after a known number ("13 min"): for units the formats do not carry. */
  suffix?: string | undefined;
}

/**
 * The arrow of a change says which way the number moved (▲ up, ▼ down), whatever the metric:
 * whether that is good is the colour's job (deltaTone), so refunds up 40 % read "▲ +40.6%" in red.
 */
export function deltaArrow(change: number | null): string {
  if (change === null || Math.abs(change) < 0.0005) return '';
  return change > 0 ? '▲ ' : '▼ ';
}

/** Whether a change is good (`up`), bad (`down`) or none (`flat`), for its colour: lower is better for some metrics. */
export function deltaTone(change: number | null, lowerIsBetter: boolean): 'up' | 'down' | 'flat' {
  if (change === null || Math.abs(change) < 0.0005) return 'flat';
  const better = lowerIsBetter ? change < 0 : change > 0;
  return better ? 'up' : 'down';
}

/** One KPI: the number, and its change against the comparison period. Tests read data-kpi / data-value / data-previous. */
export const KpiCard = memo(function KpiCard({
  id,
  label,
  value,
  previous,
  unit,
  currency,
  locale,
  lowerIsBetter = false,
  compareLabel,
  loading,
  stale = false,
  extra,
  trend,
  trendLabel,
  suffix,
}: KpiCardProps) {
  const badge = useContext(KpiBadgeContext);
  const change = previous === undefined ? null : relativeChange(value, previous);
  const tone = deltaTone(change, lowerIsBetter);
  const formatTrend = useCallback((v: number) => formatValue(v, unit, locale, currency), [unit, locale, currency]);
  const dimmed = useDelayedFlag(stale, DIM_AFTER_MS);
  return (
    <article
      className={dimmed ? 'card kpi dimmed' : 'card kpi'}
      data-kpi={id}
      data-value={loading || stale || value === null ? '' : String(value)}
      data-previous={stale || previous === undefined || previous === null ? undefined : String(previous)}
      aria-busy={loading || stale || undefined}
    >
      <div className="kpi-label">{label}</div>
      <div className="kpi-main">
        {loading ? (
          <Skeleton height={32} width="70%" />
        ) : (
          <div className="kpi-value num" title={formatValue(value, unit, locale, currency, false)}>
            {formatValue(value, unit, locale, currency)}
            {suffix && value !== null && (
              <>
                {' '}
                <span className="kpi-suffix" style={{ fontSize: '0.55em', fontWeight: 500, color: 'var(--text-2)' }}>
                  {suffix}
                </span>
              </>
            )}
          </div>
        )}
        {trend && <Sparkline values={trend} label={trendLabel ?? label} format={formatTrend} />}
      </div>
      <div className="kpi-foot">
        {previous !== undefined && !loading && (
          <>
            <span
              className={`delta ${tone}`}
              aria-label={[
                formatDelta(change, locale),
                tone === 'flat' ? '' : translate(locale, tone === 'up' ? 'kpi.better' : 'kpi.worse'),
                compareLabel ?? '',
              ]
                .filter(Boolean)
                .join(' ')}
            >
              {deltaArrow(change)}
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
