import { CUSTOMERS_TABLE, dailyTotalsTable, DESCRIBE_TABLE, ORDERS_TABLE, ROLLUP_TABLE } from './derived-state';
import { describeSql } from './describe';
import { channelSql } from './filters';
import { CUSTOMER_FACTS, paidSql } from './relations';
import { REGISTRY } from './registry';
import {
  DATE_COLUMN,
  EVENT_SCOPES,
  SCOPE_SOURCE,
  SOURCE_DIMENSIONS,
  SOURCE_TABLES,
  type EventScope,
  type FilterDimension,
  type SourceTable,
} from './registry/sources';
import type { CountEntry, MetricEntry, SumEntry } from './registry/types';

/**
 * The daily rollups, generated from the registry: per source table, one row per date and value of
 * each filter dimension, one column per entry that reads from rollups (its sum or count over the
 * rows of that day and those values). A query whose filters and grouping name only these
 * dimensions sums the columns instead of reading order rows (plan.ts decides). The daily totals
 * are the same columns at coarser grains: per date and currency for the queries that name no
 * other dimension (every page opens unfiltered), and by one dimension more for those that name
 * that one alone.
 */
export type RollupEntry = SumEntry | CountEntry;

/** Dimensions each rollup keeps: the source's filter dimensions but category (items are per order, not per day). */
export const ROLLUP_DIMENSIONS: Record<SourceTable, readonly FilterDimension[]> = {
  orders: SOURCE_DIMENSIONS.orders.filter((d) => d !== 'category'),
  traffic: SOURCE_DIMENSIONS.traffic.filter((d) => d !== 'category'),
  users: SOURCE_DIMENSIONS.users.filter((d) => d !== 'category'),
};

/** Dimensions the daily totals keep: currency alone, where the source has it. */
export const TOTALS_DIMENSIONS: Record<SourceTable, readonly FilterDimension[]> = {
  orders: ROLLUP_DIMENSIONS.orders.filter((d) => d === 'currency'),
  traffic: ROLLUP_DIMENSIONS.traffic.filter((d) => d === 'currency'),
  users: ROLLUP_DIMENSIONS.users.filter((d) => d === 'currency'),
};

/** The dimensions the daily totals are also kept by, one table each: the rollup's but currency. */
export function totalsByDimensions(source: SourceTable): FilterDimension[] {
  return ROLLUP_DIMENSIONS[source].filter((d) => !TOTALS_DIMENSIONS[source].includes(d));
}

/** Every daily totals table of a source: per date and currency (null), then by each dimension. */
export function totalsGrains(source: SourceTable): (FilterDimension | null)[] {
  return [null, ...totalsByDimensions(source)];
}

/** The dimensions a daily totals table keeps: currency (where the source has it) and `by`. */
export function totalsKept(source: SourceTable, by: FilterDimension | null): FilterDimension[] {
  return [...TOTALS_DIMENSIONS[source], ...(by === null ? [] : [by])];
}

export function readsRollup<Id extends string>(entry: MetricEntry<Id>): entry is SumEntry<Id> | CountEntry<Id> {
  return entry.kind !== 'ratio' && entry.rollup === 'daily';
}

/** The registry's entries a source's rollup carries, in registry order. */
export function rollupEntries(source: SourceTable): RollupEntry[] {
  return (REGISTRY as readonly MetricEntry[]).filter(readsRollup).filter((e) => SCOPE_SOURCE[e.scope] === source);
}

/** Rows of each event scope in the relation a rollup is built from (null: every row). */
const SCOPE_CONDITION: Record<EventScope, string | null> = {
  paid_orders: 'is_paid',
  cancelled_orders: 'is_cancelled',
  traffic_rows: null,
  registrations: null,
};

/**
 * The entry's aggregate over rows of its scope (`sum(measure)`, `count(*)` of those meeting its
 * `where`): the compiler runs it over rows, the rollup stores it per day, restricted to the scope
 * by `scopeCondition` since a rollup is built over all the source's rows.
 */
