import { memo, useCallback, useMemo, useState } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  usePlotArea,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import { useT } from '../../i18n/use-t';
import { MARGIN, textWidth, valueAxisWidth } from './axes';
import { TooltipBox } from './ChartTooltip';
import { ACCENT, BAND, BAND_EDGE, COMPARE, GRID, TEXT_2 } from './palette';
import { AXIS_LINE, AXIS_TICK } from './recharts-style';
import { spanScale, valueScale } from './scales';

export interface BurnUpChartRow {
  date: string;
  actual: number | null;
  target: number;
  projected: number | null;
  band: [number, number];
}

export interface BurnUpLabels {
  actual: string;
  target: string;
  projected: string;
  band: string;
  asOf: string;
}

export interface BurnUpChartProps {
  title: string;
  rows: readonly BurnUpChartRow[];
  /** Dates that get an axis tick (the first of each month). */
  ticks: readonly string[];
  asOf: string | null;
  labels: BurnUpLabels;
  formatValue: (v: number | null) => string;
  formatAxis: (v: number) => string;
  formatTick: (date: string) => string;
  height?: number;
  /** The value axis's ends; by default from 0 over every line and the band. */
  domain?: readonly [number, number] | undefined;
}

type Translate = ReturnType<typeof useT>;

/**
 * What a screen reader says for a burn-up: the actual on the day the data ends, the target on
 * the last day, and where the projection ends (its extremes: the chart rises from the first day).
 */
export function burnUpSummary(
  t: Translate,
  title: string,
  rows: readonly BurnUpChartRow[],
  asOf: string | null,
  labels: BurnUpLabels,
  format: (v: number | null) => string,
): string {
  const last = rows[rows.length - 1];
  const today = asOf === null ? undefined : rows.find((r) => r.date === asOf);
  return t('chart.burnUpSummary', {
    title,
    actual: labels.actual,
    actualValue: format(today?.actual ?? null),
    asOf: asOf ?? '—',
    target: labels.target,
    targetValue: format(last?.target ?? null),
    end: last?.date ?? '—',
    projected: labels.projected,
    projectedValue: format(last?.projected ?? null),
  });
}

/** The as-of line's label: right of the line, or left of it where the plot ends too soon. */
function AsOfLabel({ viewBox, text }: { viewBox?: { x?: number; y?: number }; text: string }) {
  const plot = usePlotArea();
  const x = viewBox?.x ?? 0;
  const left = plot !== undefined && x + 6 + textWidth(text) > plot.x + plot.width;
  return (
    <text
      x={left ? x - 5 : x + 5}
      y={(viewBox?.y ?? 0) + 12}
      textAnchor={left ? 'end' : 'start'}
      fill={TEXT_2}
      fontSize={11}
    >
      {text}
    </text>
  );
}

/** A line's sample for the legend: its colour, width and dash pattern. */
function Stroke({ color, width, dash }: { color: string; width: number; dash?: string }) {
  return (
    <svg width="22" height="8" aria-hidden="true">
      <line x1="0" y1="4" x2="22" y2="4" stroke={color} strokeWidth={width} strokeDasharray={dash} />
    </svg>
  );
}

/**
 * A burn-up chart, drawn with recharts: the actual to date solid, the target line dashed, the
 * projection from the last day of data dotted, floor to stretch as a shaded band, and the day the
 * data ends marked. The legend names each line beside its stroke pattern, so colour is not the
 * only clue. recharts is fast enough here: the chart is memoised and does not redraw when the
 * overview's period or filters change (its target has its own period).
 */
