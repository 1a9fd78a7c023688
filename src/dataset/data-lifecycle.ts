import type { Engine } from '../engine/engine';
import { rebuildDerived } from '../metrics/derived';
import { optimisationsOff } from './optimisations';

/** Work every data change needs before the pages query: derived tables and their in-memory copy, for fast metrics. */
export async function afterDataChange(engine: Engine): Promise<void> {
  if (optimisationsOff()) return;
  await rebuildDerived(engine, { columnStore: true });
}
