import type { Row } from '../engine/engine';
import { literal } from '../engine/sql';
import type { DataDescription } from './describe';
import { dailyTotalsTable, DESCRIBE_TABLE, ROLLUP_TABLE } from './derived-state';
import { activeDimensions, channelSql, filterSql, type Filters } from './filters';
import { bucketGrouping, bucketStartSql, groupsSource, type Grouping } from './groupings';
import { periodDays, type Period } from './periods';
import { planQuery, scopeOf, sourceOf, type ScopePlan } from './plan';
import { firstPaidSql, ordersRelation } from './relations';
import { rollupAggregateSql, rowAggregateSql, scopeRowsColumn } from './rollups';
import { isAggregate, ratioOf, REGISTRY, withDependencies, type ComponentId } from './registry';
import {
  DATE_COLUMN,
  EVENT_SCOPES,
  OPTIONAL_TRAFFIC_COLUMNS,
  SCOPE_SOURCE,
  SOURCE_TABLES,
  type SourceTable,
} from './registry/sources';
import type { AggregateEntry, BuyersEntry, MetricEntry } from './registry/types';

export { DATE_COLUMN } from './registry/sources';

/** Everything a metric query depends on besides the metric ids. */
export interface QueryContext {
  period: Period;
  /** Filters as applied (currency already resolved). */
  filters: Filters;
  /** Sources whose metrics are null because an active filter does not apply to them. */
  blocked: readonly SourceTable[];
  /** Read the derived tables built by rebuildDerived. */
  derived: boolean;
  /** A table of the derived orders under `filters` (filtered-orders.ts), read in their place. */
  filteredOrders?: string | null;
}

export const dateSql = (day: string) => `DATE ${literal(day)}`;

function between(alias: string, source: SourceTable, period: Period): string {
  return `${alias}.${DATE_COLUMN[source]} BETWEEN ${dateSql(period.from)} AND ${dateSql(period.to)}`;
}

/**
 * The SQL key of a row of `source` under `alias` for the grouping. `normalised`: the relation's
 * channel is already normalised; `firstPaid`: the customer's first paid date beside an order row.
 */
function groupKeySql(
  group: Grouping,
  source: SourceTable,
  alias: string,
  ctx: QueryContext,
  row: { normalised: boolean; firstPaid?: string },
): string {
  switch (group.kind) {
    case 'buckets':
      return bucketStartSql(group.grain, `${alias}.${DATE_COLUMN[source]}`);
    case 'dimension':
      if (group.dimension === 'channel') return row.normalised ? `${alias}.channel` : channelSql(`${alias}.channel`);
      return `coalesce(nullif(trim(${alias}.${group.dimension}), ''), '')`;
    case 'category':
      return `${alias}.item_category`;
    case 'customer_status':
      // A customer who never paid (a cancelled order's) is new, as an unknown first paid date is not before the period.
      return `(${row.firstPaid ?? `${alias}.first_paid_date`} < ${dateSql(ctx.period.from)}) IS TRUE`;
  }
}

/**
 * A group's name from its rows' key, once grouped. New vs returning rows are keyed by whether the
 * customer first paid before the period: DuckDB-WASM groups 600k rows by that boolean in ~25 ms,
 * by the name written out per row in ~35.
 */
function groupNameSql(group: Grouping, key: string): string {
  return group.kind === 'customer_status' ? `CASE WHEN ${key} THEN 'returning' ELSE 'new' END` : key;
}

/** Whether the rows of a scope need the customer's (or the user's) first paid date beside them. */
function needsFirstPaid(plan: ScopePlan, group: Grouping | undefined): boolean {
  if (plan.from !== 'rows') return false;
  if (plan.scope === 'period_buyers') {
    return (
      group?.kind === 'customer_status' || plan.entries.some((e) => e.kind === 'buyers' && e.firstPaid !== undefined)
    );
  }
  if (plan.scope === 'registrations') return plan.entries.some((e) => e.sources.includes('orders'));
  return plan.source === 'orders' && group?.kind === 'customer_status';
}

