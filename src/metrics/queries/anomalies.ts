import type { Engine } from '../../engine/engine';
import { describeData, type DataDescription } from '../describe';
import type { Filters } from '../filters';
import { shiftDay, type Period } from '../periods';
import { computeSeriesOf } from './series';

/** The daily KPIs watched for odd days (METRICS.md "Alerts"). */
export const ANOMALY_METRICS = ['gmv', 'orders', 'aov', 'conversion_rate', 'refunds', 'cancellation_rate'] as const;
export type AnomalyMetric = (typeof ANOMALY_METRICS)[number];

/** Weeks of the same weekday a day is compared with, and how many of them must be present. */
export const ANOMALY_WEEKS = 8;
export const ANOMALY_MIN_PRESENT = 6;
/** |robust z| above this is an anomaly; above CRITICAL_Z it is critical. Both strict. */
export const ANOMALY_Z = 3.5;
export const CRITICAL_Z = 5;
/** Scales the median absolute deviation to a standard deviation's size under a normal distribution. */
const MAD_SCALE = 0.6745;

export interface Anomaly {
  metric: AnomalyMetric;
  date: string;
  value: number;
  /** The median of the same weekday over the weeks before. */
  expected: number;
  z: number;
  severity: 'warning' | 'critical';
}

/** The median; for an even count, the mean of the two middle values. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The robust z-score of `value` against the comparison values (nulls are days not present):
 * 0.6745 × (value − median) ÷ MAD. Null when fewer than ANOMALY_MIN_PRESENT are present or the
 * MAD is 0 (a flat history says nothing about spread).
 */
export function robustZ(value: number, history: readonly (number | null)[]): { z: number; median: number } | null {
  const present = history.filter((v): v is number => v !== null);
  if (present.length < ANOMALY_MIN_PRESENT) return null;
  const m = median(present);
  const mad = median(present.map((v) => Math.abs(v - m)));
  if (mad === 0) return null;
  return { z: (MAD_SCALE * (value - m)) / mad, median: m };
}

/** One day's value of a metric, or null (a day outside the data, or a ratio without a denominator). */
export interface DailyValue {
  day: string;
  value: number | null;
}

/**
 * The anomalies of one metric over a run of consecutive days: each day from `judgedFrom` on
 * against the same weekday of the ANOMALY_WEEKS weeks before it, found by position (seven
 * entries back per week), so no date is parsed per comparison: a year of days times six KPIs
 * is ~15,000 look-ups on every view change.
 */
export function detectAnomalies(metric: AnomalyMetric, daily: readonly DailyValue[], judgedFrom = 0): Anomaly[] {
  const out: Anomaly[] = [];
  for (let i = judgedFrom; i < daily.length; i++) {
    const { day: date, value } = daily[i]!;
    if (value === null) continue;
    const history = Array.from({ length: ANOMALY_WEEKS }, (_, k) => daily[i - 7 * (k + 1)]?.value ?? null);
    const score = robustZ(value, history);
    if (!score || Math.abs(score.z) <= ANOMALY_Z) continue;
    out.push({
      metric,
      date,
      value,
      expected: score.median,
      z: score.z,
      severity: Math.abs(score.z) > CRITICAL_Z ? 'critical' : 'warning',
    });
  }
  return out;
}

/**
 * The days the odd-day series is read over: every day of the orders and traffic loaded, and the
 * ANOMALY_WEEKS weeks before the first, widened to the period (and its weeks before) where the
 * period reaches outside. A day's value does not depend on the days read beside it, so every
 * period inside the data asks the same statement, and a view change reads it from the result
 * cache instead of running a new one (issue 12's 100 ms: it ran on every view change of every
 * page, for the alerts badge and the charts' marks).
 */
export function anomalySpan(period: Period, data: DataDescription): Period {
  const firsts = [data.orders.firstDate, data.traffic.firstDate, period.from].filter((d): d is string => d !== null);
  const lasts = [data.orders.lastDate, data.traffic.lastDate, period.to].filter((d): d is string => d !== null);
  const from = firsts.reduce((a, b) => (a < b ? a : b));
  const to = lasts.reduce((a, b) => (a > b ? a : b));
  return { from: shiftDay(from, -7 * ANOMALY_WEEKS), to };
}

/**
 * Every anomalous day of the period under the filters, for each watched KPI, in date then metric
 * order. The daily values are the registry's metrics over day buckets (anomalySpan), so a day
 * outside the dates its table covers is null (not present) and a quiet day inside them is 0.
 */
export async function computeAnomalies(
  engine: Engine,
  period: Period,
  filters: Filters = {},
  description?: DataDescription,
): Promise<Anomaly[]> {
  const data = description ?? (await describeData(engine));
  const span = anomalySpan(period, data);
  const rows = await computeSeriesOf(engine, span, 'day', ANOMALY_METRICS, filters, data);
  // The series has a row for every day of the span, in order, and the span starts at least
  // ANOMALY_WEEKS weeks before the period: only the period's days are judged, against the weeks before them.
  const historyFrom = shiftDay(period.from, -7 * ANOMALY_WEEKS);
  const start = rows.findIndex((r) => r.period === historyFrom);
  const end = rows.findIndex((r) => r.period === period.to);
  const days = rows.slice(start, end + 1);
  const judgedFrom = 7 * ANOMALY_WEEKS;
  const found = ANOMALY_METRICS.flatMap((metric) =>
    detectAnomalies(
      metric,
      days.map((r) => ({ day: r.period, value: r[metric] ?? null })),
      judgedFrom,
    ),
  );
  return found.sort(
    (a, b) => a.date.localeCompare(b.date) || ANOMALY_METRICS.indexOf(a.metric) - ANOMALY_METRICS.indexOf(b.metric),
  );
}
