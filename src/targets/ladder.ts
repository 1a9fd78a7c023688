import { checkInWithin } from './checkin';
import { daysInclusive, periodLastYear, splitPeriod, type Grain, type IsoDate } from './dates';
import { evaluateTarget, type EvaluateOptions, type TargetStatus } from './evaluate';
import type { KpiId, MetricKind } from './metric-kinds';
import { milestoneSpans, shareCurveOf, type PhasingFallback } from './phasing';
import type { LadderSpec, Milestone, Phasing, Target } from './schema';
import type { DatedValue, MetricSeriesSource, MetricSource } from './source';
import { targetFacts } from './target-facts';

export type LadderGrain = Grain;

/** One rung: an amount (additive metrics) or a level (ratio metrics) for a span of the period. */
export interface Rung {
  index: number;
  /** `2026-Q1`, `2026-01` or `2026-W01` (ISO week). */
  label: string;
  from: IsoDate;
  to: IsoDate;
  value: number;
  locked: boolean;
  /** Ended before the as-of date: held at what was set, never re-balanced (issue 18, item 8). */
  finished: boolean;
}

/**
 * A target split into rungs (issue 5, item 3; METRICS.md "Targets", Ladder). For additive
 * metrics the rungs always sum to `total` exactly, counted in units of `decimals` places
 * (cents for money, whole numbers for whole counts).
 */
export interface Ladder {
  targetId: string;
  metric: string;
  kind: MetricKind;
  grain: LadderGrain;
  total: number;
  decimals: number;
  phasingUsed: Phasing;
  phasingFallback: PhasingFallback | null;
  rungs: Rung[];
}

export type LadderEdit = { ok: true; ladder: Ladder } | { ok: false; reason: string };

export function decimalsFor(target: Target): number {
  const unit = targetFacts(target)?.unit ?? null;
  return unit !== 'money' && Number.isInteger(target.ladder.target) ? 0 : 2;
}

export function toUnits(value: number, decimals: number): number {
  return Math.round(value * 10 ** decimals);
}

export function fromUnits(units: number, decimals: number): number {
  return units / 10 ** decimals;
}

/**
 * Splits `units` over parts in proportion to `weights`, rounding the running total so the
 * parts add up to `units` exactly; what rounding leaves over lands in the last part.
 */
export function apportion(units: number, weights: readonly number[]): number[] {
  const whole = weights.reduce((sum, weight) => sum + weight, 0);
  let running = 0;
  let placed = 0;
  return weights.map((weight, index) => {
    running += weight;
    const upTo = index === weights.length - 1 ? units : Math.round((units * running) / whole);
    const part = upTo - placed;
    placed = upTo;
    return part;
  });
}

/** The day-weighted mean of the custom levels over a span (a rung that straddles two milestones). */
export function meanLevel(target: Target, from: IsoDate, to: IsoDate): number {
  if (target.phasing !== 'custom' || target.milestones.length === 0) return target.ladder.target;
  const overlaps = milestoneSpans(target.period, target.milestones).flatMap((span) => {
    const start = span.from > from ? span.from : from;
    const end = span.to < to ? span.to : to;
    return start > end ? [] : [{ level: span.value, days: daysInclusive(start, end) }];
  });
  const [only] = overlaps;
  if (only === undefined) return target.ladder.target;
  // One milestone's level is given back as written, not as a mean that float error nudges.
  if (overlaps.length === 1) return only.level;
  const days = overlaps.reduce((sum, part) => sum + part.days, 0);
  return overlaps.reduce((sum, part) => sum + part.level * part.days, 0) / days;
}

/**
 * Splits a target into quarters, months or ISO weeks (partial first and last buckets clipped
 * to the period) by its phasing: linear by days, seasonal by last year's daily values
 * (`lastYearDaily`; without it, or when it totals 0, linear), custom by its milestones.
 * Ratio metrics get a level per rung: the target's, or the custom milestones' level.
 * Rungs whose last date is in `lockedTo` start locked; rungs that end before `asOf` are finished.
 */
