export interface LegendEntry {
  label: string;
  color: string;
  /** A dashed line for a comparison drawn as a line. */
  dashed?: boolean;
}

/** A legend in words beside colour swatches: which series is the period and which the comparison. */
export function ChartLegend({ entries }: { entries: readonly LegendEntry[] }) {
  return (
    <ul className="legend" data-legend>
      {entries.map((e) => (
        <li key={e.label}>
          <span
            aria-hidden="true"
            className={e.dashed ? 'swatch swatch-dash' : 'swatch'}
            style={e.dashed ? { borderColor: e.color } : { background: e.color }}
          />
          {e.label}
        </li>
      ))}
    </ul>
  );
}
