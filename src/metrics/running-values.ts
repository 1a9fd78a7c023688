import type { Engine } from '../engine/engine';
import { buyerArrivalsSql, firstEventDaySql } from './compile';
import { contextFor, queryMetrics, type PreparedContext } from './context';
import { hasDerived } from './derived-state';
import { describeData, type DataDescription } from './describe';
import { bucketGrouping } from './groupings';
import { engineMetricSource, toFilters, type EngineMetricSource, type EngineSourceOptions } from './metric-source';
import { computeOpsSeries } from './operations';
import { periodBuckets, type Period } from './periods';
import { toNumberOrNull } from './queries/kpis';
import { isAggregate, isMetricId, ratioOf, withDependencies, type ComponentId } from './registry';
import { isOpsMetricId } from './registry/operations';
import { SOURCE_TABLES, type SourceTable } from './registry/sources';
import type { AggregateEntry, BuyersEntry } from './registry/types';
import { runMetricSql } from './result-cache';
import { sourceOf } from './plan';

/** One dated number of a series (the `DatedValue` of src/targets/source.ts). */
export interface DatedValue {
  date: string;
  value: number | null;
}

type RawFilters = Record<string, readonly string[]>;

/**
 * The MetricSeriesSource port of src/targets/source.ts over an engine: the plain metric source
 * plus a KPI per day (seasonal shapes) and a KPI from the period's start to each day (burn-up
 * charts).
 */
export interface EngineSeriesSource extends EngineMetricSource {
  dailyValues(metric: string, period: Period, filters: RawFilters): Promise<DatedValue[]>;
  runningValues(metric: string, period: Period, filters: RawFilters): Promise<DatedValue[]>;
}

/** `daily`: the KPI over each single day. `running`: the KPI over `from`..each day. */
export type SeriesMode = 'daily' | 'running';

/** The KPI over each single day of the period: the metric's day-grain series, as the pages' series give it. */
async function dailyValues(engine: Engine, metric: ComponentId, prepared: PreparedContext): Promise<DatedValue[]> {
  const rows = await queryMetrics(engine, prepared, [metric], bucketGrouping(prepared.ctx.period, 'day'));
  return rows.map((r) => ({ date: String(r.grp), value: toNumberOrNull(r[metric]) }));
}

/**
 * The KPI over `from`..each day, as `computeKpis` gives it, from three queries whatever the
 * period's length: sums and counts are running totals of the day-grain series; buyers are
 * counted on the day they join the entry (their first paid order of the period, or for repeat
 * buyers their second); ratios divide the running numerator by the running denominator. Nulls
 * follow the KPI query: a source that is not loaded, not reached yet, or blocked by a filter
 * gives null, and so does a running span that holds no row in any table at all.
 */
