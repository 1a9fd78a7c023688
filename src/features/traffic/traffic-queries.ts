import type { Engine, Row } from '../../engine/engine';
import type { Grouping } from '../../metrics/compile';
import { prepareContext, queryMetrics } from '../../metrics/context';
import type { DataDescription } from '../../metrics/describe';
import type { Filters } from '../../metrics/filters';
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

/** Sessions, paid orders and conversion per device, through the metrics compiler (orders.device against traffic.device). */
const byDevice: Grouping = {
  key: (_source, alias) => `coalesce(nullif(trim(${alias}.device), ''), '')`,
  columnar: { dimension: 'device' },
};

export function parseDeviceConversion(rows: Row[]): DeviceRow[] {
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
  return parseDeviceConversion(await queryMetrics(engine, prepared, DEVICE_METRICS, byDevice));
}
