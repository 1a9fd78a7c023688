import { describe, expect, it } from 'vitest';
import {
  freeId,
  mergeStoreStates,
  mergeTargets,
  sameValue,
  settleConflicts,
  type TargetConflict,
} from '../../../src/targets/merge';
import type { Target } from '../../../src/targets/schema';

function target(id: string, amount = 1_000, extra: Partial<Target> = {}): Target {
  return {
    id,
    metric: 'gmv',
    period: { from: '2026-01-01', to: '2026-12-31' },
    filters: {},
    ladder: { target: amount },
    phasing: 'linear',
    milestones: [],
    ...extra,
  };
}

const ids = (targets: readonly Target[]) => targets.map((t) => `${t.id}:${t.ladder.target}`);

const a = target('a', 100);
const b = target('b', 200);
const c = target('c', 300);

describe('merging two tabs’ targets: base, mine, theirs (issue 19, item 9)', () => {
  it('keeps both tabs’ new targets: theirs in their order, then mine', () => {
    const merged = mergeTargets([a], [a, target('mine-new', 5)], [a, target('their-new', 6)]);
    expect(ids(merged.targets)).toEqual(['a:100', 'their-new:6', 'mine-new:5']);
    expect(merged.conflicts).toEqual([]);
  });

  it('takes a change made on one side only, wherever it was made', () => {
    const mineChanged = mergeTargets([a, b, c], [a, target('b', 250), c], [a, b, c, target('d', 4)]);
    expect(ids(mineChanged.targets)).toEqual(['a:100', 'b:250', 'c:300', 'd:4']);
    const theirsChanged = mergeTargets([a, b, c], [a, b, c], [a, target('b', 260), c]);
    expect(ids(theirsChanged.targets)).toEqual(['a:100', 'b:260', 'c:300']);
    expect([...mineChanged.conflicts, ...theirsChanged.conflicts]).toEqual([]);
  });

  it('takes a removal made on one side only, and one made on both', () => {
    expect(ids(mergeTargets([a, b, c], [a, c], [a, b, c]).targets)).toEqual(['a:100', 'c:300']);
    expect(ids(mergeTargets([a, b, c], [a, b, c], [a, c]).targets)).toEqual(['a:100', 'c:300']);
    const both = mergeTargets([a, b, c], [a, c], [c, a]);
    expect(ids(both.targets)).toEqual(['c:300', 'a:100']);
    expect(both.conflicts).toEqual([]);
  });

  it('agrees when both tabs made the same change, whatever the key order', () => {
    const mine = { ...b, ladder: { target: 250 } };
    const theirs = {
      ladder: { target: 250 },
      milestones: [],
      phasing: 'linear',
      filters: {},
      period: b.period,
      metric: 'gmv',
      id: 'b',
    } as Target;
    const merged = mergeTargets([a, b], [a, mine], [a, theirs]);
    expect(merged.conflicts).toEqual([]);
    expect(ids(merged.targets)).toEqual(['a:100', 'b:250']);
  });

  it('asks when both tabs changed one target differently, and shows theirs until then', () => {
    const mine = target('b', 250);
    const theirs = target('b', 260);
    const merged = mergeTargets([a, b], [a, mine], [a, theirs]);
    expect(merged.conflicts).toEqual([{ id: 'b', base: b, mine, theirs }]);
    expect(ids(merged.targets)).toEqual(['a:100', 'b:260']);
  });

  it('asks when one tab removed a target the other changed', () => {
    const changedByMe = mergeTargets([a, b], [a, target('b', 250)], [a]);
    expect(changedByMe.conflicts).toEqual([{ id: 'b', base: b, mine: target('b', 250), theirs: null }]);
    expect(ids(changedByMe.targets)).toEqual(['a:100']);
    const changedByThem = mergeTargets([a, b], [a], [a, target('b', 260)]);
    expect(changedByThem.conflicts).toEqual([{ id: 'b', base: b, mine: null, theirs: target('b', 260) }]);
    expect(ids(changedByThem.targets)).toEqual(['a:100', 'b:260']);
  });

  it('asks when both tabs added a different target under one id', () => {
    const merged = mergeTargets([a], [a, target('n', 1)], [a, target('n', 2)]);
    expect(merged.conflicts).toEqual([{ id: 'n', base: null, mine: target('n', 1), theirs: target('n', 2) }]);
    expect(ids(merged.targets)).toEqual(['a:100', 'n:2']);
  });

  it('treats a rename as one change: in place when they left the target alone', () => {
    const renamed = { ...b, id: 'b2', ladder: { target: 250 } };
    const merged = mergeTargets([a, b, c], [a, renamed, c], [a, b, c, target('d', 4)], { b2: 'b' });
    expect(ids(merged.targets)).toEqual(['a:100', 'b2:250', 'c:300', 'd:4']);
    expect(merged.conflicts).toEqual([]);
  });

  it('asks when I renamed a target they changed, or renamed it onto an id they just took', () => {
    const renamed = { ...b, id: 'b2' };
    const changed = mergeTargets([a, b], [a, renamed], [a, target('b', 260)], { b2: 'b' });
    expect(changed.conflicts).toEqual([{ id: 'b', base: b, mine: renamed, theirs: target('b', 260) }]);
    expect(ids(changed.targets)).toEqual(['a:100', 'b:260']);
    const taken = mergeTargets([a, b], [a, renamed], [a, b, target('b2', 7)], { b2: 'b' });
    expect(taken.conflicts).toEqual([{ id: 'b2', base: null, mine: renamed, theirs: target('b2', 7) }]);
    // My rename took b away; the clash over b2 shows theirs until I choose.
    expect(ids(taken.targets)).toEqual(['a:100', 'b2:7']);
  });
});

