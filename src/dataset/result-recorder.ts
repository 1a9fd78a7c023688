import type { Engine, Row } from '../engine/engine';
import { derivedGeneration } from '../metrics/derived-state';
import { KEPT_LIMIT, writeKeptResults, type KeptResults } from './kept-results';

/**
 * Keeps the live engine's results for the next visit (kept-results.ts). A recording
 * covers one build of the derived tables over data whose fingerprint is known; it stops at the
 * first write to the engine (an import starting, the sample being put back), since results read
 * from then on may belong to neither the old data nor the new, and starts again once the change
 * is complete (afterDataChange).
 */
interface Recording {
  engine: Engine;
  generation: number;
  fingerprint: Promise<string | null>;
  entries: Map<string, readonly Row[]>;
  stopped: boolean;
  timer: ReturnType<typeof setTimeout> | null;
}

let current: Recording | null = null;
/** Results kept from an earlier visit: carried on when this visit's data has the same fingerprint. */
let earlier: KeptResults | null = null;
/** Saved once the engine has answered nothing new for this long: never in the middle of a view change. */
const SAVE_DELAY_MS = 1500;
/**
 * Each save copies every kept row on the page's thread, so what is kept is bounded: a result
 * longer than KEPT_MAX_ROWS is left out (a 1M-order shop's 36,500 campaign days), and past
 * KEPT_MAX_TOTAL_ROWS in all the oldest results go first. One result may still be as long as a
 * day-by-channel series over two years (730 × 9 = 6,570 rows): the Marketing page's new buyers by
 * first channel are one, and without them its first numbers on reopening wait for the engine.
 */
export const KEPT_MAX_ROWS = 10_000;
export const KEPT_MAX_TOTAL_ROWS = 50_000;

function trim(entries: Map<string, readonly Row[]>): void {
  let rows = 0;
  for (const kept of entries.values()) rows += kept.length;
  for (const [oldest, kept] of entries) {
    if (entries.size <= KEPT_LIMIT && rows <= KEPT_MAX_TOTAL_ROWS) break;
    entries.delete(oldest);
    rows -= kept.length;
  }
}

/** Saves started and not yet finished (written, refused or skipped). */
let savesUnderWay = 0;

function scheduleSave(rec: Recording): void {
  // Put off by every new result: a save copies the whole recording on the page's thread, so it
  // waits for the pause after a view's last result rather than landing among its renders.
  if (rec.timer) clearTimeout(rec.timer);
  rec.timer = setTimeout(() => {
    rec.timer = null;
    savesUnderWay++;
    void rec.fingerprint
      .then((fingerprint) => {
        if (fingerprint === null || rec.stopped) return;
        return writeKeptResults({ fingerprint, entries: [...rec.entries] });
      })
      .catch(() => undefined) // storage full or unavailable: the next visit simply waits for the engine
      .finally(() => savesUnderWay--);
  }, SAVE_DELAY_MS);
}

/**
 * Whether a save of the recording is waiting for its pause or under way: the end-to-end tests
 * close a tab once it is false, so the next visit finds every result the tab kept.
 */
export function keptResultsPending(): boolean {
  return (current?.timer ?? null) !== null || savesUnderWay > 0;
}

function keep(rec: Recording, sql: string, rows: readonly Row[]): void {
  if (rows.length > KEPT_MAX_ROWS) return;
  rec.entries.delete(sql);
  // The rows themselves, not a copy: results are never changed once made (the result cache
  // hands the same rows to every page that asks), and the save copies them anyway.
  rec.entries.set(sql, rows);
  trim(rec.entries);
  scheduleSave(rec);
}

/** What an earlier visit kept (read at start-up), to carry over when the data turns out the same. */
export function rememberEarlierResults(kept: KeptResults | null): void {
  earlier = kept;
}

/**
 * Starts recording the engine's results for data with this fingerprint (null: do not keep them,
 * e.g. when a stored file failed to come back and the data is not what the files say).
 */
export function startRecording(engine: Engine, fingerprint: Promise<string | null>): void {
  stopRecording();
  const rec: Recording = {
    engine,
    generation: derivedGeneration(engine),
    fingerprint,
    entries: new Map(),
    stopped: false,
    timer: null,
  };
  current = rec;
  void fingerprint.then((fp) => {
    if (fp === null || !earlier || earlier.fingerprint !== fp) return;
    // The earlier visit's results first, so this visit's newer ones stay when the limit trims.
    const fresh = [...rec.entries];
    rec.entries = new Map([...earlier.entries, ...fresh]);
    trim(rec.entries);
  }, () => undefined);
}

/** What the current recording holds, oldest first. */
export function recordedResults(): [string, readonly Row[]][] {
  return current && !current.stopped ? [...current.entries] : [];
}

export function stopRecording(): void {
  if (current) {
    current.stopped = true;
    if (current.timer) clearTimeout(current.timer);
  }
  current = null;
}

/**
 * A statement that only (re)builds a table of our own from the loaded data, as the products and
 * marketing queries do on first use (`ys_…`): it changes no data, so the recording goes on.
 */
const OWN_TABLE = /^CREATE\s+(OR\s+REPLACE\s+)?(TEMP(ORARY)?\s+)?TABLE\s+(IF\s+NOT\s+EXISTS\s+)?ys_\w+\s+AS\b/i;
export function buildsOwnTableOnly(sql: string): boolean {
  const statements = sql.split(';').map((s) => s.trim()).filter(Boolean);
  return statements.length > 0 && statements.every((s) => OWN_TABLE.test(s));
}

/**
 * The engine with every write stopping the recording (but for tables of our own built from the
 * data): a write means the data is about to change, an import registers its file first.
 */
export function stopRecordingOnWrite(engine: Engine): Engine {
  const wrapped: Engine = {
    kind: engine.kind,
    // Every read between two data changes is kept: the metric queries, and the pages' own
    // (table sizes, the SQL page's table list), all functions of the loaded data.
    query: async <T extends Row = Row>(sql: string) => {
      const rec = current;
      const generation = derivedGeneration(wrapped);
      const rows = await engine.query<T>(sql);
      if (rec && rec === current && !rec.stopped && rec.engine === wrapped && rec.generation === generation && derivedGeneration(wrapped) === generation)
        keep(rec, sql, rows);
      return rows;
    },
    queryReadOnly: (sql) => engine.queryReadOnly(sql),
    run: (sql) => (buildsOwnTableOnly(sql) || writing(), engine.run(sql)),
    registerBytes: (name, bytes) => (writing(), engine.registerBytes(name, bytes)),
    registerBlob: (name, blob) => (writing(), engine.registerBlob(name, blob)),
    dropFile: (name) => engine.dropFile(name),
    fileRef: (name) => engine.fileRef(name),
    close: () => engine.close(),
  };
  const writing = () => {
    if (current?.engine === wrapped) stopRecording();
  };
  return wrapped;
}
