import { line } from 'd3-shape';

const isKnown = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);

/** A line through the known values (d3-shape); a missing value breaks it, and a lone value between gaps draws nothing visible. */
export function linePath(
  values: readonly (number | null | undefined)[],
  x: (i: number) => number,
  y: (v: number) => number,
): string {
  return (
    line<number | null | undefined>()
      .defined(isKnown)
      .x((_, i) => x(i))
      .y((v) => y(v!))(values) ?? ''
  );
}

const f = (n: number) => Math.round(n * 100) / 100;

/**
 * The outline of a column with its top corners rounded, or its bottom ones for a column that
 * hangs below its base (a negative height): the rounded end is the end away from the axis.
 */
export function columnPath(x: number, y: number, width: number, height: number, radius: number): string {
  const top = height >= 0 ? y : y + height;
  const h = Math.abs(height);
  const w = Math.max(0, width);
  const r = Math.max(0, Math.min(radius, w / 2, h));
  if (r === 0) return `M${f(x)},${f(top)}h${f(w)}v${f(h)}h${f(-w)}z`;
  if (height >= 0)
    return `M${f(x)},${f(top + h)}v${f(r - h)}a${f(r)},${f(r)} 0 0 1 ${f(r)},${f(-r)}h${f(w - 2 * r)}a${f(r)},${f(r)} 0 0 1 ${f(r)},${f(r)}v${f(h - r)}z`;
  return `M${f(x)},${f(top)}v${f(h - r)}a${f(r)},${f(r)} 0 0 0 ${f(r)},${f(r)}h${f(w - 2 * r)}a${f(r)},${f(r)} 0 0 0 ${f(r)},${f(-r)}v${f(r - h)}z`;
}

/** A horizontal bar with its right-hand corners rounded (radius 3, less for a very short bar). */
export function rowBarPath(x: number, y: number, w: number, h: number): string {
  const r = Math.min(3, w / 2, h / 2);
  return `M${f(x)},${f(y)}h${f(w - r)}a${f(r)},${f(r)} 0 0 1 ${f(r)},${f(r)}v${f(h - 2 * r)}a${f(r)},${f(r)} 0 0 1 ${f(-r)},${f(r)}h${f(r - w)}z`;
}
