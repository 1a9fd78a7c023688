import { checkInValue } from './checkin';
import { eachDay, earlierOf, type IsoDate } from './dates';
import type { MetricKind } from './metric-kinds';
import { levelOn, scaledBand, shareCurveOf, type PhasingFallback } from './phasing';
import type { Phasing, Target } from './schema';
import type { DatedValue } from './source';
import { targetFacts } from './target-facts';

/** One day of a burn-up chart. */
export interface BurnUpPoint {
  date: IsoDate;
  /** Additive: the running actual since `from`. Ratio: the level from `from` to this day. Null after `as_of`. */
  actual: number | null;
  /** Additive: the part of the target due by this day. Ratio: the level asked for on this day. */
  target: number;
  /** From `as_of` on: where the current pace leads (additive) or the level held (ratio); null before. */
  projected: number | null;
  floor: number;
  stretch: number | null;
}

export interface BurnUp {
  targetId: string;
  kind: MetricKind;
  asOf: IsoDate | null;
  phasingUsed: Phasing;
  phasingFallback: PhasingFallback | null;
  points: BurnUpPoint[];
}

export interface BurnUpOptions {
  /** The last day with data; by default the last day of `runningActuals` that has a value. */
  asOf?: IsoDate;
  /** Last year's daily values, for seasonal phasing (see `loadSeasonalShape`). */
  lastYearDaily?: readonly DatedValue[] | null;
}

/**
 * The burn-up chart of a target (issue 5, item 4): every day of the period with the actual
 * to date, the target line by the target's phasing, the projection from `as_of`, and the
 * floor and stretch as a band. `runningActuals` are the metric over `from`..each day
 * (`MetricSeriesSource.runningValues`, or `checkInRunningValues` for a check-in).
 */
export function burnUp(target: Target, runningActuals: readonly DatedValue[], options: BurnUpOptions = {}): BurnUp {
  const facts = targetFacts(target);
  if (facts === null) throw new Error(`Target ${target.id}: unknown metric ${target.metric}`);
  const { period, ladder } = target;
  const higher = facts.direction === 'higher_is_better';
  const running = new Map<IsoDate, number>();
  for (const point of runningActuals) {
    if (point.value !== null && point.date >= period.from && point.date <= period.to)
      running.set(point.date, point.value);
  }
  const lastWithData = [...running.keys()].sort().at(-1) ?? null;
  const asOf =
    options.asOf === undefined ? lastWithData : lastWithData === null ? null : earlierOf(options.asOf, lastWithData);
  const actualAsOf = asOf === null ? undefined : running.get(asOf);
  const actualOn = (date: IsoDate) => (asOf !== null && date <= asOf ? (running.get(date) ?? null) : null);
  const base = { targetId: target.id, kind: facts.kind, asOf };

  if (facts.kind === 'ratio') {
    const points = eachDay(period).map((date): BurnUpPoint => {
      const level = levelOn(target, date);
      const band = scaledBand(ladder, level, higher);
      const projected = asOf !== null && date >= asOf && actualAsOf !== undefined ? actualAsOf : null;
      return { date, actual: actualOn(date), target: level, projected, ...band };
    });
    return { ...base, phasingUsed: target.phasing === 'custom' ? 'custom' : 'linear', phasingFallback: null, points };
  }

  const { curve, fallback } = shareCurveOf(target, options.lastYearDaily);
  const band = scaledBand(ladder, ladder.target, higher);
  const shareAsOf = asOf === null ? 0 : curve.at(asOf);
  const projectedTotal = actualAsOf === undefined || shareAsOf === 0 ? null : actualAsOf / shareAsOf;
  const points = eachDay(period).map((date): BurnUpPoint => {
    const share = curve.at(date);
    return {
      date,
      actual: actualOn(date),
      target: ladder.target * share,
      projected: projectedTotal !== null && asOf !== null && date >= asOf ? projectedTotal * share : null,
      floor: band.floor * share,
      stretch: band.stretch === null ? null : band.stretch * share,
    };
  });
  return { ...base, phasingUsed: curve.phasing, phasingFallback: fallback, points };
}

/** A check-in's running values: for each day, its value over the entries that have ended by then. */
export function checkInRunningValues(target: Target): DatedValue[] {
  const { checkin, period } = target;
  if (checkin === undefined) return [];
  const lastEnd = checkin.entries.reduce<IsoDate | null>(
    (last, entry) => (last === null || entry.period.to > last ? entry.period.to : last),
    null,
  );
  if (lastEnd === null) return [];
  return eachDay({ from: period.from, to: lastEnd }).map((date) => ({
    date,
    value: checkInValue(checkin, { from: period.from, to: date }),
  }));
}
