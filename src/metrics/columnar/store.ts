import { columnsFromRows, type Columns, type Engine } from '../../engine/engine';
import { literal } from '../../engine/sql';
import { columnStoreOf, CUSTOMERS_TABLE, ORDERS_TABLE } from '../derived-state';
import { channelSql, type FilterDimension } from '../filters';
import { buildBuyerCounts, type BuyerCounts } from './buyer-counts';
import { buildDayCube, type DayCube } from './days';
import { buildMonthCube, type MonthCube } from './months';

/**
 * An in-memory, columnar copy of the rows metric aggregates read (paid and cancelled orders,
 * traffic, users), made once after the derived tables are built. The dashboard answers its
 * metric queries from it (execute.ts) instead of sending each one through DuckDB-WASM, where
 * planning and running even a small aggregate costs 20–70 ms at a million orders; a pass over
 * typed arrays costs a few. The SQL stays the definition: tests compare the two on both engines.
 */
export interface ColumnStore {
  orders: OrderColumns;
  /** Order aggregates per calendar month (months.ts) and running sums by day (days.ts); null when there are no orders. */
  months: MonthCube | null;
  days: DayCube | null;
  /** Distinct buyers of any span without a filter (buyer-counts.ts). */
  counts: BuyerCounts | null;
  traffic: TableColumns | null;
  users: UserColumns | null;
}

/** Text values of one dimension column, by code (the code columns hold indexes into these lists). */
export interface Dictionary {
  /** The value as stored (null where the column is null). */
  raw: (string | null)[];
  /** What the SQL filter compares with the listed values (null never matches). */
  filterValue: (string | null)[];
  /** The value a grouping by this dimension names the row by (blanks '' or `unattributed`, as in SQL). */
  groupKey: string[];
}

export interface TableColumns {
  rows: number;
  /** Days since 1970-01-01, ascending. */
  day: Int32Array;
  codes: Partial<Record<FilterDimension, Int32Array>>;
  dictionaries: Partial<Record<FilterDimension, Dictionary>>;
  /** Numeric columns by name (traffic: sessions … checkouts, nulls as 0). */
  values: Record<string, Float64Array>;
}

export interface OrderColumns extends TableColumns {
  /** 1 paid, 2 cancelled. */
  flags: Int32Array;
  cid: Int32Array;
  /** Day of the customer's first paid order. */
  firstPaid: Int32Array;
  /**
   * On paid orders, the day of the customer's previous and next paid order (ys_orders
   * prev_paid_date / next_paid_date, with their sentinels): a customer's first paid order in a
   * span is the one whose previous paid order is before it.
   */
  prevPaid: Int32Array;
  nextPaid: Int32Array;
  /** Largest cid + 1. */
  customers: number;
  /** Each dimension's rows grouped by code, in day order within a code: a filter reads only its rows. */
  postings: Partial<Record<FilterDimension, Postings>>;
}

/** Row indexes grouped by code: code c's rows are rows[start[c] .. start[c + 1]), ascending. */
export interface Postings {
  start: Int32Array;
  rows: Int32Array;
}

/** A counting sort of the row indexes by code (stable, so each code's rows stay in day order). */
export function postingsOf(codes: Int32Array, size: number): Postings {
  const start = new Int32Array(size + 1);
  for (let i = 0; i < codes.length; i++) start[codes[i]! + 1]! += 1;
  for (let c = 0; c < size; c++) start[c + 1]! += start[c]!;
  const next = start.slice(0, size);
  const rows = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) rows[next[codes[i]!]!++] = i;
  return { start, rows };
}

export interface UserColumns extends TableColumns {
  /** Day of the first paid order of the customer with the user's key; NO_DAY when none. */
  firstPaid: Int32Array;
}

export const PAID_FLAG = 1;
export const CANCELLED_FLAG = 2;
/** 9999-12-31: after every real day, so a comparison needs no null check. */
export const NO_DAY = 2932896;
/** Money is DECIMAL(18,4): the store holds it in ten-thousandths, as exact integers in doubles. */
export const MONEY_SCALE = 10_000;

const int32 = (a: Int32Array | Float64Array) => (a instanceof Int32Array ? a : Int32Array.from(a));
const float64 = (a: Int32Array | Float64Array) => (a instanceof Float64Array ? a : Float64Array.from(a));
const dayOf = (column: string) => `CAST(${column} - DATE '1970-01-01' AS INTEGER)`;

