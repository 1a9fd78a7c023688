import { useMemo, useRef, useState } from 'react';
import { useT } from '../../i18n/use-t';
import type { SkuOption } from '../../metrics/dimension-values';
import { useClosesOutside } from './FilterPicker';

/** More rows than a planner reads; the search narrows a catalogue of thousands. */
const SHOWN = 60;

interface Props {
  options: readonly SkuOption[];
  selected: readonly string[];
  onChange: (skus: string[]) => void;
}

/**
 * A target's SKU filter (issue 13, item 4): the loaded SKUs with their product names, searched by
 * either; the chosen ones stay at the top of the list.
 */
export function SkuPicker({ options, selected, onChange }: Props) {
  const t = useT();
  const box = useRef<HTMLDetailsElement>(null);
  useClosesOutside(box);
  const [query, setQuery] = useState('');
  const names = useMemo(() => new Map(options.map((o) => [o.sku.toLowerCase(), o.name])), [options]);
  const q = query.trim().toLowerCase();
  const matches = useMemo(() => {
    const chosen = new Set(selected.map((s) => s.toLowerCase()));
    return options.filter(
      (o) => !chosen.has(o.sku.toLowerCase()) && (q === '' || `${o.sku}\n${o.name ?? ''}`.toLowerCase().includes(q)),
    );
  }, [options, selected, q]);
  const chosenMatch = selected.some((s) => `${s}\n${names.get(s.toLowerCase()) ?? ''}`.toLowerCase().includes(q));
  const toggle = (sku: string) =>
    onChange(selected.includes(sku) ? selected.filter((s) => s !== sku) : [...selected, sku]);
  const row = (sku: string, checked: boolean) => {
    const name = names.get(sku.toLowerCase());
    return (
      <label key={sku} className="filter-option sku-option" data-sku={sku}>
        <input type="checkbox" checked={checked} onChange={() => toggle(sku)} name="pick-sku" />
        <span className="sku-id">{sku}</span>
        {name && <span className="sku-name">{name}</span>}
      </label>
    );
  };
  return (
    <details ref={box} className="filter-picker sku-picker" data-filter="sku">
      <summary>
        <span className="filter-picker-name">{t('filter.sku')}</span>
        <span className="filter-picker-value">
          {selected.length === 0 ? t('goals.editor.all') : selected.join(', ')}
        </span>
      </summary>
      <div className="filter-picker-pop" role="group" aria-label={t('filter.sku')}>
        <input
          type="search"
          className="sku-search"
          value={query}
          placeholder={t('goals.editor.skuSearch')}
          aria-label={t('goals.editor.skuSearch')}
          onChange={(e) => setQuery(e.target.value)}
        />
        {options.length === 0 && <span className="muted">{t('goals.editor.noValues')}</span>}
        {selected.map((sku) => row(sku, true))}
        {matches.slice(0, SHOWN).map((o) => row(o.sku, false))}
        {options.length > 0 && matches.length === 0 && q !== '' && !chosenMatch && (
          <span className="muted">{t('goals.editor.skuNone')}</span>
        )}
        {matches.length > SHOWN && (
          <span className="muted sku-more">{t('goals.editor.skuMore', { count: matches.length - SHOWN })}</span>
        )}
      </div>
    </details>
  );
}
