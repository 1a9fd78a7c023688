import { createContext, useContext, type ReactNode } from 'react';
import type { Engine } from '../engine/engine';

const EngineContext = createContext<Engine | null>(null);
const LiveContext = createContext(false);

/**
 * Puts the engine in reach of every page below; the app's gate renders it. While DuckDB starts
 * it is a preview engine answering from the last results kept (`live` false), or null.
 */
export function EngineProvider({ engine, live = engine !== null, children }: { engine: Engine | null; live?: boolean; children: ReactNode }) {
  return (
    <EngineContext.Provider value={engine}>
      <LiveContext.Provider value={live}>{children}</LiveContext.Provider>
    </EngineContext.Provider>
  );
}

/** Whether the numbers come from the running engine, not from results kept from an earlier visit. */
export function useEngineLive(): boolean {
  return useContext(LiveContext);
}

/** The started engine. Pages that need it are only rendered once it is there (see <EngineReady>). */
export function useEngine(): Engine {
  const engine = useContext(EngineContext);
  if (!engine) throw new Error('useEngine() before the engine started: wrap the component in <EngineReady>');
  return engine;
}

/** The engine, or null while it is still starting and the page shows the start-up snapshot. */
export function useEngineOrNull(): Engine | null {
  return useContext(EngineContext);
}

/** Renders its children only once the engine runs; the fallback (a skeleton) until then. */
export function EngineReady({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  return useContext(EngineContext) ? <>{children}</> : <>{fallback}</>;
}
