import type { Engine } from '../engine/engine';
import { literal, literalList } from '../engine/sql';
import { dateSql } from './compile';
import { ensureCanonicalTables } from './describe';
import { hasDerived } from './derived-state';
import { FILTER_DIMENSIONS, ordersFilterSql, type Filters } from './filters';
import { periodBuckets, type Period } from './periods';
import { toNumberOrNull } from './queries/kpis';
import {
  lifecycleEventsSql,
  monthEndsIn,
  previousMonthEnd,
  stageTimeline,
  type StageTimeline,
} from './queries/lifecycle';
import { spendFilterSql } from './queries/marketing';
import { paidSql } from './relations';
import {
  DEFAULT_SLA_MINUTES,
  OPS_DATE_COLUMN,
  OPS_ENTRIES,
  OPS_SCOPES,
  opsParts,
  opsTables,
  type OpsAggregate,
  type OpsEntry,
  type OpsRatioEntry,
  type OpsValueEntry,
  type OpsMetricId,
  type OpsScope,
  type OpsTable,
} from './registry/operations';
import { runMetricSql } from './result-cache';

/**
 * The operations compiler: an operations metric of the registry (registry/operations.ts) as SQL
 * over any span and filters, and its value. Filters are a targets file's: the view's dimensions
 * plus `role` and `sku`; each scope applies those it takes (registry: OPS_SCOPES) and the
 * targets file refuses the others. A metric is null when a table it reads holds no rows or its
 * dates do not reach the span, as the KPIs are.
 */
export type OpsFilters = Readonly<Record<string, readonly string[]>>;

/** What else a number depends on: the report's currency, the SLA setting, SKU roles set by the planner. */
export interface OpsOptions {
  defaultCurrency?: string | null | undefined;
  /** Default 60 (METRICS.md "Customer service"). */
  slaMinutes?: number | undefined;
  /** Roles by SKU as written, winning over the products file's (METRICS.md "Products"). */
  roles?: Readonly<Record<string, string>> | undefined;
}

/** A span's bounds as SQL: date literals, or for a running series the day of each row (`run_day.day`). */
interface SpanSql {
  from: string;
  to: string;
}
const spanSql = (span: Period): SpanSql => ({ from: dateSql(span.from), to: dateSql(span.to) });
const between = (column: string, span: SpanSql) => `${column} BETWEEN ${span.from} AND ${span.to}`;
const skuKey = (column: string) => `lower(trim(${column}))`;

/** The view's filters among a targets file's (`currency` one code; role and SKU left out). */
export function viewFilters(filters: OpsFilters, defaultCurrency?: string | null): Filters {
  const out: Filters = {};
  for (const dim of FILTER_DIMENSIONS) {
    const values = filters[dim];
    if (!values || values.length === 0) continue;
    if (dim === 'currency') out.currency = values[0] ?? '';
    else out[dim] = values;
  }
  if (out.currency === undefined && defaultCurrency) out.currency = defaultCurrency;
  return out;
}

const has = (filters: OpsFilters, dim: string) => (filters[dim]?.length ?? 0) > 0;
const inList = (column: string, values: readonly string[] | undefined) =>
  values && values.length > 0 ? `${column} IN ${literalList(values)}` : 'TRUE';

/**
 * Products by match key: cost, category and role, a role set by the planner winning over the
 * products file's (none: unassigned), as the products module decides it.
 */
function productsSql(roles: OpsOptions['roles']): string {
  const set = Object.entries(roles ?? {});
  const planned = set.length
    ? `SELECT ${skuKey('s')} AS sku_key, any_value(r) AS role FROM (VALUES ${set.map(([sku, role]) => `(${literal(sku)}, ${literal(role)})`).join(', ')}) v(s, r) GROUP BY 1`
    : 'SELECT NULL::VARCHAR AS sku_key, NULL::VARCHAR AS role WHERE FALSE';
  return `SELECT k.sku_key, f.unit_cost, f.category, coalesce(a.role, f.role, 'unassigned') AS role
    FROM (SELECT sku_key FROM products UNION SELECT sku_key FROM (${planned})) k
      LEFT JOIN (SELECT sku_key, any_value(unit_cost) AS unit_cost, any_value(role) AS role, any_value(category) AS category
        FROM products GROUP BY sku_key) f ON f.sku_key = k.sku_key
      LEFT JOIN (${planned}) a ON a.sku_key = k.sku_key`;
}

