import { scaleLinear } from 'd3-scale';
import { useMemo } from 'react';
import { MARGIN, textWidth, ValueGrid, valueAxisWidth } from './axes';
import { AXIS, TEXT, TEXT_2 } from './palette';
import { fittedDomain } from './scales';
import { useWidth } from './use-width';

export interface ScatterPoint {
  key: string;
  x: number;
  y: number;
  /** The circle's size as a share of the largest point's (0–1): its area follows it. */
  size: number;
  color: string;
  /** What hovering the circle says. */
  title: string;
}

export interface ScatterChartProps {
  /** Names the chart for tests and exports: `data-testid="chart-{name}"`, `data-chart="{name}"`. */
  name: string;
  points: readonly ScatterPoint[];
  xLabel: string;
  yLabel: string;
  formatX: (v: number) => string;
  formatY: (v: number) => string;
  /** The spoken summary (the figure's label). */
  summary: string;
  height?: number;
}

const R_MIN = 3;
const R_MAX = 13;
/** Room for an axis title beside the tick labels. */
const TITLE = 18;

/**
 * The geometry of a scatter chart `width` × `height` px: x from 0 to past the largest value, y
 * fitted to the values (margins of 40–70 % read on 40–70 %, not squeezed into the top of 0–100 %),
 * both with round ticks, and room at the plot's edges for the largest circle.
 */
export function scatterLayout(
  points: readonly ScatterPoint[],
  width: number,
  height: number,
  formatX: (v: number) => string,
  formatY: (v: number) => string,
) {
  const yDomain = fittedDomain(points.map((p) => p.y));
  const yTicks = scaleLinear().domain(yDomain).ticks(5);
  const left = TITLE + valueAxisWidth(yTicks, formatY);
  const top = MARGIN.top + R_MAX;
  const plotW = Math.max(10, width - left - MARGIN.right - R_MAX);
  const plotH = Math.max(10, height - top - MARGIN.bottom - TITLE);
  const xMax = Math.max(0, ...points.map((p) => p.x));
  // As many x ticks as fit side by side without touching (a phone gets two or three).
  const xScale = (count: number) =>
    scaleLinear()
      .domain([0, xMax > 0 ? xMax : 1])
      .range([left, left + plotW])
      .nice(count);
  const fits = (count: number) => {
    const ticks = xScale(count).ticks(count);
    return ticks.length * (Math.max(...ticks.map((t) => textWidth(formatX(t)))) + 12) <= plotW;
  };
  let count = 5;
  while (count > 2 && !fits(count)) count -= 1;
  const x = xScale(count);
  const y = scaleLinear()
    .domain(yDomain)
    .range([top + plotH, top]);
  return { x, y, xTicks: x.ticks(count), yTicks, left, top, plotW, plotH };
}

export const circleRadius = (size: number) => R_MIN + (R_MAX - R_MIN) * Math.sqrt(Math.max(0, Math.min(1, size)));

/** Points on two value axes, each a circle sized and coloured by the caller (the product matrix). */
export function ScatterChart({
  name,
  points,
  xLabel,
  yLabel,
  formatX,
  formatY,
  summary,
  height = 320,
}: ScatterChartProps) {
  const [ref, width, measured] = useWidth<HTMLDivElement>();
  const { x, y, xTicks, yTicks, left, top, plotW, plotH } = useMemo(
    () => scatterLayout(points, width, height, formatX, formatY),
    [points, width, height, formatX, formatY],
  );
  const base = top + plotH;
  return (
    <figure className="chart-figure" data-testid={`chart-${name}`} data-state={measured ? 'drawn' : 'measuring'}>
      <div ref={ref} className="chart-plot" style={{ height }} role="img" aria-label={summary}>
        <svg
          data-chart={name}
          width={width}
          height={height}
          fontFamily="inherit"
          fontSize={12}
          style={{ display: 'block' }}
        >
          <ValueGrid ticks={yTicks} y={y} left={left} plotW={plotW} format={formatY} />
          <line x1={left} x2={left + plotW} y1={base} y2={base} stroke={AXIS} />
          {xTicks.map((t) => (
            <text key={t} x={x(t)} y={base + 16} textAnchor="middle" fill={TEXT_2}>
              {formatX(t)}
            </text>
          ))}
          <text x={left + plotW / 2} y={height - 4} textAnchor="middle" fill={TEXT}>
            {xLabel}
          </text>
          <text
            x={12}
            y={top + plotH / 2}
            textAnchor="middle"
            fill={TEXT}
            transform={`rotate(-90 12 ${top + plotH / 2})`}
          >
            {yLabel}
          </text>
          {points.map((p) => (
            <circle
              key={p.key}
              data-point={p.key}
              cx={x(p.x)}
              cy={y(p.y)}
              r={circleRadius(p.size)}
              fill={p.color}
              fillOpacity={0.55}
              stroke={p.color}
            >
              <title>{p.title}</title>
            </circle>
          ))}
        </svg>
      </div>
    </figure>
  );
}
