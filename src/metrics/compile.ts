import type { Row } from '../engine/engine';
import { literal } from '../engine/sql';
import { OPTIONAL_TRAFFIC_COLUMNS, type DataDescription } from './describe';
import {
  withDependencies,
  type AggregateDefinition,
  type ComponentId,
  type MetricDefinition,
  type ScopeId,
} from './definitions';
import type { TableName } from '../model/tables';
import { firstPaidSql, ordersRelation } from './derived';
import { DAILY_TABLE, DESCRIBE_TABLE } from './derived-state';
import { activeDimensions, filterSql, type Filters, type SourceTable } from './filters';
import type { Period } from './periods';
import type { ColumnarKey } from './columnar/execute';

/** Everything a metric query depends on besides the metric ids. */
export interface QueryContext {
  period: Period;
  /** Filters as applied (currency already resolved). */
  filters: Filters;
  /** Sources whose metrics are null because an active filter does not apply to them. */
  blocked: readonly SourceTable[];
  /** Read the derived tables built by rebuildDerived. */
  derived: boolean;
}

/** Groups a metric query returns one row for; without it the query returns one row, grp = 'all'. */
export interface Grouping {
  /** SQL expression of the group key for a row of a source table under `alias`. */
  key: (source: SourceTable, alias: string) => string;
  /**
   * Fixed groups, each with the span its coverage is judged on (series buckets); else the groups
   * present in the data. `key` is the group's name in the result; `keySql`, when given, is the SQL
   * value the row key expression gives for it (a date_trunc date), else `key` as a string.
   * The rows are date buckets: the rows a group holds are exactly those dated from..to.
   */
  rows?: readonly { key: string; keySql?: string; from: string; to: string }[];
  /** The same key for the in-memory executor (columnar/execute.ts); date buckets need none. */
  columnar?: ColumnarKey;
}

/** Columns of the daily rollup: a scope may read it only when its filters and group key need no other. */
const DAILY_COLUMNS = new Set(['order_date', 'channel', 'region', 'device', 'campaign', 'currency']);

function readsOnlyDailyColumns(sql: string, alias: string): boolean {
  if (sql.includes('order_items')) return false;
  for (const m of sql.matchAll(new RegExp(`\\b${alias}\\.(\\w+)`, 'g'))) if (!DAILY_COLUMNS.has(m[1]!)) return false;
  return true;
}

/**
 * How a query reads its order scopes, decided once per query (all three give the same numbers):
 * - `daily`: paid and cancelled orders are summed from the daily rollup, when every aggregate of
 *   the scope has a rollup form and the filters and group key read only rollup columns;
 * - `sequence`: buyers come from each customer's first paid order in the group's span (its
 *   previous paid order is before the span), with no distinct count. Only without filters (the
 *   previous order is the customer's previous order of all) and for ungrouped queries or date
 *   buckets (a group is a span of days).
 */
interface OrdersPlan {
  daily: Set<ScopeId>;
  sequence: boolean;
}

function planOrders(live: readonly AggregateDefinition[], ctx: QueryContext, group: Grouping | undefined): OrdersPlan {
  const daily = new Set<ScopeId>();
  if (!ctx.derived) return { daily, sequence: false };
  const rel = ordersRelation(true);
  const keyAndFilter = `${group ? group.key('orders', 'o') : ''} ${rel.filter(ctx.filters, 'o')}`;
  if (readsOnlyDailyColumns(keyAndFilter, 'o')) {
    for (const scope of ['paid_orders', 'cancelled_orders'] as const) {
      const defs = live.filter((d) => d.scope === scope);
      if (defs.length && defs.every((d) => d.rollup !== undefined)) daily.add(scope);
    }
  }
  const buyerDefs = live.filter((d) => d.scope === 'period_buyers');
  const sequence =
    buyerDefs.length > 0 &&
    activeDimensions(ctx.filters).length === 0 &&
    (group === undefined || group.rows !== undefined) &&
    // The sequence form knows only whether a buyer has two or more paid orders in the span.
    buyerDefs.every((d) => !d.expr.replaceAll('paid_orders >= 2', '').includes('paid_orders'));
  return { daily, sequence };
}

