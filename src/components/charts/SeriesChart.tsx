import { memo, useMemo, useState, type MouseEvent, type ReactNode } from 'react';
import { useT } from '../../i18n/use-t';
import { TableAlternative } from '../ui/TableAlternative';
import { BucketLabels, labelStride, MARGIN, textWidth, ValueGrid, valueAxisWidth } from './axes';
import { ChartTooltip } from './ChartTooltip';
import { ACCENT, AXIS, COMPARE, DOWN, HOVER, TEXT_2 } from './palette';
import { bucketScale, valueScale } from './scales';
import type { SeriesPoint } from './series-point';
import { SeriesTable } from './SeriesTable';
import { columnPath, linePath } from './shapes';
import { describeSeries } from './summary';
import { useWidth } from './use-width';

export type { SeriesPoint } from './series-point';

export interface SeriesChartProps {
  title: string;
  points: readonly SeriesPoint[];
  kind?: 'bar' | 'line';
  formatValue: (v: number | null) => string;
  formatAxis?: (v: number) => string;
  valueLabel: string;
  compareLabel?: string | undefined;
  tableLabel: string;
  onSelect?: (label: string) => void;
  height?: number;
  footer?: ReactNode;
  /** Buckets to mark as anomalous (a red ring), each with the words a screen reader says for it. */
  marks?: ReadonlyMap<string, string> | undefined;
}

/** Gap between a bucket's bar and its comparison bar, in pixels. */
const BAR_GAP = 2;

/** The geometry of a series chart `width` × `height` px: d3 scales for the values and the buckets, and where labels go. */
export function seriesLayout(
  points: readonly SeriesPoint[],
  width: number,
  height: number,
  axis: (v: number) => string,
) {
  const hasCompare = points.some((p) => p.compare !== undefined && p.compare !== null);
  const plotH = Math.max(10, height - MARGIN.top - MARGIN.bottom);
  const y = valueScale(
    points.flatMap((p) => [p.value, hasCompare ? p.compare : null]),
    [MARGIN.top + plotH, MARGIN.top],
  );
  const ticks = y.ticks(5);
  const left = MARGIN.left + valueAxisWidth(ticks, axis);
  const plotW = Math.max(10, width - left - MARGIN.right);
  const x = bucketScale(points.length, [left, left + plotW]);
  const slot = x.step();
  const cx = (i: number) => x(i)! + x.bandwidth() / 2;
  const barW = Math.max(1, hasCompare ? (x.bandwidth() - BAR_GAP) / 2 : x.bandwidth());
  const [lo, hi] = y.domain() as [number, number];
  return {
    hasCompare,
    y,
    ticks,
    left,
    plotW,
    plotH,
    slot,
    cx,
    barW,
    /** Where bars stand: 0, or the edge of the axis nearest to it. */
    base: y(Math.max(lo, Math.min(0, hi))),
    stride: labelStride(points.length, slot, Math.max(0, ...points.map((p) => textWidth(p.label)))),
  };
}

/** The bucket under a point `px` px from the chart's left edge: slots `slot` wide from `left`; null outside them. */
export function bucketAt(px: number, left: number, slot: number, count: number): number | null {
  const i = Math.floor((px - left) / slot);
  return slot > 0 && i >= 0 && i < count ? i : null;
}

