import type { Engine } from '../engine/engine';
import type { Filters } from '../metrics/filters';
import type { Period } from '../metrics/periods';
import { computeInventory, type InventorySection } from '../metrics/queries/products';

/**
 * The view's stock as one engine query: the Products page and the alerts badge share its result,
 * where each turned the same thousands of SKU rows into a section on every view change.
 */
export function inventoryQuery(period: Period, filters: Filters) {
  return {
    key: ['inventory', period, filters] as const,
    run: (engine: Engine): Promise<InventorySection | null> => computeInventory(engine, period, filters),
  };
}
