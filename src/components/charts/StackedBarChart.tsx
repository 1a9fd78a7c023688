import { area, curveMonotoneX } from 'd3-shape';
import { memo, useMemo, useState, type MouseEvent } from 'react';
import { useT } from '../../i18n/use-t';
import { TableAlternative } from '../ui/TableAlternative';
import { BucketLabels, labelStride, MARGIN, textWidth, ValueGrid, valueAxisWidth } from './axes';
import { ChartLegend } from './ChartLegend';
import { ChartTooltip } from './ChartTooltip';
import { AXIS, HOVER, TEXT_2 } from './palette';
import { bucketScale, valueScale } from './scales';
import { bucketAt } from './SeriesChart';
import { columnPath } from './shapes';
import { describeSeries } from './summary';
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
  /** Stacked bars (default), or stacked areas for levels over time (customers by lifecycle stage). */
  shape?: 'bars' | 'area';
}

/** Each bar's height: the sum of its parts (a missing part counts as none). */
export function stackTotals(
  rows: readonly StackRow[],
  series: readonly StackSeries[],
): { label: string; value: number }[] {
  return rows.map((r) => ({
    label: r.label,
    value: series.reduce((sum, s) => sum + Math.max(0, r.values[s.key] ?? 0), 0),
  }));
}

/** One part of one bar, in pixels: `y` its top, `h` its height; `top` for the highest part drawn in its bar (rounded corners). */
export interface StackPart {
  row: number;
  key: string;
  color: string;
  x: number;
  y: number;
  w: number;
  h: number;
  top: boolean;
}

/**
 * The geometry of a stacked chart `width` × `height` px: parts stacked in series order from the
 * axis up (a missing or negative part counts as none), the value axis from 0 to the highest
 * total, and where the bucket labels go.
 */
export function stackedLayout(
  rows: readonly StackRow[],
  series: readonly StackSeries[],
  width: number,
  height: number,
  axis: (v: number) => string,
) {
  const totals = stackTotals(rows, series);
  const plotH = Math.max(10, height - MARGIN.top - MARGIN.bottom);
  const y = valueScale(
    totals.map((r) => r.value),
    [MARGIN.top + plotH, MARGIN.top],
  );
  const ticks = y.ticks(5);
  const left = MARGIN.left + valueAxisWidth(ticks, axis);
  const plotW = Math.max(10, width - left - MARGIN.right);
  const x = bucketScale(rows.length, [left, left + plotW]);
  const cx = (i: number) => x(i)! + x.bandwidth() / 2;
  // Each bucket's running sums, bottom first: `levels[i][k]` is where part k of bucket i ends.
  const levels = rows.map((r) => {
    let sum = 0;
    return series.map((s) => (sum += Math.max(0, r.values[s.key] ?? 0)));
  });
  const parts: StackPart[] = [];
  rows.forEach((_, i) => {
    let below = 0;
    let topmost = -1;
    series.forEach((s, k) => {
      const level = levels[i]![k]!;
      if (level > below) {
        parts.push({
          row: i,
          key: s.key,
          color: s.color,
          x: x(i)!,
          y: y(level),
          w: x.bandwidth(),
          h: y(below) - y(level),
          top: false,
        });
        topmost = parts.length - 1;
      }
      below = level;
    });
    if (topmost >= 0) parts[topmost]!.top = true;
  });
  return {
    y,
    ticks,
    left,
    plotW,
    plotH,
    slot: x.step(),
    cx,
    parts,
    levels,
    base: y(0),
    stride: labelStride(rows.length, x.step(), Math.max(0, ...rows.map((r) => textWidth(r.label)))),
  };
}

/** The outline of series `k`'s band across the buckets, for the area shape: from the level below it to its own. */
export function stackedAreaPath(
  levels: readonly (readonly number[])[],
  k: number,
  cx: (i: number) => number,
  y: (v: number) => number,
): string {
  return (
    area<readonly number[]>()
      .curve(curveMonotoneX)
      .x((_, i) => cx(i))
      .y0((l) => y(k === 0 ? 0 : l[k - 1]!))
      .y1((l) => y(l[k]!))(levels) ?? ''
  );
}