/** Whether that date must be looked up (in the `first_paid` CTE): the rows do not carry it. */
function looksUpFirstPaid(plan: ScopePlan, group: Grouping | undefined, ctx: QueryContext): boolean {
  return needsFirstPaid(plan, group) && (plan.source !== 'orders' || ordersRelation(ctx.derived).firstPaid === null);
}

/** The `first_paid` CTE, when some scope's rows look the first paid date up. */
function firstPaidCtes(plans: readonly ScopePlan[], group: Grouping | undefined, ctx: QueryContext): string[] {
  return plans.some((p) => looksUpFirstPaid(p, group, ctx))
    ? [`first_paid AS (\n  ${firstPaidSql(ctx.derived)}\n)`]
    : [];
}

/** The rows a scope's aggregates run over, restricted to the period and the filters, with `grp` when grouped. */
function scopeRowsSql(plan: ScopePlan, ctx: QueryContext, group: Grouping | undefined): string {
  const { source } = plan;
  if (plan.from !== 'rows' && plan.scope !== 'period_buyers') {
    const grp = group ? `${groupKeySql(group, source, 'r', ctx, { normalised: true })} AS grp, ` : '';
    return `SELECT ${grp}r.*
  FROM ${plan.from === 'totals' ? dailyTotalsTable(source, plan.by) : ROLLUP_TABLE[source]} r
  WHERE r.${scopeRowsColumn(plan.scope)} > 0
    AND ${between('r', source, ctx.period)}
    AND ${filterSql(source, ctx.filters, 'r', { channelNormalised: true })}`;
  }
  const lookup = looksUpFirstPaid(plan, group, ctx);
  if (source === 'orders') {
    const rel = ordersRelation(ctx.derived, ctx.filteredOrders);
    const firstPaid = rel.firstPaid ? rel.firstPaid('o') : 'f.first_paid_date';
    const grp = group
      ? `${groupKeySql(group, source, 'o', ctx, { normalised: rel.channelNormalised, firstPaid })} AS grp, `
      : '';
    const condition = plan.scope === 'cancelled_orders' ? rel.cancelled('o') : rel.paid('o');
    // An order once under each category its items have (none: not under any), joined in a subquery of its own:
    // ClickHouse reads no correlated list here, and past two joins it would name o.* columns o.customer_key.
    const orders =
      group?.kind === 'category'
        ? `(SELECT o.*, cat.category AS item_category FROM ${rel.table} o
    JOIN (SELECT DISTINCT order_id AS item_order, category FROM order_items WHERE category IS NOT NULL) cat ON cat.item_order = o.order_id)`
        : rel.table;
    return `SELECT ${grp}o.*${lookup ? ', f.first_paid_date' : ''}
  FROM ${orders} o${lookup ? ' LEFT JOIN first_paid f ON f.customer_key = o.customer_key' : ''}
  WHERE ${condition}
    AND ${between('o', source, ctx.period)}
    AND ${rel.filter(ctx.filters, 'o')}`;
  }
  const alias = source.charAt(0);
  const grp = group ? `${groupKeySql(group, source, alias, ctx, { normalised: false })} AS grp, ` : '';
  const join = lookup ? ` LEFT JOIN first_paid f ON f.customer_key = ${alias}.user_key` : '';
  return `SELECT ${grp}${alias}.*${lookup ? ', f.first_paid_date' : ''}
  FROM ${source} ${alias}${join}
  WHERE ${between(alias, source, ctx.period)}
    AND ${filterSql(source, ctx.filters, alias)}`;
}

/**
 * One row per buyer of the span (and group): their paid orders in it and their first paid date
 * ever; with `days`, also the dates of their paid orders in it, in order.
 */
