import type { Engine } from '../engine/engine';
import { loadSampleMarketing } from '../model/sample-marketing';
import { loadSampleProducts } from '../model/sample-products';
import { loadSampleService } from '../model/sample-service';
import { loadSampleShop } from '../model/sample-shop';
import { afterDataChange } from './data-lifecycle';
import {
  fetchSampleFiles,
  fetchSampleMarketingFiles,
  fetchSampleProductFiles,
  fetchSampleServiceFiles,
} from './sample-files';

/** Puts the sample shop back in place of whatever is loaded. */
export async function reloadSample(engine: Engine): Promise<void> {
  await loadSampleShop(engine, await fetchSampleFiles());
  await loadSampleMarketing(engine, await fetchSampleMarketingFiles());
  await loadSampleService(engine, await fetchSampleServiceFiles());
  await loadSampleProducts(engine, await fetchSampleProductFiles());
  await afterDataChange(engine);
}
