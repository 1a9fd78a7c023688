import { attributeGap, type AttributionResult } from '../../targets';
import type { Kpis } from '../../metrics/queries/kpis';

export const DRIVERS = ['sessions', 'conversion_rate', 'aov'] as const;
export type Driver = (typeof DRIVERS)[number];

/**
 * GMV = sessions × conversion × AOV for two periods, and the change split between the three
 * drivers (log decomposition: the parts add up to the whole change). Null when a driver is
 * unknown or zero in either period, since a log of nothing cannot be taken.
 */
export function driverChange(current: Kpis | undefined, previous: Kpis | undefined): AttributionResult | null {
  if (!current || !previous) return null;
  const pick = (k: Kpis) => ({ sessions: k.sessions, conversion_rate: k.conversion_rate, aov: k.aov });
  const base = pick(previous);
  const now = pick(current);
  const values = [...Object.values(base), ...Object.values(now)];
  if (values.some((v) => v === null || !(v > 0))) return null;
  return attributeGap(base as Record<Driver, number>, now as Record<Driver, number>);
}
