import type { Engine, Row } from '../engine/engine';
import { CANONICAL_DDL } from '../model/tables';
import { cachedDescription, DESCRIBE_TABLE, hasDerived } from './derived-state';
import { runMetricSql } from './result-cache';
import {
  OPTIONAL_TRAFFIC_COLUMNS,
  type FilterDimension,
  type OptionalTrafficColumn,
  type SourceTable,
} from './registry/sources';

export { FUNNEL_COLUMNS, OPTIONAL_TRAFFIC_COLUMNS } from './registry/sources';
export type { FunnelColumn, OptionalTrafficColumn } from './registry/sources';

export interface SourceDescription {
  table: SourceTable;
  rows: number;
  /** First and last date of the table (orders: order_date, traffic: date, users: registered_date); null when empty. */
  firstDate: string | null;
  lastDate: string | null;
  /** Filter dimensions whose column holds at least one value in this table. */
  dimensions: FilterDimension[];
}

export interface OrdersDescription extends SourceDescription {
  table: 'orders';
  /** Distinct non-blank currency codes, sorted. */
  currencies: string[];
  /** Orders with no currency: taken to be in the dataset's one currency when there is only one. */
  ordersWithoutCurrency: number;
  /** Rows in order_items, and how many of them carry a category. */
  itemRows: number;
  itemsWithCategory: number;
}

export interface TrafficDescription extends SourceDescription {
  table: 'traffic';
  /** Optional traffic columns with at least one value (visitors and the funnel steps). */
  optionalColumns: OptionalTrafficColumn[];
}

/** What is loaded (issue 4): used for `as_of`, for null metrics of missing sources, and by the UI. */
export interface DataDescription {
  orders: OrdersDescription;
  traffic: TrafficDescription;
  users: SourceDescription;
}

const prepared = new WeakSet<Engine>();

/** Creates the canonical tables if the engine has none yet, so metrics on an empty engine give nulls, not errors. */
export async function ensureCanonicalTables(engine: Engine): Promise<void> {
  if (prepared.has(engine)) return;
  await engine.run(CANONICAL_DDL);
  prepared.add(engine);
}

const present = (column: string) => `bool_or(nullif(trim(${column}), '') IS NOT NULL)`;
const channelPresent = `bool_or(coalesce(nullif(trim(channel), ''), 'unattributed') <> 'unattributed')`;

/**
 * One query returning one row that describes all canonical tables. Dimension checks look at
 * the distinct values only (cheap on low-cardinality columns), not at every row.
 */
export function describeSql(): string {
  return `WITH
o AS (SELECT count(*) AS rows, min(order_date) AS first_date, max(order_date) AS last_date FROM orders),
od AS (
  SELECT ${channelPresent} AS has_channel, ${present('region')} AS has_region,
         ${present('device')} AS has_device, ${present('campaign')} AS has_campaign
  FROM (SELECT DISTINCT channel, region, device, campaign FROM orders)),
oc AS (
  SELECT string_agg(code, ',' ORDER BY code) FILTER (WHERE code IS NOT NULL) AS currencies,
         coalesce(sum(n) FILTER (WHERE code IS NULL), 0) AS without_currency
  FROM (SELECT nullif(trim(currency), '') AS code, sum(n) AS n
        FROM (SELECT currency, count(*) AS n FROM orders GROUP BY currency) GROUP BY code)),
i AS (SELECT count(*) AS rows, count(nullif(trim(category), '')) AS with_category FROM order_items),
t AS (
  SELECT count(*) AS rows, min(date) AS first_date, max(date) AS last_date,
         count(visitors) > 0 AS has_visitors, count(product_views) > 0 AS has_product_views,
         count(add_to_cart) > 0 AS has_add_to_cart, count(checkouts) > 0 AS has_checkouts
  FROM traffic),
td AS (
  SELECT ${channelPresent} AS has_channel, ${present('device')} AS has_device, ${present('campaign')} AS has_campaign
  FROM (SELECT DISTINCT channel, device, campaign FROM traffic)),
u AS (SELECT count(*) AS rows, min(registered_date) AS first_date, max(registered_date) AS last_date FROM users),
ud AS (
  SELECT ${channelPresent} AS has_channel, ${present('region')} AS has_region
  FROM (SELECT DISTINCT channel, region FROM users))
SELECT
  o.rows AS o_rows, o.first_date AS o_first, o.last_date AS o_last, od.has_channel AS o_channel,
  od.has_region AS o_region, od.has_device AS o_device, od.has_campaign AS o_campaign,
  oc.currencies AS o_currencies, oc.without_currency AS o_without_currency,
  i.rows AS i_rows, i.with_category AS i_category,
  t.rows AS t_rows, t.first_date AS t_first, t.last_date AS t_last, td.has_channel AS t_channel,
  td.has_device AS t_device, td.has_campaign AS t_campaign, t.has_visitors AS t_visitors,
  t.has_product_views AS t_product_views, t.has_add_to_cart AS t_add_to_cart, t.has_checkouts AS t_checkouts,
  u.rows AS u_rows, u.first_date AS u_first, u.last_date AS u_last, ud.has_channel AS u_channel, ud.has_region AS u_region
FROM o, od, oc, i, t, td, u, ud`;
}