/**
 * One row per buyer of each group: the buyer's first paid order in the group's span, with
 * paid_orders 2 when another paid order follows within the span (else 1) and first_paid_date.
 */
function sequenceBuyersSql(ctx: QueryContext, group: Grouping | undefined): string {
  const inPeriod = `o.is_paid AND ${between('o', 'orders', ctx.period)}`;
  if (!group) {
    return `SELECT o.first_paid_date, CASE WHEN o.next_paid_date <= ${dateSql(ctx.period.to)} THEN 2 ELSE 1 END AS paid_orders
  FROM ${ordersRelation(true).table} o
  WHERE ${inPeriod}
    AND o.prev_paid_date < ${dateSql(ctx.period.from)}`;
  }
  return `SELECT g.grp_key AS grp, s.first_paid_date, CASE WHEN s.next_paid_date <= g.g_to THEN 2 ELSE 1 END AS paid_orders
  FROM (SELECT ${group.key('orders', 'o')} AS grp, o.first_paid_date, o.prev_paid_date, o.next_paid_date
        FROM ${ordersRelation(true).table} o
        WHERE ${inPeriod}) s
  JOIN groups g ON g.grp_key = s.grp
  WHERE s.prev_paid_date < g.g_from`;
}

export const dateSql = (day: string) => `DATE ${literal(day)}`;

/** The table each scope's rows come from. */
export const SCOPE_SOURCE: Record<ScopeId, SourceTable> = {
  paid_orders: 'orders',
  period_buyers: 'orders',
  cancelled_orders: 'orders',
  traffic_rows: 'traffic',
  registrations: 'users',
};

const SCOPE_ORDER: ScopeId[] = ['paid_orders', 'period_buyers', 'cancelled_orders', 'traffic_rows', 'registrations'];

export const DATE_COLUMN: Record<SourceTable, string> = {
  orders: 'order_date',
  traffic: 'date',
  users: 'registered_date',
};

function between(alias: string, source: SourceTable, period: Period): string {
  return `${alias}.${DATE_COLUMN[source]} BETWEEN ${dateSql(period.from)} AND ${dateSql(period.to)}`;
}

/** Rows of a scope read from the daily rollup: each carries order_count orders and their summed money. */
function dailyScopeSql(scope: 'paid_orders' | 'cancelled_orders', ctx: QueryContext, group: Grouping | undefined): string {
  const rel = ordersRelation(true);
  const grp = group ? `${group.key('orders', 'o')} AS grp, ` : '';
  return `SELECT ${grp}o.order_count, o.order_total, o.refund_amount, o.discount_amount
  FROM ${DAILY_TABLE} o
  WHERE o.${scope === 'paid_orders' ? 'is_paid' : 'is_cancelled'}
    AND ${between('o', 'orders', ctx.period)}
    AND ${rel.filter(ctx.filters, 'o')}`;
}

