import {
  addDays,
  addMonths,
  differenceInCalendarDays,
  endOfISOWeek,
  endOfMonth,
  endOfQuarter,
  endOfYear,
  format,
  getISOWeek,
  getISOWeekYear,
  getQuarter,
  isValid,
  startOfISOWeek,
  startOfMonth,
  startOfQuarter,
  startOfDay,
  startOfYear,
  subYears,
} from 'date-fns';

/** A reporting period, both dates inclusive, as 'YYYY-MM-DD' (METRICS.md "Time"). */
export interface Period {
  from: string;
  to: string;
}

export const GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Grain = (typeof GRAINS)[number];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → a local Date at midnight; throws on anything that is not a real calendar day. */
export function parseDay(day: string): Date {
  const m = ISO_DATE.exec(day);
  if (!m) throw new RangeError(`Not a date (expected YYYY-MM-DD): ${day}`);
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (!isValid(date) || formatDay(date) !== day) throw new RangeError(`Not a calendar date: ${day}`);
  return date;
}

export function formatDay(date: Date): string {
  // By hand: date-fns' format costs ~8 µs a call, and day series and campaign windows make
  // hundreds of calls per view (issue 14's speed goal). The same text; date-fns keeps the rare
  // cases (an invalid date throws, years before 1 are era years).
  const year = date.getFullYear();
  if (!(year >= 1)) return format(date, 'yyyy-MM-dd');
  const month = date.getMonth() + 1;
  const day = date.getDate();
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

export function isDay(value: string): boolean {
  try {
    parseDay(value);
    return true;
  } catch {
    return false;
  }
}

/** Throws unless both ends are calendar dates and `from` ≤ `to`. */
export function assertPeriod(period: Period): void {
  const from = parseDay(period.from);
  const to = parseDay(period.to);
  if (from > to) throw new RangeError(`Period ends before it starts: ${period.from}..${period.to}`);
}

/** Days in the period, both ends counted. */
export function periodDays(period: Period): number {
  return differenceInCalendarDays(parseDay(period.to), parseDay(period.from)) + 1;
}

/** Adds days to a 'YYYY-MM-DD' date. */
export function shiftDay(day: string, days: number): string {
  return formatDay(addDays(parseDay(day), days));
}

/**
 * The previous period: same length, ending the day before `from` (METRICS.md "Time").
 * 2025-01-01..2025-03-31 (90 days) → 2024-10-03..2024-12-31.
 */
export function previousPeriod(period: Period): Period {
  const to = addDays(parseDay(period.from), -1);
  return { from: formatDay(addDays(to, -(periodDays(period) - 1))), to: formatDay(to) };
}

/** Both dates minus one calendar year; Feb 29 maps to Feb 28 (METRICS.md "Time"). */
export function samePeriodLastYear(period: Period): Period {
  return { from: formatDay(subYears(parseDay(period.from), 1)), to: formatDay(subYears(parseDay(period.to), 1)) };
}

export const COMPARISON_MODES = ['previous', 'yoy', 'none'] as const;
export type ComparisonMode = (typeof COMPARISON_MODES)[number];

export function comparisonPeriod(period: Period, mode: ComparisonMode): Period | null {
  switch (mode) {
    case 'previous':
      return previousPeriod(period);
    case 'yoy':
      return samePeriodLastYear(period);
    case 'none':
      return null;
  }
}

/** The label of the bucket a day falls in: `2025-01-07`, `2025-W02`, `2025-01`, `2025-Q1`, `2025`. */
export function bucketLabel(day: Date, grain: Grain): string {
  switch (grain) {
    case 'day':
      return formatDay(day);
    case 'week':
      return `${getISOWeekYear(day)}-W${String(getISOWeek(day)).padStart(2, '0')}`;
    case 'month':
      return format(day, 'yyyy-MM');
    case 'quarter':
      return `${format(day, 'yyyy')}-Q${getQuarter(day)}`;
    case 'year':
      return format(day, 'yyyy');
  }
}

function bucketBounds(day: Date, grain: Grain): [Date, Date] {
  switch (grain) {
    case 'day':
      return [day, day];
    case 'week':
      return [startOfISOWeek(day), endOfISOWeek(day)];
    case 'month':
      return [startOfMonth(day), endOfMonth(day)];
    case 'quarter':
      return [startOfQuarter(day), endOfQuarter(day)];
    case 'year':
      return [startOfYear(day), endOfYear(day)];
  }
}

export interface Bucket {
  readonly label: string;
  /** First day of the whole bucket (not clipped): what DuckDB's date_trunc gives for it. */
  readonly start: string;
  /** First day of the bucket inside the period (clipped). */
  readonly from: string;
  /** Last day of the bucket inside the period (clipped). */
  readonly to: string;
}

const bucketsMade = new Map<string, readonly Bucket[]>();
const BUCKETS_KEPT = 64;

/**
 * Every bucket of the period at a grain, in order, the first and last clipped to the period
 * (METRICS.md "Series"). Kept per period and grain: a view change asks for the same buckets from
 * many charts and statements, and date-fns over a year of days took ~4 ms of the Marketing page's
 * main thread per change.
 */
export function periodBuckets(period: Period, grain: Grain): readonly Bucket[] {
  const key = `${period.from}|${period.to}|${grain}`;
  let buckets = bucketsMade.get(key);
  if (!buckets) {
    if (bucketsMade.size >= BUCKETS_KEPT) bucketsMade.clear();
    bucketsMade.set(key, (buckets = Object.freeze(makePeriodBuckets(period, grain))));
  }
  return buckets;
}

function makePeriodBuckets(period: Period, grain: Grain): Bucket[] {
  assertPeriod(period);
  const end = parseDay(period.to);
  const buckets: Bucket[] = [];
  let cursor = parseDay(period.from);
  while (cursor <= end) {
    // date-fns' endOf* is 23:59:59.999; the last day at midnight keeps every comparison on whole days.
    const [bucketStart, bucketEndTime] = bucketBounds(cursor, grain);
    const bucketEnd = startOfDay(bucketEndTime);
    const clippedEnd = bucketEnd < end ? bucketEnd : end;
    buckets.push({
      label: bucketLabel(cursor, grain),
      start: formatDay(bucketStart),
      from: formatDay(cursor),
      to: formatDay(clippedEnd),
    });
    cursor = addDays(clippedEnd, 1);
  }
  return buckets;
}

/** 'YYYY-MM' of a date. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** Calendar months from the month of `from` to the month of `to`, as 'YYYY-MM'. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  const last = startOfMonth(parseDay(to));
  for (let m = startOfMonth(parseDay(from)); m <= last; m = addMonths(m, 1)) months.push(format(m, 'yyyy-MM'));
  return months;
}
