import type { Engine } from '../engine/engine';
import { rebuildDerived } from '../metrics/derived';
import { filesFingerprint, sampleFingerprint } from './kept-results';
import { liveEngine } from './preview-engine';
import { startRecording } from './result-recorder';
import { listStoredFiles } from './stored-files';

/** The fingerprint of the data a completed change left: the stored files, or the sample shop when there are none. */
function loadedFingerprint(): Promise<string | null> {
  return listStoredFiles().then(
    (files) => (files.length ? filesFingerprint(files) : sampleFingerprint()),
    () => null,
  );
}

/**
 * Work every data change needs before the pages query: the derived tables (rollups included),
 * built once per load; then the results the pages compute on them are kept for the next visit
 * (not when `keepResults` is false: the data is not what the stored files say).
 */
export async function afterDataChange(engine: Engine, { keepResults = true } = {}): Promise<void> {
  const live = await liveEngine(engine);
  await rebuildDerived(live);
  startRecording(live, keepResults ? loadedFingerprint() : Promise.resolve(null));
}
