import { memo, useMemo, useState, type MouseEvent } from 'react';
import { BucketLabels, labelStride, MARGIN, textWidth, ValueGrid, valueAxisWidth } from './axes';
import { ChartLegend } from './ChartLegend';
import { ChartTooltip } from './ChartTooltip';
import { ACCENT, AXIS, COMPARE, HOVER, MUTED_BAR, TEXT_2 } from './palette';
import { bucketScale, valueScale } from './scales';
import { bucketAt } from './SeriesChart';
import { columnPath } from './shapes';
import { useWidth } from './use-width';

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
/** Room above the plot for the baseline's label when the line runs near the top. */
const TOP = 16;

/** The geometry of a campaign chart `width` × `height` px: the value axis reaches the baseline as well as every day. */
export function campaignLayout(
  days: readonly CampaignChartDay[],
  baseline: number | null,
  width: number,
  height: number,
  axis: (v: number) => string,
) {
  const plotH = Math.max(10, height - TOP - MARGIN.bottom);
  const y = valueScale([...days.map((d) => d.gmv), baseline], [TOP + plotH, TOP], 4);
  const ticks = y.ticks(4);
  const left = MARGIN.left + valueAxisWidth(ticks, axis);
  const plotW = Math.max(10, width - left - MARGIN.right);
  const x = bucketScale(days.length, [left, left + plotW], 0.88);
  const labels = days.map((d) => d.date.slice(5));
  return {
    y,
    ticks,
    left,
    plotW,
    plotH,
    labels,
    slot: x.step(),
    x: (i: number) => x(i)!,
    barW: x.bandwidth(),
    cx: (i: number) => x(i)! + x.bandwidth() / 2,
    stride: labelStride(days.length, x.step(), Math.max(0, ...labels.map(textWidth))),
  };
}

/**
 * A campaign's daily GMV before, during and after it, against its baseline (METRICS.md "Per
 * campaign of the calendar"): one bar a day coloured by phase, the baseline as a dashed line.
 * Drawn by the d3 layer: it is redrawn on every Marketing view change (goal 100 ms).
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
  const [ref, width, measured] = useWidth<HTMLDivElement>();
  const [hover, setHover] = useState<number | null>(null);
  const layout = useMemo(
    () => campaignLayout(days, baseline, width, height, formatAxis),
    [days, baseline, width, height, formatAxis],
  );
  const legend = useMemo(
    () => [
      { key: 'before', label: labels.before, color: PHASE_COLOR.before },
      { key: 'during', label: labels.during, color: PHASE_COLOR.during },
      { key: 'after', label: labels.after, color: PHASE_COLOR.after },
    ],
    [labels],
  );
  const { y, ticks, left, plotW, plotH, slot, x, barW, cx, stride } = layout;
  const bucketOf = (e: MouseEvent<SVGSVGElement>) =>
    bucketAt(e.clientX - e.currentTarget.getBoundingClientRect().left, left, slot, days.length);
  const shown = hover !== null ? days[hover] : undefined;
  return (
    <figure className="chart-figure" data-testid="chart-campaign" data-state={measured ? 'drawn' : 'measuring'}>
      <ChartLegend entries={legend} />
      <div
        ref={ref}
        className="chart-plot"
        style={{ height }}
        role="img"
        aria-label={summary}
        onMouseLeave={() => setHover(null)}
      >
        <svg
          data-export-chart="campaign"
          width={width}
          height={height}
          fontFamily="inherit"
          fontSize={12}
          style={{ display: 'block' }}
          onMouseMove={(e) => setHover(bucketOf(e))}
        >
          <ValueGrid ticks={ticks} y={y} left={left} plotW={plotW} format={formatAxis} />
          {hover !== null && <rect x={cx(hover) - slot / 2} y={TOP} width={slot} height={plotH} fill={HOVER} />}
          <g>
            {days.map((d, i) =>
              d.gmv > 0 ? (
                <path
                  key={d.date}
                  data-day={d.date}
                  data-phase={d.phase}
                  d={columnPath(x(i), y(d.gmv), barW, y(0) - y(d.gmv), 2)}
                  fill={PHASE_COLOR[d.phase]}
                />
              ) : null,
            )}
          </g>
          <line x1={left} x2={left + plotW} y1={y(0)} y2={y(0)} stroke={AXIS} />
          {baseline !== null && (
            <g data-baseline pointerEvents="none">
              <line
                x1={left}
                x2={left + plotW}
                y1={y(baseline)}
                y2={y(baseline)}
                stroke={TEXT_2}
                strokeDasharray="4 3"
              />
              {/* A white halo keeps the label readable where it crosses the bars. */}
              <text
                x={left + plotW - 4}
                y={y(baseline) - 5}
                textAnchor="end"
                fill={TEXT_2}
                stroke="#fff"
                strokeWidth={3}
                strokeLinejoin="round"
                paintOrder="stroke"
              >
                {`${labels.baseline} ${formatValue(baseline)}`}
              </text>
            </g>
          )}
          <BucketLabels labels={layout.labels} cx={cx} width={width} height={height} stride={stride} />
        </svg>
        {shown && (
          <ChartTooltip
            x={cx(hover!)}
            width={width}
            side={cx(hover!) > left + plotW / 2 ? 'left' : 'right'}
            heading={shown.date}
          >
            <div>
              {labels[shown.phase]}: {formatValue(shown.gmv)}
            </div>
          </ChartTooltip>
        )}
      </div>
    </figure>
  );
});
