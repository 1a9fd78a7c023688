import { useEffect } from 'react';
import { DEFAULT_SLA_MINUTES } from '../metrics/registry/operations';
import { DEFAULT_VIEW, useAppStore, type Compare, type Grain, type PageId, type ViewState } from '../stores/app-store';

const PAGES: readonly PageId[] = [
  'overview',
  'sales',
  'traffic',
  'customers',
  'marketing',
  'products',
  'service',
  'goals',
  'alerts',
  'data',
  'sql',
];
const COMPARES: readonly Compare[] = ['previous', 'yoy', 'none'];
const GRAINS: readonly Grain[] = ['day', 'week', 'month', 'quarter', 'year'];
const FILTER_KEYS = ['channel', 'category', 'region', 'device', 'campaign'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Whole minutes, up to a week: the SLA a link may set (the CLI's --sla takes any positive number). */
const SLA = /^[1-9]\d{0,4}$/;
const MAX_SLA = 7 * 24 * 60;

/** The `sla` parameter as minutes, or undefined (the default, 60) when absent or malformed. */
export function slaFromParam(value: string | null): number | undefined {
  if (value === null || !SLA.test(value)) return undefined;
  const minutes = Number(value);
  return minutes <= MAX_SLA && minutes !== DEFAULT_SLA_MINUTES ? minutes : undefined;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** URL search string → view. Unknown or malformed values fall back to defaults. */
export function viewFromSearch(search: string): ViewState {
  const q = new URLSearchParams(search);
  const from = q.get('from');
  const to = q.get('to');
  const filters: ViewState['filters'] = {};
  for (const key of FILTER_KEYS) {
    const values = q.getAll(key).filter(Boolean);
    if (values.length) filters[key] = values;
  }
  const sla = slaFromParam(q.get('sla'));
  return {
    page: oneOf(q.get('page'), PAGES, DEFAULT_VIEW.page),
    period: from && to && DAY.test(from) && DAY.test(to) && from <= to ? { from, to } : null,
    compare: oneOf(q.get('compare'), COMPARES, DEFAULT_VIEW.compare),
    grain: oneOf(q.get('grain'), GRAINS, DEFAULT_VIEW.grain),
    filters,
    currency: q.get('currency'),
    ...(q.get('focus') ? { focus: q.get('focus')! } : {}),
    ...(sla !== undefined ? { sla } : {}),
  };
}

/** View → URL search string; defaults are left out so links stay short. */
export function searchFromView(view: ViewState): string {
  const q = new URLSearchParams();
  if (view.page !== DEFAULT_VIEW.page) q.set('page', view.page);
  if (view.period) {
    q.set('from', view.period.from);
    q.set('to', view.period.to);
  }
  if (view.compare !== DEFAULT_VIEW.compare) q.set('compare', view.compare);
  if (view.grain !== DEFAULT_VIEW.grain) q.set('grain', view.grain);
  for (const key of FILTER_KEYS) for (const v of view.filters[key] ?? []) q.append(key, v);
  if (view.currency) q.set('currency', view.currency);
  if (view.focus) q.set('focus', view.focus);
  if (view.sla !== undefined && view.sla !== DEFAULT_SLA_MINUTES) q.set('sla', String(view.sla));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Keeps the view and the address bar in step: a link reproduces the view; back and forward work. */
export function useUrlSync(): void {
  const view = useAppStore((s) => s.view);
  const replaceView = useAppStore((s) => s.replaceView);

  useEffect(() => {
    replaceView(viewFromSearch(window.location.search));
    const onPop = () => replaceView(viewFromSearch(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [replaceView]);

  useEffect(() => {
    const next = searchFromView(view);
    if (next === window.location.search) return;
    const current = viewFromSearch(window.location.search);
    // Filling in the default period is not a navigation the user should have to step back over.
    const onlyFilledIn =
      current.period === null &&
      view.period !== null &&
      searchFromView({ ...view, period: null }) === window.location.search;
    if (onlyFilledIn) window.history.replaceState(null, '', `${window.location.pathname}${next}`);
    else window.history.pushState(null, '', `${window.location.pathname}${next}`);
  }, [view]);
}
