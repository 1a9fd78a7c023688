import type { Engine, Row } from '../../engine/engine';
import { literalList } from '../../engine/sql';
import { TABLES, type TableName } from '../../model/tables';
import { isWriteStatement } from './sql-shape';

export interface TableInfo {
  name: TableName;
  rows: number;
  columns: { name: string; type: string }[];
}

/** The loaded tables with their columns (the console's side list). */
export async function describeTables(engine: Engine): Promise<TableInfo[]> {
  const cols = await engine.query(
    `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' AND table_name IN ${literalList(TABLES)} ORDER BY table_name, ordinal_position`,
  );
  const counts = await engine.query(
    TABLES.map((t) => `SELECT '${t}' AS name, count(*) AS n FROM ${t}`).join(' UNION ALL '),
  );
  return TABLES.map((name) => ({
    name,
    rows: Number(counts.find((c) => c.name === name)?.n ?? 0),
    columns: cols
      .filter((c) => c.table_name === name)
      .map((c) => ({ name: String(c.column_name), type: String(c.data_type) })),
  }));
}

export interface ConsoleResult {
  rows: Row[];
  /** Known even when there are no rows, where DuckDB can describe the statement. */
  columns: string[];
  ms: number;
}

/** Runs the analyst's own statement as written, read-only: it can change neither the data nor the engine. */
export async function runConsoleQuery(engine: Engine, sql: string): Promise<ConsoleResult> {
  const started = performance.now();
  const rows = await engine.queryReadOnly(sql);
  const ms = performance.now() - started;
  let columns = rows[0] ? Object.keys(rows[0]) : [];
  if (!rows.length && !isWriteStatement(sql)) {
    try {
      const described = await engine.queryReadOnly(`DESCRIBE ${sql.trim().replace(/;+\s*$/, '')}`);
      columns = described.map((d) => String(d.column_name));
    } catch {
      // Not every statement can be described (DDL, PRAGMA): an empty result then has no header.
    }
  }
  return { rows, columns, ms };
}
