import type { Engine } from '../engine/engine';
import { compareCodeUnits, compareText } from '../lib/compare-text';
import type { DataDescription } from './describe';
import type { Filters } from './filters';
import type { Period } from './periods';
import { computeAnomalies, type Anomaly } from './queries/anomalies';
import { DEFAULT_LEAD_TIME_DAYS, OVERSTOCK_DAYS, skuLeadTimes, type InventorySection } from './queries/products';
import type { Alert, AlertSeverity, ReportTargetRow } from './report-types';

export type { Alert, AlertKind, AlertSeverity } from './report-types';

/**
 * Targets at risk (warning) or off track (critical). `value` is where the target is headed (its
 * projection; what it has reached when nothing projects) and `expected` the target itself, so the
 * two read as "will reach X of Y". Dated by the target's as-of day.
 */
export function targetAlerts(rows: readonly ReportTargetRow[], fallbackDate: string): Alert[] {
  return rows
    .filter((r) => r.status === 'at_risk' || r.status === 'off_track')
    .map((r) => ({
      kind: 'target',
      metric: r.metric,
      sku: null,
      date: r.as_of ?? fallbackDate,
      value: r.projected ?? r.actual_to_date,
      expected: r.target,
      severity: r.status === 'off_track' ? 'critical' : 'warning',
    }));
}

export function anomalyAlerts(anomalies: readonly Anomaly[]): Alert[] {
  return anomalies.map((a) => ({
    kind: 'anomaly',
    metric: a.metric,
    sku: null,
    date: a.date,
    value: a.value,
    expected: a.expected,
    severity: a.severity,
  }));
}

/**
 * The inventory section's stock alerts (METRICS.md "Details that decide an operations number",
 * Stock): value on_hand for stock-out and oversold, days of cover for reorder and overstock;
 * expected 0, the SKU's lead time, 180 and 0; critical for a stock-out only.
 */
export function stockAlerts(section: InventorySection, leadTimes: ReadonlyMap<string, number>): Alert[] {
  return section.rows.flatMap((row) =>
    row.alerts.map((kind): Alert => {
      const onHand = kind === 'stockout' || kind === 'oversold';
      const expected =
        kind === 'reorder'
          ? (leadTimes.get(row.sku) ?? DEFAULT_LEAD_TIME_DAYS)
          : kind === 'overstock'
            ? OVERSTOCK_DAYS
            : 0;
      return {
        kind,
        metric: null,
        sku: row.sku,
        date: section.as_of,
        value: onHand ? row.on_hand : row.days_of_cover,
        expected,
        severity: kind === 'stockout' ? 'critical' : 'warning',
      };
    }),
  );
}

const SEVERITY_RANK: Record<AlertSeverity, number> = { critical: 0, warning: 1 };

/**
 * Newest first, critical before warning, then by kind and what it names. Days (ISO) and kinds
 * (lower-case words) sort the same by code unit as by collation, and cheaper: a view can hold
 * thousands of stock alerts.
 */
export function sortAlerts(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort(
    (a, b) =>
      compareCodeUnits(b.date, a.date) ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      compareCodeUnits(a.kind, b.kind) ||
      compareText(a.metric ?? a.sku ?? '', b.metric ?? b.sku ?? ''),
  );
}

export interface AlertInputs {
  targets: readonly ReportTargetRow[];
  inventory: InventorySection | null;
  description?: DataDescription;
  /** The period's odd days when the caller has them already (the page computes them once for its charts too). */
  anomalies?: readonly Anomaly[];
}

/** Every alert of the period under the filters: targets, odd days of the daily KPIs, stock. */
export async function computeAlerts(
  engine: Engine,
  period: Period,
  filters: Filters,
  inputs: AlertInputs,
): Promise<Alert[]> {
  const anomalies = inputs.anomalies ?? (await computeAnomalies(engine, period, filters, inputs.description));
  const stock = inputs.inventory ? stockAlerts(inputs.inventory, await skuLeadTimes(engine)) : [];
  return sortAlerts([...targetAlerts(inputs.targets, period.to), ...anomalyAlerts(anomalies), ...stock]);
}

/** Whether `yardstick report --check` should page someone: a critical alert on the period's last day. */
export function hasCriticalOn(alerts: readonly Alert[], day: string): boolean {
  return alerts.some((a) => a.severity === 'critical' && a.date === day);
}