function itemsSql(span: SpanSql, filters: OpsFilters, view: Filters, options: OpsOptions): string {
  const { category: _category, ...orderFilters } = view;
  const skus = has(filters, 'sku') ? filters['sku']!.map((s) => s.trim().toLowerCase()) : undefined;
  return `SELECT i.*, o.order_date, ${skuKey('i.sku')} AS sku_key, p.unit_cost, coalesce(p.role, 'unassigned') AS role
    FROM order_items i JOIN orders o ON o.order_id = i.order_id
      LEFT JOIN (${productsSql(options.roles)}) p ON p.sku_key = ${skuKey('i.sku')}
    WHERE ${paidSql('o')} AND ${between('o.order_date', span)} AND ${ordersFilterSql(orderFilters, 'o')}
      AND ${inList('i.category', view.category)} AND ${inList("coalesce(p.role, 'unassigned')", filters['role'])}
      AND ${inList(skuKey('i.sku'), skus)}`;
}

/** The rows of a scope over the span under the filters (METRICS.md; registry/operations.ts says what each holds). */
export function opsScopeSql(scope: OpsScope, span: Period, filters: OpsFilters, options: OpsOptions = {}): string {
  return scopeSql(scope, spanSql(span), filters, options);
}

function scopeSql(scope: OpsScope, span: SpanSql, filters: OpsFilters, options: OpsOptions): string {
  const view = viewFilters(filters, options.defaultCurrency);
  switch (scope) {
    case 'paid_items':
      return itemsSql(span, filters, view, options);
    case 'stock_skus':
      return `WITH snaps AS (SELECT sku_key, date, sum(on_hand) AS on_hand FROM inventory WHERE date <= ${span.to} GROUP BY ALL),
  at_end AS (SELECT sku_key, arg_max(on_hand, date) AS on_hand FROM snaps GROUP BY sku_key),
  sold AS (SELECT sku_key, sum(coalesce(quantity, 0)) AS units, count(*) AS items FROM (${itemsSql(span, filters, view, options)}) GROUP BY sku_key)
  SELECT a.sku_key, coalesce(sold.units, 0) AS units, a.on_hand
  FROM at_end a LEFT JOIN sold ON sold.sku_key = a.sku_key LEFT JOIN (${productsSql(options.roles)}) p ON p.sku_key = a.sku_key
  WHERE ${stockWhere(filters, view)}`;
    case 'paid_orders':
      return `SELECT o.* FROM orders o WHERE ${paidSql('o')} AND ${between('o.order_date', span)} AND ${ordersFilterSql(view, 'o')}`;
    case 'all_paid_orders':
      return `SELECT o.* FROM orders o WHERE ${paidSql('o')} AND ${between('o.order_date', span)}`;
    case 'first_orders':
      return `SELECT f.* FROM (
    SELECT o.*, row_number() OVER (PARTITION BY o.customer_key ORDER BY o.ordered_at, o.order_id) AS nth
    FROM orders o WHERE ${paidSql('o')}) f
  WHERE f.nth = 1 AND ${between('f.order_date', span)} AND ${ordersFilterSql(view, 'f')}`;
    case 'spend_rows':
      return `SELECT m.* FROM marketing_spend m WHERE ${between('m.date', span)} AND ${spendFilterSql(view, 'm')}`;
    case 'opened_tickets':
      return `SELECT t.* FROM service_tickets t WHERE ${between('t.opened_date', span)}`;
    case 'created_reviews':
      return `SELECT r.* FROM reviews r WHERE ${between('r.created_date', span)}`;
  }
}

/** Which stock rows a target's filters keep: its SKUs and roles, and under a category those sold in it or of it. */
function stockWhere(filters: OpsFilters, view: Filters): string {
  const skus = has(filters, 'sku') ? filters['sku']!.map((s) => s.trim().toLowerCase()) : undefined;
  return `${inList('a.sku_key', skus)} AND ${inList("coalesce(p.role, 'unassigned')", filters['role'])}
    AND ${view.category?.length ? `(coalesce(sold.items, 0) > 0 OR ${inList('p.category', view.category)})` : 'TRUE'}`;
}

/**
 * The `stock_skus` rows as of every day of `from..end` at once, with their `day`: for each day,
 * the SKUs with a snapshot on or before it, the units sold from `from` to it and the stock of the
 * latest snapshot (opsScopeSql's rows over `from..day`), from one pass instead of one per day.
 */