interface TableSpec {
  relation: string;
  where: string;
  dimensions: FilterDimension[];
  /** Dimensions whose filter compares the channel as channelSql gives it (the raw column is not normalised). */
  normaliseChannel: boolean;
}

async function read(engine: Engine, sql: string, names: readonly string[]): Promise<Columns> {
  return engine.columns ? engine.columns(sql) : columnsFromRows(await engine.query(sql), names);
}

async function dictionary(engine: Engine, spec: TableSpec, dimension: FilterDimension): Promise<Dictionary> {
  const rows = await engine.query<{ v: string | null; ch: string; blank: string }>(
    `SELECT v, ${channelSql('v')} AS ch, coalesce(nullif(trim(v), ''), '') AS blank
     FROM (SELECT DISTINCT x.${dimension} AS v FROM ${spec.relation} x WHERE ${spec.where})
     ORDER BY v NULLS FIRST`,
  );
  const channel = dimension === 'channel';
  return {
    raw: rows.map((r) => r.v),
    filterValue: rows.map((r) => (channel && spec.normaliseChannel ? r.ch : r.v)),
    groupKey: rows.map((r) => (channel ? r.ch : r.blank)),
  };
}

/** `code` column SQL: the row's index in the dictionary (values joined in, null found by position). */
function codeJoin(dimension: FilterDimension, dict: Dictionary, alias: string): { column: string; join: string } {
  const name = `d_${dimension}`;
  const nullCode = dict.raw.indexOf(null);
  const values = dict.raw.flatMap((v, i) => (v === null ? [] : [`(${literal(v)}, ${i})`]));
  if (!values.length) return { column: `${Math.max(nullCode, 0)} AS c_${dimension}`, join: '' };
  return {
    column: `CAST(coalesce(${name}.code, ${Math.max(nullCode, 0)}) AS INTEGER) AS c_${dimension}`,
    join: `LEFT JOIN (VALUES ${values.join(', ')}) ${name}(v, code) ON ${name}.v = ${alias}.${dimension}`,
  };
}

async function readTable(
  engine: Engine,
  spec: TableSpec,
  dateColumn: string,
  extra: { name: string; sql: string }[],
): Promise<{ table: TableColumns; columns: Columns }> {
  const dictionaries: Partial<Record<FilterDimension, Dictionary>> = {};
  for (const d of spec.dimensions) dictionaries[d] = await dictionary(engine, spec, d);
  const codes = spec.dimensions.map((d) => codeJoin(d, dictionaries[d]!, 'x'));
  const names = ['day', ...spec.dimensions.map((d) => `c_${d}`), ...extra.map((e) => e.name)];
  const sql = `SELECT ${dayOf(`x.${dateColumn}`)} AS day, ${[...codes.map((c) => c.column), ...extra.map((e) => `${e.sql} AS ${e.name}`)].join(', ')}
  FROM ${spec.relation} x ${codes.map((c) => c.join).join(' ')}
  WHERE ${spec.where}
  ORDER BY x.${dateColumn}`;
  const columns = await read(engine, sql, names);
  const day = int32(columns.day!);
  const table: TableColumns = {
    rows: day.length,
    day,
    codes: Object.fromEntries(spec.dimensions.map((d) => [d, int32(columns[`c_${d}`]!)])),
    dictionaries,
    values: {},
  };
  return { table, columns };
}

const money = (column: string) => `CAST(CAST(x.${column} * ${MONEY_SCALE} AS BIGINT) AS DOUBLE)`;
/** Sums of ten-thousandths stay exact while below 2^53: beyond that the store is not built. */
const EXACT_LIMIT = 2 ** 53;

function sumAbs(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += Math.abs(values[i]!);
  return total;
}

