import { addDays, daysInclusive, eachDay, minusOneYear, periodLastYear, type IsoDate, type Period } from './dates';
import type { Milestone, Phasing, Target } from './schema';
import type { DatedValue } from './source';

/** A milestone as the span it covers: from the day after the previous one (the first from `from`). */
export interface MilestoneSpan extends Period {
  index: number;
  /** Amount (additive metrics) or level (ratio metrics). */
  value: number;
}

/** Milestones as consecutive spans (METRICS.md "Targets", custom phasing). */
export function milestoneSpans(period: Period, milestones: readonly Milestone[]): MilestoneSpan[] {
  let from = period.from;
  return milestones.map((milestone, index) => {
    const span = { index, from, to: milestone.to, value: milestone.target };
    from = addDays(milestone.to, 1);
    return span;
  });
}

/** The span containing the date, or null outside them all. */
export function spanOn(spans: readonly MilestoneSpan[], date: IsoDate): MilestoneSpan | null {
  return spans.find((span) => span.from <= date && date <= span.to) ?? null;
}

/** Days of the span elapsed by the end of `date`, as a fraction of its days. */
function elapsedFraction(span: Period, date: IsoDate): number {
  if (date < span.from) return 0;
  if (date >= span.to) return 1;
  return daysInclusive(span.from, date) / daysInclusive(span.from, span.to);
}

/**
 * The part of an additive target due by the end of each date: 0 before `from`, 1 from `to`
 * on, never decreasing. Ladders and burn-up lines are drawn from it.
 */
export interface ShareCurve {
  phasing: Phasing;
  at(date: IsoDate): number;
}

/** Linear phasing: elapsed days ÷ period days. */
export function linearCurve(period: Period): ShareCurve {
  return { phasing: 'linear', at: (date) => elapsedFraction(period, date) };
}

/**
 * Custom phasing: (amounts of finished rungs + the current rung's amount × its elapsed
 * fraction) ÷ the sum of all amounts. Null when the amounts sum to 0.
 */
export function customCurve(period: Period, milestones: readonly Milestone[]): ShareCurve | null {
  const spans = milestoneSpans(period, milestones);
  const total = spans.reduce((sum, span) => sum + span.value, 0);
  if (!(total > 0)) return null;
  return {
    phasing: 'custom',
    at: (date) => {
      if (date >= period.to) return 1;
      const due = spans.reduce((sum, span) => sum + span.value * elapsedFraction(span, date), 0);
      return due / total;
    },
  };
}

/**
 * Seasonal phasing from last year's daily values of the metric: the running total up to the
 * same date a year earlier ÷ last year's total over the whole span. Null when that total is
 * not above 0. The caller checks that the history covers last year's span.
 */
export function seasonalCurve(period: Period, lastYearDaily: readonly DatedValue[]): ShareCurve | null {
  const span = periodLastYear(period);
  const byDate = new Map(lastYearDaily.map((point) => [point.date, point.value ?? 0]));
  const running = new Map<IsoDate, number>();
  let total = 0;
  for (const date of eachDay(span)) {
    total += byDate.get(date) ?? 0;
    running.set(date, total);
  }
  if (!(total > 0)) return null;
  return {
    phasing: 'seasonal',
    at: (date) => {
      if (date < period.from) return 0;
      if (date >= period.to) return 1;
      return (running.get(minusOneYear(date)) ?? 0) / total;
    },
  };
}

/** Why seasonal phasing fell back to linear. */
export type PhasingFallback = 'history_gap' | 'zero_last_year';

/**
 * The curve a target is paced by. Seasonal without a usable shape (none given, or a zero
 * total) falls back to linear, as METRICS.md says; `fallback` tells why.
 */
export function shareCurveOf(
  target: Pick<Target, 'period' | 'phasing' | 'milestones'>,
  lastYearDaily?: readonly DatedValue[] | null,
): { curve: ShareCurve; fallback: PhasingFallback | null } {
  if (target.phasing === 'custom') {
    const curve = customCurve(target.period, target.milestones);
    if (curve !== null) return { curve, fallback: null };
  }
  if (target.phasing === 'seasonal') {
    if (lastYearDaily === undefined || lastYearDaily === null)
      return { curve: linearCurve(target.period), fallback: 'history_gap' };
    const curve = seasonalCurve(target.period, lastYearDaily);
    return curve === null
      ? { curve: linearCurve(target.period), fallback: 'zero_last_year' }
      : { curve, fallback: null };
  }
  return { curve: linearCurve(target.period), fallback: null };
}

/**
 * The level a ratio target asks for on a date: the level of the custom rung containing it
 * (METRICS.md: "the current rung's level stands in for target"), otherwise the ladder's target.
 */
export function levelOn(target: Pick<Target, 'period' | 'phasing' | 'milestones' | 'ladder'>, date: IsoDate): number {
  if (target.phasing !== 'custom') return target.ladder.target;
  return spanOn(milestoneSpans(target.period, target.milestones), date)?.value ?? target.ladder.target;
}

/** Floor and stretch scaled to stand beside a stand-in level, keeping their ratio to the target. */
export function scaledBand(
  ladder: Target['ladder'],
  level: number,
  higherIsBetter: boolean,
): { floor: number; stretch: number | null } {
  const scale = level / ladder.target;
  // 9/10 and 11/10 rather than 0.9 and 1.1: whole targets then give whole floors.
  const floor = ladder.floor ?? (higherIsBetter ? (ladder.target * 9) / 10 : (ladder.target * 11) / 10);
  return {
    floor: level === ladder.target ? floor : floor * scale,
    stretch: ladder.stretch === undefined ? null : level === ladder.target ? ladder.stretch : ladder.stretch * scale,
  };
}
