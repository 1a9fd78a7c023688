import { scaleBand, scaleLinear, type ScaleBand, type ScaleLinear } from 'd3-scale';

const known = (values: Iterable<number | null | undefined>): number[] =>
  [...values].filter((v): v is number => v !== null && v !== undefined && Number.isFinite(v));

/**
 * The value axis of a chart drawn from a baseline: from 0 (or the lowest value, when below 0) to
 * at least the highest value, its ends rounded by d3 so they fall on ticks. An empty or all-zero
 * series gets 0 to 1.
 */
export function valueScale(
  values: Iterable<number | null | undefined>,
  range: readonly [number, number],
  count = 5,
): ScaleLinear<number, number> {
  const xs = known(values);
  const lo = Math.min(0, ...xs);
  const hi = Math.max(0, ...xs);
  return scaleLinear()
    .domain(lo === hi ? [lo, lo + 1] : [lo, hi])
    .range([...range])
    .nice(count);
}

/**
 * A value axis over exactly [lo, hi] (a zoomed waterfall, whose bars need not reach 0): the ends
 * stay where they are and only the round ticks inside them are drawn.
 */
export function spanScale(lo: number, hi: number, range: readonly [number, number]): ScaleLinear<number, number> {
  return scaleLinear()
    .domain(hi > lo ? [lo, hi] : [lo, lo + 1])
    .range([...range]);
}

/** One slot per bucket, by position (labels may repeat, in a SQL result), the bar taking `fill` of its slot. */
export function bucketScale(count: number, range: readonly [number, number], fill = 0.8): ScaleBand<number> {
  return scaleBand<number>()
    .domain(Array.from({ length: count }, (_, i) => i))
    .range([...range])
    .paddingInner(1 - fill)
    .paddingOuter((1 - fill) / 2);
}

/** The lowest and highest known value and where they are, for a chart's spoken summary. */
export function extremes<T>(
  items: readonly T[],
  value: (item: T) => number | null | undefined,
): { low: T; high: T } | null {
  let low: T | undefined;
  let high: T | undefined;
  for (const item of items) {
    const v = value(item);
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    if (low === undefined || v < value(low)!) low = item;
    if (high === undefined || v > value(high)!) high = item;
  }
  return low === undefined || high === undefined ? null : { low, high };
}

/**
 * A value axis fitted to the values (a level that moves between 4.0 and 4.7 reads on 3.8–4.8,
 * not squeezed into the top of 0–6): a tenth of their spread as margin either side, never
 * below 0 for values that are not, ends rounded by d3 to ticks.
 */
export function fittedDomain(values: Iterable<number | null | undefined>, count = 5): [number, number] {
  const xs = known(values);
  if (xs.length === 0) return [0, 1];
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const margin = hi > lo ? (hi - lo) / 10 : Math.abs(hi) / 10 || 1;
  const bottom = lo >= 0 ? Math.max(0, lo - margin) : lo - margin;
  const [a = bottom, b = hi + margin] = scaleLinear().domain([bottom, hi + margin]).nice(count).domain();
  return [a, b];
}
