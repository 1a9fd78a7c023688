import { plausibleDates } from '../ingest/plausible-dates';
import { periodBuckets, type Grain, type Period } from '../metrics/periods';

/**
 * The most buckets one series may have: ten years of days (issue 19, item 5). Inside the
 * plausible dates no other grain comes near it (27 years are 1,400 weeks or 330 months).
 */
export const MAX_SERIES_BUCKETS = 3660;

/**
 * Why a report over `period` at `grain` is refused, or null: a period must lie within the
 * dates the importer accepts (2000-01-01 to a year after today; older or later data is
 * rejected as "implausible date"), and its series may have at most MAX_SERIES_BUCKETS buckets.
 * `--from 1900-01-01 --to 2999-12-31 --grain day` ran for minutes without a word before.
 */
export function periodRefusal(period: Period, grain: Grain, today: Date): string | null {
  const { earliest, latest } = plausibleDates(today);
  if (period.from < earliest || period.to > latest) {
    const flag = period.from < earliest ? `--from ${period.from}` : `--to ${period.to}`;
    return `${flag} is outside the dates Yardstick reads: a period must lie between ${earliest} and ${latest} (a year after today)`;
  }
  const buckets = periodBuckets(period, grain).length;
  if (buckets > MAX_SERIES_BUCKETS) {
    return `--grain ${grain} from ${period.from} to ${period.to} makes ${buckets.toLocaleString('en')} buckets, more than the ${MAX_SERIES_BUCKETS.toLocaleString('en')} a report may have (ten years of days); choose a coarser --grain or a shorter period`;
  }
  return null;
}
