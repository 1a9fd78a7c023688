import { literal } from '../engine/sql';
import type { OptionalTrafficColumn } from './describe';
import {
  withDependencies,
  type AggregateDefinition,
  type ComponentId,
  type MetricDefinition,
  type ScopeId,
} from './definitions';
import { firstPaidSql, ordersRelation } from './derived';
import { filterSql, type Filters, type SourceTable } from './filters';
import type { Period } from './periods';

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
   */
  rows?: readonly { key: string; keySql?: string; from: string; to: string }[];
}

export const dateSql = (day: string) => `DATE ${literal(day)}`;

const SCOPE_SOURCE: Record<ScopeId, SourceTable> = {
  paid_orders: 'orders',
  period_buyers: 'orders',
  cancelled_orders: 'orders',
  traffic_rows: 'traffic',
  registrations: 'users',
};

const SCOPE_ORDER: ScopeId[] = ['paid_orders', 'period_buyers', 'cancelled_orders', 'traffic_rows', 'registrations'];

export const DATE_COLUMN: Record<SourceTable, string> = { orders: 'order_date', traffic: 'date', users: 'registered_date' };

function between(alias: string, source: SourceTable, period: Period): string {
  return `${alias}.${DATE_COLUMN[source]} BETWEEN ${dateSql(period.from)} AND ${dateSql(period.to)}`;
}

function scopeSql(scope: ScopeId, ctx: QueryContext, group: Grouping, withFirstPaid: boolean): string {
  const source = SCOPE_SOURCE[scope];
  const where = (alias: string, extra: string) =>
    `WHERE ${extra}${between(alias, source, ctx.period)}\n    AND ${filterSql(source, ctx.filters, alias)}`;
  const rel = ordersRelation(ctx.derived);
  const ordersWhere = (condition: string) =>
    `WHERE ${condition}\n    AND ${between('o', 'orders', ctx.period)}\n    AND ${rel.filter(ctx.filters, 'o')}`;
  switch (scope) {
    case 'paid_orders': {
      const firstPaid = rel.firstPaid ? `, ${rel.firstPaid('o')} AS first_paid_date` : '';
      return `SELECT ${group.key('orders', 'o')} AS grp, ${rel.customer('o')} AS customer_key, o.order_total, o.refund_amount, o.discount_amount${firstPaid}
  FROM ${rel.table} o
  ${ordersWhere(rel.paid('o'))}`;
    }
    case 'period_buyers':
      return rel.firstPaid
        ? `SELECT grp, customer_key, count(*) AS paid_orders, any_value(first_paid_date) AS first_paid_date
  FROM paid_orders
  GROUP BY grp, customer_key`
        : `SELECT p.grp, p.customer_key, count(*) AS paid_orders, any_value(f.first_paid_date) AS first_paid_date
  FROM paid_orders p JOIN first_paid f USING (customer_key)
  GROUP BY p.grp, p.customer_key`;
    case 'cancelled_orders':
      return `SELECT ${group.key('orders', 'o')} AS grp
  FROM ${rel.table} o
  ${ordersWhere(rel.cancelled('o'))}`;
    case 'traffic_rows':
      return `SELECT ${group.key('traffic', 't')} AS grp, t.sessions, t.visitors, t.product_views, t.add_to_cart, t.checkouts
  FROM traffic t
  ${where('t', '')}`;
    case 'registrations':
      return withFirstPaid
        ? `SELECT ${group.key('users', 'u')} AS grp, u.user_key, u.registered_date, f.first_paid_date
  FROM users u LEFT JOIN first_paid f ON f.customer_key = u.user_key
  ${where('u', '')}`
        : `SELECT ${group.key('users', 'u')} AS grp, u.user_key, u.registered_date
  FROM users u
  ${where('u', '')}`;
  }
}

function expandBounds(expr: string, period: Period): string {
  return expr.replaceAll('{from}', dateSql(period.from)).replaceAll('{to}', dateSql(period.to));
}

const ALL: Grouping = { key: () => `'all'` };

/**
 * Compiles metric definitions into one DuckDB query (issue 4, STYLE.md "A metric is data").
 * Each scope of rows is a CTE restricted to the period and filters, each aggregate is computed
 * once per scope and group, and ratios are `num / NULLIF(den, 0)`.
 *
 * Nulls: a source that is not loaded, or whose dates do not overlap the group's span, gives null
 * for its metrics (there is no data to speak of); inside its span an empty set gives 0 for sums
 * and counts, and ratios with a zero denominator are null (METRICS.md "Details that decide a number").
 */
