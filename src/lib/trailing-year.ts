import { addMonths, endOfMonth, format, parseISO, startOfMonth } from 'date-fns';

/** Twelve calendar months ending with the month the period ends in. */
export function trailingYear(period: { from: string; to: string }): { from: string; to: string } {
  const end = endOfMonth(parseISO(period.to));
  return { from: format(startOfMonth(addMonths(end, -11)), 'yyyy-MM-dd'), to: format(end, 'yyyy-MM-dd') };
}
