import type { Engine } from '../../../src/engine/engine';
import { rebuildDerived } from '../../../src/metrics/derived';
import { markDerived } from '../../../src/metrics/derived-state';
import { DERIVED_TABLES } from '../../../src/metrics/rollups';
import type { TableName } from '../../../src/model/tables';

/**
 * The derived tables on ClickHouse (issue 20): the per-customer table, orders by date and the daily
 * rollups DuckDB builds after a load (src/metrics/rollups.ts), built from the same statements through
 * the dialect, so the report reads daily rows instead of rescanning orders in every query.
 *
 * On a server they outlive the process that built them: the report uses them only when they were
 * built from the canonical tables as they are now. This table keeps, per canonical table, what it
 * was when they were built (its identity, rows, last block and data version: a load swaps in a new
 * table, an insert adds a block, a mutation raises the version; a merge changes none of them).
 */
export const DERIVED_SOURCE_TABLE = 'ys_derived_source';

async function sourceState(engine: Engine, tables: readonly TableName[]): Promise<string> {
  const list = tables.map((t) => `'${t}'`).join(', ');
  const rows = await engine.query<{ state: string }>(
    `SELECT concat(t.name, ':', toString(t.uuid), ':', toString(ifNull(sum(p.rows), 0)), ':', toString(ifNull(max(p.max_block_number), 0)), ':', toString(ifNull(max(p.data_version), 0))) AS state
     FROM system.tables t LEFT JOIN (SELECT table, rows, max_block_number, data_version FROM system.parts WHERE database = currentDatabase() AND active) p ON p.table = t.name
     WHERE t.database = currentDatabase() AND t.name IN (${list})
     GROUP BY t.name, t.uuid ORDER BY t.name`,
  );
  return rows.map((r) => r.state).join(' ');
}

/** Builds the derived tables and records the canonical tables they were built from. */
export async function buildDerived(engine: Engine, tables: readonly TableName[]): Promise<void> {
  await engine.run(`DROP TABLE IF EXISTS ${DERIVED_SOURCE_TABLE}`);
  await rebuildDerived(engine);
  const state = await sourceState(engine, tables);
  await engine.run(
    `CREATE TABLE ${DERIVED_SOURCE_TABLE} (state String) ENGINE = MergeTree ORDER BY tuple(); INSERT INTO ${DERIVED_SOURCE_TABLE} VALUES ('${state.replace(/'/g, "''")}')`,
  );
}

/**
 * Makes a report on this engine read the derived tables: those already on the server when they were
 * built from the canonical tables as they are now ('kept'), else built again ('built').
 */
export async function useDerived(engine: Engine, tables: readonly TableName[]): Promise<'kept' | 'built'> {
  const present = await engine.query<{ name: string }>(
    `SELECT name FROM system.tables WHERE database = currentDatabase() AND name IN (${[...DERIVED_TABLES, DERIVED_SOURCE_TABLE].map((t) => `'${t}'`).join(', ')})`,
  );
  if (present.length === DERIVED_TABLES.length + 1) {
    const [recorded] = await engine.query<{ state: string }>(`SELECT state FROM ${DERIVED_SOURCE_TABLE}`);
    if (recorded && recorded.state === (await sourceState(engine, tables))) {
      markDerived(engine, true);
      return 'kept';
    }
  }
  await buildDerived(engine, tables);
  return 'built';
}