async function runningValues(engine: Engine, metric: ComponentId, prepared: PreparedContext): Promise<DatedValue[]> {
  const { ctx, description } = prepared;
  const defs = withDependencies([metric]);
  const aggregates = defs.filter(isAggregate);
  const live = aggregates.filter((d) => !ctx.blocked.includes(sourceOf(d)));
  const summed = live.filter((d) => d.kind !== 'buyers');
  const buyers = live.filter((d): d is BuyersEntry<ComponentId> => d.kind === 'buyers');

  const days = periodBuckets(ctx.period, 'day').map((b) => b.label);
  const perDay = summed.length
    ? await queryMetrics(
        engine,
        prepared,
        summed.map((d) => d.id),
        bucketGrouping(ctx.period, 'day'),
      )
    : [];
  const increments = new Map<string, Map<string, number>>();
  const add = (id: string, day: string, v: number) => {
    const byDay = increments.get(id) ?? new Map<string, number>();
    byDay.set(day, (byDay.get(day) ?? 0) + v);
    increments.set(id, byDay);
  };
  for (const row of perDay) for (const d of summed) add(d.id, String(row.grp), toNumberOrNull(row[d.id]) ?? 0);
  if (buyers.length && description.orders.rows > 0) {
    for (const row of await runMetricSql(engine, buyerArrivalsSql(buyers, ctx)))
      add(String(row.id), String(row.day), Number(row.v));
  }
  const liveSources = SOURCE_TABLES.filter((s) => !ctx.blocked.includes(s));
  const [first] = await runMetricSql(engine, firstEventDaySql(liveSources, ctx));
  const firstEvent = first?.day === null || first?.day === undefined ? null : String(first.day);

  const covered = (d: AggregateEntry<ComponentId>, to: string) =>
    live.includes(d) &&
    spanCovered(description, sourceOf(d), ctx.period.from, to) &&
    (d.kind !== 'sum' || !d.requiresColumn || description.traffic.optionalColumns.includes(d.requiresColumn)) &&
    d.sources.every((t) => description[t].rows > 0);
  const totals = new Map<string, number>();
  return days.map((date) => {
    const values = new Map<string, number | null>();
    for (const d of aggregates) {
      const total = (totals.get(d.id) ?? 0) + (increments.get(d.id)?.get(date) ?? 0);
      totals.set(d.id, total);
      values.set(d.id, covered(d, date) ? total : null);
    }
    if (firstEvent === null || firstEvent > date) return { date, value: null };
    const def = defs.find((d) => d.id === metric)!;
    const value = def.kind === 'ratio' ? ratioOf(def, (id) => values.get(id) ?? null) : (values.get(def.id) ?? null);
    return { date, value };
  });
}

function spanCovered(data: DataDescription, table: SourceTable, from: string, to: string): boolean {
  const d = data[table];
  return d.rows > 0 && d.firstDate !== null && d.lastDate !== null && d.firstDate <= to && d.lastDate >= from;
}

/** The KPI over each day of the period (mode `daily`) or from its start to each day (`running`). */
export async function computeSeriesValues(
  engine: Engine,
  metric: ComponentId,
  period: Period,
  mode: SeriesMode,
  filters: RawFilters = {},
  options: { defaultCurrency?: string | null; description?: DataDescription } = {},
): Promise<DatedValue[]> {
  const description = options.description ?? (await describeData(engine));
  const prepared = contextFor(description, period, toFilters(filters, options.defaultCurrency), hasDerived(engine));
  return mode === 'daily' ? dailyValues(engine, metric, prepared) : runningValues(engine, metric, prepared);
}

/**
 * The targets' MetricSeriesSource over an engine whose data does not change while it is used
 * (one page render, one report run): the data is described once, and plain values come from
 * `engineMetricSource`, so they are the numbers `report --targets` prints.
 */
export function engineSeriesSource(
  engine: Engine,
  options: EngineSourceOptions = {},
): EngineSeriesSource {
  const currency = options.defaultCurrency !== undefined ? { defaultCurrency: options.defaultCurrency } : {};
  const described = options.description ? Promise.resolve(options.description) : describeData(engine);
  // Whoever asks first sees a failure; until then it must not count as unhandled.
  described.catch(() => undefined);
  const base = described.then((description) =>
    engineMetricSource(engine, { ...currency, description, slaMinutes: options.slaMinutes, roles: options.roles }),
  );
  const series = async (metric: string, period: Period, filters: RawFilters, mode: SeriesMode) => {
    if (isOpsMetricId(metric)) {
      const settings = { ...currency, slaMinutes: options.slaMinutes, roles: options.roles };
      return (await computeOpsSeries(engine, metric, period, mode, filters, settings)) ?? [];
    }
    if (!isMetricId(metric)) return [];
    return computeSeriesValues(engine, metric, period, mode, filters, { ...currency, description: await described });
  };
  return {
    value: async (metric, period, filters) => (await base).value(metric, period, filters),
    lastDate: async (table) => (await base).lastDate(table),
    firstDate: async (table) => (await base).firstDate(table),
    dailyValues: (metric, period, filters) => series(metric, period, filters, 'daily'),
    runningValues: (metric, period, filters) => series(metric, period, filters, 'running'),
  };
}