async function readOrders(engine: Engine): Promise<OrderColumns | null> {
  const spec: TableSpec = {
    relation: ORDERS_TABLE,
    where: 'x.is_paid OR x.is_cancelled',
    dimensions: ['channel', 'region', 'device', 'campaign', 'currency'],
    normaliseChannel: false, // ys_orders holds channels normalised already
  };
  const extra = [
    { name: 'flags', sql: `CAST(x.is_paid AS INTEGER) * ${PAID_FLAG} + CAST(x.is_cancelled AS INTEGER) * ${CANCELLED_FLAG}` },
    { name: 'cid', sql: 'x.cid' },
    { name: 'first_paid', sql: `coalesce(${dayOf('x.first_paid_date')}, ${NO_DAY})` },
    { name: 'prev_paid', sql: dayOf('x.prev_paid_date') },
    { name: 'next_paid', sql: dayOf('x.next_paid_date') },
    { name: 'order_total', sql: money('order_total') },
    { name: 'refund_amount', sql: money('refund_amount') },
    { name: 'discount_amount', sql: money('discount_amount') },
  ];
  const { table, columns } = await readTable(engine, spec, 'order_date', extra);
  const values = {
    order_total: float64(columns.order_total!),
    refund_amount: float64(columns.refund_amount!),
    discount_amount: float64(columns.discount_amount!),
  };
  if (Object.values(values).some((v) => sumAbs(v) >= EXACT_LIMIT)) return null;
  const cid = int32(columns.cid!);
  let customers = 0;
  for (let i = 0; i < cid.length; i++) if (cid[i]! >= customers) customers = cid[i]! + 1;
  const postings = Object.fromEntries(
    spec.dimensions.map((d) => [d, postingsOf(table.codes[d]!, table.dictionaries[d]!.raw.length)]),
  );
  return {
    ...table,
    values,
    postings,
    flags: int32(columns.flags!),
    cid,
    firstPaid: int32(columns.first_paid!),
    prevPaid: int32(columns.prev_paid!),
    nextPaid: int32(columns.next_paid!),
    customers,
  };
}

const TRAFFIC_VALUES = ['sessions', 'visitors', 'product_views', 'add_to_cart', 'checkouts'] as const;

async function readTraffic(engine: Engine): Promise<TableColumns | null> {
  // Sums of doubles depend on their order unless every value is a whole number (sessions are counts).
  const [whole] = await engine.query<{ ok: boolean | null }>(
    `SELECT bool_and(${TRAFFIC_VALUES.map((c) => `coalesce(${c} = floor(${c}) AND abs(${c}) < 1e12, true)`).join(' AND ')}) AS ok FROM traffic`,
  );
  if (whole?.ok === false) return null;
  const spec: TableSpec = {
    relation: 'traffic',
    where: 'TRUE',
    dimensions: ['channel', 'device', 'campaign'],
    normaliseChannel: true,
  };
  const extra = TRAFFIC_VALUES.map((c) => ({ name: c, sql: `CAST(coalesce(x.${c}, 0) AS DOUBLE)` }));
  const { table, columns } = await readTable(engine, spec, 'date', extra);
  table.values = Object.fromEntries(TRAFFIC_VALUES.map((c) => [c, float64(columns[c]!)]));
  return table;
}

async function readUsers(engine: Engine): Promise<UserColumns> {
  const spec: TableSpec = {
    relation: 'users',
    where: 'TRUE',
    dimensions: ['channel', 'region'],
    normaliseChannel: true,
  };
  // The first paid date of the customer with the user's key (METRICS.md activation), as the SQL's first_paid join gives it.
  const firstPaid = `(SELECT ${dayOf('c.first_paid_date')} FROM ${CUSTOMERS_TABLE} c WHERE c.customer_key = x.user_key AND c.first_paid_date IS NOT NULL)`;
  const extra = [{ name: 'first_paid', sql: `coalesce(${firstPaid}, ${NO_DAY})` }];
  const { table, columns } = await readTable(engine, spec, 'registered_date', extra);
  return { ...table, firstPaid: int32(columns.first_paid!) };
}

/**
 * Reads the store from the derived tables (rebuildDerived must have run). Null when a sum could
 * not be kept exact in doubles: queries then stay in SQL.
 */
export async function loadColumnStore(engine: Engine): Promise<ColumnStore | null> {
  const orders = await readOrders(engine);
  if (!orders) return null;
  return { orders, months: buildMonthCube(orders), days: buildDayCube(orders), counts: buildBuyerCounts(orders), traffic: await readTraffic(engine), users: await readUsers(engine) };
}

/** The store to answer a query from: the engine's, when it keeps one and the query reads the derived tables. */
export function columnStoreFor(engine: Engine, ctx: { derived: boolean }): ColumnStore | undefined {
  return ctx.derived ? columnStoreOf<ColumnStore>(engine) : undefined;
}
