import { addDays, daysInclusive, type IsoDate, type Period } from '../../../src/targets/dates';
import type { KpiId, SourceTable } from '../../../src/targets/metric-kinds';
import type { TargetFilters } from '../../../src/targets/schema';
import type { DatedValue, MetricSeriesSource } from '../../../src/targets/source';

/**
 * A test double of the targets' own MetricSource port: hand-written daily values, summed
 * over the asked period. Ratio metrics keep a numerator and a denominator per day, so their
 * value over a period is Σ numerator ÷ Σ denominator, as the real metrics are.
 */
export type Daily = Record<IsoDate, number>;

export interface FakeData {
  tables: Partial<Record<SourceTable, { first: IsoDate; last: IsoDate }>>;
  sums?: Partial<Record<KpiId, Daily>>;
  ratios?: Partial<Record<KpiId, { numerator: Daily; denominator: Daily }>>;
}

export interface FakeSource extends MetricSeriesSource {
  calls: { metric: KpiId; period: Period; filters: TargetFilters }[];
}

/** `perDay` on every day from `from` to `to`, both included. */
export function everyDay(from: IsoDate, to: IsoDate, perDay: number): Daily {
  const daily: Daily = {};
  const days = daysInclusive(from, to);
  for (let i = 0; i < days; i += 1) daily[addDays(from, i)] = perDay;
  return daily;
}

/** Several daily maps as one (later ones win on a shared date). */
export function merge(...parts: Daily[]): Daily {
  return Object.assign({}, ...parts) as Daily;
}

function sumOver(daily: Daily, period: Period): number {
  let total = 0;
  for (const [date, value] of Object.entries(daily)) if (date >= period.from && date <= period.to) total += value;
  return total;
}

export function fakeSource(data: FakeData): FakeSource {
  const calls: FakeSource['calls'] = [];
  const valueOf = (metric: KpiId, period: Period): number | null => {
    const sum = data.sums?.[metric];
    if (sum !== undefined) return sumOver(sum, period);
    const ratio = data.ratios?.[metric];
    if (ratio === undefined) return null;
    const denominator = sumOver(ratio.denominator, period);
    return denominator === 0 ? null : sumOver(ratio.numerator, period) / denominator;
  };
  const days = (period: Period): IsoDate[] =>
    Array.from({ length: daysInclusive(period.from, period.to) }, (_, i) => addDays(period.from, i));
  return {
    calls,
    value(metric, period, filters) {
      calls.push({ metric, period, filters });
      return Promise.resolve(valueOf(metric, period));
    },
    lastDate(table) {
      return Promise.resolve(data.tables[table]?.last ?? null);
    },
    firstDate(table) {
      return Promise.resolve(data.tables[table]?.first ?? null);
    },
    dailyValues(metric, period) {
      return Promise.resolve(
        days(period).map((date): DatedValue => ({ date, value: valueOf(metric, { from: date, to: date }) })),
      );
    },
    runningValues(metric, period) {
      return Promise.resolve(
        days(period).map((date): DatedValue => ({ date, value: valueOf(metric, { from: period.from, to: date }) })),
      );
    },
  };
}
