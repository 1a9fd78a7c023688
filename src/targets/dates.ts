import {
  addDays as addDaysToDate,
  differenceInCalendarDays,
  endOfMonth,
  endOfQuarter,
  endOfISOWeek,
  format,
  getISOWeek,
  getISOWeekYear,
  parseISO,
  subYears,
} from 'date-fns';

/**
 * Calendar dates as 'YYYY-MM-DD' strings (METRICS.md "Time"). Every conversion goes through
 * local midnight and back with date-fns' calendar-day functions, so a daylight-saving change
 * never adds or loses a day. Strings of this form also compare correctly with `<`.
 */
export type IsoDate = string;

/** A period: both dates inclusive. */
export interface Period {
  from: IsoDate;
  to: IsoDate;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True for a real calendar date written 'YYYY-MM-DD' (so '2026-02-30' is false). Checked by
 * arithmetic: a targets file of 10,000 targets has 20,000 dates, and parsing and formatting
 * each took most of a second (issue 19, item 10).
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));
}

function toDate(date: IsoDate): Date {
  return parseISO(date);
}

function toIso(date: Date): IsoDate {
  return format(date, 'yyyy-MM-dd');
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return toIso(addDaysToDate(toDate(date), days));
}

/** Days from `from` to `to`, both counted: the same day gives 1, `to` before `from` gives ≤ 0. */
export function daysInclusive(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toDate(to), toDate(from)) + 1;
}

/** The same date one calendar year earlier; Feb 29 maps to Feb 28 (METRICS.md "Time"). */
export function minusOneYear(date: IsoDate): IsoDate {
  return toIso(subYears(toDate(date), 1));
}

/** The period one calendar year earlier, both ends moved. */
export function periodLastYear(period: Period): Period {
  return { from: minusOneYear(period.from), to: minusOneYear(period.to) };
}

export function earlierOf(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** Every date of the period in order. */
export function eachDay(period: Period): IsoDate[] {
  const days: IsoDate[] = [];
  const count = daysInclusive(period.from, period.to);
  const start = toDate(period.from);
  for (let i = 0; i < count; i += 1) days.push(toIso(addDaysToDate(start, i)));
  return days;
}

export type Grain = 'quarter' | 'month' | 'week';

/** One bucket of a period at a grain, clipped to the period. */
export interface Bucket extends Period {
  label: string;
}

function bucketEnd(date: Date, grain: Grain): Date {
  switch (grain) {
    case 'quarter':
      return endOfQuarter(date);
    case 'month':
      return endOfMonth(date);
    case 'week':
      return endOfISOWeek(date);
  }
}

function bucketLabel(date: Date, grain: Grain): string {
  switch (grain) {
    case 'quarter':
      return `${format(date, 'yyyy')}-Q${Math.floor(date.getMonth() / 3) + 1}`;
    case 'month':
      return format(date, 'yyyy-MM');
    case 'week':
      return `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, '0')}`;
  }
}

/**
 * Splits a period into calendar quarters, months or ISO weeks (Monday start), the first and
 * last clipped to the period. Labels follow METRICS.md "Series": `2026-Q1`, `2026-01`, `2026-W01`.
 */
export function splitPeriod(period: Period, grain: Grain): Bucket[] {
  const buckets: Bucket[] = [];
  let from = period.from;
  while (from <= period.to) {
    const start = toDate(from);
    const to = earlierOf(toIso(bucketEnd(start, grain)), period.to);
    buckets.push({ from, to, label: bucketLabel(start, grain) });
    from = addDays(to, 1);
  }
  return buckets;
}

/** Calendar months ('YYYY-MM-01'..end) lying wholly inside the span. */
export function wholeMonthsWithin(span: Period): Period[] {
  return splitPeriod(span, 'month').filter(
    (month) => month.from.endsWith('-01') && month.to === toIso(endOfMonth(toDate(month.from))),
  );
}
