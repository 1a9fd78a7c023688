import type { Engine } from '../engine/engine';
import { dateSql, DATE_COLUMN } from './compile';
import { contextFor } from './context';
import {
  isMetricId,
  withDependencies,
  type AggregateDefinition,
  type ComponentId,
  type MetricDefinition,
  type ScopeId,
} from './definitions';
import { firstPaidSql, hasDerived, paidSql } from './derived';
import { describeData, type DataDescription } from './describe';
import { filterSql, type SourceTable } from './filters';
import { engineMetricSource, toFilters, type EngineMetricSource } from './metric-source';
import type { Period } from './periods';
import type { QueryContext } from './compile';
import { toNumberOrNull } from './queries/kpis';

/** One dated number of a series (the `DatedValue` of src/targets/source.ts). */
export interface DatedValue {
  date: string;
  value: number | null;
}

type RawFilters = Record<string, readonly string[]>;

/**
 * The MetricSeriesSource port of src/targets/source.ts over an engine: the plain metric source
 * plus a KPI per day (seasonal shapes) and a KPI from the period's start to each day (burn-up
 * charts). Each series is one query, however many days the period has.
 */
export interface EngineSeriesSource extends EngineMetricSource {
  dailyValues(metric: string, period: Period, filters: RawFilters): Promise<DatedValue[]>;
  runningValues(metric: string, period: Period, filters: RawFilters): Promise<DatedValue[]>;
}

/** `daily`: the KPI over each single day. `running`: the KPI over `from`..each day. */
export type SeriesMode = 'daily' | 'running';

const SCOPE_SOURCE: Record<ScopeId, SourceTable> = {
  paid_orders: 'orders',
  period_buyers: 'orders',
  cancelled_orders: 'orders',
  traffic_rows: 'traffic',
  registrations: 'users',
};

/** Row sets, one row per event with the `day` it happened on, restricted to the period and filters. */
function scopeRowsSql(scope: Exclude<ScopeId, 'period_buyers'>, ctx: QueryContext): string {
  const source = SCOPE_SOURCE[scope];
  const alias = source.charAt(0);
  const where = `${alias}.${DATE_COLUMN[source]} BETWEEN ${dateSql(ctx.period.from)} AND ${dateSql(ctx.period.to)}
    AND ${filterSql(source, ctx.filters, alias)}`;
  switch (scope) {
    case 'paid_orders':
      return `SELECT o.order_date AS day, o.customer_key, o.order_total, o.refund_amount, o.discount_amount
  FROM orders o WHERE ${paidSql('o')} AND ${where}`;
    case 'cancelled_orders':
      return `SELECT o.order_date AS day FROM orders o WHERE o.status = 'cancelled' AND ${where}`;
    case 'traffic_rows':
      return `SELECT t.date AS day, t.sessions, t.visitors, t.product_views, t.add_to_cart, t.checkouts
  FROM traffic t WHERE ${where}`;
    case 'registrations':
      return `SELECT u.registered_date AS day, u.user_key, u.registered_date, f.first_paid_date
  FROM users u LEFT JOIN first_paid f ON f.customer_key = u.user_key WHERE ${where}`;
  }
}

/**
 * Buyers of the period. Running: one row per customer, on the day of their first paid order in
 * the period (when they join `buyers`), with the day of their second (when they become a repeat
 * buyer). Daily: one row per customer and day, as the KPI over that single day sees them.
 */
function buyersSql(mode: SeriesMode): string {
  return mode === 'running'
    ? `SELECT p.customer_key, min(p.day) AS day, list_sort(list(p.day))[2] AS second_day,
    any_value(f.first_paid_date) AS first_paid_date
  FROM s_paid_orders p JOIN first_paid f USING (customer_key) GROUP BY p.customer_key`
    : `SELECT p.day, p.customer_key, count(*) AS paid_orders, any_value(f.first_paid_date) AS first_paid_date
  FROM s_paid_orders p JOIN first_paid f USING (customer_key) GROUP BY p.day, p.customer_key`;
}

function expand(expr: string, from: string, to: string): string {
  return expr.replaceAll('{from}', from).replaceAll('{to}', to);
}

