import { fittedDomain, valueScale } from '../../components/charts/scales';
import type { BurnUp } from '../../targets';

/** One day of the burn-up chart as the chart draws it. */
export interface BurnUpRow {
  date: string;
  actual: number | null;
  target: number;
  projected: number | null;
  /** Floor to stretch (to the target when there is no stretch), low end first. */
  band: [number, number];
}

/**
 * The burn-up of a target as chart rows (issue 5, item 4). The band runs from the floor to the
 * stretch, or to the target line when the ladder has no stretch; for lower-is-better metrics
 * the floor is above the target, so the ends are put in order.
 */
export function toBurnUpRows(burnUp: BurnUp): BurnUpRow[] {
  return burnUp.points.map((point) => {
    const other = point.stretch ?? point.target;
    const band: [number, number] = point.floor <= other ? [point.floor, other] : [other, point.floor];
    return { date: point.date, actual: point.actual, target: point.target, projected: point.projected, band };
  });
}

/** The first day of each month in the rows (and the very first day): where the axis puts its ticks. */
export function monthTicks(rows: readonly BurnUpRow[]): string[] {
  return rows.filter((row, index) => index === 0 || row.date.endsWith('-01')).map((row) => row.date);
}

/**
 * The rows a table of the chart shows: the last day of each month, and the day the data ends
 * (`asOf`), in date order.
 */
export function burnUpTableRows(rows: readonly BurnUpRow[], asOf: string | null): BurnUpRow[] {
  return rows.filter((row, index) => {
    const next = rows[index + 1];
    const monthEnd = next === undefined || next.date.slice(0, 7) !== row.date.slice(0, 7);
    return monthEnd || row.date === asOf;
  });
}

/**
 * The value axis of a burn-up: from 0 for amounts and KPI ratios; for a level check-in (a
 * satisfaction score of 4.1–4.6, a response time) an axis fitted to the lines drawn, with a
 * tenth of their spread as margin, so the movement a planner watches is not squeezed into the
 * top of a 0–6 axis (issue 18, item 10).
 */
export function burnUpDomain(rows: readonly BurnUpRow[], fitted: boolean): [number, number] {
  const values = rows.flatMap((r) => [r.actual, r.target, r.projected, ...r.band]);
  if (fitted) return fittedDomain(values);
  const [lo = 0, hi = 1] = valueScale(values, [1, 0]).domain();
  return [lo, hi];
}
