import { daysInclusive, splitPeriod, type IsoDate } from './dates';
import { evaluateTarget, type EvaluateOptions, type TargetStatus } from './evaluate';
import {
  apportion,
  buildLadder,
  decimalsFor,
  editRung,
  fromUnits,
  meanLevel,
  spanTarget,
  toUnits,
  type Ladder,
  type Rung,
} from './ladder';
import type { MetricKind } from './metric-kinds';
import type { PhasingFallback } from './phasing';
import type { Milestone, Phasing, Target } from './schema';
import type { DatedValue, MetricSource } from './source';
import { targetFacts } from './target-facts';

/**
 * The ladder the product is named for (issue 18, item 9): the year, its quarters, and the
 * months inside each quarter, every rung with its own target, floor and stretch. Additive
 * metrics: the months of a quarter sum to the quarter and the quarters to the whole, exactly
 * (in cents, or whole units). Ratio metrics: every rung is a level of its own. A rung's floor
 * and stretch keep the ratio of the rung above (the year's: its floor, or 90 % / 110 % of the
 * target) unless the planner sets them. Finished rungs (ended before the as-of date) and
 * locked ones never move. The tree travels in the targets file as nested milestones (file
 * version 2, milestone-tree.ts): the months pace, as custom milestones do.
 */
export interface TreeRung {
  label: string;
  from: IsoDate;
  to: IsoDate;
  /** Amount (additive) or level (ratio). */
  value: number;
  /** The floor and stretch in force: the rung's own, or kept in ratio with the rung above. */
  floor: number;
  stretch: number | null;
  /** Set by the planner for this rung (then written in the file), rather than kept in ratio. */
  ownFloor: number | null;
  ownStretch: number | null;
  locked: boolean;
  finished: boolean;
  /** What the store keeps for a lock: a month by its last date, a quarter by its label. */
  lockKey: string;
}

export interface TreeQuarter extends TreeRung {
  months: TreeRung[];
}

export interface LadderTree {
  targetId: string;
  kind: MetricKind;
  decimals: number;
  total: number;
  floor: number;
  stretch: number | null;
  higherIsBetter: boolean;
  phasingUsed: Phasing;
  phasingFallback: PhasingFallback | null;
  quarters: TreeQuarter[];
}

export type TreeEdit = { ok: true; tree: LadderTree } | { ok: false; reason: string };

/** Where a rung sits: a quarter, or a month of a quarter. */
export interface TreePlace {
  quarter: number;
  month?: number;
}

function defaultFloor(target: number, higherIsBetter: boolean): number {
  // 9/10 and 11/10 rather than 0.9 and 1.1: whole targets then give whole floors.
  return higherIsBetter ? (target * 9) / 10 : (target * 11) / 10;
}

/** A rung's floor and stretch in force, from its own or, in ratio, from the rung above. */
function banded<T extends TreeRung>(rung: T, above: { value: number; floor: number; stretch: number | null }): T {
  const scale = above.value === 0 ? 0 : rung.value / above.value;
  return {
    ...rung,
    floor: rung.ownFloor ?? above.floor * scale,
    stretch: rung.ownStretch ?? (above.stretch === null ? null : above.stretch * scale),
  };
}

/** Floors and stretches in force everywhere, after a change of values or of a rung's own band. */
function settle(tree: LadderTree): LadderTree {
  const year = { value: tree.total, floor: tree.floor, stretch: tree.stretch };
  return {
    ...tree,
    quarters: tree.quarters.map((q) => {
      const quarter = banded(q, year);
      return { ...quarter, months: q.months.map((m) => banded(m, quarter)) };
    }),
  };
}

function ownOf(target: Target, to: IsoDate, upper: boolean): Pick<TreeRung, 'ownFloor' | 'ownStretch'> {
  const list = target.phasing === 'custom' ? (upper ? target.groups : target.milestones) : undefined;
  const found: Milestone | undefined = list?.find((m) => m.to === to);
  return { ownFloor: found?.floor ?? null, ownStretch: found?.stretch ?? null };
}

/**
 * The tree of a target: months by its phasing (as `buildLadder` splits them), each quarter
 * the sum of its months (additive) or its own level (ratio: the tree's, else the day-weighted
 * level over the quarter). Months whose last date is in `locked` and quarters whose label is
 * start locked; rungs that end before `asOf` are finished.
 */