export function rowAggregateSql(entry: RollupEntry, scopeCondition: string | null = null): string {
  const conditions = [scopeCondition, entry.kind === 'count' ? (entry.where ?? null) : null].filter(
    (c): c is string => c !== null,
  );
  const filter = conditions.length ? ` FILTER (WHERE ${conditions.join(' AND ')})` : '';
  return `${entry.kind === 'sum' ? `sum(${entry.measure})` : 'count(*)'}${filter}`;
}

/** The entry's aggregate over rollup rows: the sum of its column. */
export function rollupAggregateSql(entry: RollupEntry): string {
  return `sum(${entry.id})`;
}

/** The rollup column of an entry: its aggregate over the rows of its scope (and its `where`). */
export function rollupColumnSql(entry: RollupEntry): string {
  return `${rowAggregateSql(entry, SCOPE_CONDITION[entry.scope])} AS ${entry.id}`;
}

/** What each rollup is built from: a relation whose columns the entries' expressions name. */
const ROLLUP_SOURCE: Record<SourceTable, { from: string; where: string; channel: string }> = {
  orders: { from: `${ORDERS_TABLE} r`, where: 'r.is_paid OR r.is_cancelled', channel: 'r.channel' },
  traffic: { from: 'traffic r', where: 'TRUE', channel: channelSql('r.channel') },
  users: {
    from: `(SELECT u.*, c.first_paid_date FROM users u LEFT JOIN ${CUSTOMERS_TABLE} c ON c.customer_key = u.user_key) r`,
    where: 'TRUE',
    channel: channelSql('r.channel'),
  },
};

/**
 * The column counting a scope's rows in a rollup row: a scope read from the rollup keeps the rows
 * where it is above 0, so a day and dimension values holding only cancelled orders make no group
 * of paid orders (as the rows themselves would not).
 */
export function scopeRowsColumn(scope: EventScope): string {
  return `rows_${scope}`;
}

export function rollupSql(source: SourceTable): string {
  const spec = ROLLUP_SOURCE[source];
  const dimensions = ROLLUP_DIMENSIONS[source].map((d) => (d === 'channel' ? `${spec.channel} AS channel` : `r.${d}`));
  const counts = EVENT_SCOPES.filter((scope) => SCOPE_SOURCE[scope] === source).map((scope) => {
    const condition = SCOPE_CONDITION[scope];
    return `count(*)${condition ? ` FILTER (WHERE ${condition})` : ''} AS ${scopeRowsColumn(scope)}`;
  });
  const columns = [...counts, ...rollupEntries(source).map(rollupColumnSql)];
  return `CREATE OR REPLACE TABLE ${ROLLUP_TABLE[source]} AS
  SELECT r.${DATE_COLUMN[source]}, ${[...dimensions, ...columns].join(', ')}
  FROM ${spec.from}
  WHERE ${spec.where}
  GROUP BY ALL
  ORDER BY r.${DATE_COLUMN[source]}`;
}

/**
 * The daily totals (by one dimension more, or none), summed from the rollup. Counts stay BIGINT
 * as in the rollup, where a sum of them would widen to HUGEINT.
 */
export function dailyTotalsSql(source: SourceTable, by: FilterDimension | null): string {
  const date = DATE_COLUMN[source];
  const counts = EVENT_SCOPES.filter((scope) => SCOPE_SOURCE[scope] === source).map(scopeRowsColumn);
  const columns = [
    ...counts.map((c) => `CAST(sum(r.${c}) AS BIGINT) AS ${c}`),
    ...rollupEntries(source).map((e) =>
      e.kind === 'count' ? `CAST(sum(r.${e.id}) AS BIGINT) AS ${e.id}` : `sum(r.${e.id}) AS ${e.id}`,
    ),
  ];
  return `CREATE OR REPLACE TABLE ${dailyTotalsTable(source, by)} AS
  SELECT r.${date}, ${[...totalsKept(source, by).map((d) => `r.${d}`), ...columns].join(', ')}
  FROM ${ROLLUP_TABLE[source]} r
  GROUP BY ALL
  ORDER BY r.${date}`;
}

