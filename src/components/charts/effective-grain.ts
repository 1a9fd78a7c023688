import { GRAINS, periodBuckets, type Grain, type Period } from '../../metrics/periods';

/** A series worth drawing has at least two buckets and not more than a chart can show. */
const MIN_BUCKETS = 2;
const MAX_BUCKETS = 400;

/** Grains to step down through: weeks do not nest in months, so a month is split into days. */
const FINER: Record<Grain, Grain | null> = { year: 'quarter', quarter: 'month', month: 'day', week: 'day', day: null };

/**
 * The grain the charts use: the view's grain, one step finer while the period is a single
 * bucket (a month by month is one bar, so it is drawn by day), one step coarser while there
 * are more buckets than bars fit.
 */
export function effectiveGrain(period: Period, grain: Grain): Grain {
  const count = (g: Grain) => periodBuckets(period, g).length;
  let g = grain;
  for (let finer = FINER[g]; finer && count(g) < MIN_BUCKETS; finer = FINER[g]) g = finer;
  for (let i = GRAINS.indexOf(g); i < GRAINS.length - 1 && count(g) > MAX_BUCKETS; i++) g = GRAINS[i + 1]!;
  return g;
}
