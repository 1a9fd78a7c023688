import { memo, useMemo, useState, type MouseEvent } from 'react';
import { GRID, TEXT_2 } from './palette';
import { ChartTooltip, labelStride, linePaths, MARGIN, niceTicks, placeLabels, textWidth, ValueGrid, valueAxisWidth } from './svg-axes';
import { useWidth } from './use-width';

export interface BurnUpChartRow {
  date: string;
  actual: number | null;
  target: number;
  projected: number | null;
  band: [number, number];
}

export interface BurnUpChartProps {
  title: string;
  rows: readonly BurnUpChartRow[];
  /** Dates that get an axis tick (the first of each month). */
  ticks: readonly string[];
  asOf: string | null;
  labels: { actual: string; target: string; projected: string; band: string; asOf: string };
  formatValue: (v: number | null) => string;
  formatAxis: (v: number) => string;
  formatTick: (date: string) => string;
  height?: number;
}

const ACTUAL = '#3b5bdb';
const TARGET = '#5b6573';
const BAND = '#e8edff';
const RIGHT = 12;

/** The value axis of a burn-up: round ticks from 0 (or below) over every value drawn, band included. */
export function burnUpTicks(rows: readonly BurnUpChartRow[]): number[] {
  const values = rows
    .flatMap((r) => [r.actual, r.target, r.projected, r.band[0], r.band[1]])
    .filter((v): v is number => v !== null && Number.isFinite(v));
  return niceTicks(values.length ? Math.min(...values) : 0, values.length ? Math.max(...values) : 0);
}

/**
 * The band as one closed area: along its upper ends from left to right, then back along its
 * lower ends. Days whose ends are not finite break it into separate areas.
 */
export function bandPaths(
  bands: readonly (readonly [number, number])[],
  x: (i: number) => number,
  y: (v: number) => number,
): string[] {
  const r = (n: number) => Math.round(n * 100) / 100;
  const paths: string[] = [];
  let run: number[] = [];
  const flush = () => {
    if (run.length > 1) {
      const upper = run.map((i) => `${r(x(i))},${r(y(bands[i]![1]))}`);
      const lower = run.map((i) => `${r(x(i))},${r(y(bands[i]![0]))}`).reverse();
      paths.push(`M${upper.join('L')}L${lower.join('L')}Z`);
    }
    run = [];
  };
  bands.forEach(([lo, hi], i) => {
    if (Number.isFinite(lo) && Number.isFinite(hi)) run.push(i);
    else flush();
  });
  flush();
  return paths;
}

/**
 * Where the date labels go: every `stride`-th tick from the first (Jan, Mar, May …), the stride
 * wide enough for the widest label at the ticks' closest spacing; each kept inside the chart, and
 * one that would touch the label before it (a first tick in mid-month) left out.
 */
export function placeTicks(labels: readonly string[], centers: readonly number[], width: number): { index: number; x: number }[] {
  if (!labels.length) return [];
  const widest = Math.max(...labels.map(textWidth));
  // The closest two ticks after the first (which may be in mid-month) set the stride: February
  // counts, so the labels fall at a regular every n-th month.
  const gaps = centers.slice(2).map((c, k) => c - centers[k + 1]!);
  const spacing = gaps.length ? Math.min(...gaps) : centers.length > 1 ? centers[1]! - centers[0]! : width;
  return placeLabels(labels, (k) => centers[k]!, width, labelStride(labels.length, spacing, widest), 'first');
}

/** The row nearest to a point `px` px into a plot `plotW` wide, the rows spread edge to edge. */
export function nearestRow(px: number, plotW: number, count: number): number {
  if (count <= 1 || plotW <= 0) return 0;
  return Math.max(0, Math.min(count - 1, Math.round((px / plotW) * (count - 1))));
}

