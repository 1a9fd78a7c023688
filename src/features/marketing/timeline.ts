import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { Period } from '../../metrics/periods';

export interface TimelineBar<R> {
  row: R;
  /** Where the bar starts and how wide it is, as fractions of the period (clipped to it). */
  left: number;
  width: number;
}

/** Bars of the campaign timeline: each campaign's dates as a share of the period's days, clipped to the period. */
export function timelineBars<R extends { starts_on: string; ends_on: string }>(
  rows: readonly R[],
  period: Period,
): TimelineBar<R>[] {
  const start = parseISO(period.from);
  const days = differenceInCalendarDays(parseISO(period.to), start) + 1;
  return rows.map((row) => {
    const from = Math.max(0, differenceInCalendarDays(parseISO(row.starts_on), start));
    const to = Math.min(days - 1, differenceInCalendarDays(parseISO(row.ends_on), start));
    return { row, left: from / days, width: Math.max(0, to - from + 1) / days };
  });
}
