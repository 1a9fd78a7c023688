import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Engine } from '../../../src/engine/engine';
import { CANONICAL_DDL } from '../../../src/model/tables';

/**
 * Copies the canonical tables (as the import left them in a DuckDB engine: same recognition,
 * rejects and duplicates) into a ClickHouse engine running in this process (chdb), through
 * Parquet files in a private temporary folder. The tables keep the canonical schema: the
 * DuckDB DDL read through the ClickHouse dialect, nullable where DuckDB's are.
 */
export async function copyCanonicalTables(from: Engine, to: Engine, tables: readonly string[]): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yardstick-ch-'));
  try {
    // What was loaded before is replaced, as a new load replaces it in DuckDB.
    for (const t of tables) await to.run(`DROP TABLE IF EXISTS ${t}`);
    await to.run(CANONICAL_DDL);
    for (const t of tables) {
      const file = path.join(dir, `${t}.parquet`);
      await from.run(`COPY ${t} TO '${file}' (FORMAT parquet)`);
      await to.run(`INSERT INTO ${t} SELECT * FROM file('${file}', Parquet)`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
