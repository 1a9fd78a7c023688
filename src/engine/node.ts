import { createRequire } from 'node:module';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { queryFailed, REGISTERED_DIR, SEALED_SETTINGS, type Engine, type Row } from './engine';
import { BEGIN_READ_ONLY, refuseEngineKillers } from './read-only';
import { arrowToRows } from './rows';

/**
 * DuckDB-WASM in Node through the blocking build: the same eh wasm file the browser runs,
 * so the SQL semantics are identical. Used by tests and by `yardstick report`.
 */
export async function createNodeWasmEngine(): Promise<Engine> {
  const require = createRequire(import.meta.url);
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const db = await duckdb.createDuckDB(
    {
      mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
      eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: '' },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate();
  db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn = db.connect();
  for (const s of SEALED_SETTINGS) conn.query(s);

  const engine: Engine = {
    kind: 'wasm-node',
    async query<T extends Row = Row>(sql: string): Promise<T[]> {
      try {
        return arrowToRows(conn.query(sql)) as T[];
      } catch (e) {
        throw queryFailed(sql, e);
      }
    },
    async run(sql: string): Promise<void> {
      try {
        conn.query(sql);
      } catch (e) {
        throw queryFailed(sql, e);
      }
    },
    async queryReadOnly<T extends Row = Row>(sql: string): Promise<T[]> {
      refuseEngineKillers(sql);
      const own = db.connect();
      try {
        own.query(BEGIN_READ_ONLY);
        const statement = own.prepare(sql);
        try {
          return arrowToRows(statement.query()) as T[];
        } finally {
          statement.close();
        }
      } catch (e) {
        throw queryFailed(sql, e);
      } finally {
        try {
          own.query('ROLLBACK');
        } catch {
          // a lone COMMIT has ended the transaction already
        }
        own.close();
      }
    },
    async registerBytes(name, bytes) {
      db.registerFileBuffer(REGISTERED_DIR + name, bytes);
    },
    async registerBlob(name, blob) {
      db.registerFileBuffer(REGISTERED_DIR + name, new Uint8Array(await blob.arrayBuffer()));
    },
    async dropFile(name) {
      db.dropFile(REGISTERED_DIR + name);
    },
    fileRef(name) {
      return REGISTERED_DIR + name;
    },
    async close() {
      conn.close();
      db.reset();
    },
  };
  return engine;
}

/** Reads a file from disk into an engine under `name`. */
export async function registerDiskFile(engine: Engine, name: string, filePath: string): Promise<void> {
  await engine.registerBytes(name, new Uint8Array(await readFile(filePath)));
}
