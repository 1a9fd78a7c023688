import { CURRENT_FILE_VERSION, migrateFileV0 } from './file-versions';
import { savedTargetAsFile } from './milestone-tree';
import {
  parseTargetsFile,
  parseTargetsText,
  type ParseTargetsResult,
  type Target,
  type TargetsFile,
  type TargetsFileError,
} from './schema';

/**
 * The targets part of the app's persisted state, and how older saves are brought forward
 * (issue 5, item 7: targets survive a reload and a schema version bump). Pass
 * `TARGETS_STORE_VERSION` and `migrateTargetsStore` to zustand's `persist` as `version` and
 * `migrate`.
 *
 * - Version 1 saved `{ targets: [...] }`, each target in the targets file's version 0 shape.
 * - Version 2 saves `{ file, lockedRungs }`: the current targets file and the locked rungs.
 */
export const TARGETS_STORE_VERSION = 2;

export interface TargetsStoreState {
  file: TargetsFile;
  /** Locked rungs per target id, each named by the rung's last date. */
  lockedRungs: Record<string, string[]>;
  /** Saved targets that no longer read, kept with the reasons so nothing saved is lost. */
  unreadable: { raw: unknown; errors: TargetsFileError[] }[];
}

export const EMPTY_TARGETS_STATE: TargetsStoreState = {
  file: { version: 1, targets: [] },
  lockedRungs: {},
  unreadable: [],
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads targets one by one, so one bad target does not take the good ones with it. */
function readTargets(
  raws: readonly unknown[],
  previous: TargetsStoreState['unreadable'],
): Pick<TargetsStoreState, 'file' | 'unreadable'> {
  const targets: Target[] = [];
  const unreadable = [...previous];
  const ids = new Set<string>();
  for (const raw of raws) {
    // Saved as the app holds it: a ladder tree is nested back into the file's shape (issue 18, item 9).
    const parsed = parseTargetsFile({ version: CURRENT_FILE_VERSION, targets: [savedTargetAsFile(raw)] });
    const target = parsed.ok ? parsed.file.targets[0] : undefined;
    if (!parsed.ok) unreadable.push({ raw, errors: parsed.errors });
    else if (target !== undefined && ids.has(target.id)) {
      unreadable.push({
        raw,
        errors: [{ target: target.id, field: 'id', message: `another target already has the id ${target.id}` }],
      });
    } else if (target !== undefined) {
      ids.add(target.id);
      targets.push(target);
    }
  }
  return { file: { version: 1, targets }, unreadable };
}

function lockedRungsOf(raw: unknown): Record<string, string[]> {
  if (!isRecord(raw)) return {};
  const locked: Record<string, string[]> = {};
  for (const [id, dates] of Object.entries(raw)) {
    if (Array.isArray(dates)) locked[id] = dates.filter((date): date is string => typeof date === 'string');
  }
  return locked;
}

function unreadableOf(raw: unknown): TargetsStoreState['unreadable'] {
  return Array.isArray(raw)
    ? raw.filter(
        (item): item is TargetsStoreState['unreadable'][number] => isRecord(item) && Array.isArray(item['errors']),
      )
    : [];
}

/**
 * Brings a persisted targets state of any earlier version to the current one. Whatever does
 * not read any more lands in `unreadable` rather than being dropped.
 */
export function migrateTargetsStore(persisted: unknown, version: number): TargetsStoreState {
  if (!isRecord(persisted)) return EMPTY_TARGETS_STATE;
  if (version <= 1) {
    const migrated = migrateFileV0({ targets: persisted['targets'] });
    const raws = isRecord(migrated) && Array.isArray(migrated['targets']) ? migrated['targets'] : [];
    return { ...readTargets(raws, []), lockedRungs: {} };
  }
  if (version > TARGETS_STORE_VERSION) {
    return {
      ...EMPTY_TARGETS_STATE,
      unreadable: [
        {
          raw: persisted,
          errors: [{ field: 'version', message: `saved by a newer Yardstick (state version ${version})` }],
        },
      ],
    };
  }
  const file = persisted['file'];
  const raws = isRecord(file) && Array.isArray(file['targets']) ? file['targets'] : [];
  return {
    ...readTargets(raws, unreadableOf(persisted['unreadable'])),
    lockedRungs: lockedRungsOf(persisted['lockedRungs']),
  };
}

export type ImportMode = 'replace' | 'merge';

export type ImportResult =
  | {
      ok: true;
      file: TargetsFile;
      added: string[];
      replaced: string[];
      removed: string[];
      /** The file as read: its sku_roles and campaigns go to the planner's own store. */
      incoming: TargetsFile;
    }
  | { ok: false; errors: TargetsFileError[] };

/**
 * Imports a targets file over the current one. A file with any problem is refused whole and
 * the current targets stay as they are. `merge` replaces targets with the same id and adds
 * the rest; `replace` takes the imported file as the whole.
 */
export function importTargets(current: TargetsFile, json: unknown, mode: ImportMode): ImportResult {
  return importParsed(current, parseTargetsFile(json), mode);
}

/** `importTargets` from the file's text, so a number that is not finite is reported as written. */
export function importTargetsText(current: TargetsFile, text: string, mode: ImportMode): ImportResult {
  return importParsed(current, parseTargetsText(text), mode);
}

function importParsed(current: TargetsFile, parsed: ParseTargetsResult, mode: ImportMode): ImportResult {
  if (!parsed.ok) return parsed;
  const incoming = parsed.file.targets;
  const currentIds = new Set(current.targets.map((target) => target.id));
  const incomingIds = new Set(incoming.map((target) => target.id));
  const replaced = incoming.filter((target) => currentIds.has(target.id)).map((target) => target.id);
  const added = incoming.filter((target) => !currentIds.has(target.id)).map((target) => target.id);
  if (mode === 'replace') {
    const removed = current.targets.filter((target) => !incomingIds.has(target.id)).map((target) => target.id);
    return { ok: true, file: { version: 1, targets: incoming }, added, replaced, removed, incoming: parsed.file };
  }
  const byId = new Map(incoming.map((target) => [target.id, target]));
  const kept = current.targets.map((target) => byId.get(target.id) ?? target);
  const appended = incoming.filter((target) => !currentIds.has(target.id));
  return {
    ok: true,
    file: { version: 1, targets: [...kept, ...appended] },
    added,
    replaced,
    removed: [],
    incoming: parsed.file,
  };
}
