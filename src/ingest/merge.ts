import type { Engine } from '../engine/engine';
import { literal } from '../engine/sql';
import { matchKeySql, type OperationsTable, type TableName } from '../model/tables';
import { textCol as s, valueCol as v } from './stage';

const NEW = '_ys_new';
const NEW_ITEMS = '_ys_new_items';

/**
 * What one file did to its table (issue 19, item 4). Every valid row is loaded; the table
 * grows by `loaded - replaced - addedUp` rows.
 */
export interface MergeCounts {
  /** Rows that passed validation: each went into the table, or was added into a row that did. */
  loaded: number;
  /**
   * Rows a row of this file took the place of: an earlier row of this file with the same key
   * (the last wins), or a row already in the table (for order_items: every earlier item row
   * of an order this file carries).
   */
  replaced: number;
  /** Rows added into an earlier row of this file with the same key (traffic exports split by a dimension we drop). */
  addedUp: number;
  dateRange: { from: string; to: string } | null;
  items?: { read: number; loaded: number };
}

interface TableMerge {
  /**
   * Selects what will be inserted (`_ys_new`) from the staged valid rows; `dedupe` keeps only
   * the last row of each key (skipped when the keys are already unique: the window is costly).
   */
  select(staged: string, file: string, dedupe: boolean): string;
  /** The key one row per table stands for, over staged columns; null when rows have no key. */
  keySql: string | null;
  /** Counts the rows of the table that `_ys_new` replaces. */
  replacedSql: string;
  deleteSql: string;
  insertSql: string;
  dateColumn: string;
}

const money = (f: string): string => `coalesce(${v(f)}, 0)`;

const lastPerKey = (dedupe: boolean, key: string): string =>
  dedupe ? `QUALIFY row_number() OVER (PARTITION BY ${key} ORDER BY _row DESC) = 1` : '';

const ORDERS: TableMerge = {
  keySql: v('order_id'),
  select: (staged, file, dedupe) => `
    SELECT ${v('order_id')} AS order_id, ${v('customer_id')} AS customer_id, ${matchKeySql(v('customer_id'))} AS customer_key,
      ${v('ordered_at')} AS ordered_at, CAST(${v('ordered_at')} AS DATE) AS order_date, ${v('paid_at')} AS paid_at,
      ${v('status')} AS status, ${v('order_total')} AS order_total,
      ${money('discount_amount')} AS discount_amount, ${money('shipping_amount')} AS shipping_amount,
      ${money('tax_amount')} AS tax_amount, ${money('refund_amount')} AS refund_amount,
      ${v('currency')} AS currency, ${v('channel')} AS channel, ${s('channel')} AS channel_raw,
      ${v('campaign')} AS campaign, ${v('coupon_code')} AS coupon_code, ${v('region')} AS region, ${v('device')} AS device,
      ${literal(file)} AS source_file
    FROM ${staged} WHERE _reason IS NULL
    ${lastPerKey(dedupe, v('order_id'))}`,
  replacedSql: `SELECT count(*) AS n FROM ${NEW} WHERE order_id IN (SELECT order_id FROM orders)`,
  deleteSql: `DELETE FROM orders WHERE order_id IN (SELECT order_id FROM ${NEW})`,
  insertSql: `INSERT INTO orders BY NAME SELECT * FROM ${NEW}`,
  dateColumn: 'order_date',
};

const ORDER_ITEMS: TableMerge = {
  keySql: null,
  select: (staged, file) => `
    SELECT ${v('order_id')} AS order_id, ${v('sku')} AS sku, ${v('product_name')} AS product_name, ${v('category')} AS category,
      ${v('quantity')} AS quantity, ${v('unit_price')} AS unit_price, ${literal(file)} AS source_file
    FROM ${staged} WHERE _reason IS NULL ORDER BY _row`,
  // A later file's items replace all earlier items of the same order: each earlier item row counts.
  replacedSql: `SELECT count(*) AS n FROM order_items WHERE order_id IN (SELECT DISTINCT order_id FROM ${NEW})`,
  deleteSql: `DELETE FROM order_items WHERE order_id IN (SELECT order_id FROM ${NEW})`,
  insertSql: `INSERT INTO order_items BY NAME SELECT * FROM ${NEW}`,
  dateColumn: '',
};