function buyersRowsSql(plan: ScopePlan, ctx: QueryContext, group: Grouping | undefined, days = false): string {
  const customer = ctx.derived ? 'p.cid' : 'p.customer_key';
  const by = group ? `p.grp, ${customer}` : customer;
  const firstPaid = needsFirstPaid(plan, group) ? ', any_value(p.first_paid_date) AS first_paid_date' : '';
  const dates = days ? ', list_sort(list(p.order_date)) AS days' : '';
  return `SELECT ${group ? 'p.grp, ' : ''}count(*) AS paid_orders${firstPaid}${dates}
  FROM (${scopeRowsSql(plan, ctx, group)}) p
  GROUP BY ${by}`;
}

/**
 * Whether each paid order's neighbours in the derived orders (the previous and next paid dates
 * among all its customer's paid orders) are its neighbours among the query's orders too: on the
 * derived tables, with no filter narrowing the orders.
 */
export function neighboursApply(ctx: QueryContext): boolean {
  return ctx.derived && activeDimensions(ctx.filters).length === 0;
}

/**
 * Whether the span's buyers can be read off each customer's first paid order in it (its previous
 * paid date lies before the span) instead of grouping the span's orders by customer: the derived
 * orders carry every paid order's neighbours among all the customer's paid orders, so only with
 * no filter narrowing the orders, no entry asking for more than two orders in the span, and no
 * grouping but new vs returning (a customer's, not an order's: all their orders have the same)
 * or date buckets (each bucket its own span).
 */
function readsFirstOrders(plan: ScopePlan, ctx: QueryContext, group: Grouping | undefined): boolean {
  return (
    neighboursApply(ctx) &&
    (!group || group.kind === 'customer_status' || group.kind === 'buckets') &&
    plan.entries.every((e) => e.kind !== 'buyers' || (e.minOrders ?? 1) <= 2)
  );
}

/**
 * One row per buyer of the span, from their first paid order in it (the same buyers as
 * buyersRowsSql's rows), with the date of their next paid order: whether it lies in the span is
 * all a buyers entry asks of their order count (see readsFirstOrders). The rows carry the date
 * itself rather than a count made from it: a CASE per row cost DuckDB-WASM ~10 of a year-to-date
 * scan's ~30 ms.
 */
function firstOrdersInSpanSql(plan: ScopePlan, ctx: QueryContext, group: Grouping | undefined): string {
  // A date bucket is a span of its own: the first order in it, and the next one by its last day.
  if (group?.kind === 'buckets')
    return `SELECT p.grp, p.first_paid_date, p.next_paid_date, s.g_to AS span_to
  FROM (${scopeRowsSql(plan, ctx, group)}) p JOIN groups s ON s.grp_key = p.grp
  WHERE p.prev_paid_date < s.g_from`;
  return `SELECT ${group ? 'p.grp, ' : ''}p.first_paid_date, p.next_paid_date
  FROM (${scopeRowsSql(plan, ctx, group)}) p
  WHERE p.prev_paid_date < ${dateSql(ctx.period.from)}`;
}

/** What a buyer row says of "at least `n` paid orders in the span", by the rows' kind. */
type AtLeastOrders = (n: number) => string;
const countedOrders: AtLeastOrders = (n) => `paid_orders >= ${n}`;
const nextOrderBy =
  (spanTo: string): AtLeastOrders =>
  () =>
    `next_paid_date <= ${spanTo}`;

/** A buyers entry over buyer rows: those whose first paid order is in or before the span, or with enough orders in it. */
function buyersAggregateSql(entry: BuyersEntry, spanFrom: string, atLeast: AtLeastOrders): string {
  const conditions: string[] = [];
  if (entry.firstPaid === 'in_span') conditions.push(`first_paid_date >= ${spanFrom}`);
  if (entry.firstPaid === 'before_span') conditions.push(`first_paid_date < ${spanFrom}`);
  if ((entry.minOrders ?? 1) > 1) conditions.push(atLeast(entry.minOrders!));
  return conditions.length ? `count(*) FILTER (WHERE ${conditions.join(' AND ')})` : 'count(*)';
}

