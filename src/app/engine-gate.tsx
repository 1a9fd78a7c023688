import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Engine } from '../engine/engine';
import { getBrowserEngine } from '../engine/browser';
import { loadSampleMarketing } from '../model/sample-marketing';
import { loadSampleProducts } from '../model/sample-products';
import { loadSampleService } from '../model/sample-service';
import { loadSampleShop } from '../model/sample-shop';
import { useAppStore, type DatasetOrigin } from '../stores/app-store';
import { useImportStore } from '../features/data/import-store';
import { listStoredFiles } from '../dataset/stored-files';
import { replayStoredFiles } from '../dataset/restore-stored';
import { hasStartupSnapshot } from './startup-seed';

import {
  fetchSampleFiles,
  fetchSampleMarketingFiles,
  fetchSampleProductFiles,
  fetchSampleServiceFiles,
} from '../dataset/sample-files';
import { afterDataChange } from '../dataset/data-lifecycle';
import { EngineProvider } from '../dataset/engine-context';

const hasStoredFiles = () =>
  listStoredFiles().then(
    (f) => f.length > 0,
    () => false,
  );

export type BootState =
  | { phase: 'engine' }
  | { phase: 'sample' }
  | { phase: 'stored' }
  | { phase: 'ready'; engine: Engine }
  | { phase: 'failed'; message: string };

interface Booted {
  engine: Engine;
  origin: DatasetOrigin;
}

async function boot(onPhase: (s: BootState) => void): Promise<Booted> {
  onPhase({ phase: 'engine' });
  const stored = await listStoredFiles().catch(() => []);
  // Start fetching the sample while the wasm compiles: the two overlap.
  const samplePromise = stored.length ? null : fetchSampleFiles();
  const engine = await getBrowserEngine();
  performance.mark('ys:engine-ready');
  let origin: DatasetOrigin = 'sample';
  if (stored.length) {
    onPhase({ phase: 'stored' });
    // A file that does not come back is named on every page with a way to remove it; the others load.
    const { reports, failures } = await replayStoredFiles(engine, stored);
    useImportStore.getState().setReports(reports);
    useImportStore.getState().setRestoreFailures(failures);
    if (reports.length) origin = 'user';
  }
  if (origin === 'sample') {
    // No file of the user's came back (or there are none): the sample shop, never an empty page.
    onPhase({ phase: 'sample' });
    await loadSampleShop(engine, await (samplePromise ?? fetchSampleFiles()));
    await loadSampleMarketing(engine, await fetchSampleMarketingFiles());
    await loadSampleService(engine, await fetchSampleServiceFiles());
    await loadSampleProducts(engine, await fetchSampleProductFiles());
  }
  performance.mark('ys:data-loaded');
  await afterDataChange(engine);
  performance.mark('ys:derived-built');
  return { engine, origin };
}

let booting: Promise<Booted> | undefined;
let currentPhase: BootState = { phase: 'engine' };
const phaseListeners = new Set<(s: BootState) => void>();

/** One boot per page, however many times React mounts the gate (StrictMode mounts twice). */
function bootOnce(onPhase: (s: BootState) => void): Promise<Booted> {
  phaseListeners.add(onPhase);
  onPhase(currentPhase);
  booting ??= boot((s) => {
    currentPhase = s;
    phaseListeners.forEach((l) => l(s));
  }).catch((e: unknown) => {
    booting = undefined;
    currentPhase = { phase: 'engine' };
    throw e;
  });
  return booting.finally(() => phaseListeners.delete(onPhase));
}

/**
 * Starts DuckDB once and loads the data. With the sample shop the app renders at once from the
 * start-up snapshot while the engine starts (the wasm alone takes seconds to compile); with the
 * user's own stored files it waits for them.
 */
export function EngineGate({
  children,
  fallback,
}: {
  children: ReactNode;
  fallback: (s: BootState, retry: () => void) => ReactNode;
}) {
  const [state, setState] = useState<BootState>({ phase: 'engine' });
  const [preview, setPreview] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void hasStoredFiles().then((stored) => live && setPreview(!stored && hasStartupSnapshot()));
    return () => {
      live = false;
    };
  }, []);
  const [attempt, setAttempt] = useState(0);
  const datasetChanged = useAppStore((s) => s.datasetChanged);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);

  useEffect(() => {
    let cancelled = false;
    bootOnce((s) => !cancelled && setState(s))
      .then(({ engine, origin }) => {
        if (cancelled) return;
        datasetChanged(origin);
        setState({ phase: 'ready', engine });
      })
      .catch((e: unknown) => {
        if (!cancelled) setState({ phase: 'failed', message: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      cancelled = true;
    };
  }, [attempt, datasetChanged]);

  if (state.phase === 'ready') return <EngineProvider engine={state.engine}>{children}</EngineProvider>;
  if (preview && state.phase !== 'failed') return <EngineProvider engine={null}>{children}</EngineProvider>;
  return <>{fallback(state, retry)}</>;
}
