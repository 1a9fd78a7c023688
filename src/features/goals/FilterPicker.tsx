import { useEffect, useRef, type RefObject } from 'react';
import { useT } from '../../i18n/use-t';
import { DIMENSION_LABELS } from './filter-chips';

interface Props {
  dimension: string;
  options: readonly string[];
  selected: readonly string[];
  /** Currency takes exactly one value; the others any number. */
  single?: boolean;
  onChange: (values: string[]) => void;
}

/** A click anywhere else, or Escape, closes the list, so it never covers the rest of the form. */
export function useClosesOutside(box: RefObject<HTMLDetailsElement | null>) {
  useEffect(() => {
    const close = (event: Event) => {
      const details = box.current;
      if (!details?.open) return;
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !details.contains(event.target as Node))
        details.open = false;
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [box]);
}

/** One filter dimension of a target, its values read from the loaded data. */
export function FilterPicker({ dimension, options, selected, single = false, onChange }: Props) {
  const t = useT();
  const box = useRef<HTMLDetailsElement>(null);
  useClosesOutside(box);
  const key = DIMENSION_LABELS[dimension];
  const name = key ? t(key) : dimension;
  const summary = selected.length === 0 ? t('goals.editor.all') : selected.join(', ');
  const toggle = (value: string) => {
    if (single) onChange(selected.includes(value) ? [] : [value]);
    else onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);
  };
  return (
    <details ref={box} className="filter-picker" data-filter={dimension}>
      <summary>
        <span className="filter-picker-name">{name}</span>
        <span className="filter-picker-value">{summary}</span>
      </summary>
      <div className="filter-picker-pop" role="group" aria-label={name}>
        {options.length === 0 && <span className="muted">{t('goals.editor.noValues')}</span>}
        {options.map((value) => (
          <label key={value} className="filter-option">
            <input
              type="checkbox"
              checked={selected.includes(value)}
              onChange={() => toggle(value)}
              name={`pick-${dimension}`}
            />
            {value}
          </label>
        ))}
      </div>
    </details>
  );
}