const TRAFFIC_KEY = ['date', 'channel', 'channel_raw', 'device', 'campaign'] as const;
const TRAFFIC_MEASURES = ['sessions', 'visitors', 'product_views', 'add_to_cart', 'checkouts'] as const;

const trafficKey = [v('date'), v('channel'), s('channel'), v('device'), v('campaign')].join(', ');

function trafficMerge(addUp: boolean): TableMerge {
  const keys = `${v('date')} AS date, ${v('channel')} AS channel, ${s('channel')} AS channel_raw, ${v('device')} AS device, ${v('campaign')} AS campaign`;
  const select = addUp
    ? (staged: string, file: string) => `
        SELECT ${keys}, ${TRAFFIC_MEASURES.map((m) => `sum(${v(m)}) AS ${m}`).join(', ')}, ${literal(file)} AS source_file
        FROM ${staged} WHERE _reason IS NULL GROUP BY ALL`
    : (staged: string, file: string, dedupe: boolean) => `
        SELECT ${keys}, ${TRAFFIC_MEASURES.map((m) => `${v(m)} AS ${m}`).join(', ')}, ${literal(file)} AS source_file
        FROM ${staged} WHERE _reason IS NULL
        ${lastPerKey(dedupe, trafficKey)}`;
  const same = TRAFFIC_KEY.map((k) => `n.${k} IS NOT DISTINCT FROM t.${k}`).join(' AND ');
  return {
    keySql: addUp ? null : `(${trafficKey})`,
    select,
    replacedSql: `SELECT count(*) AS n FROM ${NEW} n WHERE EXISTS (SELECT 1 FROM traffic t WHERE ${same})`,
    deleteSql: `DELETE FROM traffic t WHERE EXISTS (SELECT 1 FROM ${NEW} n WHERE ${same})`,
    insertSql: `INSERT INTO traffic BY NAME SELECT * FROM ${NEW}`,
    dateColumn: 'date',
  };
}

const USERS: TableMerge = {
  keySql: matchKeySql(v('user_id')),
  select: (staged, file, dedupe) => `
    SELECT ${v('user_id')} AS user_id, ${matchKeySql(v('user_id'))} AS user_key, ${v('registered_at')} AS registered_at,
      CAST(${v('registered_at')} AS DATE) AS registered_date, ${v('channel')} AS channel, ${v('region')} AS region,
      ${v('member_tier')} AS member_tier, ${literal(file)} AS source_file
    FROM ${staged} WHERE _reason IS NULL
    ${lastPerKey(dedupe, matchKeySql(v('user_id')))}`,
  replacedSql: `SELECT count(*) AS n FROM ${NEW} WHERE user_key IN (SELECT user_key FROM users)`,
  deleteSql: `DELETE FROM users WHERE user_key IN (SELECT user_key FROM ${NEW})`,
  insertSql: `INSERT INTO users BY NAME SELECT * FROM ${NEW}`,
  dateColumn: 'registered_date',
};

/**
 * An operations table (DATA.md "Operations tables"): its columns as SQL over the staged
 * values, the columns a row is identified by (a later row with the same key replaces the
 * earlier one, in the file or in the table), and the day its load report's range is taken from.
 */
interface OperationsShape {
  columns: readonly (readonly [string, string])[];
  key: readonly string[];
  dateColumn: string;
}

const same = (name: string): readonly [string, string] => [name, v(name)];
// An absent field is an untyped NULL in the staged table: the cast keeps trim() happy.
const keyOf = (name: string, id: string): readonly [string, string] => [name, matchKeySql(`CAST(${v(id)} AS VARCHAR)`)];
const dayOf = (name: string, at: string): readonly [string, string] => [name, `CAST(${v(at)} AS DATE)`];

