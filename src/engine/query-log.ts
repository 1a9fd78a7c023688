/** One query's start and end (performance.now()), for the browser benchmark's `--profile`. */
export interface QueryLogEntry {
  sql: string;
  start: number;
  end: number;
}

/** Set by the browser benchmark's `--profile` to see each query's time; absent otherwise. */
export function queryLog(): QueryLogEntry[] | undefined {
  return (globalThis as { __yardstickQueryLog?: QueryLogEntry[] }).__yardstickQueryLog;
}