export function compileMetricsSql(ids: readonly ComponentId[], ctx: QueryContext, group: Grouping = ALL): string {
  const defs = withDependencies(ids);
  const aggregates = defs.filter((d): d is AggregateDefinition => d.kind !== 'ratio');
  const live = aggregates.filter((d) => !ctx.blocked.includes(SCOPE_SOURCE[d.scope]));
  if (group.rows && live.some((d) => d.expr.includes('{from}') || d.expr.includes('{to}'))) {
    throw new Error('Metrics that compare with the period start cannot be grouped by date buckets');
  }

  const scopes = SCOPE_ORDER.filter((s) => live.some((d) => d.scope === s));
  const needScopes = new Set<ScopeId>(scopes);
  if (needScopes.has('period_buyers')) needScopes.add('paid_orders');
  const registrationsNeedFirstPaid = live.some((d) => d.scope === 'registrations' && d.expr.includes('first_paid_date'));
  const needFirstPaid = (needScopes.has('period_buyers') && !ctx.derived) || registrationsNeedFirstPaid;

  const ctes: string[] = [];
  if (needFirstPaid) ctes.push(`first_paid AS (\n  ${firstPaidSql(ctx.derived)}\n)`);
  for (const s of SCOPE_ORDER.filter((x) => needScopes.has(x))) {
    ctes.push(`${s} AS (\n  ${scopeSql(s, ctx, group, registrationsNeedFirstPaid)}\n)`);
  }
  for (const s of scopes) {
    const cols = live
      .filter((d) => d.scope === s)
      .map((d) => `${expandBounds(d.expr, ctx.period)} AS ${d.id}`)
      .join(', ');
    ctes.push(`agg_${s} AS (\n  SELECT grp, ${cols}\n  FROM ${s} GROUP BY grp\n)`);
  }

  const sources = new Set<SourceTable>(live.map((d) => SCOPE_SOURCE[d.scope]));
  live.forEach((d) => d.alsoNeedsLoaded?.forEach((t) => t !== 'order_items' && sources.add(t)));
  const columnsNeeded = new Set<OptionalTrafficColumn>(
    live.flatMap((d) => (d.requiresColumn ? [d.requiresColumn] : [])),
  );
  for (const source of sources) {
    const extra =
      source === 'traffic' ? [...columnsNeeded].map((c) => `, count(${c}) > 0 AS has_${c}`).join('') : '';
    const dateCol = DATE_COLUMN[source];
    ctes.push(
      `cov_${source} AS (\n  SELECT count(*) AS n, min(${dateCol}) AS first_day, max(${dateCol}) AS last_day${extra} FROM ${source}\n)`,
    );
  }

  if (group.rows) {
    const values = group.rows
      .map((r) => `(${r.keySql ?? literal(r.key)}, ${literal(r.key)}, ${dateSql(r.from)}, ${dateSql(r.to)})`)
      .join(',\n    ');
    ctes.push(`groups(grp_key, grp, g_from, g_to) AS (\n  VALUES ${values}\n)`);
  } else {
    const present = scopes.map((s) => `SELECT grp FROM agg_${s}`);
    const union = present.length ? present.join(' UNION ') : `SELECT 'all' AS grp`;
    ctes.push(
      `groups AS (\n  SELECT grp AS grp_key, grp, ${dateSql(ctx.period.from)} AS g_from, ${dateSql(ctx.period.to)} AS g_to FROM (${union})\n)`,
    );
  }

  const covered = (source: SourceTable) =>
    `cov_${source}.n > 0 AND cov_${source}.first_day <= g.g_to AND cov_${source}.last_day >= g.g_from`;
  const baseColumns = aggregates.map((d) => {
    if (!live.includes(d)) return `CAST(NULL AS DOUBLE) AS ${d.id}`;
    const conditions = [covered(SCOPE_SOURCE[d.scope])];
    if (d.requiresColumn) conditions.push(`cov_traffic.has_${d.requiresColumn}`);
    d.alsoNeedsLoaded?.forEach((t) => conditions.push(`cov_${t}.n > 0`));
    // DOUBLE here, in SQL: DuckDB rounds a DECIMAL sum to the nearest double, as every engine's reader then agrees.
    return `CASE WHEN ${conditions.join(' AND ')} THEN CAST(coalesce(agg_${d.scope}.${d.id}, 0) AS DOUBLE) END AS ${d.id}`;
  });
  const joins = [
    ...[...sources].map((s) => `CROSS JOIN cov_${s}`),
    ...scopes.map((s) => `LEFT JOIN agg_${s} ON agg_${s}.grp = g.grp_key`),
  ];
  ctes.push(`base AS (\n  SELECT g.grp, g.g_from,\n    ${baseColumns.join(',\n    ')}\n  FROM groups g\n  ${joins.join('\n  ')}\n)`);

  const requested = new Set<ComponentId>(ids);
  const outputs = defs.filter((d) => requested.has(d.id)).map(outputSql);
  return `WITH\n${ctes.join(',\n')}\nSELECT grp, ${outputs.join(', ')}\nFROM base\nORDER BY g_from, grp`;
}

function outputSql(def: MetricDefinition): string {
  if (def.kind !== 'ratio') return def.id;
  return `CAST(${def.num} AS DOUBLE) / NULLIF(${def.den.join(' + ')}, 0) AS ${def.id}`;
}