function aggregateSql(entry: AggregateEntry, plan: ScopePlan, spanFrom: string, atLeast: AtLeastOrders): string {
  if (entry.kind === 'buyers') return buyersAggregateSql(entry, spanFrom, atLeast);
  return plan.from === 'rows' ? rowAggregateSql(entry) : rollupAggregateSql(entry);
}

/**
 * The aggregates of each scope, one CTE `agg_<scope>` each (with `grp` when grouped), and the CTEs
 * they read. Shared by the standalone SQL and the lean query.
 */
function aggregateCtes(plans: readonly ScopePlan[], ctx: QueryContext, group: Grouping | undefined): string[] {
  const ctes: string[] = [];
  // Date buckets are spans of their own: buyers are new or returning against the bucket's first day.
  if (group?.kind === 'buckets') ctes.push(bucketGroupsCte(group));
  ctes.push(...firstPaidCtes(plans, group, ctx));
  for (const plan of plans) {
    const buyers = plan.scope === 'period_buyers';
    const spanned = buyers && group?.kind === 'buckets' && plan.entries.some((e) => e.kind === 'buyers' && e.firstPaid);
    const spanFrom = spanned ? 'g.g_from' : dateSql(ctx.period.from);
    const firstOrders = buyers && readsFirstOrders(plan, ctx, group);
    const atLeast = firstOrders
      ? nextOrderBy(group?.kind === 'buckets' ? 'span_to' : dateSql(ctx.period.to))
      : countedOrders;
    const cols = plan.entries.map((e) => `${aggregateSql(e, plan, spanFrom, atLeast)} AS ${e.id}`).join(', ');
    const rows = !buyers
      ? scopeRowsSql(plan, ctx, group)
      : firstOrders
        ? firstOrdersInSpanSql(plan, ctx, group)
        : buyersRowsSql(plan, ctx, group);
    const from = `(${rows}) b${spanned ? ' JOIN groups g ON g.grp_key = b.grp' : ''}`;
    ctes.push(
      group
        ? `agg_${plan.scope} AS (\n  SELECT ${groupNameSql(group, 'b.grp')} AS grp, ${cols}\n  FROM ${from}\n  GROUP BY b.grp\n)`
        : `agg_${plan.scope} AS (\n  SELECT ${cols}\n  FROM ${from}\n)`,
    );
  }
  return ctes;
}

function bucketGroupsCte(group: Extract<Grouping, { kind: 'buckets' }>): string {
  const first = group.buckets[0];
  // Day buckets, each its own label, rising, as many as the span has days: every day of it, in order.
  // (Not shiftDay per bucket: the calendar's two years of days made that ~3 ms a view change.)
  const last = group.buckets.at(-1);
  const days =
    group.grain === 'day' &&
    first !== undefined &&
    last !== undefined &&
    group.buckets.every(
      (b, i) => b.label === b.from && b.from === b.to && (i === 0 || group.buckets[i - 1]!.to < b.from),
    ) &&
    periodDays({ from: first.from, to: last.to }) === group.buckets.length;
  if (days) {
    // Every day of a span, generated: DuckDB-WASM plans a VALUES list of a year of days slower than it sums the rollup.
    return `groups(grp_key, grp, g_from, g_to) AS (
  SELECT CAST(d AS DATE), strftime(d, '%Y-%m-%d'), CAST(d AS DATE), CAST(d AS DATE)
  FROM generate_series(${dateSql(first.from)}, ${dateSql(last.to)}, INTERVAL 1 DAY) t(d)
)`;
  }
  const values = group.buckets
    .map((b) => `(${dateSql(b.start)}, ${literal(b.label)}, ${dateSql(b.from)}, ${dateSql(b.to)})`)
    .join(',\n    ');
  return `groups(grp_key, grp, g_from, g_to) AS (\n  VALUES ${values}\n)`;
}

