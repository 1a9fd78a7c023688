import { create } from 'zustand';
import {
  importTargetsText,
  mergeStoreStates,
  sameValue,
  serializeTargetsFile,
  settleConflicts,
  TARGETS_STORE_VERSION,
  type ConflictChoice,
  type ImportMode,
  type Target,
  type TargetConflict,
  type TargetsFileError,
  type TargetsStoreState,
} from '../targets';
import { planSections, usePlanStore } from './plan-store';
import { onTargetsSavedElsewhere, readSavedTargets, writeTargets, type SavedTargets } from './targets-storage';

export { TARGETS_STORAGE_KEY } from './targets-storage';

export type ImportOutcome =
  { ok: true; added: string[]; replaced: string[]; removed: string[] } | { ok: false; errors: TargetsFileError[] };

interface TargetsActions {
  /**
   * Adds a target, or replaces the one saved under `previousId` (an edit may rename it).
   * `original` is the target as the editor opened it (null for a new one): when another tab
   * has changed it since, the save becomes a conflict the user settles instead of overwriting.
   */
  saveTarget(target: Target, previousId?: string, original?: Target | null): void;
  removeTarget(id: string): void;
  /** The locked rungs of a target, each named by its last date. */
  setLockedRungs(id: string, dates: readonly string[]): void;
  /** Reads a targets file; a file with any problem changes nothing and says what is wrong. */
  importText(text: string, mode: ImportMode): ImportOutcome;
  /** The targets file of METRICS.md, as saved. */
  exportText(): string;
  clear(): void;
  /** Drops the saved targets that no longer read, once the user has seen them. */
  dismissUnreadable(): void;
  /** Settles every open conflict with another tab the same way. */
  settleConflicts(choice: ConflictChoice): void;
  /** Takes in what another tab saved (the storage event calls it). */
  syncFromStorage(): void;
}

interface SyncState {
  /** Changes of this tab that met different changes of another tab; their side shows until the user chooses. */
  conflicts: TargetConflict[];
  /** Why the last change could not be saved in this browser, if it could not. */
  saveError: string | null;
}

export type TargetsStore = TargetsStoreState & SyncState & TargetsActions;

function withoutKey<V>(record: Record<string, V>, key: string): Record<string, V> {
  const next = { ...record };
  delete next[key];
  return next;
}

function stateOf(store: TargetsStoreState): TargetsStoreState {
  return { file: store.file, lockedRungs: store.lockedRungs, unreadable: store.unreadable };
}

/** The state as the editor saw it: `original` in place of what is saved under `id` now. */
function asEditorSaw(state: TargetsStoreState, id: string, original: Target | null): TargetsStoreState {
  const now = state.file.targets.find((t) => t.id === id) ?? null;
  if (sameValue(now, original)) return state;
  const others = state.file.targets.filter((t) => t.id !== id);
  const targets =
    original === null
      ? others
      : now
        ? state.file.targets.map((t) => (t.id === id ? original : t))
        : [...others, original];
  return { ...state, file: { version: 1, targets } };
}

function saved(state: TargetsStoreState, target: Target, previousId?: string): TargetsStoreState {
  const replacing = previousId ?? target.id;
  const exists = state.file.targets.some((t) => t.id === replacing);
  const targets = exists
    ? state.file.targets.map((t) => (t.id === replacing ? target : t))
    : [...state.file.targets, target];
  let lockedRungs = state.lockedRungs;
  if (previousId !== undefined && previousId !== target.id) {
    const moved = lockedRungs[previousId];
    lockedRungs = withoutKey(lockedRungs, previousId);
    if (moved) lockedRungs = { ...lockedRungs, [target.id]: moved };
  }
  return { ...state, file: { version: 1, targets }, lockedRungs };
}

/**
 * The planner's targets (issue 5, item 7): kept in localStorage under `yardstick.targets`,
 * versioned with TARGETS_STORE_VERSION so an older save is migrated, never dropped.
 *
 * Two tabs (issue 19, item 9): a tab takes in what another saves as soon as the browser says
 * so, and every change is merged three ways before it is written (what this tab last saw,
 * what it wants, what is saved now), so a tab that has not heard yet never writes over another
 * tab's target. Changes that clash wait in `conflicts` for the user to settle.
 */
