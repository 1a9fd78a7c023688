import type { ReactNode } from 'react';

/** The hover box of every chart (ours and recharts'): a heading, then one line per value. */
export function TooltipBox({ heading, children }: { heading: ReactNode; children: ReactNode }) {
  return (
    <div className="chart-tip">
      <div className="chart-tip-head">{heading}</div>
      {children}
    </div>
  );
}

/**
 * The hover box placed beside the point at `x` in a chart `width` wide: right of `x`, or, with
 * `side="left"` (for a point in the right half of a chart), left of it, so it is not cut off.
 */
export function ChartTooltip({
  x,
  width,
  side = 'right',
  heading,
  children,
}: {
  x: number;
  width: number;
  side?: 'left' | 'right';
  heading: ReactNode;
  children: ReactNode;
}) {
  const place =
    side === 'left'
      ? { right: Math.max(0, width - x + 12) }
      : { left: Math.min(Math.max(x + 12, 0), Math.max(0, width - 200)) };
  return (
    <div className="chart-tip-anchor" style={place}>
      <TooltipBox heading={heading}>{children}</TooltipBox>
    </div>
  );
}
