import type { Engine } from '../engine/engine';
import { loadSampleShop } from '../model/sample-shop';
import { afterDataChange } from './data-lifecycle';
import { fetchSampleFiles } from './sample-files';

/** Puts the sample shop back in place of whatever is loaded. */
export async function reloadSample(engine: Engine): Promise<void> {
  await loadSampleShop(engine, await fetchSampleFiles());
  await afterDataChange(engine);
}
