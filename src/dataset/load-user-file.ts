import type { Engine } from '../engine/engine';
import { importFile } from '../ingest/import';
import type { ImportOptions, LoadReport } from '../ingest/types';
import { TABLES } from '../model/tables';
import { useAppStore } from '../stores/app-store';
import { afterDataChange } from './data-lifecycle';
import { reloadSample } from './sample-reload';
import { storeFile } from './stored-files';

let seq = 0;

/** The rows went in, but the file could not be kept for the next visit: the sample came back instead. */
export class NotKeptError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'NotKeptError';
  }
}

export interface UserFileLoad extends Pick<ImportOptions, 'table' | 'mapping' | 'signal' | 'onProgress'> {
  /** The id the file is stored under (the Data page's card id); a fresh one when absent. */
  id?: string;
  /** Runs once the rows are committed, before the file is stored (e.g. remembering a hand mapping). */
  afterCommit?: () => void;
}

/**
 * Loads one of the user's files, from the Data page or elsewhere (the Marketing page's calendar
 * import), by one set of rules: ingest's importFile and its load report; the first own file
 * replaces the sample shop inside its merge's transaction, so a failure or a cancel before the
 * commit leaves every table as it was (thrown with ingest's message, or the abort); the file is
 * stored so the next visit restores it; the derived tables are rebuilt. A file committed but not
 * kept throws NotKeptError, with the sample back in place when it was the first own file.
 */
export async function loadUserFile(engine: Engine, file: File, load: UserFileLoad = {}): Promise<LoadReport> {
  const { id, afterCommit, table, mapping, ...progress } = load;
  // A hand mapping names its table and wins over a chosen one; what is stored replays the same.
  const options = mapping ? { mapping } : table ? { table } : {};
  const wasSample = useAppStore.getState().dataset.origin === 'sample';
  const report = await importFile(engine, { name: file.name, data: file }, {
    ...options,
    ...progress,
    ...(wasSample ? { emptyFirst: TABLES } : {}),
  });
  try {
    afterCommit?.();
    await storeFile({ id: id ?? `f${Date.now()}-m${seq++}`, name: file.name, blob: file, options, addedAt: Date.now() });
    await afterDataChange(engine);
  } catch (e) {
    // Committed but not kept: the sample comes back rather than a file the next visit would not have.
    if (wasSample) await reloadSample(engine);
    throw new NotKeptError(e);
  }
  useAppStore.getState().datasetChanged('user');
  return report;
}