/**
 * A burn-up chart as plain SVG: the actual to date as a solid line, the target line dashed, the
 * projection from the last day of data dotted, and floor to stretch as a shaded band. The legend
 * names each line in words beside its stroke pattern, so colour is not the only clue. It replaces
 * recharts, whose store, selectors and effects cost most of the overview's redraw time.
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
}: BurnUpChartProps) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const [hover, setHover] = useState<number | null>(null);

  const layout = useMemo(() => {
    const valueTicks = burnUpTicks(rows);
    const lo = valueTicks[0]!;
    const hi = valueTicks[valueTicks.length - 1]!;
    const left = MARGIN.left + valueAxisWidth(valueTicks, formatAxis);
    const plotW = Math.max(10, width - left - RIGHT);
    const plotH = Math.max(10, height - MARGIN.top - MARGIN.bottom);
    const n = rows.length;
    const x = (i: number) => left + (n > 1 ? (i / (n - 1)) * plotW : plotW / 2);
    const y = (v: number) => MARGIN.top + plotH - ((v - lo) / (hi - lo || 1)) * plotH;
    const index = new Map(rows.map((r, i) => [r.date, i]));
    const tickRows = ticks.map((d) => index.get(d)).filter((i): i is number => i !== undefined);
    const tickLabels = tickRows.map((i) => formatTick(rows[i]!.date));
    const xLabels = placeTicks(tickLabels, tickRows.map(x), width).map(({ index: k, x: at }) => ({
      key: tickRows[k]!,
      text: tickLabels[k]!,
      x: at,
    }));
    const asOfRow = asOf === null ? undefined : index.get(asOf);
    return {
      valueTicks,
      left,
      plotW,
      plotH,
      x,
      y,
      xLabels,
      asOfRow,
      band: bandPaths(rows.map((r) => r.band), x, y),
      target: linePaths(rows.map((r) => r.target), x, y),
      projected: linePaths(rows.map((r) => r.projected), x, y),
      actual: linePaths(rows.map((r) => r.actual), x, y),
    };
  }, [rows, ticks, asOf, width, height, formatAxis, formatTick]);

  const { valueTicks, left, plotW, plotH, x, y, xLabels, asOfRow } = layout;
  const shown = hover !== null ? rows[hover] : undefined;
  const move = (e: MouseEvent<SVGRectElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    setHover(rows.length ? nearestRow(e.clientX - box.left, box.width, rows.length) : null);
  };
  const asOfX = asOfRow !== undefined ? x(asOfRow) : null;
  // The as-of label sits right of its line, or left of it where the plot ends too soon.
  const asOfLeft = asOfX !== null && asOfX + 6 + textWidth(labels.asOf) > left + plotW;

  return (
    <figure className="burnup" aria-label={title} data-chart="burn-up">
      <ul className="goal-legend" aria-hidden="true">
        <li>
          <svg width="22" height="8">
            <line x1="0" y1="4" x2="22" y2="4" stroke={ACTUAL} strokeWidth="2.5" />
          </svg>
          {labels.actual}
        </li>
        <li>
          <svg width="22" height="8">
            <line x1="0" y1="4" x2="22" y2="4" stroke={TARGET} strokeWidth="1.5" strokeDasharray="5 3" />
          </svg>
          {labels.target}
        </li>
        <li>
          <svg width="22" height="8">
            <line x1="0" y1="4" x2="22" y2="4" stroke={ACTUAL} strokeWidth="2" strokeDasharray="2 3" />
          </svg>
          {labels.projected}
        </li>
        <li>
          <svg width="22" height="10">
            <rect x="0" y="1" width="22" height="8" fill={BAND} stroke="#c5d0fa" />
          </svg>
          {labels.band}
        </li>
      </ul>
      <div
        ref={ref}
        style={{ width: '100%', height, position: 'relative' }}
        role="img"
        aria-label={`${title}: ${labels.actual}, ${labels.target}, ${labels.projected}`}
        onMouseLeave={() => setHover(null)}
      >
        <svg data-export-chart="burn-up" width={width} height={height} fontFamily="inherit" fontSize={11} style={{ display: 'block' }}>
          <ValueGrid ticks={valueTicks} y={y} left={left} plotW={plotW} format={formatAxis} />
          {layout.band.map((d) => (
            <path key={d} d={d} fill={BAND} stroke="none" />
          ))}
          {/* One group per series with the class recharts gave a line: the e2e tests count them. */}
          <g className="recharts-line">
            {layout.target.map((d) => (
              <path key={d} d={d} fill="none" stroke={TARGET} strokeWidth={1.5} strokeDasharray="5 3" />
            ))}
          </g>
          <g className="recharts-line">
            {layout.projected.map((d) => (
              <path key={d} d={d} fill="none" stroke={ACTUAL} strokeWidth={2} strokeDasharray="2 3" />
            ))}
          </g>
          <g className="recharts-line">
            {layout.actual.map((d) => (
              <path key={d} d={d} fill="none" stroke={ACTUAL} strokeWidth={2.5} strokeLinejoin="round" />
            ))}
          </g>
          {asOfX !== null && (
            <g pointerEvents="none">
              <line x1={asOfX} x2={asOfX} y1={MARGIN.top} y2={MARGIN.top + plotH} stroke="#adb5bd" strokeDasharray="3 3" />
              <text x={asOfLeft ? asOfX - 5 : asOfX + 5} y={MARGIN.top + 12} textAnchor={asOfLeft ? 'end' : 'start'} fill={TARGET}>
                {labels.asOf}
              </text>
            </g>
          )}
          {xLabels.map((l) => (
            <text key={l.key} x={l.x} y={height - MARGIN.bottom + 16} textAnchor="middle" fill={TEXT_2}>
              {l.text}
            </text>
          ))}
          <line x1={left} x2={left + plotW} y1={MARGIN.top + plotH} y2={MARGIN.top + plotH} stroke={GRID} />
          {shown && (
            <g pointerEvents="none">
              <line x1={x(hover!)} x2={x(hover!)} y1={MARGIN.top} y2={MARGIN.top + plotH} stroke="#ced4da" />
              <circle cx={x(hover!)} cy={y(shown.target)} r={3} fill={TARGET} stroke="#fff" strokeWidth={1.5} />
              {shown.projected !== null && (
                <circle cx={x(hover!)} cy={y(shown.projected)} r={3.5} fill={ACTUAL} stroke="#fff" strokeWidth={1.5} />
              )}
              {shown.actual !== null && (
                <circle cx={x(hover!)} cy={y(shown.actual)} r={4} fill={ACTUAL} stroke="#fff" strokeWidth={2} />
              )}
            </g>
          )}
          <rect x={left} y={MARGIN.top} width={plotW} height={plotH} fill="transparent" onMouseMove={move} />
        </svg>
        {shown && (
          <ChartTooltip x={x(hover!)} width={width} side={x(hover!) > left + plotW / 2 ? 'left' : 'right'}>
            <div style={{ fontWeight: 600, marginBottom: 2 }}>{shown.date}</div>
            {shown.actual !== null && (
              <div style={{ color: ACTUAL }}>
                {labels.actual}: {formatValue(shown.actual)}
              </div>
            )}
            <div style={{ color: TARGET }}>
              {labels.target}: {formatValue(shown.target)}
            </div>
            {shown.projected !== null && (
              <div style={{ color: ACTUAL }}>
                {labels.projected}: {formatValue(shown.projected)}
              </div>
            )}
            <div style={{ color: TEXT_2 }}>
              {labels.band}: {formatValue(shown.band[0])} – {formatValue(shown.band[1])}
            </div>
          </ChartTooltip>
        )}
      </div>
    </figure>
  );
});