function scopeSql(scope: ScopeId, ctx: QueryContext, group: Grouping | undefined, withFirstPaid: boolean): string {
  const source = SCOPE_SOURCE[scope];
  const where = (alias: string) =>
    `WHERE ${between(alias, source, ctx.period)}\n    AND ${filterSql(source, ctx.filters, alias)}`;
  const rel = ordersRelation(ctx.derived);
  const ordersWhere = (condition: string) =>
    `WHERE ${condition}\n    AND ${between('o', 'orders', ctx.period)}\n    AND ${rel.filter(ctx.filters, 'o')}`;
  // Ungrouped queries carry no group column: grouping every row by a constant still costs a hash.
  const grp = (table: SourceTable, alias: string) => (group ? `${group.key(table, alias)} AS grp, ` : '');
  const byGrp = group ? 'grp, ' : '';
  switch (scope) {
    case 'paid_orders': {
      const firstPaid = rel.firstPaid ? `, ${rel.firstPaid('o')} AS first_paid_date` : '';
      return `SELECT ${grp('orders', 'o')}${rel.customer('o')} AS customer_key, o.order_total, o.refund_amount, o.discount_amount${firstPaid}
  FROM ${rel.table} o
  ${ordersWhere(rel.paid('o'))}`;
    }
    case 'period_buyers':
      if (!withFirstPaid) {
        return `SELECT ${byGrp}customer_key, count(*) AS paid_orders
  FROM paid_orders
  GROUP BY ${byGrp}customer_key`;
      }
      return rel.firstPaid
        ? `SELECT ${byGrp}customer_key, count(*) AS paid_orders, any_value(first_paid_date) AS first_paid_date
  FROM paid_orders
  GROUP BY ${byGrp}customer_key`
        : `SELECT ${group ? 'p.grp, ' : ''}p.customer_key, count(*) AS paid_orders, any_value(f.first_paid_date) AS first_paid_date
  FROM paid_orders p JOIN first_paid f USING (customer_key)
  GROUP BY ${group ? 'p.grp, ' : ''}p.customer_key`;
    case 'cancelled_orders':
      return `SELECT ${group ? `${group.key('orders', 'o')} AS grp` : '1 AS one'}
  FROM ${rel.table} o
  ${ordersWhere(rel.cancelled('o'))}`;
    case 'traffic_rows':
      return `SELECT ${grp('traffic', 't')}t.sessions, t.visitors, t.product_views, t.add_to_cart, t.checkouts
  FROM traffic t
  ${where('t')}`;
    case 'registrations':
      return withFirstPaid
        ? `SELECT ${grp('users', 'u')}u.user_key, u.registered_date, f.first_paid_date
  FROM users u LEFT JOIN first_paid f ON f.customer_key = u.user_key
  ${where('u')}`
        : `SELECT ${grp('users', 'u')}u.user_key, u.registered_date
  FROM users u
  ${where('u')}`;
  }
}

function expandBounds(expr: string, period: Period): string {
  return expr.replaceAll('{from}', dateSql(period.from)).replaceAll('{to}', dateSql(period.to));
}

/** One row of table facts (row counts, first and last dates, optional traffic columns present), as ys_describe holds them. */
function statsSql(sources: ReadonlySet<SourceTable>, derived: boolean): string {
  const columns = {
    orders: ['o_rows', 'o_first', 'o_last'],
    traffic: ['t_rows', 't_first', 't_last', 't_visitors', 't_product_views', 't_add_to_cart', 't_checkouts'],
    users: ['u_rows', 'u_first', 'u_last'],
  };
  const wanted = SOURCE_ORDER.filter((t) => sources.has(t));
  if (derived) return `SELECT ${wanted.flatMap((t) => columns[t]).join(', ')} FROM ${DESCRIBE_TABLE}`;
  const parts = wanted.map((t) => {
    const p = t.charAt(0);
    const d = DATE_COLUMN[t];
    const extra = t === 'traffic' ? OPTIONAL_TRAFFIC_COLUMNS.map((c) => `, count(${c}) > 0 AS t_${c}`).join('') : '';
    return `(SELECT count(*) AS ${p}_rows, min(${d}) AS ${p}_first, max(${d}) AS ${p}_last${extra} FROM ${t})`;
  });
  return `SELECT * FROM ${parts.join(', ')}`;
}

const SOURCE_ORDER: SourceTable[] = ['orders', 'traffic', 'users'];

/**
 * Compiles metric definitions into one DuckDB query (issue 4, STYLE.md "A metric is data").
 * Each scope of rows is restricted to the period and filters, each aggregate is computed once
 * per scope and group, and ratios are `num / NULLIF(den, 0)`. The query is kept lean on purpose:
 * in DuckDB-WASM planning a query of many CTEs and joins costs more than running it.
 *
 * Nulls: a source that is not loaded, or whose dates do not overlap the group's span, gives null
 * for its metrics (there is no data to speak of); inside its span an empty set gives 0 for sums
 * and counts, and ratios with a zero denominator are null (METRICS.md "Details that decide a number").
 */