/**
 * A labelled series, drawn by the d3 layer: bars (with the comparison period's bar beside each)
 * or a line (the comparison dashed), a tooltip with both values on hover, a click on a bucket to
 * drill into it, and the table alternative below. Not recharts: the pages with a 100 ms goal
 * redraw several of these on every view change, and recharts took 10–40 ms for each (BENCHMARKS.md).
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
  marks,
}: SeriesChartProps) {
  const t = useT();
  const [ref, width, measured] = useWidth<HTMLDivElement>();
  const [hover, setHover] = useState<number | null>(null);
  const axis = useMemo(() => formatAxis ?? ((v: number) => formatValue(v)), [formatAxis, formatValue]);
  const layout = useMemo(() => seriesLayout(points, width, height, axis), [points, width, height, axis]);
  const summary = useMemo(() => describeSeries(t, title, points, formatValue), [t, title, points, formatValue]);
  const { hasCompare, y, ticks, left, plotW, plotH, slot, cx, barW, base, stride } = layout;
  const shown = hover !== null ? points[hover] : undefined;
  // One pair of handlers on the drawing, not one per bucket: a year by day is 365 buckets.
  const bucketOf = (e: MouseEvent<SVGSVGElement>) =>
    bucketAt(e.clientX - e.currentTarget.getBoundingClientRect().left, left, slot, points.length);
  const select = (e: MouseEvent<SVGSVGElement>) => {
    const i = bucketOf(e);
    if (onSelect && i !== null) onSelect(points[i]!.label);
  };

  const bar = (v: number | null | undefined, x: number, fill: string) =>
    v === null || v === undefined || !Number.isFinite(v) || v === 0 ? null : (
      <path d={columnPath(x, y(Math.max(0, v)), barW, y(Math.min(0, v)) - y(Math.max(0, v)), 3)} fill={fill} />
    );

  return (
    <figure className="chart-figure" data-testid="chart-series" data-state={measured ? 'drawn' : 'measuring'}>
      <div
        ref={ref}
        className="chart-plot"
        style={{ height }}
        role="img"
        aria-label={summary}
        onMouseLeave={() => setHover(null)}
      >
        <svg
          data-export-chart="series"
          width={width}
          height={height}
          fontFamily="inherit"
          fontSize={12}
          style={{ display: 'block', cursor: onSelect ? 'pointer' : undefined }}
          onMouseMove={(e) => setHover(bucketOf(e))}
          onClick={onSelect ? select : undefined}
        >
          <ValueGrid ticks={ticks} y={y} left={left} plotW={plotW} format={axis} />
          {hover !== null && kind === 'bar' && (
            <rect x={cx(hover) - slot / 2} y={MARGIN.top} width={slot} height={plotH} fill={HOVER} />
          )}
          <rect x={left} y={MARGIN.top} width={plotW} height={plotH} fill="transparent" />
          <line x1={left} x2={left + plotW} y1={base} y2={base} stroke={AXIS} />
          {kind === 'bar' &&
            points.map((p, i) => {
              const x0 = cx(i) - (hasCompare ? barW + BAR_GAP / 2 : barW / 2);
              return (
                <g key={i} data-bucket={p.label}>
                  {hasCompare && bar(p.compare, x0, COMPARE)}
                  {bar(p.value, hasCompare ? x0 + barW + BAR_GAP : x0, ACCENT)}
                </g>
              );
            })}
          {kind === 'line' && (
            <g pointerEvents="none" fill="none" strokeWidth={2}>
              {hasCompare && (
                <path
                  d={linePath(
                    points.map((p) => p.compare),
                    cx,
                    y,
                  )}
                  stroke={COMPARE}
                  strokeDasharray="4 3"
                />
              )}
              <path
                d={linePath(
                  points.map((p) => p.value),
                  cx,
                  y,
                )}
                stroke={ACCENT}
                strokeLinejoin="round"
              />
              {shown && shown.value !== null && Number.isFinite(shown.value) && (
                <circle cx={cx(hover!)} cy={y(shown.value)} r={4} fill={ACCENT} stroke="#fff" />
              )}
            </g>
          )}
          <BucketLabels labels={points.map((p) => p.label)} cx={cx} width={width} height={height} stride={stride} />
          {marks &&
            points.map((p, i) => {
              const words = marks.get(p.label);
              if (words === undefined) return null;
              const top = p.value !== null && Number.isFinite(p.value) ? y(Math.max(0, p.value)) : base;
              return (
                <circle
                  key={`mark-${p.label}`}
                  data-testid="anomaly-marker"
                  data-day={p.label}
                  cx={cx(i)}
                  cy={Math.max(MARGIN.top + 6, top - 8)}
                  r={5}
                  fill="#fff"
                  stroke={DOWN}
                  strokeWidth={2.5}
                  pointerEvents="none"
                >
                  <title>{words}</title>
                </circle>
              );
            })}
        </svg>
        {marks && marks.size > 0 && (
          <ul className="visually-hidden">
            {[...marks.values()].map((words) => (
              <li key={words}>{words}</li>
            ))}
          </ul>
        )}
        {shown && (
          <ChartTooltip
            x={cx(hover!)}
            width={width}
            side={cx(hover!) > left + plotW / 2 ? 'left' : 'right'}
            heading={shown.label}
          >
            <div style={{ color: ACCENT }}>
              {valueLabel}: {formatValue(shown.value)}
            </div>
            {hasCompare && (
              <div style={{ color: TEXT_2 }}>
                {compareLabel}: {formatValue(shown.compare ?? null)}
              </div>
            )}
          </ChartTooltip>
        )}
      </div>
      <TableAlternative label={tableLabel}>
        <SeriesTable
          title={title}
          points={points}
          valueLabel={valueLabel}
          compareLabel={compareLabel}
          formatValue={formatValue}
        />
      </TableAlternative>
      {footer}
    </figure>
  );
});
