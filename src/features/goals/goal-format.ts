import { formatCount, formatRate, formatValue, MISSING, type Locale, type Unit } from '../../lib/format';
import { OPS_REGISTRY, type OpsEntry } from '../../metrics/registry/operations';
import { isKpiId, KPI_FACTS, metricTexts, type Direction, type Target, type TrackingStatus } from '../../targets';

const opsOf = (module: OpsEntry['module']) => OPS_REGISTRY.filter((e) => e.module === module).map((e) => e.id);

/** The KPIs a planner picks from, grouped as the pages group them. */
export const METRIC_GROUPS = {
  sales: [
    'gmv',
    'net_revenue',
    'orders',
    'aov',
    'discounts',
    'refunds',
    'refund_rate',
    'cancelled_orders',
    'cancellation_rate',
  ],
  customers: [
    'buyers',
    'new_buyers',
    'returning_buyers',
    'revenue_per_buyer',
    'returning_customer_rate',
    'repeat_purchase_rate',
  ],
  traffic: ['sessions', 'visitors', 'conversion_rate', 'buyer_conversion_rate'],
  users: ['registrations', 'activation_rate_30d'],
  // The operations modules' metrics, in registry order (registry/operations.ts).
  products: opsOf('products'),
  marketing: opsOf('marketing'),
  service: opsOf('service'),
  lifecycle: opsOf('lifecycle'),
};

export type MetricGroup = keyof typeof METRIC_GROUPS;

/** A KPI's name in the UI language (METRICS.md ids stay in the file). */
export function kpiLabel(metric: string, locale: Locale): string {
  if (!isKpiId(metric)) return metric;
  const label = metricTexts(metric).label;
  return locale === 'zh-CN' ? label.zh : label.en;
}

/** What the target measures: the KPI's name, or the check-in's own label. */
export function targetLabel(target: Pick<Target, 'metric' | 'checkin'>, locale: Locale): string {
  return target.checkin ? target.checkin.label : kpiLabel(target.metric, locale);
}

/** How the target's numbers are shown and typed; a check-in is a plain number with its own unit word. */
export function targetUnit(target: Pick<Target, 'metric' | 'checkin'>): Unit {
  if (target.checkin || !isKpiId(target.metric)) return 'number';
  const unit = KPI_FACTS[target.metric].unit;
  return unit === 'money' || unit === 'count' || unit === 'rate' ? unit : 'number';
}

/** The word after a number of the target's metric: a check-in's own, minutes, hours or ‰ for service figures. */
function unitWord(target: Pick<Target, 'metric' | 'checkin'>, locale: Locale): string {
  if (target.checkin) return target.checkin.unit.trim();
  if (!isKpiId(target.metric)) return '';
  const zh = locale === 'zh-CN';
  switch (KPI_FACTS[target.metric].unit) {
    case 'minutes':
      return zh ? '分钟' : 'min';
    case 'hours':
      return zh ? '小时' : 'h';
    case 'per_1000':
      return '‰';
    default:
      return '';
  }
}

/**
 * A value of the target's metric, "—" when unknown. Check-in values are plain numbers (whole
 * from 100 up, 万 in Chinese when compact) followed by their unit word unless `withUnit` is off.
 */
export function formatTargetValue(
  value: number | null,
  target: Pick<Target, 'metric' | 'checkin'>,
  locale: Locale,
  currency: string | null,
  compact = true,
  withUnit = true,
): string {
  const unit = targetUnit(target);
  const text =
    unit === 'number' && value !== null && Math.abs(value) >= 100
      ? formatCount(value, locale, compact)
      : formatValue(value, unit, locale, currency, compact);
  const word = withUnit ? unitWord(target, locale) : '';
  return value === null || word === '' ? text : `${text} ${word}`;
}

/** A difference with its sign, "+¥12万" / "−3.2%"; rates in percentage points. */
export function formatSigned(
  value: number | null,
  target: Pick<Target, 'metric' | 'checkin'>,
  locale: Locale,
  currency: string | null,
): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  const body = formatTargetValue(Math.abs(value), target, locale, currency, true, false);
  if (Math.abs(value) < 1e-12) return body;
  const points = targetUnit(target) === 'rate' ? (locale === 'zh-CN' ? ' 个百分点' : ' pts') : '';
  const text = points ? `${formatRate(Math.abs(value), locale, 2).replace(/\s?%$/, '')}${points}` : body;
  return `${value > 0 ? '+' : '−'}${text}`;
}

export const STATUS_ORDER: readonly TrackingStatus[] = [
  'off_track',
  'at_risk',
  'on_track',
  'ahead',
  'not_started',
  'no_data',
];

/** A glyph per status, so the pill does not speak through colour alone. */
export const STATUS_GLYPH: Record<TrackingStatus, string> = {
  ahead: '▲',
  on_track: '●',
  at_risk: '◆',
  off_track: '▼',
  not_started: '○',
  no_data: '–',
};

/** Whether a gap to the pace is good news, given which way is better. */
export function gapTone(gap: number | null, direction: Direction): 'good' | 'bad' | 'flat' {
  if (gap === null || Math.abs(gap) < 1e-9) return 'flat';
  return gap > 0 === (direction === 'higher_is_better') ? 'good' : 'bad';
}
