import type { Engine } from '../engine/engine';
import { rebuildDerived } from '../metrics/derived';

/** Work every data change needs before the pages query: the derived tables (rollups included), built once per load. */
export async function afterDataChange(engine: Engine): Promise<void> {
  await rebuildDerived(engine);
}