export function compileMetricsSql(ids: readonly ComponentId[], ctx: QueryContext, group?: Grouping): string {
  const defs = withDependencies(ids);
  const aggregates = defs.filter((d): d is AggregateDefinition => d.kind !== 'ratio');
  const live = aggregates.filter((d) => !ctx.blocked.includes(SCOPE_SOURCE[d.scope]));
  const { ctes, scopes } = aggregateCtes(live, ctx, group);

  const sources = new Set<SourceTable>(live.map((d) => SCOPE_SOURCE[d.scope]));
  live.forEach((d) => d.alsoNeedsLoaded?.forEach((t) => t !== 'order_items' && sources.add(t)));
  if (sources.size) ctes.push(`stats AS (\n  ${statsSql(sources, ctx.derived)}\n)`);

  if (!group?.rows) {
    const bounds = `${dateSql(ctx.period.from)} AS g_from, ${dateSql(ctx.period.to)} AS g_to`;
    const present = scopes.map((s) => `SELECT grp FROM agg_${s}`);
    ctes.push(
      group && present.length
        ? `groups AS (\n  SELECT grp AS grp_key, grp, ${bounds} FROM (${present.join(' UNION ')})\n)`
        : `groups AS (\n  SELECT 'all' AS grp_key, 'all' AS grp, ${bounds}\n)`,
    );
  }

  const prefix = (t: SourceTable) => t.charAt(0);
  const coverage = [...sources].map(
    (t) =>
      `s.${prefix(t)}_rows > 0 AND s.${prefix(t)}_first <= g.g_to AND s.${prefix(t)}_last >= g.g_from AS ${t}_covered`,
  );
  const flags = [...sources].map((t) => `s.${prefix(t)}_rows > 0 AS ${t}_loaded`);
  const columnFlags = sources.has('traffic') ? OPTIONAL_TRAFFIC_COLUMNS.map((c) => `s.t_${c} AS has_${c}`) : [];
  ctes.push(
    sources.size
      ? `covered AS (\n  SELECT g.*, ${[...coverage, ...flags, ...columnFlags].join(', ')}\n  FROM groups g, stats s\n)`
      : `covered AS (\n  SELECT * FROM groups\n)`,
  );

  const baseColumns = aggregates.map((d) => {
    if (!live.includes(d)) return `CAST(NULL AS DOUBLE) AS ${d.id}`;
    const conditions = [`c.${SCOPE_SOURCE[d.scope]}_covered`];
    if (d.requiresColumn) conditions.push(`c.has_${d.requiresColumn}`);
    d.alsoNeedsLoaded?.forEach((t) => conditions.push(`c.${t}_loaded`));
    // DOUBLE here, in SQL: DuckDB rounds a DECIMAL sum to the nearest double, as every engine's reader then agrees.
    return `CASE WHEN ${conditions.join(' AND ')} THEN CAST(coalesce(agg_${d.scope}.${d.id}, 0) AS DOUBLE) END AS ${d.id}`;
  });
  const joins = group
    ? scopes.map((s) => `LEFT JOIN agg_${s} ON agg_${s}.grp = c.grp_key`)
    : scopes.map((s) => `CROSS JOIN agg_${s}`);
  ctes.push(
    `base AS (\n  SELECT c.grp, c.g_from,\n    ${baseColumns.join(',\n    ')}\n  FROM covered c\n  ${joins.join('\n  ')}\n)`,
  );

  const requested = new Set<ComponentId>(ids);
  const outputs = defs.filter((d) => requested.has(d.id)).map(outputSql);
  return `WITH\n${ctes.join(',\n')}\nSELECT grp, ${outputs.join(', ')}\nFROM base\nORDER BY g_from, grp`;
}

/**
 * The aggregates of each scope, one CTE `agg_<scope>` each (with `grp` when grouped), and the
 * CTEs they read. Shared by the standalone SQL and the lean query.
 */
