import type { ReportTargetRow, TrackingStatus } from '../metrics/report-types';
import { checkInLastDate, checkInValue } from './checkin';
import { daysInclusive, earlierOf, minusOneYear, periodLastYear, type IsoDate, type Period } from './dates';
import type { Direction, KpiId, MetricKind, SourceTable } from './metric-kinds';
import { levelOn, milestoneSpans, scaledBand, spanOn, type MilestoneSpan, type PhasingFallback } from './phasing';
import type { Phasing, Target, TargetsFile } from './schema';
import type { MetricSource } from './source';
import { targetFacts } from './target-facts';

/**
 * `ahead`, `on_track`, `at_risk`, `off_track` and `not_started` as METRICS.md "Targets" defines
 * them (`not_started` also while the share due is still 0); `no_data` when the number cannot be computed (the metric's table is not loaded, the
 * metric is null over the days so far, or a check-in has no entries yet).
 */
export type { ReportTargetRow, TrackingStatus };

/** A target evaluated as of the data: the report's `targets` row plus what the page shows. */
export interface TargetStatus extends ReportTargetRow {
  kind: MetricKind;
  direction: Direction;
  period: Period;
  /** The whole target of the file's ladder. */
  ladder_target: number;
  /** Floor and stretch beside `target` (90 % / 110 % of it when the ladder has no floor). */
  floor: number;
  stretch: number | null;
  phasing: Phasing;
  /** The phasing the share was computed with: linear when seasonal had no usable history. */
  phasing_used: Phasing;
  phasing_fallback: PhasingFallback | null;
  period_days: number;
  elapsed_days: number | null;
  /** Days after `as_of` up to `to`. */
  days_left: number | null;
  /** actual_to_date − expected_to_date (negative is behind pace for higher-is-better). */
  gap: number | null;
  /** Additive only: target − actual_to_date, what is still to come (or, lower-is-better, still allowed). */
  remaining: number | null;
  /** Additive only: `remaining` (not below 0) per day left; null once no day is left. */
  required_daily_rate: number | null;
  /** Additive only: actual_to_date per elapsed day. */
  current_daily_rate: number | null;
  /** The custom rung `as_of` falls in. */
  current_rung: MilestoneSpan | null;
}

export interface EvaluateOptions {
  /** Evaluate as if the data ended on this date (still capped by the data and `to`). */
  asOf?: IsoDate;
}

function reaches(value: number, level: number, direction: Direction): boolean {
  return direction === 'higher_is_better' ? value >= level : value <= level;
}

/** Status of a projection against the ladder (METRICS.md "Targets", `status`). */
export function classify(
  projected: number,
  levels: { target: number; floor: number; stretch: number | null },
  direction: Direction,
): Exclude<TrackingStatus, 'not_started' | 'no_data'> {
  if (levels.stretch !== null && reaches(projected, levels.stretch, direction)) return 'ahead';
  if (reaches(projected, levels.target, direction)) return 'on_track';
  if (reaches(projected, levels.floor, direction)) return 'at_risk';
  return 'off_track';
}

/** projected ÷ target, or target ÷ projected for lower-is-better; null where it divides by 0. */
export function attainmentOf(projected: number, target: number, direction: Direction): number | null {
  const [numerator, denominator] = direction === 'higher_is_better' ? [projected, target] : [target, projected];
  return denominator === 0 ? null : numerator / denominator;
}

interface TableSpan {
  first: IsoDate | null;
  last: IsoDate | null;
}

async function tableSpans(tables: readonly SourceTable[], source: MetricSource): Promise<Map<SourceTable, TableSpan>> {
  const spans = new Map<SourceTable, TableSpan>();
  for (const table of tables)
    spans.set(table, { first: await source.firstDate(table), last: await source.lastDate(table) });
  return spans;
}

/** The earlier of `cap` and every table's last date; null when a table is not loaded. */
function asOfFromTables(spans: Map<SourceTable, TableSpan>, cap: IsoDate): IsoDate | null {
  let asOf = cap;
  for (const span of spans.values()) {
    if (span.last === null) return null;
    asOf = earlierOf(asOf, span.last);
  }
  return asOf;
}

function historyCovers(spans: Map<SourceTable, TableSpan>, span: Period): boolean {
  for (const table of spans.values()) {
    if (table.first === null || table.last === null || table.first > span.from || table.last < span.to) return false;
  }
  return spans.size > 0;
}

/** The share due as a fraction kept in two parts, so a whole target gives whole expectations. */
interface Share {
  due: number;
  whole: number;
  used: Phasing;
  fallback: PhasingFallback | null;
}

/** Custom phasing: finished rungs' amounts + the current rung's amount × its elapsed fraction, over all amounts. */
function customDue(target: Target, asOf: IsoDate): { due: number; whole: number } | null {
  let due = 0;
  let whole = 0;
  for (const span of milestoneSpans(target.period, target.milestones)) {
    whole += span.value;
    if (span.to <= asOf) due += span.value;
    else if (span.from <= asOf)
      due += (span.value * daysInclusive(span.from, asOf)) / daysInclusive(span.from, span.to);
  }
  return whole > 0 ? { due, whole } : null;
}