export const BurnUpChart = memo(function BurnUpChart({
  title,
  rows,
  ticks,
  asOf,
  labels,
  formatValue,
  formatAxis,
  formatTick,
  height = 240,
  domain,
}: BurnUpChartProps) {
  const t = useT();
  const [drawn, setDrawn] = useState(false);
  const onResize = useCallback(() => setDrawn(true), []);
  // The value axis of the d3 layer (round ticks from 0 over every line and the band), so both families read alike.
  const y = useMemo(
    () =>
      domain === undefined
        ? valueScale(
            rows.flatMap((r) => [r.actual, r.target, r.projected, ...r.band]),
            [1, 0],
          )
        : spanScale(domain[0], domain[1], [1, 0]),
    [rows, domain],
  );
  const summary = useMemo(
    () => burnUpSummary(t, title, rows, asOf, labels, formatValue),
    [t, title, rows, asOf, labels, formatValue],
  );
  const tooltip = useCallback(
    ({ active, payload }: TooltipContentProps) => {
      const row = active ? (payload[0]?.payload as BurnUpChartRow | undefined) : undefined;
      if (!row) return null;
      return (
        <TooltipBox heading={row.date}>
          {row.actual !== null && (
            <div style={{ color: ACCENT }}>
              {labels.actual}: {formatValue(row.actual)}
            </div>
          )}
          <div style={{ color: TEXT_2 }}>
            {labels.target}: {formatValue(row.target)}
          </div>
          {row.projected !== null && (
            <div style={{ color: ACCENT }}>
              {labels.projected}: {formatValue(row.projected)}
            </div>
          )}
          <div style={{ color: TEXT_2 }}>
            {labels.band}: {formatValue(row.band[0])} – {formatValue(row.band[1])}
          </div>
        </TooltipBox>
      );
    },
    [labels, formatValue],
  );

  return (
    <figure className="burnup" data-testid="chart-burn-up" data-state={drawn ? 'drawn' : 'measuring'}>
      <ul className="goal-legend" aria-hidden="true">
        <li>
          <Stroke color={ACCENT} width={2.5} />
          {labels.actual}
        </li>
        <li>
          <Stroke color={TEXT_2} width={1.5} dash="5 3" />
          {labels.target}
        </li>
        <li>
          <Stroke color={ACCENT} width={2} dash="2 3" />
          {labels.projected}
        </li>
        <li>
          <svg width="22" height="10" aria-hidden="true">
            <rect x="0" y="1" width="22" height="8" fill={BAND} stroke={BAND_EDGE} />
          </svg>
          {labels.band}
        </li>
      </ul>
      <div className="chart-plot" style={{ height }} role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height="100%" onResize={onResize}>
          <ComposedChart data={rows as BurnUpChartRow[]} margin={{ top: 8, right: 12, bottom: 0, left: MARGIN.left }}>
            <CartesianGrid vertical={false} stroke={GRID} />
            <XAxis
              dataKey="date"
              ticks={ticks as string[]}
              tickFormatter={formatTick}
              tickLine={false}
              axisLine={AXIS_LINE}
              tick={AXIS_TICK}
              interval="preserveStart"
              minTickGap={12}
            />
            <YAxis
              tickFormatter={formatAxis}
              tickLine={false}
              axisLine={false}
              tick={AXIS_TICK}
              width={valueAxisWidth(y.ticks(5), formatAxis)}
              domain={y.domain()}
              ticks={y.ticks(5)}
            />
            <Tooltip content={tooltip} cursor={{ stroke: COMPARE }} isAnimationActive={false} />
            <Area
              dataKey="band"
              stroke="none"
              fill={BAND}
              fillOpacity={1}
              activeDot={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="target"
              stroke={TEXT_2}
              strokeWidth={1.5}
              strokeDasharray="5 3"
              dot={false}
              activeDot={{ r: 3 }}
              isAnimationActive={false}
            />
            <Line
              dataKey="projected"
              stroke={ACCENT}
              strokeWidth={2}
              strokeDasharray="2 3"
              dot={false}
              activeDot={{ r: 3.5 }}
              isAnimationActive={false}
            />
            <Line
              dataKey="actual"
              stroke={ACCENT}
              strokeWidth={2.5}
              dot={false}
              activeDot={{ r: 4 }}
              isAnimationActive={false}
            />
            {asOf !== null && (
              <ReferenceLine x={asOf} stroke={COMPARE} strokeDasharray="3 3" label={<AsOfLabel text={labels.asOf} />} />
            )}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
});