const OPERATIONS: Record<OperationsTable, OperationsShape> = {
  products: {
    columns: [
      same('sku'),
      keyOf('sku_key', 'sku'),
      ...['product_name', 'category', 'unit_cost', 'list_price', 'role', 'lead_time_days', 'status'].map(same),
    ],
    key: ['sku_key'],
    dateColumn: '',
  },
  inventory: {
    columns: [same('date'), same('sku'), keyOf('sku_key', 'sku'), same('on_hand'), same('on_order'), same('location')],
    key: ['date', 'sku_key', 'location'],
    dateColumn: 'date',
  },
  marketing_spend: {
    columns: [
      same('date'),
      same('channel'),
      ['channel_raw', s('channel')],
      ...['campaign', 'spend', 'impressions', 'clicks'].map(same),
    ],
    key: ['date', 'channel', 'channel_raw', 'campaign'],
    dateColumn: 'date',
  },
  campaigns: {
    columns: ['campaign', 'name', 'type', 'starts_on', 'ends_on', 'budget'].map(same),
    key: ['campaign'],
    dateColumn: 'starts_on',
  },
  service_tickets: {
    columns: [
      same('ticket_id'),
      same('customer_id'),
      keyOf('customer_key', 'customer_id'),
      same('order_id'),
      same('opened_at'),
      dayOf('opened_date', 'opened_at'),
      ...['first_response_at', 'resolved_at', 'channel', 'category', 'csat'].map(same),
    ],
    key: ['ticket_id'],
    dateColumn: 'opened_date',
  },
  reviews: {
    columns: [
      same('review_id'),
      same('order_id'),
      same('sku'),
      keyOf('sku_key', 'sku'),
      same('customer_id'),
      keyOf('customer_key', 'customer_id'),
      same('created_at'),
      dayOf('created_date', 'created_at'),
      same('rating'),
    ],
    key: ['review_id'],
    dateColumn: 'created_date',
  },
};

function operationsMerge(table: OperationsTable): TableMerge {
  const shape = OPERATIONS[table];
  const exprOf = new Map(shape.columns);
  const keyExprs = shape.key.map((k) => exprOf.get(k) as string);
  const cols = shape.columns.map(([name, expr]) => `${expr} AS ${name}`).join(', ');
  const matches = shape.key.map((k) => `n.${k} IS NOT DISTINCT FROM t.${k}`).join(' AND ');
  return {
    keySql: keyExprs.length === 1 ? keyExprs[0]! : `(${keyExprs.join(', ')})`,
    select: (staged, file, dedupe) => `
      SELECT ${cols}, ${literal(file)} AS source_file
      FROM ${staged} WHERE _reason IS NULL
      ${lastPerKey(dedupe, keyExprs.join(', '))}`,
    replacedSql: `SELECT count(*) AS n FROM ${NEW} n WHERE EXISTS (SELECT 1 FROM ${table} t WHERE ${matches})`,
    deleteSql: `DELETE FROM ${table} t WHERE EXISTS (SELECT 1 FROM ${NEW} n WHERE ${matches})`,
    insertSql: `INSERT INTO ${table} BY NAME SELECT * FROM ${NEW}`,
    dateColumn: shape.dateColumn,
  };
}

function mergeFor(table: TableName, addUpTraffic: boolean): TableMerge {
  switch (table) {
    case 'orders':
      return ORDERS;
    case 'order_items':
      return ORDER_ITEMS;
    case 'traffic':
      return trafficMerge(addUpTraffic);
    case 'users':
      return USERS;
    default:
      return operationsMerge(table);
  }
}

async function count(engine: Engine, sql: string): Promise<number> {
  const [row] = await engine.query(sql);
  return Number(row?.['n'] ?? 0);
}

export interface MergeRequest {
  table: TableName;
  staged: string;
  /** Staged line items (orders exports that carry them); loaded only for orders that load. */
  stagedItems?: string;
  file: string;
  /** Traffic rows sharing a key are added up (the export splits them by a dimension we drop). */
  addUpTraffic: boolean;
  signal?: AbortSignal | undefined;
  /** Tables emptied in the same transaction, before the rows go in (the sample shop a first own file replaces). */
  emptyFirst?: readonly TableName[] | undefined;
}