export function buildLadderTree(
  target: Target,
  lastYearDaily?: readonly DatedValue[] | null,
  locked: readonly string[] = [],
  asOf: IsoDate | null = null,
): LadderTree {
  const facts = targetFacts(target);
  if (facts === null) throw new Error(`Target ${target.id}: unknown metric ${target.metric}`);
  const higherIsBetter = facts.direction === 'higher_is_better';
  const monthly = buildLadder(target, 'month', lastYearDaily, locked, asOf);
  const decimals = decimalsFor(target);
  const quarters = splitPeriod(target.period, 'quarter').map((bucket): TreeQuarter => {
    const months = monthly.rungs
      .filter((m) => m.from >= bucket.from && m.to <= bucket.to)
      .map((m): TreeRung => ({
        label: m.label,
        from: m.from,
        to: m.to,
        value: m.value,
        floor: 0,
        stretch: null,
        ...ownOf(target, m.to, false),
        locked: m.locked,
        finished: m.finished,
        lockKey: m.to,
      }));
    const storedLevel =
      target.phasing === 'custom' ? target.groups?.find((g) => g.to === bucket.to)?.target : undefined;
    const value =
      facts.kind === 'additive'
        ? fromUnits(
            months.reduce((sum, m) => sum + toUnits(m.value, decimals), 0),
            decimals,
          )
        : (storedLevel ?? meanLevel(target, bucket.from, bucket.to));
    return {
      label: bucket.label,
      from: bucket.from,
      to: bucket.to,
      value,
      floor: 0,
      stretch: null,
      ...ownOf(target, bucket.to, true),
      locked: locked.includes(bucket.label),
      finished: asOf !== null && bucket.to < asOf,
      lockKey: bucket.label,
      months,
    };
  });
  return settle({
    targetId: target.id,
    kind: facts.kind,
    decimals,
    total: target.ladder.target,
    floor: target.ladder.floor ?? defaultFloor(target.ladder.target, higherIsBetter),
    stretch: target.ladder.stretch ?? null,
    higherIsBetter,
    phasingUsed: monthly.phasingUsed,
    phasingFallback: monthly.phasingFallback,
    quarters,
  });
}

/** Rungs as a one-level ladder, so `editRung` re-balances them as it does any ladder. */
function asLadder(tree: LadderTree, rungs: readonly TreeRung[], total: number): Ladder {
  return {
    targetId: tree.targetId,
    metric: '',
    kind: tree.kind,
    grain: 'month',
    total,
    decimals: tree.decimals,
    phasingUsed: 'custom',
    phasingFallback: null,
    rungs: rungs.map((r, index): Rung => ({
      index,
      label: r.label,
      from: r.from,
      to: r.to,
      value: r.value,
      locked: r.locked,
      finished: r.finished,
    })),
  };
}

/**
 * A quarter's months spread to a new quarter total: finished and locked months hold, the
 * others share the rest in proportion to their values (their days when all are 0).
 */
function respread(tree: LadderTree, quarter: TreeQuarter, value: number): TreeEdit | TreeQuarter {
  const { decimals } = tree;
  const held = quarter.months.filter((m) => m.locked || m.finished);
  const free = quarter.months.filter((m) => !m.locked && !m.finished);
  const rest = toUnits(value, decimals) - held.reduce((sum, m) => sum + toUnits(m.value, decimals), 0);
  if (rest < 0 || (free.length === 0 && rest !== 0)) {
    return {
      ok: false,
      reason: `${quarter.label}'s finished or locked months already hold ${fromUnits(toUnits(value, decimals) - rest, decimals)}`,
    };
  }
  const values = free.map((m) => toUnits(m.value, decimals));
  const weights = values.some((units) => units > 0) ? values : free.map((m) => daysInclusive(m.from, m.to));
  const shares = apportion(rest, weights);
  const byLabel = new Map(free.map((m, i) => [m.label, fromUnits(shares[i] ?? 0, decimals)]));
  return { ...quarter, value, months: quarter.months.map((m) => ({ ...m, value: byLabel.get(m.label) ?? m.value })) };
}

function isEdit(value: TreeEdit | TreeQuarter): value is TreeEdit {
  return 'ok' in value;
}

/**
 * Sets one rung. A quarter (additive): the other free quarters re-balance so the whole stays,
 * and each changed quarter's free months re-spread to it. A month (additive): the other free
 * months of its quarter re-balance, so the quarter stays. Ratio: the rung's level changes; a
 * quarter's new level is also given to its free months. Finished and locked rungs never move.
 */
