import type { Unit } from '../../lib/format';
import { DRIVER_TREES, type DriverId, type DriverTree, type DriverValues } from '../../targets';

/** How each driver is shown and typed. */
export const DRIVER_UNIT: Record<DriverId, Unit> = {
  sessions: 'count',
  conversion_rate: 'rate',
  aov: 'money',
  visitors: 'count',
  buyer_conversion_rate: 'rate',
  revenue_per_buyer: 'money',
};

/** The driver that grows with time (sessions, visitors); the other two are rates over it. */
export function volumeDriver(tree: DriverTree): DriverId {
  return DRIVER_TREES[tree][0];
}

/** The tree's three drivers from a set of KPI values; null when one is unknown. */
export function pickDrivers(values: Readonly<Record<string, number | null>>, tree: DriverTree): DriverValues | null {
  const drivers: DriverValues = {};
  for (const id of DRIVER_TREES[tree]) {
    const value = values[id];
    if (value === null || value === undefined) return null;
    drivers[id] = value;
  }
  return drivers;
}

/**
 * Where the planner starts: over the whole period, the volume at today's pace (actual ÷ the
 * share of the target due by now) and the rates as they are so far.
 */
export function planDefaults(actual: DriverValues, tree: DriverTree, share: number | null): DriverValues {
  const plan: DriverValues = { ...actual };
  const volume = volumeDriver(tree);
  const done = actual[volume];
  if (done !== undefined) plan[volume] = share !== null && share > 0 ? done / share : done;
  return plan;
}

/** A whole-period plan cut to the part due by now: the volume times the share, the rates unchanged. */
export function planToDate(plan: DriverValues, tree: DriverTree, share: number): DriverValues {
  const cut: DriverValues = { ...plan };
  const volume = volumeDriver(tree);
  const whole = plan[volume];
  if (whole !== undefined) cut[volume] = whole * share;
  return cut;
}

/** A plan as a person would write it: whole sessions, rates to a hundredth of a percent, money to the cent. */
export function roundPlan(values: DriverValues): DriverValues {
  const rounded: DriverValues = {};
  for (const [id, value] of Object.entries(values) as [DriverId, number | undefined][]) {
    if (value === undefined) continue;
    const unit = DRIVER_UNIT[id];
    rounded[id] =
      unit === 'count' ? Math.round(value) : unit === 'rate' ? Number(value.toFixed(4)) : Number(value.toFixed(2));
  }
  return rounded;
}
