import type { TargetsStoreState } from './persisted';
import type { Target } from './schema';

/**
 * Two tabs editing the same targets (issue 19, item 9). Each change is merged three ways:
 * `base` is what this tab last saw, `mine` is what it wants to save, `theirs` is what is saved
 * now (another tab may have written since). A target changed on one side only takes that
 * change; a target changed differently on both sides, or added on both sides under one id, is
 * a conflict the user settles. Nothing is dropped without the user saying so.
 */

/** One target both sides changed differently. `null` on a side means that side removed it (or never had it). */
export interface TargetConflict {
  /** The id on the base side, or the shared id of two targets added under one id. */
  id: string;
  base: Target | null;
  mine: Target | null;
  theirs: Target | null;
}

export interface TargetsMerge {
  /** Every change that does not conflict; where one does, their side stands until the user chooses. */
  targets: Target[];
  conflicts: TargetConflict[];
}

/** How the user settles conflicts: their own version, the other tab's, or both (their own under a fresh id). */
export type ConflictChoice = 'mine' | 'theirs' | 'both';

/** Structural equality of JSON-like values; key order does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra).filter((key) => ra[key] !== undefined);
  const otherKeys = Object.keys(rb).filter((key) => rb[key] !== undefined);
  return keys.length === otherKeys.length && keys.every((key) => sameValue(ra[key], rb[key]));
}

function byId(targets: readonly Target[]): Map<string, Target> {
  return new Map(targets.map((target) => [target.id, target]));
}

/**
 * Merges base → mine into theirs. `renamed` maps a new id on my side to the id it had in
 * `base` (the editor may rename a target), so a rename is one change, not a removal and an
 * addition. Order: theirs, with my changes in place, then what only I added.
 */
export function mergeTargets(
  base: readonly Target[],
  mine: readonly Target[],
  theirs: readonly Target[],
  renamed: Readonly<Record<string, string>> = {},
): TargetsMerge {
  const baseById = byId(base);
  const theirsById = byId(theirs);
  // A rename onto an id the other tab has just taken is my removal plus my addition under that id,
  // so the two targets meet as a conflict over the id instead of one silently replacing the other.
  const originOf = (target: Target): string => {
    const from = renamed[target.id];
    return from !== undefined && !theirsById.has(target.id) ? from : target.id;
  };
  const mineByOrigin = new Map(mine.map((target) => [originOf(target), target]));
  const conflicts: TargetConflict[] = [];
  const targets: Target[] = [];
  const seen = new Set<string>();
  for (const id of [...theirs.map((t) => t.id), ...mine.map(originOf)]) {
    if (seen.has(id)) continue;
    seen.add(id);
    const b = baseById.get(id) ?? null;
    const m = mineByOrigin.get(id) ?? null;
    const th = theirsById.get(id) ?? null;
    let kept: Target | null;
    if (sameValue(m, b)) kept = th;
    else if (sameValue(th, b) || sameValue(m, th)) kept = m;
    else {
      conflicts.push({ id, base: b, mine: m, theirs: th });
      kept = th;
    }
    if (kept) targets.push(kept);
  }
  // A base target neither side still has was removed on both: nothing to do.
  return { targets, conflicts };
}

/** `id`, or `id-2`, `id-3`, … whichever is free. */
export function freeId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  for (let n = 2; ; n += 1) if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
}

/**
 * Applies the user's choice to every conflict of a merge. `mine` puts my version in place of
 * theirs (or removes it when I removed it); `theirs` keeps theirs; `both` keeps theirs and adds
 * mine right after it, under a fresh id (`gmv-2026-2`) when theirs holds the id.
 */
export function settleConflicts(
  merged: readonly Target[],
  conflicts: readonly TargetConflict[],
  choice: ConflictChoice,
): Target[] {
  let targets = [...merged];
  const insert = (target: Target, at: number) => {
    const placed = { ...target, id: freeId(target.id, new Set(targets.map((t) => t.id))) };
    targets = at >= 0 ? [...targets.slice(0, at), placed, ...targets.slice(at)] : [...targets, placed];
  };
  for (const { mine, theirs } of conflicts) {
    if (choice === 'theirs' || (choice === 'both' && mine === null)) continue;
    const at = theirs ? targets.findIndex((t) => t.id === theirs.id) : -1;
    if (choice === 'both' && at >= 0) {
      // Theirs stays; mine goes right after it.
      if (mine) insert(mine, at + 1);
      continue;
    }
    // Mine (or both, where they removed it): my version in place of theirs, or nothing where I removed it.
    if (at >= 0) targets.splice(at, 1);
    if (mine) insert(mine, at);
  }
  return targets;
}

export interface StoreMerge {
  state: TargetsStoreState;
  conflicts: TargetConflict[];
}

/**
 * The whole saved state merged three ways: targets as `mergeTargets`; a target's locked rungs
 * from the side that changed them; the unreadable list from mine if I changed it (dismissed it).
 */
export function mergeStoreStates(
  base: TargetsStoreState,
  mine: TargetsStoreState,
  theirs: TargetsStoreState,
  renamed: Readonly<Record<string, string>> = {},
): StoreMerge {
  const { targets, conflicts } = mergeTargets(base.file.targets, mine.file.targets, theirs.file.targets, renamed);
  const lockedRungs: Record<string, string[]> = {};
  for (const { id } of targets) {
    const mineChanged = !sameValue(mine.lockedRungs[id], base.lockedRungs[renamed[id] ?? id]);
    const locks = mineChanged ? mine.lockedRungs[id] : theirs.lockedRungs[id];
    if (locks && locks.length > 0) lockedRungs[id] = locks;
  }
  const unreadable = sameValue(mine.unreadable, base.unreadable) ? theirs.unreadable : mine.unreadable;
  return { state: { file: { version: 1, targets }, lockedRungs, unreadable }, conflicts };
}