export function editTreeRung(tree: LadderTree, place: TreePlace, value: number): TreeEdit {
  const quarter = tree.quarters[place.quarter];
  if (quarter === undefined) return { ok: false, reason: `there is no quarter ${place.quarter}` };
  if (place.month !== undefined) {
    const month = quarter.months[place.month];
    if (month === undefined) return { ok: false, reason: `${quarter.label} has no month ${place.month}` };
    const edited = editRung(asLadder(tree, quarter.months, quarter.value), place.month, value);
    if (!edited.ok) return edited;
    const months = quarter.months.map((m, i) => ({ ...m, value: edited.ladder.rungs[i]?.value ?? m.value }));
    const quarters = tree.quarters.map((q, i) => (i === place.quarter ? { ...q, months } : q));
    return { ok: true, tree: settle({ ...tree, quarters }) };
  }
  const edited = editRung(asLadder(tree, tree.quarters, tree.total), place.quarter, value);
  if (!edited.ok) return edited;
  const quarters: TreeQuarter[] = [];
  for (const [i, q] of tree.quarters.entries()) {
    const next = edited.ladder.rungs[i]?.value ?? q.value;
    if (tree.kind === 'ratio') {
      const free = i === place.quarter;
      quarters.push({
        ...q,
        value: next,
        months: q.months.map((m) => (free && !m.locked && !m.finished ? { ...m, value: next } : m)),
      });
      continue;
    }
    if (next === q.value) {
      quarters.push(q);
      continue;
    }
    const spread = respread(tree, q, next);
    if (isEdit(spread)) return spread;
    quarters.push(spread);
  }
  return { ok: true, tree: settle({ ...tree, quarters }) };
}

/**
 * Sets (or, with null, clears back to "kept in ratio") a rung's own floor or stretch. A floor
 * must not pass the rung's target, nor a stretch fall short of it, for the metric's direction.
 */
export function setTreeBand(
  tree: LadderTree,
  place: TreePlace,
  key: 'floor' | 'stretch',
  value: number | null,
): TreeEdit {
  const quarter = tree.quarters[place.quarter];
  const rung = place.month === undefined ? quarter : quarter?.months[place.month];
  if (quarter === undefined || rung === undefined) return { ok: false, reason: 'there is no such rung' };
  if (rung.finished) return { ok: false, reason: `${rung.label} is finished` };
  if (value !== null) {
    if (!Number.isFinite(value) || value < 0) return { ok: false, reason: `a ${key} needs a number of 0 or more` };
    const below = (key === 'floor') === tree.higherIsBetter;
    if (below ? value > rung.value : value < rung.value)
      return {
        ok: false,
        reason: `${rung.label}'s ${key} must be ${below ? 'at most' : 'at least'} its target ${rung.value}`,
      };
  }
  const own = key === 'floor' ? { ownFloor: value } : { ownStretch: value };
  const quarters = tree.quarters.map((q, i) => {
    if (i !== place.quarter) return q;
    if (place.month === undefined) return { ...q, ...own };
    return { ...q, months: q.months.map((m, j) => (j === place.month ? { ...m, ...own } : m)) };
  });
  return { ok: true, tree: settle({ ...tree, quarters }) };
}

function milestoneOf(rung: TreeRung): Milestone {
  const milestone: Milestone = { to: rung.to, target: rung.value };
  if (rung.ownFloor !== null) milestone.floor = rung.ownFloor;
  if (rung.ownStretch !== null) milestone.stretch = rung.ownStretch;
  return milestone;
}

/** The target paced by its tree: custom phasing, the months as milestones, the quarters as their groups. */
export function applyLadderTree(target: Target, tree: LadderTree): Target {
  return {
    ...target,
    phasing: 'custom',
    milestones: tree.quarters.flatMap((q) => q.months.map(milestoneOf)),
    groups: tree.quarters.map(milestoneOf),
  };
}

/** The locks the store keeps for a tree: months by last date, quarters by label. */
export function treeLocks(tree: LadderTree): string[] {
  return tree.quarters.flatMap((q) => [
    ...(q.locked ? [q.lockKey] : []),
    ...q.months.filter((m) => m.locked).map((m) => m.lockKey),
  ]);
}

/** One rung as a target of its own, with the floor and stretch in force for it. */
export function treeRungTarget(target: Target, rung: TreeRung): Target {
  return spanTarget(target, rung, {
    target: rung.value,
    floor: rung.floor,
    ...(rung.stretch !== null ? { stretch: rung.stretch } : {}),
  });
}

/** Every rung tracked like a target: each quarter, then its months, in the tree's order. */
export async function evaluateLadderTree(
  target: Target,
  tree: LadderTree,
  source: MetricSource,
  options: EvaluateOptions = {},
): Promise<{ quarters: TargetStatus[]; months: TargetStatus[][] }> {
  const quarters: TargetStatus[] = [];
  const months: TargetStatus[][] = [];
  for (const q of tree.quarters) {
    quarters.push(await evaluateTarget(treeRungTarget(target, q), source, options));
    const inner: TargetStatus[] = [];
    for (const m of q.months) inner.push(await evaluateTarget(treeRungTarget(target, m), source, options));
    months.push(inner);
  }
  return { quarters, months };
}
