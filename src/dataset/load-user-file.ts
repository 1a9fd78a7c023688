import type { Engine } from '../engine/engine';
import { importFile } from '../ingest/import';
import type { ImportOptions, LoadReport } from '../ingest/types';
import { TABLES } from '../model/tables';
import { useAppStore } from '../stores/app-store';
import { afterDataChange } from './data-lifecycle';
import { reloadSample } from './sample-reload';
import { storeFile } from './stored-files';

let seq = 0;

/**
 * Loads one of the user's files outside the Data page (the Marketing page's calendar import) by
 * the Data page's rules (features/data/import-actions.ts, loadReviewed): the same importFile and
 * load report; the first own file replaces the sample shop inside its merge's transaction; the
 * file is stored so the next visit restores it; the derived tables are rebuilt. A failure before
 * the commit leaves the tables as they were and is thrown with ingest's message.
 */
export async function loadUserFile(
  engine: Engine,
  file: File,
  options: Pick<ImportOptions, 'table' | 'mapping'>,
): Promise<LoadReport> {
  const wasSample = useAppStore.getState().dataset.origin === 'sample';
  const report = await importFile(engine, { name: file.name, data: file }, {
    ...options,
    ...(wasSample ? { emptyFirst: TABLES } : {}),
  });
  try {
    await storeFile({ id: `f${Date.now()}-m${seq++}`, name: file.name, blob: file, options, addedAt: Date.now() });
    await afterDataChange(engine);
  } catch (e) {
    // Committed but not kept: the sample comes back rather than a file the next visit would not have.
    if (wasSample) await reloadSample(engine);
    throw e;
  }
  useAppStore.getState().datasetChanged('user');
  return report;
}
