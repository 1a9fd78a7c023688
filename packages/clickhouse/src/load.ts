import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Engine } from '../../../src/engine/engine';
import { splitStatements } from '../../../src/metrics/dialect-clickhouse';
import { CANONICAL_DDL, type TableName } from '../../../src/model/tables';

/** Written on every table a load creates; a table without it, or with another, is never read as ours. */
export const SCHEMA_MARK = 'yardstick canonical tables, schema 1';

/**
 * How each canonical table is kept on ClickHouse: partitioned by the month of its day (a new
 * month's export rewrites only the months it holds), sorted by that day first (every dashboard
 * query reads a date range), and the key a later row replaces an earlier one by (DATA.md:
 * the later file wins), as the import's merge keys them.
 */
export const LAYOUT: Record<TableName, { day: string | null; order: string; key: string }> = {
  orders: { day: 'order_date', order: '(order_date, order_id)', key: 'order_id' },
  order_items: { day: null, order: 'order_id', key: 'order_id' },
  traffic: { day: 'date', order: '(date, channel)', key: '(date, channel, channel_raw, device, campaign)' },
  users: { day: 'registered_date', order: '(registered_date, user_key)', key: 'user_key' },
  products: { day: null, order: 'tuple()', key: 'sku_key' },
  inventory: { day: 'date', order: 'date', key: '(date, sku_key, location)' },
  marketing_spend: { day: 'date', order: '(date, channel)', key: '(date, channel, channel_raw, campaign)' },
  campaigns: { day: null, order: 'campaign', key: 'campaign' },
  service_tickets: { day: 'opened_date', order: '(opened_date, ticket_id)', key: 'ticket_id' },
  reviews: { day: 'created_date', order: '(created_date, review_id)', key: 'review_id' },
};

/** A ClickHouse engine that can take a Parquet file into a table (a local file for chdb, a stream to a server). */
export interface ClickHouseTarget {
  engine: Engine;
  insertParquet(table: string, file: string): Promise<void>;
}

/** The canonical DDL of one table, as a MergeTree table with its layout and the schema mark. */
export function tableDdl(table: TableName, name: string = table): string {
  const statement = splitStatements(CANONICAL_DDL).find((s) => new RegExp(`\\b${table}\\s*\\(`).test(s));
  if (!statement) throw new Error(`No canonical DDL for ${table}`);
  const { day, order } = LAYOUT[table];
  const columns = statement.slice(statement.indexOf('('));
  const partition = day ? ` PARTITION BY toYYYYMM(${day})` : '';
  return `CREATE TABLE ${name} ${columns} ENGINE = MergeTree${partition} ORDER BY ${order} COMMENT '${SCHEMA_MARK}'`;
}

/** A table of this name the load cannot use: not made by this Yardstick's schema. */
export class ForeignTableError extends Error {}

async function ensureTable(engine: Engine, table: TableName): Promise<void> {
  const [row] = await engine.query<{ comment: string }>(
    `SELECT comment FROM system.tables WHERE database = currentDatabase() AND name = '${table}'`,
  );
  if (!row) return engine.run(tableDdl(table));
  if (row.comment !== SCHEMA_MARK) {
    // No older schema exists yet to migrate from: anything else is refused, never misread.
    throw new ForeignTableError(
      `table ${table} exists but was not created by this version of Yardstick (${row.comment ? `marked "${row.comment}"` : 'no schema mark'}): drop it or load into another database`,
    );
  }
}

/**
 * Makes every canonical table the report reads exist on the server in this schema (empty when
 * new), and refuses one that is not ours, before anything reads them: the report's own
 * `CREATE TABLE IF NOT EXISTS` then finds them and creates nothing.
 */
export async function prepareTables(engine: Engine, tables: readonly TableName[]): Promise<void> {
  for (const table of tables) await ensureTable(engine, table);
}

/**
 * Writes the canonical tables the DuckDB import produced (same recognition, rejects and
 * duplicates) into ClickHouse. Per table: a staging table takes the new rows, the rows of the
 * months they touch that no new row replaces, and the untouched months' parts (attached, not
 * copied); then it is exchanged with the table in one step. A load that stops half way leaves
 * the table as it was.
 */
export async function loadIntoClickHouse(
  from: Engine,
  target: ClickHouseTarget,
  tables: readonly TableName[],
  progress: (line: string) => void = () => undefined,
): Promise<void> {
  const { engine } = target;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yardstick-load-'));
  try {
    for (const table of tables) {
      const [count] = await from.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
      if (!count || count.n === 0) continue;
      await ensureTable(engine, table);
      const staging = `${table}__loading`;
      const { day, key } = LAYOUT[table];
      await engine.run(`DROP TABLE IF EXISTS ${staging}`);
      await engine.run(tableDdl(table, staging));
      const file = path.join(dir, `${table}.parquet`);
      await from.run(`COPY ${table} TO '${file}' (FORMAT parquet)`);
      await target.insertParquet(staging, file);
      // NULL in a key equals NULL, as the import's IS NOT DISTINCT FROM.
      const kept = `${key} NOT IN (SELECT ${key} FROM ${staging}) SETTINGS transform_null_in = 1`;
      if (day) {
        const months = await engine.query<{ p: string }>(
          `SELECT DISTINCT toString(toYYYYMM(${day})) AS p FROM ${staging}`,
        );
        const touched = months.map((m) => `'${m.p}'`).join(', ');
        await engine.run(
          `INSERT INTO ${staging} SELECT * FROM ${table} WHERE toString(toYYYYMM(${day})) IN (${touched}) AND ${kept}`,
        );
        const others = await engine.query<{ p: string }>(
          `SELECT DISTINCT partition_id AS p FROM system.parts WHERE database = currentDatabase() AND table = '${table}' AND active AND partition_id NOT IN (${touched})`,
        );
        for (const { p } of others) await engine.run(`ALTER TABLE ${staging} ATTACH PARTITION ID '${p}' FROM ${table}`);
      } else {
        await engine.run(`INSERT INTO ${staging} SELECT * FROM ${table} WHERE ${kept}`);
      }
      await engine.run(`EXCHANGE TABLES ${table} AND ${staging}`);
      await engine.run(`DROP TABLE ${staging}`);
      progress(`  ${table}: ${count.n} rows written`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