/**
 * Bars split into parts (new and returning buyers per month, spend by channel per day), or
 * stacked areas, drawn by the d3 layer: a legend in words, a tooltip with every part, a click on
 * a bar to drill into its bucket, and a table alternative. Not recharts: the Marketing page (goal
 * 100 ms) redraws it on every view change, and recharts spent ~20–40 ms a draw on its bars and on
 * measuring axis labels in the page (BENCHMARKS.md).
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
  shape = 'bars',
}: StackedBarChartProps) {
  const t = useT();
  const [ref, width, measured] = useWidth<HTMLDivElement>();
  const [hover, setHover] = useState<number | null>(null);
  const axis = useMemo(() => formatAxis ?? ((v: number) => formatValue(v)), [formatAxis, formatValue]);
  const layout = useMemo(() => stackedLayout(rows, series, width, height, axis), [rows, series, width, height, axis]);
  const summary = useMemo(
    () => describeSeries(t, title, stackTotals(rows, series), formatValue),
    [t, title, rows, series, formatValue],
  );
  const { y, ticks, left, plotW, plotH, slot, cx, parts, levels, base, stride } = layout;
  const bucketOf = (e: MouseEvent<SVGSVGElement>) =>
    bucketAt(e.clientX - e.currentTarget.getBoundingClientRect().left, left, slot, rows.length);
  const shown = hover !== null ? rows[hover] : undefined;

  return (
    <figure
      className="chart-figure"
      data-testid={shape === 'area' ? 'chart-area' : 'chart-stacked'}
      data-state={measured ? 'drawn' : 'measuring'}
    >
      <ChartLegend entries={series} />
      <div
        ref={ref}
        className="chart-plot"
        style={{ height }}
        role="img"
        aria-label={summary}
        onMouseLeave={() => setHover(null)}
      >
        <svg
          data-export-chart={shape === 'area' ? 'area' : 'stacked'}
          width={width}
          height={height}
          fontFamily="inherit"
          fontSize={12}
          style={{ display: 'block', cursor: onSelect ? 'pointer' : undefined }}
          onMouseMove={(e) => setHover(bucketOf(e))}
          onClick={
            onSelect
              ? (e) => {
                  const i = bucketOf(e);
                  if (i !== null) onSelect(rows[i]!.label);
                }
              : undefined
          }
        >
          <ValueGrid ticks={ticks} y={y} left={left} plotW={plotW} format={axis} />
          {hover !== null && shape === 'bars' && (
            <rect x={cx(hover) - slot / 2} y={MARGIN.top} width={slot} height={plotH} fill={HOVER} />
          )}
          {shape === 'bars' ? (
            <g>
              {parts.map((p) => (
                <path
                  key={`${p.row}-${p.key}`}
                  data-part={p.key}
                  d={columnPath(p.x, p.y, p.w, p.h, p.top ? 3 : 0)}
                  fill={p.color}
                />
              ))}
            </g>
          ) : (
            <g pointerEvents="none">
              {series.map((s, k) => (
                <path
                  key={s.key}
                  data-part={s.key}
                  d={stackedAreaPath(levels, k, cx, y)}
                  fill={s.color}
                  fillOpacity={0.85}
                  stroke={s.color}
                />
              ))}
              {hover !== null && (
                <line x1={cx(hover)} x2={cx(hover)} y1={MARGIN.top} y2={MARGIN.top + plotH} stroke={TEXT_2} />
              )}
            </g>
          )}
          <line x1={left} x2={left + plotW} y1={base} y2={base} stroke={AXIS} />
          <BucketLabels labels={rows.map((r) => r.label)} cx={cx} width={width} height={height} stride={stride} />
        </svg>
        {shown && (
          <ChartTooltip
            x={cx(hover!)}
            width={width}
            side={cx(hover!) > left + plotW / 2 ? 'left' : 'right'}
            heading={shown.label}
          >
            {[...series].reverse().map((s) => (
              <div key={s.key}>
                <span aria-hidden="true" style={{ color: s.color }}>
                  ■{' '}
                </span>
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