/** Tables an aggregate needs loaded besides its own (activation looks first paid orders up in orders). */
function alsoNeedsLoaded(entry: AggregateEntry): SourceTable[] {
  return entry.sources.filter((s) => s !== sourceOf(entry));
}

/** The aggregates of a metric set that are read at all: not blocked by a filter, and groupable as asked. */
function liveAggregates(
  defs: readonly MetricEntry[],
  ctx: QueryContext,
  group: Grouping | undefined,
): AggregateEntry[] {
  return defs.filter(isAggregate).filter((d) => !ctx.blocked.includes(sourceOf(d)) && groupsSource(group, sourceOf(d)));
}

/** One row of table facts (row counts, first and last dates, optional traffic columns present), as ys_describe holds them. */
function statsSql(sources: ReadonlySet<SourceTable>, derived: boolean): string {
  const columns = {
    orders: ['o_rows', 'o_first', 'o_last'],
    traffic: ['t_rows', 't_first', 't_last', 't_visitors', 't_product_views', 't_add_to_cart', 't_checkouts'],
    users: ['u_rows', 'u_first', 'u_last'],
  };
  const wanted = SOURCE_TABLES.filter((t) => sources.has(t));
  if (derived) return `SELECT ${wanted.flatMap((t) => columns[t]).join(', ')} FROM ${DESCRIBE_TABLE}`;
  const parts = wanted.map((t) => {
    const p = t.charAt(0);
    const d = DATE_COLUMN[t];
    const extra = t === 'traffic' ? OPTIONAL_TRAFFIC_COLUMNS.map((c) => `, count(${c}) > 0 AS t_${c}`).join('') : '';
    return `(SELECT count(*) AS ${p}_rows, min(${d}) AS ${p}_first, max(${d}) AS ${p}_last${extra} FROM ${t})`;
  });
  return `SELECT * FROM ${parts.join(', ')}`;
}

/**
 * Compiles registry entries into one standalone DuckDB query (issue 4, STYLE.md "A metric is
 * data"): what the metric dictionary shows. Each scope of rows is restricted to the period and
 * filters, each aggregate is computed once per scope and group, and ratios are
 * `num / NULLIF(den, 0)`. It gives the numbers compileMetricsQuery gives.
 *
 * Nulls: a source that is not loaded, or whose dates do not overlap the group's span, gives null
 * for its metrics (there is no data to speak of); inside its span an empty set gives 0 for sums
 * and counts, and ratios with a zero denominator are null (METRICS.md "Details that decide a number").
 */
export function compileMetricsSql(ids: readonly ComponentId[], ctx: QueryContext, group?: Grouping): string {
  const defs = withDependencies(ids);
  const aggregates = defs.filter(isAggregate);
  const live = liveAggregates(defs, ctx, group);
  const plans = planQuery(live, ctx, group);
  const ctes = aggregateCtes(plans, ctx, group);

  const sources = new Set<SourceTable>(live.map(sourceOf));
  live.forEach((d) => alsoNeedsLoaded(d).forEach((t) => sources.add(t)));
  if (sources.size) ctes.push(`stats AS (\n  ${statsSql(sources, ctx.derived)}\n)`);

  if (group?.kind !== 'buckets') {
    const bounds = `${dateSql(ctx.period.from)} AS g_from, ${dateSql(ctx.period.to)} AS g_to`;
    const present = plans.map((p) => `SELECT grp FROM agg_${p.scope}`);
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
    const conditions = [`c.${sourceOf(d)}_covered`];
    if (d.kind === 'sum' && d.requiresColumn) conditions.push(`c.has_${d.requiresColumn}`);
    alsoNeedsLoaded(d).forEach((t) => conditions.push(`c.${t}_loaded`));
    // DOUBLE here, in SQL: DuckDB rounds a DECIMAL sum to the nearest double, as every engine's reader then agrees.
    return `CASE WHEN ${conditions.join(' AND ')} THEN CAST(coalesce(agg_${scopeOf(d)}.${d.id}, 0) AS DOUBLE) END AS ${d.id}`;
  });
  const joins = group
    ? plans.map((p) => `LEFT JOIN agg_${p.scope} ON agg_${p.scope}.grp = c.grp_key`)
    : plans.map((p) => `CROSS JOIN agg_${p.scope}`);
  ctes.push(
    `base AS (\n  SELECT c.grp, c.g_from,\n    ${baseColumns.join(',\n    ')}\n  FROM covered c\n  ${joins.join('\n  ')}\n)`,
  );

  const requested = new Set<string>(ids);
  const outputs = defs.filter((d) => requested.has(d.id)).map(outputSql);
  return `WITH\n${ctes.join(',\n')}\nSELECT grp, ${outputs.join(', ')}\nFROM base\nORDER BY g_from, grp`;
}