/**
 * Merges one staged file into its canonical table in one transaction: all or nothing
 * (DATA.md "Bad input"). A key seen again replaces the earlier row, whether it came from an
 * earlier file or earlier in this file (the last row wins).
 */
export async function mergeStaged(engine: Engine, req: MergeRequest): Promise<MergeCounts> {
  const m = mergeFor(req.table, req.addUpTraffic);
  let newKind: 'VIEW' | 'TABLE' = 'TABLE';
  try {
    const [keys] = await engine.query(
      `SELECT count(*) AS valid, ${m.keySql ? `count(DISTINCT ${m.keySql})` : 'count(*)'} AS distinct_keys FROM ${req.staged} WHERE _reason IS NULL`,
    );
    const valid = Number(keys?.['valid'] ?? 0);
    const dedupe = Number(keys?.['distinct_keys'] ?? 0) < valid;
    // Without duplicates to drop (or rows to add up), the rows to insert are just a view of the
    // staged table: no second copy of a large file.
    newKind = dedupe || (req.table === 'traffic' && req.addUpTraffic) ? 'TABLE' : 'VIEW';
    req.signal?.throwIfAborted();
    await engine.run(`CREATE TEMP ${newKind} ${NEW} AS ${m.select(req.staged, req.file, dedupe)}`);
    const inserted = newKind === 'VIEW' ? valid : await count(engine, `SELECT count(*) AS n FROM ${NEW}`);
    req.signal?.throwIfAborted();
    const emptied = req.emptyFirst?.includes(req.table) ?? false;
    const replaced = emptied ? 0 : await count(engine, m.replacedSql);
    // Rows that are not inserted were either replaced by a later row of the file or added into it.
    const addedUp = req.table === 'traffic' && req.addUpTraffic ? valid - inserted : 0;
    const withinFile = valid - inserted - addedUp;
    let dateRange: MergeCounts['dateRange'] = null;
    if (m.dateColumn) {
      const [r] = await engine.query(
        `SELECT CAST(min(${m.dateColumn}) AS VARCHAR) AS f, CAST(max(${m.dateColumn}) AS VARCHAR) AS t FROM ${NEW}`,
      );
      if (r && typeof r['f'] === 'string' && typeof r['t'] === 'string') dateRange = { from: r['f'], to: r['t'] };
    }
    let items: MergeCounts['items'];
    if (req.stagedItems) {
      await engine.run(`CREATE TEMP TABLE ${NEW_ITEMS} AS
        SELECT ${v('order_id')} AS order_id, ${v('sku')} AS sku, ${v('product_name')} AS product_name, ${v('category')} AS category,
          ${v('quantity')} AS quantity, ${v('unit_price')} AS unit_price, ${literal(req.file)} AS source_file
        FROM ${req.stagedItems} WHERE _reason IS NULL AND ${v('order_id')} IN (SELECT order_id FROM ${NEW}) ORDER BY _row`);
      items = {
        read: await count(engine, `SELECT count(*) AS n FROM ${req.stagedItems}`),
        loaded: await count(engine, `SELECT count(*) AS n FROM ${NEW_ITEMS}`),
      };
    }
    req.signal?.throwIfAborted();

    await engine.run('BEGIN TRANSACTION');
    try {
      for (const t of req.emptyFirst ?? []) await engine.run(`DELETE FROM ${t}`);
      if (replaced > 0) await engine.run(m.deleteSql);
      req.signal?.throwIfAborted();
      await engine.run(m.insertSql);
      if (req.stagedItems) {
        await engine.run(`DELETE FROM order_items WHERE order_id IN (SELECT order_id FROM ${NEW})`);
        await engine.run(`INSERT INTO order_items BY NAME SELECT * FROM ${NEW_ITEMS}`);
      }
      req.signal?.throwIfAborted();
      await engine.run('COMMIT');
    } catch (e) {
      await engine.run('ROLLBACK');
      throw e;
    }
    return { loaded: valid, replaced: withinFile + replaced, addedUp, dateRange, ...(items ? { items } : {}) };
  } finally {
    await engine.run(`DROP ${newKind} IF EXISTS ${NEW}; DROP TABLE IF EXISTS ${NEW_ITEMS}`);
  }
}
