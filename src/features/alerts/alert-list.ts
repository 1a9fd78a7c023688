import type { Alert } from '../../metrics/report-types';
import { shiftDay, type Period } from '../../metrics/periods';

/** The three groups the Alerts page filters by; the four stock kinds are one group. */
export type AlertGroup = 'target' | 'anomaly' | 'stock';
export const ALERT_GROUPS: readonly AlertGroup[] = ['target', 'anomaly', 'stock'];

export function groupOf(alert: Alert): AlertGroup {
  return alert.kind === 'target' || alert.kind === 'anomaly' ? alert.kind : 'stock';
}

/**
 * What an alert is about, the same on every load and in every view: kind, metric or SKU, day.
 * A dismissal is kept under this key, so it follows the alert, not its place in a list.
 */
export function alertKey(alert: Alert): string {
  return [alert.kind, alert.metric ?? alert.sku ?? '', alert.date].join('|');
}

/** The alerts to list: of the chosen group (all when null), without the dismissed unless they are asked for. */
export function visibleAlerts(
  alerts: readonly Alert[],
  group: AlertGroup | null,
  dismissed: ReadonlySet<string>,
  showDismissed: boolean,
): Alert[] {
  return alerts.filter((a) => (group === null || groupOf(a) === group) && (showDismissed || !dismissed.has(alertKey(a))));
}

/** The active (not dismissed) alerts, and how many of them are critical: the top bar's badge. */
export function activeCounts(alerts: readonly Alert[], dismissed: ReadonlySet<string>): { total: number; critical: number } {
  const active = dismissed.size === 0 ? alerts : alerts.filter((a) => !dismissed.has(alertKey(a)));
  return { total: active.length, critical: active.filter((a) => a.severity === 'critical').length };
}

/**
 * The period that shows an anomalous day on the daily sales chart: its calendar month, widened
 * so the day has a week on either side when it falls near the month's edge.
 */
export function periodAround(day: string): Period {
  const monthFrom = `${day.slice(0, 8)}01`;
  const next = new Date(`${monthFrom}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  const monthTo = shiftDay(next.toISOString().slice(0, 10), -1);
  const weekBefore = shiftDay(day, -7);
  const weekAfter = shiftDay(day, 7);
  return { from: weekBefore < monthFrom ? weekBefore : monthFrom, to: weekAfter > monthTo ? weekAfter : monthTo };
}