function stockByDaySql(span: SpanSql, filters: OpsFilters, options: OpsOptions): string {
  const view = viewFilters(filters, options.defaultCurrency);
  return `WITH days AS (SELECT CAST(unnest(generate_series(${span.from}, ${span.to}, INTERVAL 1 DAY)) AS DATE) AS day),
  snaps AS (SELECT sku_key, date, sum(on_hand) AS on_hand FROM inventory WHERE date <= ${span.to} GROUP BY ALL),
  sku_days AS (SELECT d.day, k.sku_key FROM days d CROSS JOIN (SELECT DISTINCT sku_key FROM snaps) k),
  at_end AS (SELECT x.day, x.sku_key, n.on_hand FROM sku_days x ASOF JOIN snaps n ON n.sku_key = x.sku_key AND x.day >= n.date),
  sold_day AS (SELECT sku_key, order_date AS day, sum(coalesce(quantity, 0)) AS units, count(*) AS items
    FROM (${itemsSql(span, filters, view, options)}) GROUP BY ALL),
  sold AS (SELECT x.day, x.sku_key,
      sum(coalesce(u.units, 0)) OVER (PARTITION BY x.sku_key ORDER BY x.day) AS units,
      sum(coalesce(u.items, 0)) OVER (PARTITION BY x.sku_key ORDER BY x.day) AS items
    FROM sku_days x LEFT JOIN sold_day u ON u.sku_key = x.sku_key AND u.day = x.day)
  SELECT a.day, a.sku_key, coalesce(sold.units, 0) AS units, a.on_hand
  FROM at_end a LEFT JOIN sold ON sold.sku_key = a.sku_key AND sold.day = a.day
    LEFT JOIN (${productsSql(options.roles)}) p ON p.sku_key = a.sku_key
  WHERE ${stockWhere(filters, view)}`;
}

function partSql(part: OpsAggregate, span: SpanSql, filters: OpsFilters, options: OpsOptions): string {
  const { alias } = OPS_SCOPES[part.scope];
  const sql =
    typeof part.sql === 'string' ? part.sql : part.sql({ slaMinutes: options.slaMinutes ?? DEFAULT_SLA_MINUTES });
  return `(SELECT CAST(${sql} AS DOUBLE) FROM (${scopeSql(part.scope, span, filters, options)}) ${alias})`;
}

/** `scale × num / NULLIF(Σ den, 0)` over the parts' SQL, or the one part of a value. */
function valueSql(entry: OpsValueEntry | OpsRatioEntry, parts: readonly string[]): string {
  if (entry.kind === 'value') return parts[0]!;
  const scale = entry.scale === undefined ? '' : ` * ${entry.scale}`;
  return `${parts[0]}${scale} / NULLIF(${parts.slice(1).join(' + ')}, 0)`;
}

/**
 * The metric over the span as one standalone DuckDB query returning `value` (null for the churn
 * rate, which the lifecycle's stage timeline computes). A ratio is `scale × num / NULLIF(Σ den, 0)`
 * in doubles: null in, null out.
 */
export function compileOpsSql(
  id: OpsMetricId,
  span: Period,
  filters: OpsFilters = {},
  options: OpsOptions = {},
): string | null {
  const entry: OpsEntry = OPS_ENTRIES[id];
  if (entry.kind === 'churn') return null;
  const parts = opsParts(entry).map((p, i) => `${partSql(p, spanSql(span), filters, options)} AS p${i}`);
  const value = valueSql(
    entry,
    parts.map((_, i) => `p${i}`),
  );
  return `WITH parts AS (SELECT ${parts.join(',\n  ')})\nSELECT ${value} AS value FROM parts`;
}

/**
 * The metric over `span.from`..each day up to `to`, one row per day (`day`, `value`), in one
 * query: the same scopes and aggregates as compileOpsSql with the span's end set to each day, for
 * metrics whose value over a span is not the sum of its days (a median, a mean, stock at the end).
 */
export function compileOpsRunningSql(
  id: OpsMetricId,
  span: Period,
  to: string,
  filters: OpsFilters = {},
  options: OpsOptions = {},
): string | null {
  const entry: OpsEntry = OPS_ENTRIES[id];
  if (entry.kind === 'churn') return null;
  const running = { from: dateSql(span.from), to: 'run_day.day' };
  const whole = { from: dateSql(span.from), to: dateSql(to) };
  const value = valueSql(
    entry,
    opsParts(entry).map((p) =>
      // Stock as of each day in one pass; a correlated stock scope re-reads every item per day.
      p.scope === 'stock_skus'
        ? `(SELECT CAST(${settled(p, options)} AS DOUBLE) FROM (${stockByDaySql(whole, filters, options)}) s WHERE s.day = run_day.day)`
        : partSql(p, running, filters, options),
    ),
  );
  return `SELECT CAST(run_day.day AS VARCHAR) AS day, ${value} AS value
FROM (SELECT CAST(unnest(generate_series(${dateSql(span.from)}, ${dateSql(to)}, INTERVAL 1 DAY)) AS DATE) AS day) run_day
ORDER BY 1`;
}

