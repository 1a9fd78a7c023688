import { memo, useCallback, useMemo, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import { TooltipBox } from './ChartTooltip';
import { ChartLegend } from './ChartLegend';
import { ACCENT, COMPARE, GRID, MUTED_BAR, TEXT_2 } from './palette';
import { MARGIN, valueAxisWidth } from './axes';
import { AXIS_LINE, AXIS_TICK } from './recharts-style';
import { valueScale } from './scales';

export interface CampaignChartDay {
  date: string;
  phase: 'before' | 'during' | 'after';
  gmv: number;
}

export interface CampaignChartProps {
  /** What the chart shows, in words (its accessible name). */
  summary: string;
  days: readonly CampaignChartDay[];
  /** Baseline GMV per day (the 28 days before); null draws no line. */
  baseline: number | null;
  labels: { before: string; during: string; after: string; baseline: string };
  formatValue: (v: number | null) => string;
  formatAxis: (v: number) => string;
  height?: number;
}

const PHASE_COLOR = { before: MUTED_BAR, during: ACCENT, after: COMPARE } as const;

/**
 * A campaign's daily GMV before, during and after it, against its baseline (METRICS.md "Per
 * campaign of the calendar"): one bar a day coloured by phase, the baseline as a dashed line.
 */
export const CampaignChart = memo(function CampaignChart({
  summary,
  days,
  baseline,
  labels,
  formatValue,
  formatAxis,
  height = 220,
}: CampaignChartProps) {
  const [drawn, setDrawn] = useState(false);
  const onResize = useCallback(() => setDrawn(true), []);
  const data = useMemo(() => days.map((d) => ({ ...d, label: d.date.slice(5) })), [days]);
  const y = useMemo(() => valueScale([...days.map((d) => d.gmv), baseline], [1, 0]), [days, baseline]);
  const legend = useMemo(
    () => [
      { key: 'before', label: labels.before, color: PHASE_COLOR.before },
      { key: 'during', label: labels.during, color: PHASE_COLOR.during },
      { key: 'after', label: labels.after, color: PHASE_COLOR.after },
    ],
    [labels],
  );
  const tooltip = useCallback(
    ({ active, payload }: TooltipContentProps) => {
      const day = active ? (payload[0]?.payload as CampaignChartDay | undefined) : undefined;
      return day ? (
        <TooltipBox heading={day.date}>
          <div>
            {labels[day.phase]}: {formatValue(day.gmv)}
          </div>
        </TooltipBox>
      ) : null;
    },
    [labels, formatValue],
  );
  return (
    <figure className="chart-figure" data-testid="chart-campaign" data-state={drawn ? 'drawn' : 'measuring'}>
      <ChartLegend entries={legend} />
      <div className="chart-plot" style={{ height }} role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height="100%" onResize={onResize}>
          <BarChart data={data} margin={{ top: 16, right: 8, bottom: 0, left: MARGIN.left }} barCategoryGap="12%">
            <CartesianGrid vertical={false} stroke={GRID} />
            <XAxis dataKey="label" tickLine={false} axisLine={AXIS_LINE} tick={AXIS_TICK} minTickGap={16} />
            <YAxis
              domain={y.domain() as [number, number]}
              ticks={y.ticks(4)}
              tickFormatter={formatAxis}
              tickLine={false}
              axisLine={false}
              tick={AXIS_TICK}
              width={valueAxisWidth(y.ticks(4), formatAxis)}
            />
            <Tooltip content={tooltip} cursor={{ fill: GRID }} isAnimationActive={false} />
            <Bar dataKey="gmv" isAnimationActive={false}>
              {data.map((d) => (
                <Cell key={d.date} fill={PHASE_COLOR[d.phase]} />
              ))}
            </Bar>
            {baseline !== null && (
              <ReferenceLine
                y={baseline}
                stroke={TEXT_2}
                strokeDasharray="4 3"
                label={{ value: `${labels.baseline} ${formatValue(baseline)}`, position: 'insideTopRight', fill: TEXT_2, fontSize: 12 }}
              />
            )}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
});