function aggregateCtes(
  live: readonly AggregateDefinition[],
  ctx: QueryContext,
  group: Grouping | undefined,
): { ctes: string[]; scopes: ScopeId[] } {
  if (group?.rows && live.some((d) => d.expr.includes('{from}') || d.expr.includes('{to}'))) {
    throw new Error('Metrics that compare with the period start cannot be grouped by date buckets');
  }
  const scopes = SCOPE_ORDER.filter((s) => live.some((d) => d.scope === s));
  const plan = planOrders(live, ctx, group);
  const usesFirstPaid = (scope: ScopeId) => live.some((d) => d.scope === scope && d.expr.includes('first_paid_date'));
  const needFirstPaid = (usesFirstPaid('period_buyers') && !ctx.derived) || usesFirstPaid('registrations');
  // paid_orders is a CTE only when two aggregates read it as orders; otherwise each scope sits inside its aggregate.
  const sharedPaidOrders =
    scopes.includes('paid_orders') && scopes.includes('period_buyers') && !plan.daily.has('paid_orders') && !plan.sequence;

  const ctes: string[] = [];
  // Fixed groups come first: the sequence form of buyers reads their spans.
  if (group?.rows) ctes.push(fixedGroupsCte(group.rows));
  if (needFirstPaid) ctes.push(`first_paid AS (\n  ${firstPaidSql(ctx.derived)}\n)`);
  if (sharedPaidOrders) ctes.push(`paid_orders AS (\n  ${scopeSql('paid_orders', ctx, group, false)}\n)`);
  const rowsOf = (scope: ScopeId): string => {
    if (scope === 'paid_orders' && sharedPaidOrders) return 'paid_orders';
    if ((scope === 'paid_orders' || scope === 'cancelled_orders') && plan.daily.has(scope)) {
      return `(${dailyScopeSql(scope, ctx, group)}) AS ${scope}`;
    }
    if (scope === 'period_buyers' && plan.sequence) return `(${sequenceBuyersSql(ctx, group)}) AS ${scope}`;
    const inner = scopeSql(scope, ctx, group, usesFirstPaid(scope));
    const body =
      scope === 'period_buyers' && !sharedPaidOrders
        ? `(WITH paid_orders AS (${scopeSql('paid_orders', ctx, group, false)})\n  ${inner})`
        : `(${inner})`;
    return `${body} AS ${scope}`;
  };
  for (const s of scopes) {
    const cols = live
      .filter((d) => d.scope === s)
      .map((d) => `${expandBounds(plan.daily.has(s) && d.rollup ? d.rollup : d.expr, ctx.period)} AS ${d.id}`)
      .join(', ');
    ctes.push(
      group
        ? `agg_${s} AS (\n  SELECT grp, ${cols}\n  FROM ${rowsOf(s)} GROUP BY grp\n)`
        : `agg_${s} AS (\n  SELECT ${cols}\n  FROM ${rowsOf(s)}\n)`,
    );
  }
  return { ctes, scopes };
}

/** A metric query as the app runs it: SQL for the aggregates only, and the step that makes them metrics. */
export interface MetricQuery {
  /** Null when no aggregate needs the engine (nothing loaded covers the period). */
  sql: string | null;
  /** The rows of `sql` (or [] when it is null) → one row per group: grp and the requested metrics. */
  finish: (rows: readonly Row[]) => Row[];
  /** The aggregates `sql` computes: what another executor must give `finish` instead. */
  aggregates: readonly AggregateDefinition[];
}

/**
 * The same numbers as compileMetricsSql, computed leaner: the SQL returns only the aggregates,
 * and what needs no data (which sources cover each group, nulls, ratios) is decided here from
 * the description of the loaded data. In DuckDB-WASM planning a query costs as much as running
 * it, and the coverage joins and CASE columns were a third of the plan. Scopes whose source has
 * no data for the query are not read at all. compileMetricsSql stays the standalone form the
 * metric dictionary shows and the tests compare against.
 */
