import { addDays, endOfMonth, format, parseISO, startOfMonth, startOfQuarter, startOfYear, subMonths } from 'date-fns';

export interface Period {
  from: string;
  to: string;
}

export const PRESETS = ['last_month', 'this_month', 'quarter_to_date', 'last_30', 'last_90', 'year_to_date'] as const;
export type Preset = (typeof PRESETS)[number];

const day = (d: Date) => format(d, 'yyyy-MM-dd');

/**
 * The latest full calendar month in the data: the month of the last date when that date is the
 * month's last day, else the month before it.
 */
export function latestFullMonth(lastDate: string): Period {
  const last = parseISO(lastDate);
  const isMonthEnd = day(endOfMonth(last)) === lastDate;
  const month = isMonthEnd ? last : subMonths(last, 1);
  return { from: day(startOfMonth(month)), to: day(endOfMonth(month)) };
}

/**
 * The period the dashboard opens on: the latest full month, unless the data begins after that
 * month ends (a first export of a few days), in which case the month the data ends in, so the
 * first screen is never empty.
 */
export function defaultPeriod(firstDate: string | null, lastDate: string): Period {
  const full = latestFullMonth(lastDate);
  if (firstDate === null || firstDate <= full.to) return full;
  return { from: day(startOfMonth(parseISO(lastDate))), to: lastDate };
}

/**
 * Presets are anchored on the last date in the data, not on today: exports arrive late, and
 * "this month" of a file that ends last week should still show that file's month.
 */
export function presetPeriod(preset: Preset, lastDate: string): Period {
  const last = parseISO(lastDate);
  switch (preset) {
    case 'last_month':
      return latestFullMonth(lastDate);
    case 'this_month':
      return { from: day(startOfMonth(last)), to: lastDate };
    case 'quarter_to_date':
      return { from: day(startOfQuarter(last)), to: lastDate };
    case 'last_30':
      return { from: day(addDays(last, -29)), to: lastDate };
    case 'last_90':
      return { from: day(addDays(last, -89)), to: lastDate };
    case 'year_to_date':
      return { from: day(startOfYear(last)), to: lastDate };
  }
}

/** Which preset, if any, a period is. */
export function matchPreset(period: Period, lastDate: string): Preset | null {
  return PRESETS.find((p) => {
    const q = presetPeriod(p, lastDate);
    return q.from === period.from && q.to === period.to;
  }) ?? null;
}