export function buildLadder(
  target: Target,
  grain: LadderGrain,
  lastYearDaily?: readonly DatedValue[] | null,
  lockedTo: readonly IsoDate[] = [],
  asOf: IsoDate | null = null,
): Ladder {
  const facts = targetFacts(target);
  if (facts === null) throw new Error(`Target ${target.id}: unknown metric ${target.metric}`);
  const buckets = splitPeriod(target.period, grain);
  const decimals = decimalsFor(target);
  const base = {
    targetId: target.id,
    metric: target.metric,
    kind: facts.kind,
    grain,
    total: target.ladder.target,
    decimals,
  };
  const rung = (bucket: (typeof buckets)[number], index: number, value: number): Rung => ({
    index,
    label: bucket.label,
    from: bucket.from,
    to: bucket.to,
    value,
    locked: lockedTo.includes(bucket.to),
    finished: asOf !== null && bucket.to < asOf,
  });
  if (facts.kind === 'ratio') {
    return {
      ...base,
      phasingUsed: target.phasing === 'custom' ? 'custom' : 'linear',
      phasingFallback: null,
      rungs: buckets.map((bucket, index) => rung(bucket, index, meanLevel(target, bucket.from, bucket.to))),
    };
  }
  const { curve, fallback } = shareCurveOf(target, lastYearDaily);
  const totalUnits = toUnits(target.ladder.target, decimals);
  let placed = 0;
  const rungs = buckets.map((bucket, index) => {
    const upTo = index === buckets.length - 1 ? totalUnits : Math.round(totalUnits * curve.at(bucket.to));
    const units = upTo - placed;
    placed = upTo;
    return rung(bucket, index, fromUnits(units, decimals));
  });
  return { ...base, phasingUsed: curve.phasing, phasingFallback: fallback, rungs };
}

/**
 * Sets one rung. For additive metrics the other unlocked rungs re-balance in proportion to
 * their values (to their days when they are all 0) so the ladder still sums to the whole;
 * for ratio metrics only that rung's level changes. Locked and finished rungs never move,
 * and a finished rung cannot be set: it is held to what happened.
 */
export function editRung(ladder: Ladder, index: number, value: number): LadderEdit {
  const edited = ladder.rungs[index];
  if (edited === undefined) return { ok: false, reason: `there is no rung ${index}` };
  if (edited.finished) return { ok: false, reason: `${edited.label} is finished` };
  if (edited.locked) return { ok: false, reason: `${edited.label} is locked` };
  if (!Number.isFinite(value) || value < 0)
    return { ok: false, reason: `a rung needs a number of 0 or more, not ${value}` };
  if (ladder.kind === 'ratio') {
    return {
      ok: true,
      ladder: { ...ladder, rungs: ladder.rungs.map((rung) => (rung.index === index ? { ...rung, value } : rung)) },
    };
  }
  const { decimals } = ladder;
  const newUnits = toUnits(value, decimals);
  const held = (rung: Rung) => rung.locked || rung.finished;
  const free = ladder.rungs.filter((rung) => !held(rung) && rung.index !== index);
  const lockedUnits = ladder.rungs.filter(held).reduce((sum, rung) => sum + toUnits(rung.value, decimals), 0);
  const rest = toUnits(ladder.total, decimals) - lockedUnits - newUnits;
  if (rest < 0) {
    return {
      ok: false,
      reason: `${edited.label} can be at most ${fromUnits(newUnits + rest, decimals)}: the locked rungs hold the rest of ${ladder.total}`,
    };
  }
  if (free.length === 0 && rest !== 0)
    return { ok: false, reason: `every other rung is locked, so ${edited.label} must stay ${edited.value}` };
  const values = free.map((rung) => toUnits(rung.value, decimals));
  const weights = values.some((units) => units > 0) ? values : free.map((rung) => daysInclusive(rung.from, rung.to));
  const shares = apportion(rest, weights);
  const byIndex = new Map(free.map((rung, i) => [rung.index, fromUnits(shares[i] ?? 0, decimals)]));
  const rungs = ladder.rungs.map((rung) => {
    if (rung.index === index) return { ...rung, value: fromUnits(newUnits, decimals) };
    const share = byIndex.get(rung.index);
    return share === undefined ? rung : { ...rung, value: share };
  });
  return { ok: true, ladder: { ...ladder, rungs } };
}