/** SQL giving `(day, v)`: what one aggregate adds on each day (running) or amounts to on it (daily). */
function incrementSql(def: AggregateDefinition, ctx: QueryContext, mode: SeriesMode): string {
  const periodFrom = dateSql(ctx.period.from);
  const periodTo = dateSql(ctx.period.to);
  if (mode === 'daily') {
    const rows = def.scope === 'period_buyers' ? 's_period_buyers' : `s_${def.scope}`;
    return `SELECT day, ${expand(def.expr, 'day', 'day')} AS v FROM ${rows} GROUP BY day`;
  }
  if (def.kind === 'count_distinct') {
    // Only `buyers` counts distinct customers: each one joins on their first paid order of the period.
    return `SELECT day, count(*) AS v FROM s_period_buyers GROUP BY day`;
  }
  if (def.scope === 'period_buyers') {
    if (def.id === 'repeat_buyers')
      return `SELECT second_day AS day, count(*) AS v FROM s_period_buyers WHERE second_day IS NOT NULL GROUP BY second_day`;
    if (def.expr.includes('paid_orders')) throw new Error(`No running form for ${def.id}`);
    return `SELECT day, ${expand(def.expr, periodFrom, periodTo)} AS v FROM s_period_buyers GROUP BY day`;
  }
  return `SELECT day, ${expand(def.expr, periodFrom, periodTo)} AS v FROM s_${def.scope} GROUP BY day`;
}

function neededScopes(defs: readonly AggregateDefinition[], mode: SeriesMode): Set<ScopeId> {
  const scopes = new Set<ScopeId>(defs.map((d) => d.scope));
  if (mode === 'running' && defs.some((d) => d.kind === 'count_distinct')) scopes.add('period_buyers');
  if (scopes.has('period_buyers')) scopes.add('paid_orders');
  return scopes;
}

const EVENT_SCOPES = ['paid_orders', 'cancelled_orders', 'traffic_rows', 'registrations'] as const;

/**
 * One query for a KPI over each day of the period: `daily` (the KPI of that day alone, as a
 * day-grain series gives it) or `running` (the KPI over `from`..that day, as `computeKpis`
 * gives it). Running sums are cumulative sums; distinct buyers count each customer on the
 * day of their first paid order in the period (new and returning buyers alike, repeat buyers
 * on their second); ratios divide the cumulative numerator by the cumulative denominator.
 * Nulls follow the KPI query: a source that is not loaded, not reached yet, or blocked by a
 * filter gives null, and so does a running span that holds no row in any table at all.
 */
export function seriesValuesSql(metric: ComponentId, ctx: QueryContext, mode: SeriesMode): string {
  const defs = withDependencies([metric]);
  const aggregates = defs.filter((d): d is AggregateDefinition => d.kind !== 'ratio');
  const live = aggregates.filter((d) => !ctx.blocked.includes(SCOPE_SOURCE[d.scope]));
  const liveSources = (['orders', 'traffic', 'users'] as const).filter((s) => !ctx.blocked.includes(s));
  // Running values over a span with no row anywhere are null, as the KPI query returns no row then.
  const anyRowScopes = mode === 'running' ? EVENT_SCOPES.filter((s) => liveSources.includes(SCOPE_SOURCE[s])) : [];
  const scopes = neededScopes(live, mode);
  anyRowScopes.forEach((s) => scopes.add(s));

  const ctes: string[] = [
    `days AS (\n  SELECT CAST(generate_series AS DATE) AS day FROM generate_series(CAST(${dateSql(ctx.period.from)} AS TIMESTAMP), CAST(${dateSql(ctx.period.to)} AS TIMESTAMP), INTERVAL 1 DAY)\n)`,
  ];
  if (scopes.has('period_buyers') || scopes.has('registrations'))
    ctes.push(`first_paid AS (\n  ${firstPaidSql(ctx.derived)}\n)`);
  for (const scope of EVENT_SCOPES)
    if (scopes.has(scope)) ctes.push(`s_${scope} AS (\n  ${scopeRowsSql(scope, ctx)}\n)`);
  if (scopes.has('period_buyers')) ctes.push(`s_period_buyers AS (\n  ${buyersSql(mode)}\n)`);
  for (const def of live) ctes.push(`inc_${def.id} AS (\n  ${incrementSql(def, ctx, mode)}\n)`);
  if (anyRowScopes.length > 0) {
    const union = anyRowScopes.map((s) => `SELECT day FROM s_${s}`).join(' UNION ALL ');
    ctes.push(`inc_any_row AS (\n  SELECT day, count(*) AS v FROM (${union}) GROUP BY day\n)`);
  }

  const sources = new Set<SourceTable>(live.map((d) => SCOPE_SOURCE[d.scope]));
  live.forEach((d) => d.alsoNeedsLoaded?.forEach((t) => t !== 'order_items' && sources.add(t)));
  const columns = [...new Set(live.flatMap((d) => (d.requiresColumn ? [d.requiresColumn] : [])))];
  for (const source of sources) {
    const extra = source === 'traffic' ? columns.map((c) => `, count(${c}) > 0 AS has_${c}`).join('') : '';
    const column = DATE_COLUMN[source];
    ctes.push(
      `cov_${source} AS (\n  SELECT count(*) AS n, min(${column}) AS first_day, max(${column}) AS last_day${extra} FROM ${source}\n)`,
    );
  }

  const spanFrom = mode === 'running' ? dateSql(ctx.period.from) : 'd.day';
  const total = (id: string) =>
    mode === 'running'
      ? `sum(coalesce(inc_${id}.v, 0)) OVER (ORDER BY d.day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`
      : `coalesce(inc_${id}.v, 0)`;
  const baseColumns = aggregates.map((d) => {
    if (!live.includes(d)) return `CAST(NULL AS DOUBLE) AS ${d.id}`;
    const source = SCOPE_SOURCE[d.scope];
    const conditions = [
      `cov_${source}.n > 0 AND cov_${source}.first_day <= d.day AND cov_${source}.last_day >= ${spanFrom}`,
    ];
    if (d.requiresColumn) conditions.push(`cov_traffic.has_${d.requiresColumn}`);
    d.alsoNeedsLoaded?.forEach((t) => conditions.push(`cov_${t}.n > 0`));
    return `CASE WHEN ${conditions.join(' AND ')} THEN CAST(${total(d.id)} AS DOUBLE) END AS ${d.id}`;
  });
  if (anyRowScopes.length > 0) baseColumns.push(`${total('any_row')} AS any_row`);
  const joins = [
    ...[...sources].map((s) => `CROSS JOIN cov_${s}`),
    ...live.map((d) => `LEFT JOIN inc_${d.id} ON inc_${d.id}.day = d.day`),
    ...(anyRowScopes.length > 0 ? ['LEFT JOIN inc_any_row ON inc_any_row.day = d.day'] : []),
  ];
  ctes.push(
    `base AS (\n  SELECT d.day,\n    ${baseColumns.join(',\n    ')}\n  FROM days d\n  ${joins.join('\n  ')}\n)`,
  );

  const value = outputSql(definitionOf(defs, metric));
  const guarded = anyRowScopes.length > 0 ? `CASE WHEN any_row > 0 THEN ${value} END` : value;
  return `WITH\n${ctes.join(',\n')}\nSELECT strftime(day, '%Y-%m-%d') AS date, ${guarded} AS value\nFROM base\nORDER BY day`;
}