describe('settling conflicts: keep mine, take theirs, keep both', () => {
  const changed: TargetConflict = { id: 'b', base: b, mine: target('b', 250), theirs: target('b', 260) };
  const merged = [a, target('b', 260), c];

  it('keep mine puts my version where theirs was', () => {
    expect(ids(settleConflicts(merged, [changed], 'mine'))).toEqual(['a:100', 'b:250', 'c:300']);
  });

  it('take theirs leaves theirs', () => {
    expect(ids(settleConflicts(merged, [changed], 'theirs'))).toEqual(['a:100', 'b:260', 'c:300']);
  });

  it('keep both keeps theirs and puts mine right after it under a free id', () => {
    expect(ids(settleConflicts(merged, [changed], 'both'))).toEqual(['a:100', 'b:260', 'b-2:250', 'c:300']);
    const withB2 = [a, target('b', 260), target('b-2', 9)];
    expect(ids(settleConflicts(withB2, [changed], 'both'))).toEqual(['a:100', 'b:260', 'b-3:250', 'b-2:9']);
  });

  it('settles removals: keep mine removes theirs or brings mine back; keep both never removes', () => {
    const iRemoved: TargetConflict = { id: 'b', base: b, mine: null, theirs: target('b', 260) };
    expect(ids(settleConflicts(merged, [iRemoved], 'mine'))).toEqual(['a:100', 'c:300']);
    expect(ids(settleConflicts(merged, [iRemoved], 'both'))).toEqual(['a:100', 'b:260', 'c:300']);
    const theyRemoved: TargetConflict = { id: 'b', base: b, mine: target('b', 250), theirs: null };
    expect(ids(settleConflicts([a, c], [theyRemoved], 'mine'))).toEqual(['a:100', 'c:300', 'b:250']);
    expect(ids(settleConflicts([a, c], [theyRemoved], 'both'))).toEqual(['a:100', 'c:300', 'b:250']);
    expect(ids(settleConflicts([a, c], [theyRemoved], 'theirs'))).toEqual(['a:100', 'c:300']);
  });

  it('finds a free id', () => {
    expect(freeId('x', new Set(['y']))).toBe('x');
    expect(freeId('x', new Set(['x', 'x-2']))).toBe('x-3');
  });
});

describe('merging the saved state', () => {
  const state = (targets: Target[], lockedRungs: Record<string, string[]> = {}, unreadable: unknown[] = []) => ({
    file: { version: 1 as const, targets },
    lockedRungs,
    unreadable: unreadable.map((raw) => ({ raw, errors: [{ field: 'x', message: 'y' }] })),
  });

  it('takes each target’s locked rungs from the side that changed them, and drops those of removed targets', () => {
    const base = state([a, b, c], { a: ['2026-01-31'], b: ['2026-02-28'] });
    const mine = state([a, b, c], { a: ['2026-01-31', '2026-03-31'], b: ['2026-02-28'] });
    const theirs = state([a, b], { a: ['2026-01-31'], b: ['2026-04-30'] });
    const merged = mergeStoreStates(base, mine, theirs);
    expect(merged.state.lockedRungs).toEqual({ a: ['2026-01-31', '2026-03-31'], b: ['2026-04-30'] });
    expect(ids(merged.state.file.targets)).toEqual(['a:100', 'b:200']);
  });

  it('keeps the unreadable list unless this tab dismissed it', () => {
    const base = state([a], {}, ['old']);
    expect(
      mergeStoreStates(base, state([a], {}, ['old']), state([a], {}, ['old', 'new'])).state.unreadable,
    ).toHaveLength(2);
    expect(mergeStoreStates(base, state([a], {}, []), state([a], {}, ['old'])).state.unreadable).toEqual([]);
  });

  it('compares values, not object identity or key order', () => {
    expect(sameValue({ x: 1, y: [1, { z: 2 }] }, { y: [1, { z: 2 }], x: 1 })).toBe(true);
    expect(sameValue({ x: 1 }, { x: 1, y: undefined })).toBe(true);
    expect(sameValue({ x: 1 }, { x: 2 })).toBe(false);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue(null, {})).toBe(false);
  });
});
