import { formatRate, formatValue, relativeChange, type Locale, type Unit } from '../lib/format';
import { ENTRIES, type ComponentId } from './registry';
import { isOpsMetricId, OPS_ENTRIES, opsPlainUnit } from './registry/operations';
import type { Alert } from './report-types';

const WEEKDAYS: Record<Locale, string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  'zh-CN': ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
};

const weekdayOf = (day: string, locale: Locale) => WEEKDAYS[locale][new Date(`${day}T00:00:00Z`).getUTCDay()]!;

function metricFacts(metric: string | null): { label: { en: string; zh: string }; unit: Unit } {
  if (isOpsMetricId(metric)) {
    const ops = OPS_ENTRIES[metric];
    return { label: ops.entry.label, unit: opsPlainUnit(ops) ?? 'number' };
  }
  const entry =
    metric === null ? undefined : (ENTRIES as Partial<Record<string, (typeof ENTRIES)[ComponentId]>>)[metric];
  return entry
    ? { label: entry.label, unit: entry.unit }
    : { label: { en: metric ?? '', zh: metric ?? '' }, unit: 'number' };
}

/**
 * One alert in one sentence a manager reads without the dashboard, in English or Chinese:
 * "GMV on Tuesday 2026-03-10 was CN¥12,400, 61.0 % below a typical Tuesday (CN¥31,800)."
 * Money is shown in full, not abbreviated, since the sentence stands alone.
 */
export function describeAlert(alert: Alert, locale: Locale, currency: string | null): string {
  const zh = locale === 'zh-CN';
  const { label, unit } = metricFacts(alert.metric);
  const name = zh ? label.zh : label.en;
  const show = (v: number | null, u: Unit = unit) =>
    formatValue(v, u === 'money' && currency === null ? 'number' : u, locale, currency, false);
  const sku = alert.sku ?? '';
  switch (alert.kind) {
    case 'anomaly': {
      const day = weekdayOf(alert.date, locale);
      const change = relativeChange(alert.value, alert.expected);
      const above = (alert.value ?? 0) > (alert.expected ?? 0);
      if (change === null)
        return zh
          ? `${alert.date}（${day}）的${name}为 ${show(alert.value)}，通常的${day}为 ${show(alert.expected)}。`
          : `${name} on ${day} ${alert.date} was ${show(alert.value)}, against ${show(alert.expected)} on a typical ${day}.`;
      const pct = formatRate(Math.abs(change), locale, 1);
      return zh
        ? `${alert.date}（${day}）的${name}为 ${show(alert.value)}，比通常的${day}（${show(alert.expected)}）${above ? '高' : '低'} ${pct}。`
        : `${name} on ${day} ${alert.date} was ${show(alert.value)}, ${pct} ${above ? 'above' : 'below'} a typical ${day} (${show(alert.expected)}).`;
    }
    case 'target': {
      const critical = alert.severity === 'critical';
      return zh
        ? `${name}目标${critical ? '已落后' : '有风险'}：预计达到 ${show(alert.value)}，目标 ${show(alert.expected)}（截至 ${alert.date}）。`
        : `The ${name} target is ${critical ? 'off track' : 'at risk'}: heading for ${show(alert.value)} against ${show(alert.expected)} (as of ${alert.date}).`;
    }
    case 'stockout':
      return zh
        ? `${sku} 已断货（${alert.date} 库存 ${show(alert.value, 'count')}），仍在销售。`
        : `${sku} is out of stock on ${alert.date} (on hand ${show(alert.value, 'count')}) while it still sells.`;
    case 'reorder':
      return zh
        ? `${sku} 可售 ${show(alert.value, 'number')} 天，少于补货周期 ${show(alert.expected, 'count')} 天：请补货。`
        : `${sku} has ${show(alert.value, 'number')} days of cover, less than its ${show(alert.expected, 'count')}-day lead time: reorder.`;
    case 'overstock':
      return zh
        ? `${sku} 可售 ${show(alert.value, 'number')} 天，超过 ${show(alert.expected, 'count')} 天：库存积压。`
        : `${sku} has ${show(alert.value, 'number')} days of cover, more than ${show(alert.expected, 'count')}: overstocked.`;
    case 'oversold':
      return zh
        ? `${sku} 超卖：${alert.date} 库存 ${show(alert.value, 'count')}。`
        : `${sku} is oversold: on hand ${show(alert.value, 'count')} on ${alert.date}.`;
  }
}