/** The per-customer table: each customer's facts over their paid orders in the whole dataset. */
export function customersTableSql(): string {
  const facts = Object.entries(CUSTOMER_FACTS).map(([name, sql]) => `${sql} FILTER (WHERE ${paidSql()}) AS ${name}`);
  return `CREATE OR REPLACE TABLE ${CUSTOMERS_TABLE} AS
  SELECT customer_key, CAST(row_number() OVER (ORDER BY customer_key) AS INTEGER) AS cid, ${facts.join(', ')}
  FROM orders GROUP BY customer_key`;
}

/**
 * `prev_paid_date` of a customer's first paid order: before every date an import accepts
 * (`EARLIEST_DATE`, 2000-01-01) and a date ClickHouse's Date holds (it starts here).
 */
const NO_PREVIOUS_PAID_DATE = '1970-01-01';

/**
 * The orders as the metrics read them, in date order: every query asks for a span of dates, and
 * DuckDB skips the row groups whose dates lie outside it (zone maps) only when rows of a date sit
 * together. Exports come in any order; a month of 1M orders reads ~1/24 of the table this way.
 *
 * Each paid order also carries the dates of the customer's paid orders before and after it (by
 * date, then order id): a span's buyers are then its paid orders whose previous paid date lies
 * before the span, one per customer, counted without grouping the span's orders by customer
 * (compile.ts, `firstOrdersInSpanSql`). A customer's first paid order has NO_PREVIOUS_PAID_DATE
 * rather than NULL, so that test is one range condition the scan applies as it reads: in
 * DuckDB-WASM `prev IS NULL OR prev < from` took 56 ms where `prev < from` takes 15 (year to
 * date, 1M orders).
 */
export function ordersTableSql(): string {
  const paid = paidSql('o');
  const neighbours = `OVER (PARTITION BY c.cid, ${paid} ORDER BY o.order_date, o.order_id)`;
  return `CREATE OR REPLACE TABLE ${ORDERS_TABLE} AS
  SELECT o.order_id, o.customer_key, o.order_date, c.cid, c.first_paid_date,
         ${paid} AS is_paid, o.status = 'cancelled' AS is_cancelled,
         CASE WHEN ${paid} THEN coalesce(lag(o.order_date) ${neighbours}, DATE '${NO_PREVIOUS_PAID_DATE}') END AS prev_paid_date,
         CASE WHEN ${paid} THEN lead(o.order_date) ${neighbours} END AS next_paid_date,
         o.order_total, o.discount_amount, o.refund_amount,
         ${channelSql('o.channel')} AS channel, o.region, o.device, o.campaign, o.currency
  FROM orders o JOIN ${CUSTOMERS_TABLE} c USING (customer_key)
  ORDER BY o.order_date`;
}

/** Every derived table, in build order: customers, orders, the rollups, the description. */
export function derivedTablesSql(): string[] {
  return [
    customersTableSql(),
    ordersTableSql(),
    ...SOURCE_TABLES.map(rollupSql),
    ...SOURCE_TABLES.flatMap((s) => totalsGrains(s).map((by) => dailyTotalsSql(s, by))),
    `CREATE OR REPLACE TABLE ${DESCRIBE_TABLE} AS ${describeSql()}`,
  ];
}

export const DERIVED_TABLES = [
  CUSTOMERS_TABLE,
  ORDERS_TABLE,
  ...SOURCE_TABLES.map((s) => ROLLUP_TABLE[s]),
  ...SOURCE_TABLES.flatMap((s) => totalsGrains(s).map((by) => dailyTotalsTable(s, by))),
  DESCRIBE_TABLE,
];
