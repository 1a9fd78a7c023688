export interface SegmentedOption<V extends string> {
  value: V;
  label: string;
}

/** A small group of toggle buttons (one pressed): metric and mode switches. Reachable and operable by keyboard. */
export function Segmented<V extends string>({
  label,
  options,
  value,
  onChange,
  name,
}: {
  label: string;
  options: readonly SegmentedOption<V>[];
  value: V;
  onChange: (v: V) => void;
  name?: string;
}) {
  return (
    <div className="segmented" role="group" aria-label={label} data-segmented={name}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={o.value === value}
          data-value={o.value}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
