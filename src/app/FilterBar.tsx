import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/use-t';
import type { MessageKey } from '../i18n/messages';
import { dimensionValues, type DimensionValues } from '../metrics/dimension-values';
import { describeData } from '../metrics/describe';
import { unsupportedFilters } from '../metrics/context';
import { useAppStore, type Grain, type ViewState } from '../stores/app-store';
import { useEngineQuery } from '../dataset/use-engine-query';
import { valueLabel } from '../components/ui/labels';

type Dimension = keyof DimensionValues;
const DIMENSIONS: Dimension[] = ['channel', 'category', 'region', 'device', 'campaign'];
const GRAINS: Grain[] = ['day', 'week', 'month', 'quarter', 'year'];

/** Toggles one value of a dimension in the view's filters. */
export function toggleFilter(filters: ViewState['filters'], dimension: Dimension, value: string): ViewState['filters'] {
  const current = filters[dimension] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value].sort();
  const out = { ...filters };
  if (next.length) out[dimension] = next;
  else delete out[dimension];
  return out;
}

/** Grain, currency and the dimension filters every page shares, with what each source cannot honour. */
export function FilterBar() {
  const t = useT();
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  const locale = useAppStore((s) => s.locale);
  // On a phone the controls fold into a sheet behind one "Filters · N" button.
  const [sheet, setSheet] = useState(false);
  const values = useEngineQuery(['dimension-values'], dimensionValues);
  const description = useEngineQuery(['describe'], describeData);
  const [open, setOpen] = useState<Dimension | null>(null);
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !bar.current?.contains(e.target as Node)) setOpen(null);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  const currencies = description.data?.orders.currencies ?? [];
  const active = DIMENSIONS.flatMap((d) => (view.filters[d] ?? []).map((v) => ({ d, v })));
  const blocked = description.data ? unsupportedFilters(description.data, { ...view.filters }) : {};
  const blockedText = Object.entries(blocked)
    .map(([source, dims]) =>
      t('filters.unsupported', {
        source: t(`source.${source}` as MessageKey),
        dims: dims.map((d) => t(`filter.${d}` as MessageKey)).join(', '),
      }),
    )
    .join(' ');

  return (
    <div className="filterbar" ref={bar} role="group" aria-label={t('filters.label')}>
      <button
        type="button"
        className={`btn btn-small filters-toggle ${active.length ? 'btn-active' : ''}`}
        aria-expanded={sheet}
        aria-controls="filter-sheet"
        data-action="filters"
        onClick={() => setSheet(!sheet)}
      >
        {t('filters.button')}
        {active.length ? ` · ${active.length}` : ''} ▾
      </button>
      <div className="filter-sheet" id="filter-sheet" data-open={sheet}>
        <label className="control">
          {t('grain.label')}
          <select value={view.grain} data-control="grain" onChange={(e) => setView({ grain: e.target.value as Grain })}>
            {GRAINS.map((g) => (
              <option key={g} value={g}>
                {t(`grain.${g}`)}
              </option>
            ))}
          </select>
        </label>
        {currencies.length > 1 && (
          <label className="control">
            {t('filter.currency')}
            <select
              value={view.currency ?? currencies[0]}
              data-control="currency"
              onChange={(e) => setView({ currency: e.target.value })}
            >
              {currencies.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
        )}
        {DIMENSIONS.filter((d) => (values.data?.[d].length ?? 0) > 0).map((d) => (
          <div key={d} className="filter-menu">
            <button
              type="button"
              className={`btn btn-small ${view.filters[d]?.length ? 'btn-active' : ''}`}
              aria-expanded={open === d}
              data-filter={d}
              onClick={() => setOpen(open === d ? null : d)}
            >
              {t(`filter.${d}`)}
              {view.filters[d]?.length ? ` · ${view.filters[d]!.length}` : ''} ▾
            </button>
            {open === d && (
              <div className="filter-pop card" role="listbox" aria-multiselectable="true" aria-label={t(`filter.${d}`)}>
                {values.data?.[d].map((v) => (
                  <label key={v} className="filter-option">
                    <input
                      type="checkbox"
                      checked={view.filters[d]?.includes(v) ?? false}
                      onChange={() => setView({ filters: toggleFilter(view.filters, d, v) })}
                      data-filter-value={`${d}:${v}`}
                    />
                    {valueLabel(d, v, locale)}
                  </label>
                ))}
              </div>
            )}
          </div>
        ))}
        {active.map(({ d, v }) => (
          <button
            key={`${d}:${v}`}
            type="button"
            className="chip"
            onClick={() => setView({ filters: toggleFilter(view.filters, d, v) })}
            aria-label={t('filters.remove', { value: valueLabel(d, v, locale) })}
            data-chip={`${d}:${v}`}
          >
            {t(`filter.${d}`)}: {valueLabel(d, v, locale)} <span aria-hidden="true">×</span>
          </button>
        ))}
        {active.length > 0 && (
          <button type="button" className="btn-link" onClick={() => setView({ filters: {} })}>
            {t('filters.clear')}
          </button>
        )}
        {blockedText && (
          <span className="filter-note" role="note" data-testid="unsupported-filters">
            ⚠ {blockedText}
          </span>
        )}
        <button type="button" className="btn btn-small btn-primary filters-done" onClick={() => setSheet(false)}>
          {t('filters.done')}
        </button>
      </div>
    </div>
  );
}
