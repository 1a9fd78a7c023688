import { GRID, TEXT_2 } from './palette';

/** Space around the plot of the charts we draw (d3 layer); the bottom holds the bucket labels. */
export const MARGIN = { top: 8, right: 8, bottom: 26, left: 8 };
const TICK_GAP = 12;

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

/** Roughly how wide a text is drawn at 12 px, erring wide so nothing is clipped: CJK characters are about twice a Latin one. */
export const textWidth = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 12.5 : 7), 0);

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
        <text key={index} x={x} y={height - MARGIN.bottom + 16} textAnchor="middle" fill={TEXT_2}>
          {labels[index]}
        </text>
      ))}
    </>
  );
}
