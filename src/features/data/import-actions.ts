import type { Engine } from '../../engine/engine';
import { detectFile } from '../../ingest/import';
import { headerSignature } from '../../ingest/mapping';
import type { ColumnMapping } from '../../ingest/types';
import type { TableName } from '../../model/tables';
import { clearStoredFiles, removeStoredFile } from '../../dataset/stored-files';
import { loadUserFile, NotKeptError } from '../../dataset/load-user-file';
import { useAppStore } from '../../stores/app-store';
import { useImportStore, useMappingMemory } from './import-store';
import { reloadSample } from '../../dataset/sample-reload';
import { guessMapping } from './mapping-guess';
import { startClock, tick } from './load-progress';

const controllers = new Map<string, AbortController>();
let seq = 0;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Recognises each dropped file and puts it up for review; nothing is loaded yet. */
export async function addFiles(engine: Engine, files: File[]): Promise<void> {
  const store = useImportStore.getState();
  await Promise.all(
    files.map(async (file) => {
      const id = `f${Date.now()}-${seq++}`;
      store.upsert(id, { file, status: 'detecting' });
      try {
        const detection = await detectFile(engine, { name: file.name, data: file });
        const remembered = detection.recognised ? undefined : useMappingMemory.getState().mappings[headerSignature(detection.header)];
        useImportStore.getState().upsert(id, {
          status: 'review',
          detection,
          table: remembered?.table ?? detection.table,
          ...(detection.recognised ? {} : { mapping: remembered ?? guessMapping(detection.table, detection.header) }),
        });
      } catch (e) {
        useImportStore.getState().upsert(id, { status: 'failed', error: messageOf(e) });
      }
    }),
  );
}

export function chooseTable(id: string, table: TableName): void {
  useImportStore.getState().upsert(id, { table });
}

export function setMapping(id: string, mapping: ColumnMapping): void {
  useImportStore.getState().upsert(id, { mapping, table: mapping.table });
}

/**
 * Loads a reviewed file. The first file of the user's own replaces the sample shop (never mixed
 * with it) in the transaction that puts its rows in, so a failed or cancelled first load leaves
 * the sample as it was and the page is never left empty.
 */
export function confirmFile(engine: Engine, id: string): Promise<void> {
  // One load at a time: the first one decides whether the sample is replaced.
  const run = loading.then(() => loadReviewed(engine, id));
  loading = run.catch(() => undefined);
  return run;
}

let loading: Promise<unknown> = Promise.resolve();

async function loadReviewed(engine: Engine, id: string): Promise<void> {
  const item = useImportStore.getState().pending.find((p) => p.id === id);
  if (!item || item.status !== 'review') return;
  const controller = new AbortController();
  controllers.set(id, controller);
  useImportStore.getState().upsert(id, {
    status: 'loading',
    progress: { phase: 'read', bytes: 0, totalBytes: item.file.size },
    clock: startClock(Date.now()),
  });
  const wasSample = useAppStore.getState().dataset.origin === 'sample';
  try {
    const report = await loadUserFile(engine, item.file, {
      id,
      ...(item.mapping ? { mapping: item.mapping } : {}),
      ...(item.table ? { table: item.table } : {}),
      signal: controller.signal,
      onProgress: (event) => {
        const shown = useImportStore.getState().pending.find((p) => p.id === id);
        // DuckDB's read reports no rows: the rows the walk counted stay on show until it does.
        const rows = event.rows ?? shown?.progress?.rows;
        const progress = rows === undefined ? event : { ...event, rows };
        const clock = tick(shown?.clock ?? startClock(Date.now()), progress, Date.now());
        useImportStore.getState().upsert(id, { progress, clock });
      },
      afterCommit: () => {
        if (item.mapping && item.detection) useMappingMemory.getState().remember(headerSignature(item.detection.header), item.mapping);
      },
    });
    useImportStore.getState().upsert(id, { status: 'done', report });
    if (wasSample) useImportStore.getState().setReports([report]);
    else useImportStore.getState().addReport(report);
    // The period is left as it is: a default one follows the loaded data (App), a chosen one stays.
  } catch (e) {
    const cancelled = controller.signal.aborted && !(e instanceof NotKeptError);
    useImportStore.getState().upsert(id, cancelled ? { status: 'cancelled' } : { status: 'failed', error: messageOf(e) });
  } finally {
    controllers.delete(id);
  }
}

/**
 * Stops a load before its rows are committed: the import checks between its steps and the
 * merge is one transaction, so the tables, the stored files and the load reports stay as
 * they were. Once committed ('done': the derived tables are being rebuilt) there is nothing
 * left to cancel and the card offers no Cancel.
 */
export function cancelFile(id: string): void {
  const controller = controllers.get(id);
  if (!controller) return;
  useImportStore.getState().upsert(id, { cancelling: true });
  controller.abort();
}

export function dismissFile(id: string): void {
  useImportStore.getState().remove(id);
}

/** Removes a stored file that could not be restored from storage, so later visits no longer try it. */
export async function forgetUnrestoredFile(id: string): Promise<void> {
  await removeStoredFile(id);
  useImportStore.getState().dropRestoreFailure(id);
}

/** Forgets every file the user loaded, in this page and in storage, and goes back to the sample shop. */
export async function clearAllData(engine: Engine): Promise<void> {
  await clearStoredFiles();
  await reloadSample(engine);
  useImportStore.setState({ pending: [], reports: [], restoreFailures: [] });
  useAppStore.getState().datasetChanged('sample');
  useAppStore.getState().setView({ period: null });
}
