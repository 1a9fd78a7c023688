import { memo, useCallback, useMemo, useState } from 'react';
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type MouseHandlerDataParam,
  type TooltipContentProps,
} from 'recharts';
import { useT } from '../../i18n/use-t';
import { TableAlternative } from '../ui/TableAlternative';
import { ChartLegend } from './ChartLegend';
import { TooltipBox } from './ChartTooltip';
import { GRID, HOVER } from './palette';
import { MARGIN, valueAxisWidth } from './axes';
import { AXIS_LINE, AXIS_TICK } from './recharts-style';
import { valueScale } from './scales';
import { describeSeries } from './summary';

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

/**
 * Bars split into parts (new and returning buyers per month), drawn with recharts: a legend in
 * words, a tooltip with every part, a click on a bar to drill into its month, and a table
 * alternative. It is only on the customers page, whose goal (300 ms) leaves room for recharts'
 * 15 ms a redraw (BENCHMARKS.md).
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
  const [drawn, setDrawn] = useState(false);
  const onResize = useCallback(() => setDrawn(true), []);
  const axis = useMemo(() => formatAxis ?? ((v: number) => formatValue(v)), [formatAxis, formatValue]);
  const data = useMemo(() => rows.map((r) => ({ ...r.values, label: r.label })), [rows]);
  const totals = useMemo(() => stackTotals(rows, series), [rows, series]);
  const summary = useMemo(() => describeSeries(t, title, totals, formatValue), [t, title, totals, formatValue]);
  // The value axis of the d3 layer, so both families read alike.
  const y = useMemo(
    () =>
      valueScale(
        totals.map((r) => r.value),
        [1, 0],
      ),
    [totals],
  );
  const tooltip = useCallback(
    ({ active, label, payload }: TooltipContentProps) =>
      active && payload.length ? (
        <TooltipBox heading={label}>
          {[...series].reverse().map((s) => (
            <div key={s.key}>
              <span aria-hidden="true" style={{ color: s.color }}>
                ■{' '}
              </span>
              {s.label}: {formatValue(rows.find((r) => r.label === label)?.values[s.key] ?? null)}
            </div>
          ))}
        </TooltipBox>
      ) : null,
    [series, rows, formatValue],
  );

  // The grid and axes both shapes share (recharts reads them as direct children, arrays included).
  const axes = [
    <CartesianGrid key="grid" vertical={false} stroke={GRID} />,
    <XAxis
      key="x"
      dataKey="label"
      tickLine={false}
      axisLine={AXIS_LINE}
      tick={AXIS_TICK}
      minTickGap={12}
      interval="preserveEnd"
    />,
    <YAxis
      key="y"
      tickFormatter={axis}
      tickLine={false}
      axisLine={false}
      tick={AXIS_TICK}
      width={valueAxisWidth(y.ticks(5), axis)}
      domain={y.domain()}
      ticks={y.ticks(5)}
    />,
  ];
  return (
    <figure
      className="chart-figure"
      data-testid={shape === 'area' ? 'chart-area' : 'chart-stacked'}
      data-state={drawn ? 'drawn' : 'measuring'}
    >
      <ChartLegend entries={series} />
      <div className="chart-plot" style={{ height }} role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height="100%" onResize={onResize}>
          {shape === 'area' ? (
            <AreaChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: MARGIN.left }}>
              {axes}
              <Tooltip content={tooltip} cursor={{ stroke: GRID }} isAnimationActive={false} />
              {series.map((s) => (
                <Area
                  key={s.key}
                  dataKey={s.key}
                  name={s.label}
                  stackId="stack"
                  type="monotone"
                  stroke={s.color}
                  fill={s.color}
                  fillOpacity={0.85}
                  isAnimationActive={false}
                />
              ))}
            </AreaChart>
          ) : (
            <BarChart
              data={data}
              margin={{ top: 8, right: 8, bottom: 0, left: MARGIN.left }}
              barCategoryGap="20%"
              {...(onSelect
                ? {
                    onClick: (state: MouseHandlerDataParam) =>
                      typeof state.activeLabel === 'string' && onSelect(state.activeLabel),
                    style: { cursor: 'pointer' },
                  }
                : {})}
            >
              {axes}
              <Tooltip content={tooltip} cursor={{ fill: HOVER }} isAnimationActive={false} />
              {series.map((s, k) => (
                <Bar
                  key={s.key}
                  dataKey={s.key}
                  name={s.label}
                  stackId="stack"
                  fill={s.color}
                  radius={k === series.length - 1 ? [3, 3, 0, 0] : 0}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          )}
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