function outputSql(def: MetricEntry): string {
  if (def.kind !== 'ratio') return def.id;
  return `${def.num.id} / NULLIF(${def.den.map((d) => d.id).join(' + ')}, 0) AS ${def.id}`;
}

/** A metric query as the page and the report run it: SQL for the aggregates only, and the step that makes them metrics. */
export interface MetricQuery {
  /** Null when no aggregate needs the engine (nothing loaded covers the period). */
  sql: string | null;
  /** The rows of `sql` (or [] when it is null) → one row per group: grp and the requested metrics. */
  finish: (rows: readonly Row[]) => Row[];
  /** Where each scope's aggregates come from. */
  plan: readonly ScopePlan[];
}

/**
 * The numbers of compileMetricsSql, computed leaner: the SQL returns only the aggregates, and what
 * needs no data (which sources cover each group, nulls, ratios) is decided here from the
 * description of the loaded data. In DuckDB-WASM planning a query costs as much as running it,
 * and the coverage joins and CASE columns were a third of the plan. Scopes whose source has no
 * data for the query are not read at all.
 */
export function compileMetricsQuery(
  ids: readonly ComponentId[],
  ctx: QueryContext,
  data: DataDescription,
  group?: Grouping,
): MetricQuery {
  const defs = withDependencies(ids);
  const aggregates = defs.filter(isAggregate);
  const spanCovered = (t: SourceTable, from: string, to: string) => {
    const d = data[t];
    return d.rows > 0 && d.firstDate !== null && d.lastDate !== null && d.firstDate <= to && d.lastDate >= from;
  };
  const live = liveAggregates(defs, ctx, group).filter(
    (d) =>
      data[sourceOf(d)].rows > 0 && (group !== undefined || spanCovered(sourceOf(d), ctx.period.from, ctx.period.to)),
  );
  const plans = planQuery(live, ctx, group);
  const ctes = aggregateCtes(plans, ctx, group);
  const columns = live.map((d) => `CAST(agg_${scopeOf(d)}.${d.id} AS DOUBLE) AS ${d.id}`);
  let sql: string | null = null;
  if (plans.length) {
    const head = `WITH\n${ctes.join(',\n')}\n`;
    if (!group) sql = `${head}SELECT ${columns.join(', ')}\nFROM ${plans.map((p) => `agg_${p.scope}`).join(', ')}`;
    else if (group.kind === 'buckets') {
      const joins = plans.map((p) => `LEFT JOIN agg_${p.scope} ON agg_${p.scope}.grp = g.grp_key`).join('\n');
      sql = `${head}SELECT g.grp, ${columns.join(', ')}\nFROM groups g\n${joins}\nORDER BY g.g_from, g.grp`;
    } else {
      const keys = `keys AS (\n  ${plans.map((p) => `SELECT grp FROM agg_${p.scope}`).join(' UNION ')}\n)`;
      const joins = plans.map((p) => `LEFT JOIN agg_${p.scope} ON agg_${p.scope}.grp = k.grp`).join('\n');
      sql = `WITH\n${[...ctes, keys].join(',\n')}\nSELECT k.grp, ${columns.join(', ')}\nFROM keys k\n${joins}\nORDER BY k.grp`;
    }
  }

  const read = new Set<AggregateEntry>(live);
  const spans = new Map(group?.kind === 'buckets' ? group.buckets.map((b) => [b.label, b]) : []);
  const loaded = (t: SourceTable) => data[t].rows > 0;
  const requested = new Set<string>(ids);
  const finish = (rows: readonly Row[]): Row[] => {
    const groups: Row[] =
      sql !== null
        ? [...rows]
        : !group
          ? [{}]
          : group.kind === 'buckets'
            ? group.buckets.map((b) => ({ grp: b.label }))
            : [];
    return groups.map((row) => {
      const grp = group ? String(row.grp) : 'all';
      const span = spans.get(grp) ?? ctx.period;
      const values = new Map<string, number | null>();
      for (const d of aggregates) {
        const covered =
          read.has(d) &&
          spanCovered(sourceOf(d), span.from, span.to) &&
          (d.kind !== 'sum' || !d.requiresColumn || data.traffic.optionalColumns.includes(d.requiresColumn)) &&
          alsoNeedsLoaded(d).every(loaded);
        const v = row[d.id];
        values.set(d.id, covered ? (typeof v === 'number' ? v : 0) : null);
      }
      const out: Row = { grp };
      for (const d of defs) {
        if (!requested.has(d.id)) continue;
        out[d.id] = d.kind === 'ratio' ? ratioOf(d, (id) => values.get(id) ?? null) : (values.get(d.id) ?? null);
      }
      return out;
    });
  };
  return { sql, finish, plan: plans };
}