function definitionOf(defs: readonly MetricDefinition[], metric: ComponentId): MetricDefinition {
  const def = defs.find((d) => d.id === metric);
  if (def === undefined) throw new Error(`Unknown metric ${metric}`);
  return def;
}

function outputSql(def: MetricDefinition): string {
  if (def.kind !== 'ratio') return def.id;
  return `CAST(${def.num} AS DOUBLE) / NULLIF(${def.den.join(' + ')}, 0)`;
}

export function parseSeriesValues(rows: { date: unknown; value: unknown }[]): DatedValue[] {
  return rows.map((row) => ({ date: String(row.date), value: toNumberOrNull(row.value) }));
}

/** The KPI over each day of the period (mode `daily`) or from its start to each day (`running`), in one query. */
export async function computeSeriesValues(
  engine: Engine,
  metric: ComponentId,
  period: Period,
  mode: SeriesMode,
  filters: RawFilters = {},
  options: { defaultCurrency?: string | null; description?: DataDescription } = {},
): Promise<DatedValue[]> {
  const description = options.description ?? (await describeData(engine));
  const { ctx } = contextFor(description, period, toFilters(filters, options.defaultCurrency), hasDerived(engine));
  const rows = await engine.query<{ date: string; value: number | null }>(seriesValuesSql(metric, ctx, mode));
  return parseSeriesValues(rows);
}

/**
 * The targets' MetricSeriesSource over an engine whose data does not change while it is used
 * (one page render, one report run): the data is described once, and plain values come from
 * `engineMetricSource`, so they are the numbers `report --targets` prints.
 */
export function engineSeriesSource(
  engine: Engine,
  options: { defaultCurrency?: string | null; description?: DataDescription } = {},
): EngineSeriesSource {
  const currency = options.defaultCurrency !== undefined ? { defaultCurrency: options.defaultCurrency } : {};
  const described = options.description ? Promise.resolve(options.description) : describeData(engine);
  // Whoever asks first sees a failure; until then it must not count as unhandled.
  described.catch(() => undefined);
  const base = described.then((description) => engineMetricSource(engine, { ...currency, description }));
  const series = async (metric: string, period: Period, filters: RawFilters, mode: SeriesMode) => {
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
