import { addDays, earlierOf, splitPeriod, type Period } from '../../targets/dates';
import type { Target } from '../../targets';

/**
 * The span a new check-in value most likely covers: the calendar month after the latest
 * entry (the first month of the period when there is none), clipped to the period. Null once
 * the entries reach the end of the period.
 */
export function nextEntryPeriod(target: Pick<Target, 'period' | 'checkin'>): Period | null {
  const entries = target.checkin?.entries ?? [];
  const lastEnd = entries.reduce<string | null>(
    (last, e) => (last === null || e.period.to > last ? e.period.to : last),
    null,
  );
  const start = lastEnd === null ? target.period.from : addDays(lastEnd, 1);
  if (start > target.period.to) return null;
  const [month] = splitPeriod({ from: start, to: target.period.to }, 'month');
  return month ? { from: month.from, to: earlierOf(month.to, target.period.to) } : null;
}
