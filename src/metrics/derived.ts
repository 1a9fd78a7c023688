import type { Engine } from '../engine/engine';
import { ensureCanonicalTables } from './describe';
import { markDerived } from './derived-state';
import { stageTimeline } from './queries/lifecycle';
import { DERIVED_TABLES, derivedTablesSql } from './rollups';

export { hasDerived } from './derived-state';

/**
 * Builds the derived tables metric queries read instead of rescanning orders: the per-customer
 * table, orders with integer customer ids and first paid dates, the daily rollups generated from
 * the registry, and the description of the data (ENGINE-NOTES.md §8). Idempotent; call it after
 * every change to the canonical tables, before querying again. Results are identical with or
 * without it; the page and `yardstick report` both build it once after loading.
 */
export async function rebuildDerived(engine: Engine): Promise<void> {
  markDerived(engine, false);
  await ensureCanonicalTables(engine);
  for (const sql of derivedTablesSql()) await engine.run(sql);
  markDerived(engine, true);
  // The lifecycle's unfiltered stage changes read all history (~0.5 s at 1M orders): computed into
  // the result cache of this build now, with the tables, rather than on the first Customers view.
  await stageTimeline(engine, {}, true);
}

/** Drops the derived tables; queries then read the canonical tables directly. */
export async function dropDerived(engine: Engine): Promise<void> {
  markDerived(engine, false);
  await engine.run(DERIVED_TABLES.map((t) => `DROP TABLE IF EXISTS ${t};`).join(' '));
}
