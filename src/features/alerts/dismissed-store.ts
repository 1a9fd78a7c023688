import { create } from 'zustand';
import { listDismissed, removeDismissal, saveDismissal } from './dismissed-storage';

interface DismissedState {
  keys: ReadonlySet<string>;
  loaded: boolean;
  /** Why the last write failed (storage unavailable); the dismissal still holds for this visit. */
  error: string | null;
  load(): Promise<void>;
  dismiss(key: string): Promise<void>;
  restore(key: string): Promise<void>;
}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The dismissed alerts' keys, shared by the top bar's count and the Alerts page. */
export const useDismissedStore = create<DismissedState>()((set, get) => ({
  keys: new Set(),
  loaded: false,
  error: null,
  async load() {
    if (get().loaded) return;
    try {
      const keys = await listDismissed();
      set((s) => ({ keys: new Set([...s.keys, ...keys]), loaded: true }));
    } catch (e) {
      set({ loaded: true, error: reason(e) });
    }
  },
  async dismiss(key) {
    set((s) => ({ keys: new Set([...s.keys, key]) }));
    try {
      await saveDismissal(key);
    } catch (e) {
      set({ error: reason(e) });
    }
  },
  async restore(key) {
    set((s) => ({ keys: new Set([...s.keys].filter((k) => k !== key)) }));
    try {
      await removeDismissal(key);
    } catch (e) {
      set({ error: reason(e) });
    }
  },
}));
