import type { Engine } from '../engine/engine';
import { ensureTables, importFile } from '../ingest/import';
import type { LoadReport } from '../ingest/types';
import type { StoredFile } from './stored-files';

/** A stored file that did not come back on this visit: which one, and why. */
export interface RestoreFailure {
  /** The IndexedDB key, to remove the entry. */
  id: string;
  name: string;
  reason: string;
}

export interface RestoreOutcome {
  reports: LoadReport[];
  failures: RestoreFailure[];
}

/**
 * What is wrong with an entry read back from IndexedDB, or null when it can be replayed. Storage
 * hands back whatever it holds: a damaged entry, or one an older version wrote.
 */
export function storedFileProblem(entry: unknown): string | null {
  if (typeof entry !== 'object' || entry === null) return 'the entry is not a stored file';
  const e = entry as Partial<Record<keyof StoredFile, unknown>>;
  if (typeof e.name !== 'string' || e.name === '') return 'the entry has no file name';
  if (!(e.blob instanceof Blob)) return 'the stored copy of the file is missing';
  if (typeof e.options !== 'object' || e.options === null) return 'how the file was read is missing';
  return null;
}

/** The key and a name to show for any entry, even a damaged one. */
function entryLabel(entry: unknown, index: number): { id: string; name: string } {
  const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Partial<Record<'id' | 'name', unknown>>;
  const id = typeof e.id === 'string' ? e.id : String(e.id ?? index);
  const name = typeof e.name === 'string' && e.name !== '' ? e.name : `stored file ${index + 1}`;
  return { id, name };
}

/** The import's message without its leading "name: ", which the banner shows already. */
function reasonOf(e: unknown, name: string): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message;
}

/**
 * Replays the user's stored files in the order they were loaded. A file that no longer loads
 * (damaged in storage, unreadable) is skipped and named with the reason; the others load as
 * before, each all or nothing.
 */
export async function replayStoredFiles(engine: Engine, entries: readonly unknown[]): Promise<RestoreOutcome> {
  await ensureTables(engine);
  const reports: LoadReport[] = [];
  const failures: RestoreFailure[] = [];
  for (const [index, entry] of entries.entries()) {
    const label = entryLabel(entry, index);
    const problem = storedFileProblem(entry);
    if (problem) {
      failures.push({ ...label, reason: problem });
      continue;
    }
    const file = entry as StoredFile;
    try {
      reports.push(await importFile(engine, { name: file.name, data: file.blob }, file.options));
    } catch (e) {
      failures.push({ ...label, reason: reasonOf(e, file.name) });
    }
  }
  return { reports, failures };
}
