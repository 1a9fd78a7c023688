import type { IsoDate, Period } from './dates';
import type { CheckIn } from './schema';

/**
 * Check-in metrics (issue 5, item 6): the values come from the entries the user typed, not
 * from a table. The "last date of the source" is the end of the latest entry.
 */

/** The end of the latest entry ending by `cap`; null when there is none. */
export function checkInLastDate(checkin: CheckIn, cap: IsoDate): IsoDate | null {
  let last: IsoDate | null = null;
  for (const entry of checkin.entries) {
    if (entry.period.to <= cap && (last === null || entry.period.to > last)) last = entry.period.to;
  }
  return last;
}

/**
 * The check-in metric over a window, from the entries lying wholly inside it: their sum for
 * `sum` metrics; for `level` metrics the value of the latest entry (the one ending last). A
 * level is a reading (a satisfaction score, a response time), so what stands now is the
 * latest reading, not a mean of old ones (issue 18, item 10). Null when no entry lies inside.
 */
export function checkInValue(checkin: CheckIn, window: Period): number | null {
  const inside = checkin.entries.filter((entry) => entry.period.from >= window.from && entry.period.to <= window.to);
  if (inside.length === 0) return null;
  if (checkin.aggregation === 'sum') return inside.reduce((sum, entry) => sum + entry.value, 0);
  let latest = inside[0];
  for (const entry of inside) if (latest === undefined || entry.period.to > latest.period.to) latest = entry;
  return latest?.value ?? null;
}

/** The check-in restricted to the entries lying wholly inside a window (for a rung of its ladder). */
export function checkInWithin(checkin: CheckIn, window: Period): CheckIn {
  return {
    ...checkin,
    entries: checkin.entries.filter((entry) => entry.period.from >= window.from && entry.period.to <= window.to),
  };
}
