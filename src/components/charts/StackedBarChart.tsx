import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { TableAlternative } from '../ui/TableAlternative';
import { GRID } from './palette';
import { ROUNDED_BAR, SQUARE_BAR } from './bar-shape';

export interface StackSeries {
  key: string;
  label: string;
  color: string;
}

export interface StackRow {
  label: string;
  values: Record<string, number | null>;
}

export interface StackedBarChartProps {
  title: string;
  rows: readonly StackRow[];
  series: readonly StackSeries[];
  formatValue: (v: number | null) => string;
  formatAxis?: (v: number) => string;
  tableLabel: string;
  onSelect?: (label: string) => void;
  height?: number;
}

/** Bars split into parts (new and returning buyers per month), with a legend in words and a table alternative. */
export const StackedBarChart = memo(function StackedBarChart({
  title,
  rows,
  series,
  formatValue,
  formatAxis,
  tableLabel,
  onSelect,
  height = 240,
}: StackedBarChartProps) {
  const data = rows.map((r) => ({ label: r.label, ...r.values }));
  const axis = formatAxis ?? ((v: number) => formatValue(v));
  return (
    <figure className="chart-figure" aria-label={title}>
      <ul className="legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key}>
            <span className="swatch" style={{ background: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
      <div style={{ width: '100%', height }} role="img" aria-label={`${title}: ${rows.length} points`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid vertical={false} stroke={GRID} />
            <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} minTickGap={12} />
            <YAxis tickFormatter={axis} tickLine={false} axisLine={false} fontSize={12} width={64} />
            <Tooltip
              formatter={(v: unknown) => formatValue(typeof v === 'number' ? v : null)}
              cursor={{ fill: '#f1f3f5' }}
            />
            {series.map((s, i) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stackId="stack"
                fill={s.color}
                isAnimationActive={false}
                shape={i === series.length - 1 ? ROUNDED_BAR : SQUARE_BAR}
                {...(onSelect
                  ? {
                      cursor: 'pointer',
                      onClick: (d: { payload?: unknown }) => onSelect((d.payload as { label: string }).label),
                    }
                  : {})}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <TableAlternative label={tableLabel}>
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{title}</th>
                {series.map((s) => (
                  <th key={s.key} scope="col" className="n">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label}>
                  <td>{r.label}</td>
                  {series.map((s) => (
                    <td key={s.key} className="n">
                      {formatValue(r.values[s.key] ?? null)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </TableAlternative>
    </figure>
  );
});
