import { REGISTERED_DIR, type Engine, type Row } from '../engine/engine';
import { markDerived } from '../metrics/derived-state';
import { servePreview } from '../metrics/result-cache';
import { buildsOwnTableOnly } from './result-recorder';

const liveOf = new WeakMap<Engine, Promise<Engine>>();

/**
 * An engine the pages can use while DuckDB starts (issue 18, item 11): metric queries whose SQL
 * was answered on an earlier visit to the same data are answered from those kept results at
 * once; every other query, and every write, waits for the live engine and runs there. It says
 * it has derived tables, as the live engine will, so the pages ask the very SQL that was kept.
 */
export function previewEngine(kept: ReadonlyMap<string, readonly Row[]>, live: Promise<Engine>): Engine {
  const later = <T>(work: (engine: Engine) => Promise<T>) => live.then(work);
  const engine: Engine = {
    kind: 'wasm-browser',
    query: <T extends Row = Row>(sql: string) => {
      const rows = kept.get(sql);
      return rows ? Promise.resolve(rows.map((r) => ({ ...r })) as T[]) : later((e) => e.query<T>(sql));
    },
    queryReadOnly: <T extends Row = Row>(sql: string) => later((e) => e.queryReadOnly<T>(sql)),
    // A page's own table built from the data (ys_…) is not needed here: its reads were kept.
    run: (sql) => (buildsOwnTableOnly(sql) ? Promise.resolve() : later((e) => e.run(sql))),
    registerBytes: (name, bytes) => later((e) => e.registerBytes(name, bytes)),
    registerBlob: (name, blob) => later((e) => e.registerBlob(name, blob)),
    dropFile: (name) => later((e) => e.dropFile(name)),
    fileRef: (name) => REGISTERED_DIR + name,
    close: async () => undefined,
  };
  markDerived(engine, true);
  servePreview(engine, { cached: (sql) => kept.get(sql), live });
  liveOf.set(engine, live);
  return engine;
}

/** The engine that really holds the data: the live one behind a preview, or the engine itself. */
export function liveEngine(engine: Engine): Promise<Engine> {
  return liveOf.get(engine) ?? Promise.resolve(engine);
}
