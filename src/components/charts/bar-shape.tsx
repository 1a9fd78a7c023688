import type { BarShapeProps } from 'recharts';

const f = (n: number) => Math.round(n * 100) / 100;

/**
 * The outline of a vertical bar with its top corners rounded (its bottom ones for a bar that
 * hangs below its base), as an SVG path. Height may be negative (recharts gives a bar below the
 * axis a negative height): the bar is flipped to run downwards.
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

/**
 * A bar shape for recharts that draws one plain path. recharts' own Rectangle runs its animation
 * and radius machinery for every bar on every redraw, which was most of the time a series chart
 * of a month by day took to draw; without animation none of it is needed.
 * The path stays inside recharts' `.recharts-bar-rectangle` group, which carries the click.
 */
export function plainBar(radius: number) {
  return function PlainBar(props: BarShapeProps) {
    const { x, y, width, height, fill } = props;
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(width) || !Number.isFinite(height) || !width || !height)
      return <g />;
    return <path d={columnPath(x, y, width, height, radius)} fill={fill} />;
  };
}

/** Bars with the top corners rounded by 3 px, and square ones (the lower parts of a stack). */
export const ROUNDED_BAR = plainBar(3);
export const SQUARE_BAR = plainBar(0);
