import type { Engine, Row } from '../engine/engine';
import { derivedGeneration, hasDerived } from './derived-state';

/** Results kept per engine: enough for every query of a few dozen views of every page. */
const LIMIT = 400;

interface Cache {
  generation: number;
  results: Map<string, Promise<readonly Row[]>>;
}

const caches = new WeakMap<Engine, Cache>();

/**
 * An engine standing in while the real one starts (issue 18, item 11): it answers from results
 * kept from an earlier visit to the same data, and hands everything else to the live engine once
 * it runs, through the live engine's own cache so nothing is asked twice.
 */
export interface PreviewSource {
  cached(sql: string): readonly Row[] | undefined;
  live: Promise<Engine>;
}

const previews = new WeakMap<Engine, PreviewSource>();

export function servePreview(engine: Engine, source: PreviewSource): void {
  previews.set(engine, source);
}

/** Whether the engine is a stand-in answering from kept results (servePreview). */
export function servesPreview(engine: Engine): boolean {
  return previews.has(engine);
}

/**
 * Runs a metric query, or answers it from an earlier run of the same SQL text on the same build
 * of the derived tables (the dataset version: rebuildDerived after a load starts a new one). The
 * one result cache of the metrics layer, as mosaic's coordinator keeps one: pages ask the same
 * question again (a KPI card and its comparison, a period visited before, the report's sections),
 * and a repeated query costs nothing. Without derived tables there is no version to trust, so
 * nothing is kept. Least recently used results go first.
 */
export function runMetricSql(engine: Engine, sql: string): Promise<readonly Row[]> {
  const preview = previews.get(engine);
  if (preview) {
    const kept = preview.cached(sql);
    return kept ? Promise.resolve(kept) : preview.live.then((live) => runMetricSql(live, sql));
  }
  if (!hasDerived(engine)) return engine.query(sql);
  const generation = derivedGeneration(engine);
  let cache = caches.get(engine);
  if (!cache || cache.generation !== generation) {
    cache = { generation, results: new Map() };
    caches.set(engine, cache);
  }
  const { results } = cache;
  const hit = results.get(sql);
  if (hit) {
    results.delete(sql);
    results.set(sql, hit);
    return hit;
  }
  const running = engine.query(sql);
  results.set(sql, running);
  running.catch(() => results.delete(sql));
  for (const oldest of results.keys()) {
    if (results.size <= LIMIT) break;
    results.delete(oldest);
  }
  return running;
}
