import type { Milestone, Target } from './schema';

/**
 * The ladder tree in the targets file (issue 18, item 9): year → quarters → months. In the
 * file each upper rung (quarter) carries its lower rungs (months) as its own `milestones`:
 *
 *   "milestones": [ { "to": "2026-03-31", "target": 2100000, "floor": 1900000,
 *                     "milestones": [ { "to": "2026-01-31", "target": 600000 }, … ] }, … ]
 *
 * In memory a target keeps the lower rungs in `milestones` (they pace, exactly as custom
 * milestones always have, so `report --json` and the burn-up need nothing new) and the upper
 * rungs in `groups`. Any rung may set its own floor and stretch; without them they keep the
 * ratio of the rung above.
 */

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether the raw milestones of a target are written as a tree (some rung has its own milestones). */
export function isRawTree(raw: unknown): raw is unknown[] {
  return Array.isArray(raw) && raw.some((item) => isRecord(item) && item['milestones'] !== undefined);
}

function rungJson(milestone: Milestone): Raw {
  const json: Raw = { to: milestone.to, target: milestone.target };
  if (milestone.floor !== undefined) json['floor'] = milestone.floor;
  if (milestone.stretch !== undefined) json['stretch'] = milestone.stretch;
  return json;
}

/** The milestones as the file writes them: flat, or each upper rung with the lower rungs that end inside it. */
export function milestonesJson(target: Pick<Target, 'milestones' | 'groups'>): Raw[] {
  if (target.groups === undefined || target.groups.length === 0) return target.milestones.map(rungJson);
  let next = 0;
  return target.groups.map((group) => {
    const children: Raw[] = [];
    while (next < target.milestones.length && (target.milestones[next]?.to ?? '') <= group.to) {
      const milestone = target.milestones[next];
      if (milestone !== undefined) children.push(rungJson(milestone));
      next += 1;
    }
    return { ...rungJson(group), milestones: children };
  });
}

/**
 * The oldest file version that holds a file's targets: 2 once a target has a ladder tree or a
 * rung with its own floor or stretch, else 1, so a file that uses nothing new stays readable by
 * an older Yardstick.
 */
export function fileVersionFor(targets: readonly Pick<Target, 'milestones' | 'groups'>[]): 1 | 2 {
  const banded = (m: Milestone) => m.floor !== undefined || m.stretch !== undefined;
  return targets.some((t) => (t.groups?.length ?? 0) > 0 || t.milestones.some(banded) || (t.groups ?? []).some(banded))
    ? 2
    : 1;
}

/**
 * A target as the app keeps it (lower rungs in `milestones`, upper ones in `groups`) in the
 * file's shape, nested, so a saved tree reads back through the file's own checks.
 */
export function savedTargetAsFile(raw: unknown): unknown {
  if (!isRecord(raw) || !Array.isArray(raw['groups']) || !Array.isArray(raw['milestones'])) return raw;
  const { groups, milestones, ...rest } = raw;
  return { ...rest, milestones: milestonesJson({ milestones, groups } as Pick<Target, 'milestones' | 'groups'>) };
}