/**
 * The SQL the metric's value comes from, to show a reader (the metric dictionary): the compiled
 * query, or for the churn rate the stage changes of the orders its month ends are read from.
 */
export function opsMetricSql(
  id: OpsMetricId,
  span: Period,
  filters: OpsFilters = {},
  options: OpsOptions = {},
): string {
  const compiled = compileOpsSql(id, span, filters, options);
  if (compiled !== null) return compiled;
  const { currency: _currency, ...dims } = viewFilters(filters);
  return lifecycleEventsSql(dims, false);
}

/** A table's rows and first and last dates (the date its rows count on). */
export interface OpsTableSpan {
  rows: number;
  first: string | null;
  last: string | null;
}

export async function opsTableSpan(engine: Engine, table: OpsTable): Promise<OpsTableSpan> {
  await ensureCanonicalTables(engine);
  const column = OPS_DATE_COLUMN[table];
  const [row] = await runMetricSql(
    engine,
    `SELECT count(*) AS n, CAST(min(${column}) AS VARCHAR) AS first, CAST(max(${column}) AS VARCHAR) AS last FROM ${table}`,
  );
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return { rows: Number(row?.n ?? 0), first: text(row?.first), last: text(row?.last) };
}

async function itemRows(engine: Engine): Promise<number> {
  const [row] = await runMetricSql(engine, 'SELECT count(*) AS n FROM order_items');
  return Number(row?.n ?? 0);
}

/** Pooled churn over the month ends inside the span (registry: OpsChurnEntry). */
async function churnOver(engine: Engine, span: Period, filters: Filters): Promise<number | null> {
  if (monthEndsIn(span).length === 0) return null;
  return pooledChurn(await churnTimeline(engine, filters), span);
}

function churnTimeline(engine: Engine, filters: Filters): Promise<StageTimeline> {
  const { currency: _currency, ...dims } = filters;
  return stageTimeline(engine, dims, hasDerived(engine));
}

function pooledChurn(timeline: StageTimeline, span: Period): number | null {
  const months = monthEndsIn(span);
  if (months.length === 0) return null;
  let base = 0;
  let leaving = 0;
  for (const m of months) {
    const before = timeline.stagesAt(previousMonthEnd(m));
    base += before.new + before.active;
    leaving += timeline.leavingAt(m);
  }
  return base === 0 ? null : leaving / base;
}

/**
 * The operations metric over the span with the filters; null when a table it reads is empty or
 * its dates do not reach the span (a number over no data is unknown, not 0).
 */
export async function computeOpsValue(
  engine: Engine,
  id: OpsMetricId,
  span: Period,
  filters: OpsFilters = {},
  options: OpsOptions = {},
): Promise<number | null> {
  const entry: OpsEntry = OPS_ENTRIES[id];
  for (const table of opsTables(entry)) {
    const t = await opsTableSpan(engine, table);
    if (t.rows === 0 || t.first === null || t.last === null || t.first > span.to) return null;
    // Stock is a level known from its last snapshot on; sales, spend and tickets end with their last date.
    if (table !== 'inventory' && t.last < span.from) return null;
  }
  if (
    opsParts(entry).some((p) => p.scope === 'paid_items' || p.scope === 'stock_skus') &&
    (await itemRows(engine)) === 0
  )
    return null;
  if (entry.kind === 'churn') return churnOver(engine, span, viewFilters(filters));
  const sql = compileOpsSql(id, span, filters, options);
  if (sql === null) return null;
  const [row] = await runMetricSql(engine, sql);
  return toNumberOrNull(row?.value);
}

/** One dated number of a series (the `DatedValue` of src/targets/source.ts). */
export interface OpsDatedValue {
  date: string;
  value: number | null;
}

function settled(part: OpsAggregate, options: OpsOptions): string {
  return typeof part.sql === 'string' ? part.sql : part.sql({ slaMinutes: options.slaMinutes ?? DEFAULT_SLA_MINUTES });
}

function combine(entry: OpsEntry, values: readonly (number | null)[]): number | null {
  if (values.some((v) => v === null)) return null;
  const [num, ...den] = values as number[];
  if (entry.kind !== 'ratio') return num ?? null;
  const total = den.reduce((a, b) => a + b, 0);
  return total === 0 ? null : ((entry.scale ?? 1) * num!) / total;
}

