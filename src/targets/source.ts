import type { IsoDate, Period } from './dates';
import type { KpiId, SourceTable } from './metric-kinds';
import type { TargetFilters } from './schema';

/** One dated number of a series. */
export interface DatedValue {
  date: IsoDate;
  value: number | null;
}

/**
 * What targets need from the metrics layer. The page implements it over the browser engine,
 * the `report` command over the Node engine, tests with a small in-memory fake; the target
 * code itself never sees SQL.
 */
export interface MetricSource {
  /** The KPI over the period (both dates inclusive) with the filters applied; null when it cannot be computed. */
  value(metric: KpiId, period: Period, filters: TargetFilters): Promise<number | null>;
  /** The last date in the whole table, whatever any filter; null when the table is not loaded. */
  lastDate(table: SourceTable): Promise<IsoDate | null>;
  /** The first date in the whole table; null when the table is not loaded. */
  firstDate(table: SourceTable): Promise<IsoDate | null>;
}

/** A source that can also give series, for ladders' seasonal shape and burn-up charts. */
export interface MetricSeriesSource extends MetricSource {
  /** The KPI over each single day of the period, in date order (a seasonal shape). */
  dailyValues(metric: KpiId, period: Period, filters: TargetFilters): Promise<DatedValue[]>;
  /**
   * For each day `d` of the period, the KPI over `period.from`..`d`, in date order. Running
   * values, not sums of days, because distinct counts (buyers) and ratios do not add up by day.
   */
  runningValues(metric: KpiId, period: Period, filters: TargetFilters): Promise<DatedValue[]>;
}

/** Running totals of daily values: the running values of a metric that is a plain sum. */
export function cumulate(daily: readonly DatedValue[]): DatedValue[] {
  let total = 0;
  return daily.map(({ date, value }) => {
    total += value ?? 0;
    return { date, value: total };
  });
}
