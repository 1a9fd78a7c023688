import type { ReactNode } from 'react';
import { GRID, TEXT_2 } from './palette';

/** Space around the plot of our SVG charts; the bottom holds the bucket labels. */
export const MARGIN = { top: 8, right: 8, bottom: 26, left: 8 };
const TICK_GAP = 12;

/**
 * Round axis ticks from 0 (or the lowest value, if below 0) to at least the highest value:
 * about `count` steps of 1, 2, 2.5 or 5 × a power of ten.
 */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  const min = Math.min(0, lo);
  const max = Math.max(0, hi);
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0];
  if (max === min) return max === 0 ? [0, 1] : [min, max];
  const raw = (max - min) / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw * (1 - 1e-9))!;
  const first = Math.floor(min / step + 1e-9) * step;
  const ticks: number[] = [];
  for (let v = first; v < max + step - 1e-9 * step; v += step) ticks.push(Math.round(v / step) * step);
  return ticks.map((t) => Number(t.toPrecision(12)));
}

/**
 * Which buckets get an x-axis label: every `stride`-th one counted back from the last (the last
 * bucket, the latest, is always named), with the stride large enough that labels of this width do
 * not touch.
 */
export function labelStride(buckets: number, band: number, labelWidth: number): number {
  if (buckets <= 1 || band <= 0) return 1;
  return Math.max(1, Math.ceil((labelWidth + TICK_GAP) / band));
}

/**
 * Where the bucket labels go: every `stride`-th counted from the last (the latest bucket, always
 * kept) or, with `from = 'first'`, from the first; each centred under its bucket but moved in from
 * the chart's edges so none is cut off, and one that would then touch the label placed before it
 * is left out.
 */
export function placeLabels(
  labels: readonly string[],
  center: (i: number) => number,
  width: number,
  stride: number,
  from: 'first' | 'last' = 'last',
): { index: number; x: number }[] {
  const forward = from === 'first';
  const placed: { index: number; x: number }[] = [];
  let limit = forward ? -Infinity : Infinity;
  for (let k = 0; k < labels.length; k += stride) {
    const i = forward ? k : labels.length - 1 - k;
    const half = textWidth(labels[i]!) / 2;
    const x = Math.max(half + 2, Math.min(center(i), width - half - 2));
    if (forward ? x - half - TICK_GAP / 2 < limit : x + half + TICK_GAP / 2 > limit) continue;
    placed.push({ index: i, x });
    limit = forward ? x + half + TICK_GAP / 2 : x - half - TICK_GAP / 2;
  }
  return forward ? placed : placed.reverse();
}

/** A line through the known values; a missing value breaks it (a lone value between gaps draws nothing). */
export function linePaths(
  values: readonly (number | null | undefined)[],
  x: (i: number) => number,
  y: (v: number) => number,
): string[] {
  const paths: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1) paths.push(`M${run.join('L')}`);
    run = [];
  };
  values.forEach((v, i) => {
    if (v === null || v === undefined || !Number.isFinite(v)) flush();
    else run.push(`${Math.round(x(i) * 100) / 100},${Math.round(y(v) * 100) / 100}`);
  });
  flush();
  return paths;
}

/** Roughly how wide a label is drawn at 12 px (CJK characters about twice a Latin one). */
export const textWidth = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 12 : 6.8), 0);

/** The value axis as wide as its longest label, so none is clipped. */
export function valueAxisWidth(ticks: readonly number[], format: (v: number) => string): number {
  return Math.min(120, Math.max(36, Math.ceil(Math.max(...ticks.map((t) => textWidth(format(t))))) + 12));
}

/** Horizontal grid lines at the ticks, each labelled on the left. */
export function ValueGrid({
  ticks,
  y,
  left,
  plotW,
  format,
}: {
  ticks: readonly number[];
  y: (v: number) => number;
  left: number;
  plotW: number;
  format: (v: number) => string;
}) {
  return (
    <>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={left} x2={left + plotW} y1={y(t)} y2={y(t)} stroke={GRID} />
          <text x={left - 8} y={y(t)} textAnchor="end" dominantBaseline="central" fill={TEXT_2}>
            {format(t)}
          </text>
        </g>
      ))}
    </>
  );
}

/** The bucket labels under the plot, thinned by `stride` and kept inside the chart (placeLabels). */
export function BucketLabels({
  labels,
  cx,
  width,
  height,
  stride,
}: {
  labels: readonly string[];
  cx: (i: number) => number;
  width: number;
  height: number;
  stride: number;
}) {
  return (
    <>
      {placeLabels(labels, cx, width, stride).map(({ index, x }) => (
        <text key={labels[index]} x={x} y={height - MARGIN.bottom + 16} textAnchor="middle" fill={TEXT_2}>
          {labels[index]}
        </text>
      ))}
    </>
  );
}

/**
 * The hover box beside the bucket at `x`, kept inside a chart `width` wide: right of `x`, or, with
 * `side="left"` (for a point in the right half of a chart), left of it.
 */
export function ChartTooltip({ x, width, side = 'right', children }: { x: number; width: number; side?: 'left' | 'right'; children: ReactNode }) {
  return (
    <div
      className="chart-tip"
      style={{
        position: 'absolute',
        top: 4,
        ...(side === 'left'
          ? { right: Math.max(0, width - x + 12) }
          : { left: Math.min(Math.max(x + 12, 0), Math.max(0, width - 200)) }),
        pointerEvents: 'none',
        background: '#fff',
        border: '1px solid #dee2e6',
        borderRadius: 6,
        padding: '6px 10px',
        fontSize: 12,
        boxShadow: '0 2px 8px rgba(0,0,0,.08)',
        whiteSpace: 'nowrap',
        zIndex: 1,
      }}
    >
      {children}
    </div>
  );
}
