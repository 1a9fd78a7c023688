import type { Engine, Row } from '../../engine/engine';
import { prepareContext, queryMetrics } from '../../metrics/context';
import type { DataDescription } from '../../metrics/describe';
import type { Filters } from '../../metrics/filters';
import { dimensionGrouping } from '../../metrics/groupings';
import type { Period } from '../../metrics/periods';
import { toNumberOrNull } from '../../metrics/queries/kpis';

export const DEVICE_METRICS = ['sessions', 'orders', 'conversion_rate'] as const;

export interface DeviceRow {
  /** '' where the device is not set. */
  device: string;
  sessions: number | null;
  orders: number | null;
  conversion_rate: number | null;
}

export function parseDeviceConversion(rows: readonly Row[]): DeviceRow[] {
  return rows.map((r) => ({
    device: String(r.grp ?? ''),
    sessions: toNumberOrNull(r.sessions),
    orders: toNumberOrNull(r.orders),
    conversion_rate: toNumberOrNull(r.conversion_rate),
  }));
}

export async function computeDeviceConversion(
  engine: Engine,
  period: Period,
  filters: Filters,
  description?: DataDescription,
): Promise<DeviceRow[]> {
  const prepared = await prepareContext(engine, period, filters, description);
  if (prepared.ctx.blocked.includes('traffic') && prepared.ctx.blocked.includes('orders')) return [];
  // Through the metrics compiler: orders.device against traffic.device.
  return parseDeviceConversion(await queryMetrics(engine, prepared, DEVICE_METRICS, dimensionGrouping('device')));
}