export const useTargetsStore = create<TargetsStore>()((set, get) => {
  const loaded = readSavedTargets();
  // What this tab last read or wrote: the base of every merge.
  let synced: SavedTargets = loaded;
  if (loaded.raw !== null && loaded.version !== TARGETS_STORE_VERSION) {
    const written = writeTargets(loaded.state);
    if (written.ok) synced = { ...loaded, raw: written.raw, version: TARGETS_STORE_VERSION };
  }

  /** Writes `mine`, merged with whatever another tab saved since `base`. */
  const commit = (
    mine: TargetsStoreState,
    base: TargetsStoreState = synced.state,
    renamed: Record<string, string> = {},
  ) => {
    const now = readSavedTargets();
    const theirs = now.raw === synced.raw ? synced.state : now.state;
    const merged = theirs === base ? { state: mine, conflicts: [] } : mergeStoreStates(base, mine, theirs, renamed);
    const written = writeTargets(merged.state);
    synced = written.ok
      ? { raw: written.raw, state: merged.state, version: TARGETS_STORE_VERSION }
      : { ...now, state: merged.state };
    set({
      ...merged.state,
      conflicts: [...get().conflicts, ...merged.conflicts],
      saveError: written.ok ? null : written.reason,
    });
  };

  if (typeof window !== 'undefined') onTargetsSavedElsewhere(() => get().syncFromStorage());

  return {
    ...synced.state,
    conflicts: [],
    saveError: null,
    saveTarget: (target, previousId, original) => {
      const base = original === undefined ? synced.state : asEditorSaw(synced.state, previousId ?? target.id, original);
      const renamed: Record<string, string> =
        previousId !== undefined && previousId !== target.id ? { [target.id]: previousId } : {};
      commit(saved(base, target, previousId), base, renamed);
    },
    removeTarget: (id) => {
      const state = stateOf(get());
      commit({
        ...state,
        file: { version: 1, targets: state.file.targets.filter((t) => t.id !== id) },
        lockedRungs: withoutKey(state.lockedRungs, id),
      });
    },
    setLockedRungs: (id, dates) => {
      const state = stateOf(get());
      commit({
        ...state,
        lockedRungs:
          dates.length === 0 ? withoutKey(state.lockedRungs, id) : { ...state.lockedRungs, [id]: [...dates] },
      });
    },
    importText: (text, mode) => {
      const state = stateOf(get());
      const result = importTargetsText(state.file, text, mode);
      if (!result.ok) return result;
      const kept = new Set(result.file.targets.map((t) => t.id));
      // Locks of a replaced target no longer match its rungs.
      const lockedRungs = Object.fromEntries(
        Object.entries(state.lockedRungs).filter(([id]) => kept.has(id) && !result.replaced.includes(id)),
      );
      commit({ ...state, file: result.file, lockedRungs });
      // The file's SKU roles and campaigns belong to the planner's store (IndexedDB), not to the targets.
      usePlanStore.getState().importSections(result.incoming, mode);
      return { ok: true, added: result.added, replaced: result.replaced, removed: result.removed };
    },
    exportText: () => serializeTargetsFile({ ...get().file, ...planSections() }),
    clear: () => commit({ ...stateOf(get()), file: { version: 1, targets: [] }, lockedRungs: {} }),
    dismissUnreadable: () => commit({ ...stateOf(get()), unreadable: [] }),
    settleConflicts: (choice) => {
      const { conflicts } = get();
      if (conflicts.length === 0) return;
      const state = stateOf(get());
      set({ conflicts: [] });
      commit({ ...state, file: { version: 1, targets: settleConflicts(state.file.targets, conflicts, choice) } });
    },
    syncFromStorage: () => {
      const now = readSavedTargets();
      if (now.raw === synced.raw) return;
      synced = now;
      set({ ...now.state });
    },
  };
});
