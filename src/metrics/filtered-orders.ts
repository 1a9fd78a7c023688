import type { Engine } from '../engine/engine';
import { derivedGeneration, hasDerived, ORDERS_TABLE } from './derived-state';
import { activeDimensions, ordersFilterSql, type Filters } from './filters';
import { servesPreview } from './result-cache';

/**
 * The derived orders under one filter, as a table of their own (issue 12's ≤ 300 ms on the
 * Customers page). A filtered Customers view runs six statements over every paid order up to
 * its day (RFM, stage changes, stage moves, cohorts, the buyer mix, new buyers by channel); each
 * scanned all of `ys_orders` and tested the filter on every row. Read once into a table of the
 * filter's rows (in the same date order), they scan a tenth of it. Kept per filter for the build of
 * the derived tables it was made from, a few filters at a time; DuckDB engines only (ClickHouse
 * reads the filter as before).
 */
const KEPT = 4;
/**
 * The columns of `ys_orders` the filtered customer statements read. Only these: in DuckDB-WASM
 * copying the text columns too made the table cost 250 ms where these cost ~20 ms beyond the scan
 * (Node, 110k of 1M orders), more than the statements saved.
 */
const FILTERED_ORDER_COLUMNS = 'cid, order_date, first_paid_date, is_paid, is_cancelled, order_total';
/** A filter's table: `ys_orders`' rows `where` keeps, FILTERED_ORDER_COLUMNS of them. */
const filteredOrdersSql = (where: string) => `SELECT ${FILTERED_ORDER_COLUMNS} FROM ${ORDERS_TABLE} o WHERE ${where}`;

interface Entry {
  table: string;
  generation: number;
  ready: Promise<void>;
  /** Statements reading the table now: it is not emptied under them. */
  users: number;
  lastUsed: number;
}

interface State {
  byFilter: Map<string, Entry>;
  clock: number;
}

const states = new WeakMap<Engine, State>();
const DUCKDB_KINDS: readonly Engine['kind'][] = ['wasm-browser', 'wasm-node', 'native'];

/** A short stable name for a filter's table: the same filter gets the same table (and cached results) again. */
function tableName(condition: string, taken: ReadonlySet<string>): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < condition.length; i++) hash = Math.imul(hash ^ condition.charCodeAt(i), 0x01000193) >>> 0;
  const base = `ys_orders_f${hash.toString(16).padStart(8, '0')}`;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  return name;
}

/**
 * Takes out of `state` the least recently used tables no statement is reading, so that with the
 * one about to be made at most KEPT remain; returns their names, to empty.
 */
function evict(state: State, keep: string): string[] {
  const idle = [...state.byFilter.entries()]
    .filter(([condition, e]) => condition !== keep && e.users === 0)
    .sort(([, a], [, b]) => a.lastUsed - b.lastUsed);
  const others = state.byFilter.size - (state.byFilter.has(keep) ? 1 : 0);
  return idle.slice(0, Math.max(0, others + 1 - KEPT)).map(([condition, e]) => {
    state.byFilter.delete(condition);
    return e.table;
  });
}

/**
 * Runs `read` with the name of a table holding the derived orders under `filters` (the rows the
 * filter keeps, FILTERED_ORDER_COLUMNS of them, in date order), or with null when there is none to
 * read: no filter, no derived tables, or not a DuckDB engine. Under a table, `read` must not
 * apply the filter again (it would be true of every row).
 */
export async function withFilteredOrders<T>(
  engine: Engine,
  filters: Filters,
  read: (table: string | null) => Promise<T>,
): Promise<T> {
  // A preview engine (result-cache.ts) answers from kept results and hands the rest to the live
  // engine, which would not have a table the preview was asked to build.
  if (
    !hasDerived(engine) ||
    !DUCKDB_KINDS.includes(engine.kind) ||
    servesPreview(engine) ||
    activeDimensions(filters).length === 0
  )
    return read(null);
  let state = states.get(engine);
  if (!state) states.set(engine, (state = { byFilter: new Map(), clock: 0 }));
  const condition = ordersFilterSql(filters, 'o', { channelNormalised: true });
  const generation = derivedGeneration(engine);
  let entry = state.byFilter.get(condition);
  if (!entry || entry.generation !== generation) {
    const table = entry?.table ?? tableName(condition, new Set([...state.byFilter.values()].map((e) => e.table)));
    const evicted = evict(state, condition);
    // The engine runs statements in the order they are asked: the evicted tables are emptied now,
    // before a later caller can make one of their filters' tables again; then the build, then the
    // reads. Emptied, not dropped: like the build, that changes no data, and the recording of
    // results for the next visit (result-recorder.ts) goes on through it.
    const empties = evicted.map((name) => `CREATE OR REPLACE TABLE ${name} AS ${filteredOrdersSql('FALSE')};`);
    const build = `CREATE OR REPLACE TABLE ${table} AS ${filteredOrdersSql(condition)}`;
    const ready = engine.run([...empties, build].join(' '));
    const fresh: Entry = { table, generation, ready, users: 0, lastUsed: 0 };
    state.byFilter.set(condition, fresh);
    const current = state;
    ready.catch(() => {
      if (current.byFilter.get(condition) === fresh) current.byFilter.delete(condition);
    });
    entry = fresh;
  }
  entry.users++;
  entry.lastUsed = ++state.clock;
  try {
    await entry.ready;
    // A load between the build and now starts a new build of the derived tables: this one is stale.
    if (derivedGeneration(engine) !== generation || !hasDerived(engine)) return await read(null);
    return await read(entry.table);
  } finally {
    entry.users--;
  }
}
