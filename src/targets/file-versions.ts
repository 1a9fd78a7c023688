/**
 * Older shapes of the targets file and how each becomes the current one (METRICS.md
 * "Targets": the file is versioned). Migrations work on raw JSON; validation happens after,
 * on the current shape, so a migrated file gets the same messages as a new one.
 *
 * Version 0 (the first preview) was a bare array of targets, or `{ "version": 0, "targets": [...] }`,
 * each target flat:
 * `{ id, metric, start, end, value, floor?, stretch?, filters?, phasing?, owner?, why? }`
 * — `start`/`end` instead of `period`, `value`/`floor`/`stretch` instead of `ladder`, no
 * milestones, and phasing defaulting to linear.
 *
 * Version 1 had flat milestones `{ to, target }` only. Version 2 (issue 18, item 9) lets a
 * milestone carry its own `floor` and `stretch` and its own `milestones` (the ladder tree:
 * quarters holding their months, milestone-tree.ts). In a version 1 file those keys were
 * unknown and ignored, so migrating drops them: the file means what it meant.
 */

export const CURRENT_FILE_VERSION = 2;

export type RawFileVersion = { ok: true; version: number; body: unknown } | { ok: false; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Works out which version a raw file is; a bare array is version 0. */
export function detectFileVersion(json: unknown): RawFileVersion {
  if (Array.isArray(json)) return { ok: true, version: 0, body: { version: 0, targets: json } };
  if (!isRecord(json)) return { ok: false, message: 'a targets file is a JSON object with "version" and "targets"' };
  const version = json['version'];
  if (version === undefined) return { ok: false, message: 'the file has no "version"' };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, message: `"version" must be a whole number, not ${JSON.stringify(version)}` };
  }
  if (version > CURRENT_FILE_VERSION) {
    return {
      ok: false,
      message: `version ${version} was written by a newer Yardstick; this one reads up to version ${CURRENT_FILE_VERSION}`,
    };
  }
  return { ok: true, version, body: json };
}

function migrateTargetV0(raw: unknown): unknown {
  if (!isRecord(raw)) return raw;
  const { start, end, value, floor, stretch, phasing, ...rest } = raw;
  const ladder: Record<string, unknown> = { target: value };
  if (floor !== undefined) ladder['floor'] = floor;
  if (stretch !== undefined) ladder['stretch'] = stretch;
  return { ...rest, period: { from: start, to: end }, ladder, phasing: phasing ?? 'linear' };
}

/** Version 0 → version 1. Targets that are not objects pass through for validation to report. */
export function migrateFileV0(body: unknown): unknown {
  const targets = isRecord(body) ? body['targets'] : undefined;
  return { version: 1, targets: Array.isArray(targets) ? targets.map(migrateTargetV0) : targets };
}

function flatMilestone(raw: unknown): unknown {
  if (!isRecord(raw)) return raw;
  const { milestones: _children, floor: _floor, stretch: _stretch, ...rest } = raw;
  return rest;
}

/** Version 1 → version 2: milestones keep only what version 1 read of them. */
export function migrateFileV1(body: unknown): unknown {
  if (!isRecord(body)) return body;
  const targets = body['targets'];
  return {
    ...body,
    version: 2,
    targets: Array.isArray(targets)
      ? targets.map((target: unknown) =>
          isRecord(target) && Array.isArray(target['milestones'])
            ? { ...target, milestones: target['milestones'].map(flatMilestone) }
            : target,
        )
      : targets,
  };
}

/** Brings a raw file of any known version to the current version's shape (not yet validated). */
export function migrateFile(json: unknown): RawFileVersion {
  const detected = detectFileVersion(json);
  if (!detected.ok) return detected;
  let body = detected.body;
  if (detected.version === 0) body = migrateFileV0(body);
  if (detected.version <= 1) body = migrateFileV1(body);
  return { ok: true, version: CURRENT_FILE_VERSION, body };
}
