import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import {
  EMPTY_TARGETS_STATE,
  importTargetsText,
  migrateTargetsStore,
  serializeTargetsFile,
  TARGETS_STORE_VERSION,
  type ImportMode,
  type Target,
  type TargetsFileError,
  type TargetsStoreState,
} from '../targets';

export const TARGETS_STORAGE_KEY = 'yardstick.targets';

export type ImportOutcome =
  { ok: true; added: string[]; replaced: string[]; removed: string[] } | { ok: false; errors: TargetsFileError[] };

interface TargetsActions {
  /** Adds a target, or replaces the one saved under `previousId` (an edit may rename it). */
  saveTarget(target: Target, previousId?: string): void;
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
}

export type TargetsStore = TargetsStoreState & TargetsActions;

function withoutKey<V>(record: Record<string, V>, key: string): Record<string, V> {
  const next = { ...record };
  delete next[key];
  return next;
}

/**
 * The planner's targets (issue 5, item 7): kept in localStorage under `yardstick.targets`,
 * versioned with TARGETS_STORE_VERSION so an older save is migrated, never dropped.
 */
export const useTargetsStore = create<TargetsStore>()(
  persist(
    (set, get) => ({
      ...EMPTY_TARGETS_STATE,
      saveTarget: (target, previousId) =>
        set((state) => {
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
          return { file: { version: 1, targets }, lockedRungs };
        }),
      removeTarget: (id) =>
        set((state) => ({
          file: { version: 1, targets: state.file.targets.filter((t) => t.id !== id) },
          lockedRungs: withoutKey(state.lockedRungs, id),
        })),
      setLockedRungs: (id, dates) =>
        set((state) => ({
          lockedRungs:
            dates.length === 0 ? withoutKey(state.lockedRungs, id) : { ...state.lockedRungs, [id]: [...dates] },
        })),
      importText: (text, mode) => {
        const result = importTargetsText(get().file, text, mode);
        if (!result.ok) return result;
        const kept = new Set(result.file.targets.map((t) => t.id));
        // Locks of a replaced target no longer match its rungs.
        const lockedRungs = Object.fromEntries(
          Object.entries(get().lockedRungs).filter(([id]) => kept.has(id) && !result.replaced.includes(id)),
        );
        set({ file: result.file, lockedRungs });
        return { ok: true, added: result.added, replaced: result.replaced, removed: result.removed };
      },
      exportText: () => serializeTargetsFile(get().file),
      clear: () => set({ file: { version: 1, targets: [] }, lockedRungs: {} }),
      dismissUnreadable: () => set({ unreadable: [] }),
    }),
    {
      name: TARGETS_STORAGE_KEY,
      version: TARGETS_STORE_VERSION,
      storage: createJSONStorage(() => localStorage),
      migrate: (persisted, version) => migrateTargetsStore(persisted, version),
      partialize: (state): TargetsStoreState => ({
        file: state.file,
        lockedRungs: state.lockedRungs,
        unreadable: state.unreadable,
      }),
      // A save of this very version is read target by target too, so one bad target cannot take the rest with it.
      merge: (persisted, current) => ({ ...current, ...migrateTargetsStore(persisted, TARGETS_STORE_VERSION) }),
    },
  ),
);