const num = (row: Row, key: string): number => Number(row[key] ?? 0);
const str = (row: Row, key: string): string | null => {
  const v = row[key];
  return v === null || v === undefined ? null : String(v);
};
const flag = (row: Row, key: string): boolean => row[key] === true;

function dims(row: Row, prefix: string, candidates: readonly FilterDimension[]): FilterDimension[] {
  return candidates.filter((d) => flag(row, `${prefix}_${d}`));
}

export function parseDescribe(rows: readonly Row[]): DataDescription {
  const row = rows[0];
  if (!row) throw new Error('describe query returned no row');
  const currencies = (str(row, 'o_currencies') ?? '').split(',').filter((c) => c !== '');
  const itemsWithCategory = num(row, 'i_category');
  const ordersDims = dims(row, 'o', ['channel', 'region', 'device', 'campaign']);
  if (itemsWithCategory > 0) ordersDims.push('category');
  if (num(row, 'o_rows') > 0) ordersDims.push('currency');
  return {
    orders: {
      table: 'orders',
      rows: num(row, 'o_rows'),
      firstDate: str(row, 'o_first'),
      lastDate: str(row, 'o_last'),
      dimensions: ordersDims,
      currencies,
      ordersWithoutCurrency: num(row, 'o_without_currency'),
      itemRows: num(row, 'i_rows'),
      itemsWithCategory,
    },
    traffic: {
      table: 'traffic',
      rows: num(row, 't_rows'),
      firstDate: str(row, 't_first'),
      lastDate: str(row, 't_last'),
      dimensions: dims(row, 't', ['channel', 'device', 'campaign']),
      optionalColumns: OPTIONAL_TRAFFIC_COLUMNS.filter((c) => flag(row, `t_${c}`)),
    },
    users: {
      table: 'users',
      rows: num(row, 'u_rows'),
      firstDate: str(row, 'u_first'),
      lastDate: str(row, 'u_last'),
      dimensions: dims(row, 'u', ['channel', 'region']),
    },
  };
}

/**
 * Describes the loaded data: per table row count, first and last date, dimensions, currencies,
 * optional traffic columns. Read from the derived copy when rebuildDerived made one, once per
 * rebuild.
 */
export async function describeData(engine: Engine): Promise<DataDescription> {
  // Derived tables exist only over the canonical ones, so they need no DDL first; and through
  // runMetricSql the description is one of the results kept for the next visit (issue 18, item 11).
  if (hasDerived(engine))
    return cachedDescription(engine, async () => parseDescribe(await runMetricSql(engine, `SELECT * FROM ${DESCRIBE_TABLE}`)));
  await ensureCanonicalTables(engine);
  return parseDescribe(await engine.query(describeSql()));
}
