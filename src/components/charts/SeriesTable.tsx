import type { SeriesPoint } from './series-point';

/** A series as a table: one row per bucket, its value and, when there is one, the comparison's. */
export function SeriesTable({
  title,
  points,
  valueLabel,
  compareLabel,
  formatValue,
}: {
  title: string;
  points: readonly SeriesPoint[];
  valueLabel: string;
  compareLabel?: string | undefined;
  formatValue: (v: number | null) => string;
}) {
  const hasCompare = points.some((p) => p.compare !== undefined && p.compare !== null);
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{title}</th>
            <th scope="col" className="n">
              {valueLabel}
            </th>
            {hasCompare && (
              <th scope="col" className="n">
                {compareLabel}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.label}>
              <td>{p.label}</td>
              <td className="n">{formatValue(p.value)}</td>
              {hasCompare && <td className="n">{formatValue(p.compare ?? null)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
