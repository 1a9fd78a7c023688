import type { Engine } from '../engine/engine';

/** Work every data change needs before the pages query: derived tables for fast metrics. */
export async function afterDataChange(engine: Engine): Promise<void> {
  const { rebuildDerived } = await import('../metrics/derived');
  await rebuildDerived(engine);
}
