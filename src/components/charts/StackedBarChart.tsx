import { memo, useMemo, useState } from 'react';
import { TableAlternative } from '../ui/TableAlternative';
import { columnPath } from './bar-shape';
import { BucketLabels, ChartTooltip, labelStride, MARGIN, niceTicks, textWidth, ValueGrid, valueAxisWidth } from './svg-axes';
import { useWidth } from './use-width';

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


/**
 * Bars split into parts (new and returning buyers per month), with a legend in words, a tooltip
 * with every part on hover, a click on a bar to drill into its month, and a table alternative.
 * Plain SVG, like the trend charts: it redraws on every change of the period or filters.
 */
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
  const [ref, width] = useWidth<HTMLDivElement>();
  const [hover, setHover] = useState<number | null>(null);
  const axis = useMemo(() => formatAxis ?? ((v: number) => formatValue(v)), [formatAxis, formatValue]);
  const layout = useMemo(() => {
    const totals = rows.map((r) => series.reduce((sum, s) => sum + Math.max(0, r.values[s.key] ?? 0), 0));
    const ticks = niceTicks(0, Math.max(0, ...totals));
    const hi = ticks[ticks.length - 1]! || 1;
    const axisW = valueAxisWidth(ticks, axis);
    const left = MARGIN.left + axisW;
    const plotW = Math.max(10, width - left - MARGIN.right);
    const plotH = Math.max(10, height - MARGIN.top - MARGIN.bottom);
    const band = plotW / Math.max(1, rows.length);
    const y = (v: number) => MARGIN.top + plotH - (v / hi) * plotH;
    const stride = labelStride(rows.length, band, Math.max(0, ...rows.map((r) => textWidth(r.label))));
    return { ticks, y, left, plotW, plotH, band, stride };
  }, [rows, series, width, height, axis]);
  const { ticks, y, left, plotW, plotH, band, stride } = layout;
  const cx = (i: number) => left + band * (i + 0.5);
  const barW = Math.max(1, band * 0.8);
  const shown = hover !== null ? rows[hover] : undefined;

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
      <div
        ref={ref}
        style={{ width: '100%', height, position: 'relative' }}
        role="img"
        aria-label={`${title}: ${rows.length} points`}
        onMouseLeave={() => setHover(null)}
      >
        <svg data-export-chart="stacked" width={width} height={height} fontFamily="inherit" fontSize={12} style={{ display: 'block' }}>
          <ValueGrid ticks={ticks} y={y} left={left} plotW={plotW} format={axis} />
          {hover !== null && <rect x={cx(hover) - band / 2} y={MARGIN.top} width={band} height={plotH} fill="#f1f3f5" />}
          {rows.map((r, i) => {
            let base = 0;
            const parts = series.map((s, k) => {
              const v = Math.max(0, r.values[s.key] ?? 0);
              const top = base + v;
              const part =
                v > 0 ? (
                  <path
                    key={s.key}
                    d={columnPath(cx(i) - barW / 2, y(top), barW, y(base) - y(top), k === series.length - 1 ? 3 : 0)}
                    fill={s.color}
                  />
                ) : null;
              base = top;
              return part;
            });
            return (
              <g
                key={r.label}
                data-bucket={r.label}
                onMouseEnter={() => setHover(i)}
                onClick={onSelect ? () => onSelect(r.label) : undefined}
                style={onSelect ? { cursor: 'pointer' } : undefined}
              >
                <rect x={cx(i) - band / 2} y={MARGIN.top} width={band} height={plotH} fill="transparent" />
                {parts}
              </g>
            );
          })}
          <BucketLabels labels={rows.map((r) => r.label)} cx={cx} width={width} height={height} stride={stride} />
        </svg>
        {shown && (
          <ChartTooltip x={cx(hover!)} width={width}>
          <div style={{ fontWeight: 600, marginBottom: 2 }}>{shown.label}</div>
          {[...series].reverse().map((s) => (
            <div key={s.key}>
              <span aria-hidden="true" style={{ color: s.color }}>■ </span>
              {s.label}: {formatValue(shown.values[s.key] ?? null)}
            </div>
          ))}
          </ChartTooltip>
        )}
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