/** Locks (or unlocks) a rung so re-balancing leaves it where it is. */
export function lockRung(ladder: Ladder, index: number, locked = true): Ladder {
  return { ...ladder, rungs: ladder.rungs.map((rung) => (rung.index === index ? { ...rung, locked } : rung)) };
}

/** The sum of an additive ladder's rungs, added in whole units so it is exact. */
export function ladderSum(ladder: Ladder): number {
  return fromUnits(
    ladder.rungs.reduce((sum, rung) => sum + toUnits(rung.value, ladder.decimals), 0),
    ladder.decimals,
  );
}

/** The rungs as custom milestones, so an edited ladder travels in the targets file. */
export function ladderMilestones(ladder: Ladder): Milestone[] {
  return ladder.rungs.map((rung) => ({ to: rung.to, target: rung.value }));
}

/** The target paced by its edited ladder: custom phasing with one milestone per rung (a ladder tree it had is gone). */
export function applyLadder(target: Target, ladder: Ladder): Target {
  const { groups: _tree, ...rest } = target;
  return { ...rest, phasing: 'custom', milestones: ladderMilestones(ladder) };
}

/** The last dates of the locked rungs, as the store keeps them. */
export function lockedRungDates(ladder: Ladder): IsoDate[] {
  return ladder.rungs.filter((rung) => rung.locked).map((rung) => rung.to);
}

/**
 * One rung as a target of its own: its span, its amount or level, floor and stretch kept in
 * proportion; paced seasonally when the whole target is, otherwise linearly within the rung.
 */
export function rungTarget(target: Target, ladder: Ladder, index: number): Target {
  const rung = ladder.rungs[index];
  if (rung === undefined) throw new Error(`Ladder of ${target.id} has no rung ${index}`);
  const scale = target.ladder.target === 0 ? 0 : rung.value / target.ladder.target;
  const spec: LadderSpec = { target: rung.value };
  if (target.ladder.floor !== undefined) spec.floor = target.ladder.floor * scale;
  if (target.ladder.stretch !== undefined) spec.stretch = target.ladder.stretch * scale;
  return spanTarget(target, rung, spec);
}

/** A target for a span inside `target` (a rung of a ladder or of a ladder tree) with its own amounts. */
export function spanTarget(target: Target, span: { label: string; from: IsoDate; to: IsoDate }, ladder: LadderSpec): Target {
  const sub: Target = {
    id: `${target.id}#${span.label}`,
    metric: target.metric,
    period: { from: span.from, to: span.to },
    filters: target.filters,
    ladder,
    phasing: target.phasing === 'seasonal' ? 'seasonal' : 'linear',
    milestones: [],
  };
  if (target.checkin !== undefined) sub.checkin = checkInWithin(target.checkin, sub.period);
  return sub;
}

/** Tracks every rung of a ladder (issue 5, item 4): each rung evaluated like a target. */
export async function evaluateLadder(
  target: Target,
  ladder: Ladder,
  source: MetricSource,
  options: EvaluateOptions = {},
): Promise<TargetStatus[]> {
  const statuses: TargetStatus[] = [];
  for (const rung of ladder.rungs)
    statuses.push(await evaluateTarget(rungTarget(target, ladder, rung.index), source, options));
  return statuses;
}

/**
 * Last year's daily values for a seasonal ladder or burn-up, or null when the history does
 * not cover last year's span (then phasing is linear, as METRICS.md says).
 */
export async function loadSeasonalShape(target: Target, source: MetricSeriesSource): Promise<DatedValue[] | null> {
  const facts = targetFacts(target);
  if (target.phasing !== 'seasonal' || target.checkin !== undefined || facts === null || facts.kind !== 'additive')
    return null;
  const span = periodLastYear(target.period);
  for (const table of facts.tables) {
    const first = await source.firstDate(table);
    const last = await source.lastDate(table);
    if (first === null || last === null || first > span.from || last < span.to) return null;
  }
  return source.dailyValues(target.metric as KpiId, span, target.filters);
}
