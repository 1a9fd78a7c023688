import { scaleLinear } from 'd3-scale';
import { memo } from 'react';
import { useT } from '../../i18n/use-t';
import { ACCENT } from './palette';
import { extremes } from './scales';
import { linePath } from './shapes';

/**
 * The line of a sparkline in a `width` × `height` box (d3): x spread evenly, y between the
 * series' lowest and highest value (a flat series across the middle). A null breaks the line;
 * fewer than two known values draw nothing.
 */
export function sparklinePath(values: readonly (number | null)[], width = 100, height = 32, pad = 2): string {
  const ends = extremes(values, (v) => v);
  if (!ends || values.filter((v) => v !== null && Number.isFinite(v)).length < 2) return '';
  const x = scaleLinear()
    .domain([0, values.length - 1])
    .range([pad, width - pad]);
  const y =
    ends.low === ends.high
      ? () => height / 2
      : scaleLinear()
          .domain([ends.low!, ends.high!])
          .range([height - pad, pad]);
  return linePath(values, x, y);
}

/**
 * A tiny trend line for a KPI card, stretched to the card by its viewBox. Drawn by the d3 layer,
 * not recharts: the overview redraws six of these on every view change, where recharts took
 * 13–23 ms for the six (BENCHMARKS.md). Its spoken label gives the lowest and highest value.
 */
export const Sparkline = memo(function Sparkline({
  values,
  label,
  format,
}: {
  values: (number | null)[];
  label: string;
  format: (v: number) => string;
}) {
  const t = useT();
  const d = sparklinePath(values);
  const ends = extremes(values, (v) => v);
  if (!d || !ends) return null;
  return (
    <svg
      className="sparkline"
      data-testid="chart-sparkline"
      role="img"
      aria-label={t('chart.sparkSummary', { title: label, low: format(ends.low!), high: format(ends.high!) })}
      viewBox="0 0 100 32"
      preserveAspectRatio="none"
    >
      <path
        d={d}
        fill="none"
        stroke={ACCENT}
        strokeWidth={1.5}
        vectorEffect="non-scaling-stroke"
        strokeLinejoin="round"
      />
    </svg>
  );
});
