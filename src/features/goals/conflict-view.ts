import { sameValue, type Target, type TargetConflict } from '../../targets';

/** The parts of a target a planner recognises, in the order the editor shows them. */
export const TARGET_PARTS = [
  'id',
  'metric',
  'period',
  'ladder',
  'phasing',
  'milestones',
  'filters',
  'checkin',
  'owner',
  'why',
] as const satisfies readonly (keyof Target)[];

export type TargetPart = (typeof TARGET_PARTS)[number];

/** What each side did to the target: changed it, removed it, or (with no base) added it. */
export type SideAction = 'changed' | 'removed' | 'added';

export function sideAction(conflict: TargetConflict, side: 'mine' | 'theirs'): SideAction {
  if (conflict[side] === null) return 'removed';
  return conflict.base === null ? 'added' : 'changed';
}

/** The parts in which the two versions differ; empty when one side removed the target. */
export function differingParts(conflict: TargetConflict): TargetPart[] {
  const { mine, theirs } = conflict;
  if (mine === null || theirs === null) return [];
  return TARGET_PARTS.filter((part) => !sameValue(mine[part], theirs[part]));
}
