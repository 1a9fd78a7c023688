import type { Engine } from '../engine/engine';
import { literal } from '../engine/sql';
import { matchKeySql, type TableName } from '../model/tables';
import { textCol as s, valueCol as v } from './stage';

const NEW = '_ys_new';
const NEW_ITEMS = '_ys_new_items';

export interface MergeCounts {
  /** Rows that passed validation. */
  valid: number;
  /** Rows that went into the table. */
  loaded: number;
  /** Valid rows whose key was already taken: earlier in this file or by an earlier file. */
  duplicates: number;
  dateRange: { from: string; to: string } | null;
  items?: { read: number; loaded: number };
}

interface TableMerge {
  /** Builds `_ys_new` (what will be inserted) from the staged valid rows. */
  prepare(staged: string, file: string): string;
  /** Counts keys of `_ys_new` already present in the table (replaced by this file). */
  replacedSql: string;
  deleteSql: string;
  insertSql: string;
  dateColumn: string;
}

const money = (f: string): string => `coalesce(${v(f)}, 0)`;

const ORDERS: TableMerge = {
  prepare: (staged, file) => `CREATE TEMP TABLE ${NEW} AS
    SELECT ${v('order_id')} AS order_id, ${v('customer_id')} AS customer_id, ${matchKeySql(v('customer_id'))} AS customer_key,
      ${v('ordered_at')} AS ordered_at, CAST(${v('ordered_at')} AS DATE) AS order_date, ${v('paid_at')} AS paid_at,
      ${v('status')} AS status, ${v('order_total')} AS order_total,
      ${money('discount_amount')} AS discount_amount, ${money('shipping_amount')} AS shipping_amount,
      ${money('tax_amount')} AS tax_amount, ${money('refund_amount')} AS refund_amount,
      ${v('currency')} AS currency, ${v('channel')} AS channel, ${s('channel')} AS channel_raw,
      ${v('campaign')} AS campaign, ${v('coupon_code')} AS coupon_code, ${v('region')} AS region, ${v('device')} AS device,
      ${literal(file)} AS source_file
    FROM ${staged} WHERE _reason IS NULL
    QUALIFY row_number() OVER (PARTITION BY ${v('order_id')} ORDER BY _row DESC) = 1`,
  replacedSql: `SELECT count(*) AS n FROM ${NEW} WHERE order_id IN (SELECT order_id FROM orders)`,
  deleteSql: `DELETE FROM orders WHERE order_id IN (SELECT order_id FROM ${NEW})`,
  insertSql: `INSERT INTO orders BY NAME SELECT * FROM ${NEW}`,
  dateColumn: 'order_date',
};

const ORDER_ITEMS: TableMerge = {
  prepare: (staged, file) => `CREATE TEMP TABLE ${NEW} AS
    SELECT ${v('order_id')} AS order_id, ${v('sku')} AS sku, ${v('product_name')} AS product_name, ${v('category')} AS category,
      ${v('quantity')} AS quantity, ${v('unit_price')} AS unit_price, ${literal(file)} AS source_file
    FROM ${staged} WHERE _reason IS NULL ORDER BY _row`,
  // A later file's items replace all earlier items of the same order.
  replacedSql: `SELECT count(DISTINCT order_id) AS n FROM ${NEW} WHERE order_id IN (SELECT order_id FROM order_items)`,
  deleteSql: `DELETE FROM order_items WHERE order_id IN (SELECT order_id FROM ${NEW})`,
  insertSql: `INSERT INTO order_items BY NAME SELECT * FROM ${NEW}`,
  dateColumn: '',
};

const TRAFFIC_KEY = ['date', 'channel', 'channel_raw', 'device', 'campaign'] as const;
const TRAFFIC_MEASURES = ['sessions', 'visitors', 'product_views', 'add_to_cart', 'checkouts'] as const;