/**
 * Rows (id, day, v): for each buyers entry, how many buyers of the period join it on each day —
 * the day of their `minOrders`-th paid order in the period — as the entry counts them (its
 * first-paid condition against the period's start). Summed up to a day, the entry over the
 * period's start to that day, however its customers spread over the days.
 */
export function buyerArrivalsSql(entries: readonly BuyersEntry[], ctx: QueryContext): string {
  const [plan] = planQuery(entries, ctx);
  if (!plan || entries.length === 0) throw new Error('buyerArrivalsSql needs buyers entries');
  const from = dateSql(ctx.period.from);
  const parts = entries.map((e) => {
    const day = `days[${e.minOrders ?? 1}]`;
    return `SELECT ${literal(e.id)} AS id, ${day} AS day, ${buyersAggregateSql(e, from, countedOrders)} AS v FROM buyers WHERE ${day} IS NOT NULL GROUP BY ${day}`;
  });
  const ctes = [
    ...firstPaidCtes([plan], undefined, ctx),
    `buyers AS (\n  ${buyersRowsSql(plan, ctx, undefined, true)}\n)`,
  ];
  return `WITH\n${ctes.join(',\n')}\n${parts.join('\nUNION ALL\n')}`;
}

/**
 * The first day in the period with any row of the given tables (a paid or cancelled order, a
 * traffic row, a registration) under the filters; null when there is none.
 */
export function firstEventDaySql(sources: readonly SourceTable[], ctx: QueryContext): string {
  const byDay = bucketGrouping(ctx.period, 'day');
  const scopes = EVENT_SCOPES.filter((s) => sources.includes(SCOPE_SOURCE[s]));
  const entries = (REGISTRY as readonly MetricEntry[])
    .filter(isAggregate)
    .filter((e) => scopes.some((s) => s === scopeOf(e)));
  const plans = planQuery(entries, ctx, byDay);
  const days = plans.map((p) => `SELECT min(grp) AS day FROM (${scopeRowsSql(p, ctx, byDay)})`);
  const ctes = firstPaidCtes(plans, byDay, ctx);
  const head = ctes.length ? `WITH\n${ctes.join(',\n')}\n` : '';
  return days.length
    ? `${head}SELECT min(day) AS day FROM (${days.join('\nUNION ALL\n')})`
    : 'SELECT CAST(NULL AS DATE) AS day';
}
