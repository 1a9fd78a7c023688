/** A value that left the engine: JSON-safe, null kept. Dates are 'YYYY-MM-DD', timestamps 'YYYY-MM-DDTHH:mm:ss'. */
export type Scalar = string | number | boolean | null;
export type Row = Record<string, Scalar>;

export type EngineKind = 'wasm-browser' | 'wasm-node' | 'native' | 'chdb' | 'clickhouse';

/**
 * The one interface every part of Yardstick talks to. Browser (worker + bundled wasm),
 * Node (blocking DuckDB-WASM build) and native DuckDB all implement it, so the same SQL
 * runs everywhere.
 */
export interface Engine {
  readonly kind: EngineKind;
  /** Runs one statement and returns its rows as plain objects. */
  query<T extends Row = Row>(sql: string): Promise<T[]>;
  /** Runs one or more statements, discarding results. */
  run(sql: string): Promise<void>;
  /**
   * Runs exactly one statement someone typed (the SQL console) where it cannot change the data
   * or the engine: its own connection, a read-only transaction that is always rolled back, and
   * no statement known to crash DuckDB (see read-only.ts).
   */
  queryReadOnly<T extends Row = Row>(sql: string): Promise<T[]>;
  /** Makes bytes readable from SQL as `fileRef(name)` (e.g. `read_csv('/ys/name')`). */
  registerBytes(name: string, bytes: Uint8Array): Promise<void>;
  /** Registers a browser File/Blob without copying it into memory (browser only; others read it). */
  registerBlob(name: string, blob: Blob): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** How SQL names a file registered as `name`. */
  fileRef(name: string): string;
  close(): Promise<void>;
}

export class EngineError extends Error {
  constructor(
    message: string,
    readonly sql: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

/** Wraps an engine failure so the message says what failed and on which statement. */
export function queryFailed(sql: string, cause: unknown): EngineError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const head = sql.replace(/\s+/g, ' ').trim().slice(0, 160);
  return new EngineError(`Query failed: ${reason}\n  in: ${head}`, sql);
}

/**
 * Settings applied to every new database: never fetch extensions (offline, and an autoload
 * hangs forever in Node), and keep timestamps naive so no time zone moves a date.
 */
export const OFFLINE_SETTINGS = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
];

/** The only place the wasm engines read files from: where they register them. */
export const REGISTERED_DIR = '/ys/';

/**
 * The wasm engines run the user's own SQL on the SQL page, so they refuse every file and host
 * but the files we register (issue 19, item 6): `LOAD httpfs`, URLs in read_csv or FROM,
 * ATTACH and COPY TO fail at once, and the locked configuration means no statement can turn
 * external access, extension loading or autoloading back on.
 */
export const SEALED_SETTINGS = [
  ...OFFLINE_SETTINGS,
  `SET allowed_directories = ['${REGISTERED_DIR}']`,
  'SET enable_external_access = false',
  'SET lock_configuration = true',
];