async function additiveShare(
  target: Target,
  asOf: IsoDate,
  spans: Map<SourceTable, TableSpan>,
  source: MetricSource,
): Promise<Share> {
  const linear = (fallback: PhasingFallback | null): Share => ({
    due: daysInclusive(target.period.from, asOf),
    whole: daysInclusive(target.period.from, target.period.to),
    used: 'linear',
    fallback,
  });
  if (target.phasing === 'custom') {
    const due = customDue(target, asOf);
    return due === null ? linear(null) : { ...due, used: 'custom', fallback: null };
  }
  if (target.phasing !== 'seasonal') return linear(null);
  const lastYear = periodLastYear(target.period);
  if (target.checkin !== undefined || !historyCovers(spans, lastYear)) return linear('history_gap');
  const metric = target.metric as KpiId;
  const whole = await source.value(metric, lastYear, target.filters);
  if (whole === null || !(whole > 0)) return linear('zero_last_year');
  // A sum over days that had no rows is nothing, not unknown, since the history covers them.
  const part = (await source.value(metric, { from: lastYear.from, to: minusOneYear(asOf) }, target.filters)) ?? 0;
  return { due: part, whole, used: 'seasonal', fallback: null };
}

async function actualOver(target: Target, window: Period, source: MetricSource): Promise<number | null> {
  if (target.checkin !== undefined) return checkInValue(target.checkin, window);
  return source.value(target.metric as KpiId, window, target.filters);
}

/**
 * Evaluates one target as of the data (METRICS.md "Targets"): `as_of`, `share`,
 * `expected_to_date`, `projected`, `attainment` and `status`, plus the gap and run rates the
 * page shows. Each target uses its own period and filters.
 */
export async function evaluateTarget(
  target: Target,
  source: MetricSource,
  options: EvaluateOptions = {},
): Promise<TargetStatus> {
  const facts = targetFacts(target);
  if (facts === null) throw new Error(`Target ${target.id}: unknown metric ${target.metric}`);
  const { period, ladder } = target;
  const higher = facts.direction === 'higher_is_better';
  const cap = options.asOf === undefined ? period.to : earlierOf(period.to, options.asOf);
  const spans = await tableSpans(facts.tables, source);
  const asOf = target.checkin !== undefined ? checkInLastDate(target.checkin, cap) : asOfFromTables(spans, cap);

  const periodDays = daysInclusive(period.from, period.to);
  const wholeBand = scaledBand(ladder, ladder.target, higher);
  const status: TargetStatus = {
    id: target.id,
    metric: target.metric,
    as_of: asOf,
    share: null,
    target: ladder.target,
    actual_to_date: null,
    expected_to_date: null,
    projected: null,
    attainment: null,
    status: 'no_data',
    kind: facts.kind,
    direction: facts.direction,
    period: { ...period },
    ladder_target: ladder.target,
    floor: wholeBand.floor,
    stretch: wholeBand.stretch,
    phasing: target.phasing,
    phasing_used: target.phasing,
    phasing_fallback: null,
    period_days: periodDays,
    elapsed_days: null,
    days_left: null,
    gap: null,
    remaining: null,
    required_daily_rate: null,
    current_daily_rate: null,
    current_rung: null,
  };
  if (asOf === null) return status;
  if (asOf < period.from) return { ...status, status: 'not_started' };

  const elapsed = daysInclusive(period.from, asOf);
  status.elapsed_days = elapsed;
  status.days_left = periodDays - elapsed;
  if (target.phasing === 'custom') status.current_rung = spanOn(milestoneSpans(period, target.milestones), asOf);
  const actual = await actualOver(target, { from: period.from, to: asOf }, source);
  status.actual_to_date = actual;

  let projected: number | null;
  if (facts.kind === 'additive') {
    const share = await additiveShare(target, asOf, spans, source);
    status.share = share.due / share.whole;
    status.phasing_used = share.used;
    status.phasing_fallback = share.fallback;
    status.expected_to_date = (ladder.target * share.due) / share.whole;
    projected = actual === null || share.due === 0 ? null : (actual * share.whole) / share.due;
    if (actual !== null) {
      status.gap = actual - status.expected_to_date;
      status.remaining = ladder.target - actual;
      status.current_daily_rate = actual / elapsed;
      status.required_daily_rate = status.days_left > 0 ? Math.max(status.remaining, 0) / status.days_left : null;
    }
  } else {
    const level = levelOn(target, asOf);
    const band = scaledBand(ladder, level, higher);
    status.phasing_used = target.phasing === 'custom' ? 'custom' : 'linear';
    status.target = level;
    status.floor = band.floor;
    status.stretch = band.stretch;
    status.expected_to_date = level;
    projected = actual;
    if (actual !== null) status.gap = actual - level;
  }
  status.projected = projected;
  // Nothing is due yet (a first rung of 0, or last year had nothing by this date): no pace to judge.
  if (status.share === 0 && actual !== null) return { ...status, status: 'not_started' };
  if (projected === null) return status;
  status.attainment = attainmentOf(projected, status.target, facts.direction);
  status.status = classify(projected, status, facts.direction);
  return status;
}

/**
 * Evaluates every target of a file, one after another. The page and `report --targets` both
 * call this, so they show the same numbers.
 */
export async function evaluateTargets(
  file: TargetsFile,
  source: MetricSource,
  options: EvaluateOptions = {},
): Promise<TargetStatus[]> {
  const statuses: TargetStatus[] = [];
  for (const target of file.targets) statuses.push(await evaluateTarget(target, source, options));
  return statuses;
}

/** The status as a `targets` row of `report --json`, nothing more. */
export function toReportTargetRow(status: TargetStatus): ReportTargetRow {
  const {
    id,
    metric,
    as_of,
    share,
    target,
    actual_to_date,
    expected_to_date,
    projected,
    attainment,
    status: state,
  } = status;
  return { id, metric, as_of, share, target, actual_to_date, expected_to_date, projected, attainment, status: state };
}
