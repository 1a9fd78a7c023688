import { memo } from 'react';
/**
 * Points of a sparkline in a 100 × 32 box: x spread evenly, y scaled between the series' min and
 * max (a flat series sits in the middle). A null breaks the line: each run of two or more known
 * values becomes its own segment, and a lone value between nulls draws nothing.
 */
export function sparklineSegments(values: readonly (number | null)[], width = 100, height = 32, pad = 2): string[] {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return [];
  const min = Math.min(...known);
  const max = Math.max(...known);
  const x = (i: number) => pad + (values.length === 1 ? 0 : (i * (width - 2 * pad)) / (values.length - 1));
  const y = (v: number) => (max === min ? height / 2 : pad + ((max - v) * (height - 2 * pad)) / (max - min));
  const segments: string[] = [];
  let current: string[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length > 1) segments.push(current.join(' '));
      current = [];
    } else current.push(`${x(i).toFixed(2)},${y(v).toFixed(2)}`);
  });
  if (current.length > 1) segments.push(current.join(' '));
  return segments;
}

/**
 * A tiny trend line for a KPI card; decorative, the card's number and the page's tables carry
 * the values. Plain SVG rather than a chart library: a page draws a dozen of these on every view
 * change, and a stretched polyline needs no measuring.
 */
export const Sparkline = memo(function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const segments = sparklineSegments(values);
  if (!segments.length) return null;
  return (
    <svg className="sparkline" role="img" aria-label={label} viewBox="0 0 100 32" preserveAspectRatio="none">
      {segments.map((points) => (
        <polyline
          key={points}
          points={points}
          fill="none"
          stroke="#3b5bdb"
          strokeWidth={1.5}
          vectorEffect="non-scaling-stroke"
          strokeLinejoin="round"
        />
      ))}
    </svg>
  );
});