function trafficMerge(addUp: boolean): TableMerge {
  const keys = `${v('date')} AS date, ${v('channel')} AS channel, ${s('channel')} AS channel_raw, ${v('device')} AS device, ${v('campaign')} AS campaign`;
  const prepare = addUp
    ? (staged: string, file: string) => `CREATE TEMP TABLE ${NEW} AS
        SELECT ${keys}, ${TRAFFIC_MEASURES.map((m) => `sum(${v(m)}) AS ${m}`).join(', ')}, ${literal(file)} AS source_file
        FROM ${staged} WHERE _reason IS NULL GROUP BY ALL`
    : (staged: string, file: string) => `CREATE TEMP TABLE ${NEW} AS
        SELECT ${keys}, ${TRAFFIC_MEASURES.map((m) => `${v(m)} AS ${m}`).join(', ')}, ${literal(file)} AS source_file
        FROM ${staged} WHERE _reason IS NULL
        QUALIFY row_number() OVER (PARTITION BY ${[v('date'), v('channel'), s('channel'), v('device'), v('campaign')].join(', ')} ORDER BY _row DESC) = 1`;
  const same = TRAFFIC_KEY.map((k) => `n.${k} IS NOT DISTINCT FROM t.${k}`).join(' AND ');
  return {
    prepare,
    replacedSql: `SELECT count(*) AS n FROM ${NEW} n WHERE EXISTS (SELECT 1 FROM traffic t WHERE ${same})`,
    deleteSql: `DELETE FROM traffic t WHERE EXISTS (SELECT 1 FROM ${NEW} n WHERE ${same})`,
    insertSql: `INSERT INTO traffic BY NAME SELECT * FROM ${NEW}`,
    dateColumn: 'date',
  };
}

const USERS: TableMerge = {
  prepare: (staged, file) => `CREATE TEMP TABLE ${NEW} AS
    SELECT ${v('user_id')} AS user_id, ${matchKeySql(v('user_id'))} AS user_key, ${v('registered_at')} AS registered_at,
      CAST(${v('registered_at')} AS DATE) AS registered_date, ${v('channel')} AS channel, ${v('region')} AS region,
      ${v('member_tier')} AS member_tier, ${literal(file)} AS source_file
    FROM ${staged} WHERE _reason IS NULL
    QUALIFY row_number() OVER (PARTITION BY ${matchKeySql(v('user_id'))} ORDER BY _row DESC) = 1`,
  replacedSql: `SELECT count(*) AS n FROM ${NEW} WHERE user_key IN (SELECT user_key FROM users)`,
  deleteSql: `DELETE FROM users WHERE user_key IN (SELECT user_key FROM ${NEW})`,
  insertSql: `INSERT INTO users BY NAME SELECT * FROM ${NEW}`,
  dateColumn: 'registered_date',
};

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
}

/**
 * Merges one staged file into its canonical table in one transaction: all or nothing
 * (DATA.md "Bad input"). A key seen again replaces the earlier row, whether it came from an
 * earlier file or earlier in this file (the last row wins).
 */
export async function mergeStaged(engine: Engine, req: MergeRequest): Promise<MergeCounts> {
  const m = mergeFor(req.table, req.addUpTraffic);
  await engine.run(`DROP TABLE IF EXISTS ${NEW}; DROP TABLE IF EXISTS ${NEW_ITEMS}`);
  try {
    await engine.run(m.prepare(req.staged, req.file));
    const valid = await count(engine, `SELECT count(*) AS n FROM ${req.staged} WHERE _reason IS NULL`);
    const loaded = await count(engine, `SELECT count(*) AS n FROM ${NEW}`);
    const replaced = await count(engine, m.replacedSql);
    const withinFile = req.table === 'order_items' || (req.table === 'traffic' && req.addUpTraffic) ? 0 : valid - loaded;
    let dateRange: MergeCounts['dateRange'] = null;
    if (m.dateColumn) {
      const [r] = await engine.query(`SELECT CAST(min(${m.dateColumn}) AS VARCHAR) AS f, CAST(max(${m.dateColumn}) AS VARCHAR) AS t FROM ${NEW}`);
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
      await engine.run(m.deleteSql);
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
    return { valid, loaded, duplicates: withinFile + replaced, dateRange, ...(items ? { items } : {}) };
  } finally {
    await engine.run(`DROP TABLE IF EXISTS ${NEW}; DROP TABLE IF EXISTS ${NEW_ITEMS}`);
  }
}
