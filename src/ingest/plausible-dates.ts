/**
 * The dates an export can plausibly hold (DATA.md "Bad input"; issue 19, item 5): from
 * 2000-01-01 to a year after today. Anything else (0001-01-01, 9999-12-31, a misread Excel
 * serial) is rejected as an "implausible date" instead of stretching every period to it.
 */
export const IMPLAUSIBLE_DATE = 'implausible date';
export const EARLIEST_DATE = '2000-01-01';

export interface PlausibleDates {
  /** First and last plausible day, YYYY-MM-DD, both included. */
  earliest: string;
  latest: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The plausible days for an import run on `today` (the local calendar day). */
export function plausibleDates(today: Date = new Date()): PlausibleDates {
  const year = today.getFullYear() + 1;
  const month = today.getMonth() + 1;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  // 29 February a year on is 28 February when that year has none.
  const day = month === 2 && today.getDate() === 29 && !leap ? 28 : today.getDate();
  return { earliest: EARLIEST_DATE, latest: `${year}-${pad(month)}-${pad(day)}` };
}

/** SQL that is true when a parsed date or timestamp expression falls outside `dates`. */
export function implausibleSql(value: string, dates: PlausibleDates): string {
  return `(CAST(${value} AS DATE) < DATE '${dates.earliest}' OR CAST(${value} AS DATE) > DATE '${dates.latest}')`;
}
