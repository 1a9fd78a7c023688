import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { queryFailed, REGISTERED_DIR, SEALED_SETTINGS, type Engine, type Row } from './engine';
import { queryLog } from './query-log';
import { BEGIN_READ_ONLY, refuseEngineKillers } from './read-only';
import { arrowToRows } from './rows';

/**
 * DuckDB-WASM in a Web Worker, wasm and worker served from our own origin by Vite.
 * Only the mvp and eh bundles: the threaded coi bundle failed with File handles and was
 * not faster on two cores (ENGINE-NOTES §1), so every browser with Wasm exceptions gets eh.
 */
async function startBrowserEngine(): Promise<Engine> {
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
  });
  if (!bundle.mainWorker) throw new Error('No DuckDB worker for this browser');
  const worker = new Worker(bundle.mainWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn = await db.connect();
  for (const s of SEALED_SETTINGS) await conn.query(s);

  return {
    kind: 'wasm-browser',
    async query<T extends Row = Row>(sql: string): Promise<T[]> {
      const start = performance.now();
      try {
        return arrowToRows(await conn.query(sql)) as T[];
      } catch (e) {
        throw queryFailed(sql, e);
      } finally {
        queryLog()?.push({ sql, start, end: performance.now() });
      }
    },
    async run(sql: string): Promise<void> {
      const start = performance.now();
      try {
        await conn.query(sql);
      } catch (e) {
        throw queryFailed(sql, e);
      } finally {
        queryLog()?.push({ sql, start, end: performance.now() });
      }
    },
    async queryReadOnly<T extends Row = Row>(sql: string): Promise<T[]> {
      refuseEngineKillers(sql);
      const own = await db.connect();
      const start = performance.now();
      try {
        await own.query(BEGIN_READ_ONLY);
        const statement = await own.prepare(sql);
        try {
          return arrowToRows(await statement.query()) as T[];
        } finally {
          await statement.close();
        }
      } catch (e) {
        throw queryFailed(sql, e);
      } finally {
        await own.query('ROLLBACK').catch(() => undefined); // a lone COMMIT has ended it already
        await own.close();
        queryLog()?.push({ sql, start, end: performance.now() });
      }
    },
    async registerBytes(name, bytes) {
      await db.registerFileBuffer(REGISTERED_DIR + name, bytes);
    },
    async registerBlob(name, blob) {
      // The worker reads slices of the File on demand, so a large file never sits whole in memory.
      await db.registerFileHandle(REGISTERED_DIR + name, blob, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
    },
    async dropFile(name) {
      await db.dropFile(REGISTERED_DIR + name);
    },
    fileRef(name) {
      return REGISTERED_DIR + name;
    },
    async close() {
      await conn.close();
      await db.terminate();
    },
  };
}

let started: Promise<Engine> | undefined;

/** The one engine of the page: started lazily on first use, then shared. */
export function getBrowserEngine(): Promise<Engine> {
  started ??= startBrowserEngine().catch((e: unknown) => {
    started = undefined; // let a retry start afresh
    throw e;
  });
  return started;
}