/**
 * The metric over `from`..each day of the span (`running`, the burn-up's actuals) or over each
 * single day (`daily`, a seasonal shape), from one query by day per part: what an aggregate that
 * adds up over days (registry: `adds`) gives. A metric with a part that does not (a median, a
 * mean, stock, churn) has no daily shape (null) and its running values come from runningLevels.
 * A day before the tables' first date, or a span after their last, is null, as in
 * computeOpsValue; an empty day adds what the aggregate gives over no rows (0 for a count, null
 * for a sum over no costed item).
 */
export async function computeOpsSeries(
  engine: Engine,
  id: OpsMetricId,
  span: Period,
  mode: 'running' | 'daily',
  filters: OpsFilters = {},
  options: OpsOptions = {},
): Promise<OpsDatedValue[] | null> {
  const entry: OpsEntry = OPS_ENTRIES[id];
  const parts = opsParts(entry);
  if (parts.length === 0 || parts.some((p) => !p.adds || OPS_SCOPES[p.scope].day === null))
    return mode === 'running' ? runningLevels(engine, entry, span, filters, options) : null;
  const days = periodBuckets(span, 'day').map((b) => b.label);
  let first: string | null = null;
  for (const table of opsTables(entry)) {
    const t = await opsTableSpan(engine, table);
    if (t.rows === 0 || t.first === null || t.last === null || t.last < span.from)
      return days.map((date) => ({ date, value: null }));
    if (first === null || t.first > first) first = t.first;
  }
  const series = await Promise.all(
    parts.map(async (part) => {
      const { alias, day } = OPS_SCOPES[part.scope];
      const rows = `(${opsScopeSql(part.scope, span, filters, options)}) ${alias}`;
      const aggregate = `CAST(${settled(part, options)} AS DOUBLE)`;
      const [empty] = await runMetricSql(engine, `SELECT ${aggregate} AS v FROM ${rows} WHERE FALSE`);
      const byDay = await runMetricSql(
        engine,
        `SELECT CAST(${alias}.${day} AS VARCHAR) AS day, ${aggregate} AS v FROM ${rows} GROUP BY 1`,
      );
      return {
        empty: toNumberOrNull(empty?.v),
        byDay: new Map(byDay.map((r) => [String(r.day), toNumberOrNull(r.v)])),
      };
    }),
  );
  const add = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);
  const totals = series.map((p) => p.empty);
  return days.map((date) => {
    const today = series.map((p) => (p.byDay.has(date) ? p.byDay.get(date)! : p.empty));
    today.forEach((v, i) => (totals[i] = add(totals[i]!, v)));
    if (first === null || date < first) return { date, value: null };
    return { date, value: combine(entry, mode === 'running' ? totals : today) };
  });
}

/**
 * Running values of a metric that does not add up over days: its value over `from`..each day,
 * what computeOpsValue gives for that span, as the burn-up of the orders' ratios draws them. Null
 * before the tables' first date and after the earliest of their last dates (the target's as_of):
 * a level past the data would only repeat the last one.
 */
async function runningLevels(
  engine: Engine,
  entry: OpsEntry,
  span: Period,
  filters: OpsFilters,
  options: OpsOptions,
): Promise<OpsDatedValue[]> {
  const days = periodBuckets(span, 'day').map((b) => b.label);
  const none = days.map((date) => ({ date, value: null }));
  let first = span.from;
  let end = span.to;
  for (const table of opsTables(entry)) {
    const t = await opsTableSpan(engine, table);
    if (t.rows === 0 || t.first === null || t.last === null) return none;
    if (t.first > first) first = t.first;
    if (t.last < end) end = t.last;
  }
  if (end < first) return none;
  if (
    opsParts(entry).some((p) => p.scope === 'paid_items' || p.scope === 'stock_skus') &&
    (await itemRows(engine)) === 0
  )
    return none;
  const known = (date: string) => date >= first && date <= end;
  if (entry.kind === 'churn') {
    const timeline = await churnTimeline(engine, viewFilters(filters));
    return days.map((date) => ({
      date,
      value: known(date) ? pooledChurn(timeline, { from: span.from, to: date }) : null,
    }));
  }
  const sql = compileOpsRunningSql(entry.id as OpsMetricId, span, end, filters, options);
  const byDay = new Map<string, number | null>();
  if (sql !== null)
    for (const row of await runMetricSql(engine, sql)) byDay.set(String(row.day), toNumberOrNull(row.value));
  return days.map((date) => ({ date, value: known(date) ? (byDay.get(date) ?? null) : null }));
}
