import type { Engine } from '../engine/engine';
import { comparisonPeriod, type Period } from '../metrics/periods';
import { describeData } from '../metrics/describe';
import { dimensionValues } from '../metrics/dimension-values';
import { computeKpis } from '../metrics/queries/kpis';
import { computeTrailingSeries, trailingSeriesKey } from '../dataset/trailing-series';
import { defaultPeriod } from '../lib/period-presets';

/** A query result the page can show before the engine has started, keyed as the page asks for it. */
export interface SnapshotEntry {
  key: unknown[];
  data: unknown;
}

/**
 * The queries the overview runs when it opens on the sample shop with the default view
 * (latest full month, previous period, no filters). Computed at build time by the same metric
 * code on the same files, so the first screen needs no engine; live queries then take over
 * with identical numbers.
 */
export async function startupSnapshot(engine: Engine): Promise<SnapshotEntry[]> {
  const description = await describeData(engine);
  const last = description.orders.lastDate;
  if (!last) return [];
  const period: Period = defaultPeriod(description.orders.firstDate, last);
  const previous = comparisonPeriod(period, 'previous')!;
  return [
    { key: ['describe'], data: description },
    { key: ['dimension-values'], data: await dimensionValues(engine) },
    { key: ['kpis', period, {}], data: await computeKpis(engine, period, {}) },
    { key: ['kpis', previous, {}], data: await computeKpis(engine, previous, {}) },
    { key: trailingSeriesKey(period, {}), data: await computeTrailingSeries(engine, period, {}) },
  ];
}
