import { describe, expect, it } from 'vitest';
import { differingParts, sideAction } from '../../../src/features/goals/conflict-view';
import type { Target } from '../../../src/targets';

const base: Target = {
  id: 'gmv-2026',
  metric: 'gmv',
  period: { from: '2026-01-01', to: '2026-12-31' },
  filters: {},
  ladder: { target: 25_000_000 },
  phasing: 'linear',
  milestones: [],
  owner: 'Growth',
};

describe('what the conflict dialog says about each side', () => {
  it('names the parts two versions differ in, in the editor’s order', () => {
    const mine = { ...base, ladder: { target: 30_000_000 }, owner: 'Sales' };
    const theirs = { ...base, ladder: { target: 26_000_000 }, phasing: 'seasonal' as const };
    expect(differingParts({ id: 'gmv-2026', base, mine, theirs })).toEqual(['ladder', 'phasing', 'owner']);
  });

  it('says which side changed, added or removed the target', () => {
    const changed = { id: 'gmv-2026', base, mine: { ...base, why: 'x' }, theirs: null };
    expect(sideAction(changed, 'mine')).toBe('changed');
    expect(sideAction(changed, 'theirs')).toBe('removed');
    expect(differingParts(changed)).toEqual([]);
    const added = { id: 'n', base: null, mine: base, theirs: { ...base, owner: 'Ops' } };
    expect(sideAction(added, 'mine')).toBe('added');
    expect(differingParts(added)).toEqual(['owner']);
  });
});