export function compileMetricsQuery(
  ids: readonly ComponentId[],
  ctx: QueryContext,
  data: DataDescription,
  group?: Grouping,
): MetricQuery {
  const defs = withDependencies(ids);
  const aggregates = defs.filter((d): d is AggregateDefinition => d.kind !== 'ratio');
  const spanCovered = (t: SourceTable, from: string, to: string) => {
    const d = data[t];
    return d.rows > 0 && d.firstDate !== null && d.lastDate !== null && d.firstDate <= to && d.lastDate >= from;
  };
  const source = (d: AggregateDefinition) => SCOPE_SOURCE[d.scope];
  const live = aggregates.filter(
    (d) =>
      !ctx.blocked.includes(source(d)) &&
      data[source(d)].rows > 0 &&
      (group !== undefined || spanCovered(source(d), ctx.period.from, ctx.period.to)),
  );
  const { ctes, scopes } = aggregateCtes(live, ctx, group);
  const columns = live.map((d) => `CAST(agg_${d.scope}.${d.id} AS DOUBLE) AS ${d.id}`);
  let sql: string | null = null;
  if (scopes.length) {
    const head = `WITH\n${ctes.join(',\n')}\n`;
    if (!group) sql = `${head}SELECT ${columns.join(', ')}\nFROM ${scopes.map((s) => `agg_${s}`).join(', ')}`;
    else if (group.rows) {
      const joins = scopes.map((s) => `LEFT JOIN agg_${s} ON agg_${s}.grp = g.grp_key`).join('\n');
      sql = `${head}SELECT g.grp, ${columns.join(', ')}\nFROM groups g\n${joins}\nORDER BY g.g_from, g.grp`;
    } else {
      const keys = `keys AS (\n  ${scopes.map((s) => `SELECT grp FROM agg_${s}`).join(' UNION ')}\n)`;
      const joins = scopes.map((s) => `LEFT JOIN agg_${s} ON agg_${s}.grp = k.grp`).join('\n');
      sql = `WITH\n${[...ctes, keys].join(',\n')}\nSELECT k.grp, ${columns.join(', ')}\nFROM keys k\n${joins}\nORDER BY k.grp`;
    }
  }

  const read = new Set(live);
  const spans = new Map(group?.rows?.map((r) => [r.key, r]));
  const loaded = (t: TableName) => (t === 'order_items' ? data.orders.itemRows > 0 : data[t as SourceTable].rows > 0);
  const requested = new Set<ComponentId>(ids);
  const finish = (rows: readonly Row[]): Row[] => {
    const groups: Row[] = sql !== null ? [...rows] : !group ? [{}] : group.rows ? group.rows.map((r) => ({ grp: r.key })) : [];
    return groups.map((row) => {
      const grp = group ? String(row.grp) : 'all';
      const span = spans.get(grp) ?? ctx.period;
      const values = new Map<ComponentId, number | null>();
      for (const d of aggregates) {
        const covered =
          read.has(d) &&
          spanCovered(source(d), span.from, span.to) &&
          (!d.requiresColumn || data.traffic.optionalColumns.includes(d.requiresColumn)) &&
          (d.alsoNeedsLoaded ?? []).every(loaded);
        const v = row[d.id];
        values.set(d.id, covered ? (typeof v === 'number' ? v : 0) : null);
      }
      const out: Row = { grp };
      for (const d of defs) {
        if (!requested.has(d.id)) continue;
        if (d.kind !== 'ratio') out[d.id] = values.get(d.id) ?? null;
        else out[d.id] = ratio(values.get(d.num) ?? null, d.den.map((id) => values.get(id) ?? null));
      }
      return out;
    });
  };
  return { sql, finish, aggregates: live };
}

/** `num / NULLIF(den₁ + den₂ …, 0)` as SQL computes it on doubles: null in, null out. */
function ratio(num: number | null, den: (number | null)[]): number | null {
  if (num === null || den.some((v) => v === null)) return null;
  const total = (den as number[]).reduce((a, b) => a + b);
  return total === 0 ? null : num / total;
}

function fixedGroupsCte(rows: NonNullable<Grouping['rows']>): string {
  const values = rows
    .map((r) => `(${r.keySql ?? literal(r.key)}, ${literal(r.key)}, ${dateSql(r.from)}, ${dateSql(r.to)})`)
    .join(',\n    ');
  return `groups(grp_key, grp, g_from, g_to) AS (\n  VALUES ${values}\n)`;
}

function outputSql(def: MetricDefinition): string {
  if (def.kind !== 'ratio') return def.id;
  return `${def.num} / NULLIF(${def.den.join(' + ')}, 0) AS ${def.id}`;
}
