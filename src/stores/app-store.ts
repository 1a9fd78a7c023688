import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Locale } from '../lib/format';

export type PageId =
  'overview' | 'sales' | 'traffic' | 'customers' | 'marketing' | 'products' | 'service' | 'goals' | 'alerts' | 'data' | 'sql';
export type Compare = 'previous' | 'yoy' | 'none';
export type Grain = 'day' | 'week' | 'month' | 'quarter' | 'year';
export type DatasetOrigin = 'sample' | 'user';

export interface Period {
  from: string;
  to: string;
}

export interface ViewState {
  page: PageId;
  /** null until the data tells us the default (the latest full month). */
  period: Period | null;
  compare: Compare;
  grain: Grain;
  filters: Partial<Record<'channel' | 'category' | 'region' | 'device' | 'campaign', string[]>>;
  currency: string | null;
  /** What a linked page opens on: the SKU the Products page searches, the metric the Goals page finds. */
  focus?: string;
  /** The service SLA in minutes (METRICS.md "Customer service": a setting); absent: the default, 60. */
  sla?: number;
}

interface DatasetState {
  /** Bumped on every load so every cached query result is keyed to the data it came from. */
  version: number;
  origin: DatasetOrigin;
}

interface AppState {
  locale: Locale;
  view: ViewState;
  dataset: DatasetState;
  setLocale(locale: Locale): void;
  setView(patch: Partial<ViewState>): void;
  replaceView(view: ViewState): void;
  datasetChanged(origin: DatasetOrigin): void;
}

export const DEFAULT_VIEW: ViewState = {
  page: 'overview',
  period: null,
  compare: 'previous',
  grain: 'month',
  filters: {},
  currency: null,
};

function initialLocale(): Locale {
  if (typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('zh')) return 'zh-CN';
  return 'en';
}

export const useAppStore = create<AppState>()(
  persist(
    (set) => ({
      locale: initialLocale(),
      view: DEFAULT_VIEW,
      dataset: { version: 0, origin: 'sample' },
      setLocale: (locale) => set({ locale }),
      setView: (patch) =>
        set((s) => {
          const view = { ...s.view, ...patch };
          // A focus belongs to the page it was linked to; moving to another page drops it.
          if (patch.page !== undefined && patch.page !== s.view.page && !('focus' in patch)) delete view.focus;
          return { view };
        }),
      replaceView: (view) => set({ view }),
      datasetChanged: (origin) => set((s) => ({ dataset: { version: s.dataset.version + 1, origin } })),
    }),
    {
      name: 'yardstick.preferences',
      version: 1,
      // Only preferences persist; the view lives in the URL and the data in the engine.
      partialize: (s) => ({ locale: s.locale }),
    },
  ),
);
