import { EMPTY_TARGETS_STATE, migrateTargetsStore, TARGETS_STORE_VERSION, type TargetsStoreState } from '../targets';

export const TARGETS_STORAGE_KEY = 'yardstick.targets';

/** What is saved, as text, and what it reads as. `raw` tells whether another tab has written since. */
export interface SavedTargets {
  raw: string | null;
  state: TargetsStoreState;
  /** The store version the text was written at (null when nothing is saved). */
  version: number | null;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // A browser that forbids storage (a sandboxed frame) still shows the page; nothing is kept.
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the saved text as the current version; whatever no longer reads is kept aside, never dropped. */
export function decodeTargets(raw: string | null): SavedTargets {
  if (raw === null) return { raw, state: EMPTY_TARGETS_STATE, version: null };
  let saved: unknown;
  try {
    saved = JSON.parse(raw);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      raw,
      version: null,
      state: {
        ...EMPTY_TARGETS_STATE,
        unreadable: [
          { raw, errors: [{ field: 'storage', message: `the saved targets are not valid JSON: ${reason}` }] },
        ],
      },
    };
  }
  const version = isRecord(saved) && typeof saved['version'] === 'number' ? saved['version'] : 0;
  const state = isRecord(saved) ? saved['state'] : undefined;
  return { raw, version, state: migrateTargetsStore(state, version) };
}

export function readSavedTargets(): SavedTargets {
  return decodeTargets(storage()?.getItem(TARGETS_STORAGE_KEY) ?? null);
}

export function encodeTargets(state: TargetsStoreState): string {
  return JSON.stringify({
    state: { file: state.file, lockedRungs: state.lockedRungs, unreadable: state.unreadable },
    version: TARGETS_STORE_VERSION,
  });
}

/** Saves the state; the text written, or why it could not be (a full storage quota). */
export function writeTargets(state: TargetsStoreState): { ok: true; raw: string } | { ok: false; reason: string } {
  const raw = encodeTargets(state);
  const store = storage();
  if (!store) return { ok: false, reason: 'this browser keeps no local storage for the page' };
  try {
    store.setItem(TARGETS_STORAGE_KEY, raw);
    return { ok: true, raw };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** Calls `onChange` when another tab saves targets (the browser's storage event). */
export function onTargetsSavedElsewhere(onChange: () => void): () => void {
  if (typeof window === 'undefined') return () => undefined;
  const listener = (event: StorageEvent) => {
    // A null key means another tab cleared the whole storage.
    if (event.key === TARGETS_STORAGE_KEY || event.key === null) onChange();
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}
