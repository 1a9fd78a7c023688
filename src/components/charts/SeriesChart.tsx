import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { memo, type ReactNode } from 'react';
import { TableAlternative } from '../ui/TableAlternative';
import { ROUNDED_BAR } from './bar-shape';
import { ACCENT, COMPARE } from './palette';
import { SeriesTable } from './SeriesTable';

export interface SeriesPoint {
  label: string;
  value: number | null;
  /** The same bucket in the comparison period, if any. */
  compare?: number | null;
}

export interface SeriesChartProps {
  title: string;
  points: SeriesPoint[];
  kind?: 'bar' | 'line';
  formatValue: (v: number | null) => string;
  formatAxis?: (v: number) => string;
  valueLabel: string;
  compareLabel?: string | undefined;
  tableLabel: string;
  onSelect?: (label: string) => void;
  height?: number;
  footer?: ReactNode;
}


/**
 * A labelled time series with a table alternative for screen readers and for copying numbers.
 * No animation: a chart redraws on every filter change, and a tween would only delay the numbers.
 */
export const SeriesChart = memo(function SeriesChart({
  title,
  points,
  kind = 'bar',
  formatValue,
  formatAxis,
  valueLabel,
  compareLabel,
  tableLabel,
  onSelect,
  height = 260,
  footer,
}: SeriesChartProps) {
  const hasCompare = points.some((p) => p.compare !== undefined && p.compare !== null);
  const axis = formatAxis ?? ((v: number) => formatValue(v));
  const tooltip = (v: unknown) => formatValue(typeof v === 'number' ? v : null);
  return (
    <figure style={{ margin: 0 }} aria-label={title}>
      <div style={{ width: '100%', height }} role="img" aria-label={`${title}: ${points.length} points`}>
        <ResponsiveContainer width="100%" height="100%">
          {kind === 'bar' ? (
            <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
              <CartesianGrid vertical={false} stroke="#eef0f3" />
              <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} minTickGap={12} />
              <YAxis tickFormatter={axis} tickLine={false} axisLine={false} fontSize={12} width={72} />
              <Tooltip formatter={tooltip} cursor={{ fill: '#f1f3f5' }} />
              {hasCompare && (
                <Bar
                  dataKey="compare"
                  name={compareLabel ?? ''}
                  fill={COMPARE}
                  shape={ROUNDED_BAR}
                  isAnimationActive={false}
                />
              )}
              <Bar
                dataKey="value"
                name={valueLabel}
                fill={ACCENT}
                shape={ROUNDED_BAR}
                isAnimationActive={false}
                {...(onSelect
                  ? {
                      cursor: 'pointer',
                      onClick: (d: { payload?: unknown }) => onSelect((d.payload as SeriesPoint).label),
                    }
                  : {})}
              />
            </BarChart>
          ) : (
            <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
              <CartesianGrid vertical={false} stroke="#eef0f3" />
              <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} minTickGap={12} />
              <YAxis tickFormatter={axis} tickLine={false} axisLine={false} fontSize={12} width={72} />
              <Tooltip formatter={tooltip} />
              {hasCompare && (
                <Line
                  dataKey="compare"
                  name={compareLabel ?? ''}
                  stroke={COMPARE}
                  dot={false}
                  strokeWidth={2}
                  strokeDasharray="4 3"
                  isAnimationActive={false}
                />
              )}
              <Line
                dataKey="value"
                name={valueLabel}
                stroke={ACCENT}
                dot={false}
                strokeWidth={2}
                connectNulls={false}
                isAnimationActive={false}
              />
            </LineChart>
          )}
        </ResponsiveContainer>
      </div>
      <TableAlternative label={tableLabel}>
        <SeriesTable title={title} points={points} valueLabel={valueLabel} compareLabel={compareLabel} formatValue={formatValue} />
      </TableAlternative>
      {footer}
    </figure>
  );
});
