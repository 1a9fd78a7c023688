import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Engine } from '../engine/engine';
import { getBrowserEngine } from '../engine/browser';
import { loadSampleMarketing } from '../model/sample-marketing';
import { loadSampleProducts } from '../model/sample-products';
import { loadSampleService } from '../model/sample-service';
import { loadSampleShop } from '../model/sample-shop';
import { useAppStore, type DatasetOrigin } from '../stores/app-store';
import { useImportStore } from '../features/data/import-store';
import { listStoredFiles, type StoredFile } from '../dataset/stored-files';
import { replayStoredFiles } from '../dataset/restore-stored';
import { seedStartupSnapshot } from './startup-seed';
import { queryClient } from './query-client';
import { filesFingerprint, readKeptResults, sampleFingerprint } from '../dataset/kept-results';
import { rememberEarlierResults, stopRecordingOnWrite } from '../dataset/result-recorder';
import { previewEngine } from '../dataset/preview-engine';
import type { Row } from '../engine/engine';
import sampleResultsUrl from '../../sample-data/sample-results.json?url';
import { viewFromSearch } from './url-state';

import {
  fetchSampleFiles,
  fetchSampleMarketingFiles,
  fetchSampleProductFiles,
  fetchSampleServiceFiles,
} from '../dataset/sample-files';
import { afterDataChange } from '../dataset/data-lifecycle';
import { EngineProvider } from '../dataset/engine-context';

/** The user's stored files, read once per page: boot replays them, the preview is keyed by them. */
let storedOnce: Promise<StoredFile[]> | undefined;
const storedFiles = () => (storedOnce ??= listStoredFiles().catch(() => []));

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
  const stored = await storedFiles();
  // When the pages have numbers to show meanwhile, they paint first: DuckDB's wasm compile and
  // the data load take both cores of a small machine for seconds (issue 18, item 11). At most
  // PREVIEW_FIRST_MS later, whatever the preview does.
  await Promise.race([
    preparePreview().then((preview) => (preview ? mainThreadIdle() : undefined), () => undefined),
    new Promise((resolve) => setTimeout(resolve, PREVIEW_FIRST_MS)),
  ]);
  performance.mark('ys:engine-start');
  // Start fetching the sample while the wasm compiles: the two overlap.
  const samplePromise = stored.length ? null : fetchSampleFiles();
  // Every write stops the keeping of results until the data change is complete (result-recorder.ts).
  const engine = stopRecordingOnWrite(await getBrowserEngine());
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
  // A stored file that did not come back: the data is not what the files say, so nothing is kept.
  await afterDataChange(engine, { keepResults: useImportStore.getState().restoreFailures.length === 0 });
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

let previewOnce: Promise<Engine | null> | undefined;

const PREVIEW_FIRST_MS = 1500;

/** Once the page has rendered what it can show (at most a second later). */
function mainThreadIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve, 300);
  });
}

/** What a deep link with its own period asks beyond the default views, for the periods recorded (by `<from>_<to>.json`). */
const periodResultsUrls = import.meta.glob<string>('../../sample-data/sample-results/*.json', {
  query: '?url',
  import: 'default',
  eager: true,
});

async function fetchResults(url: string | undefined): Promise<[string, Row[]][]> {
  if (!url) return [];
  try {
    const res = await fetch(url);
    return res.ok ? ((await res.json()) as [string, Row[]][]) : [];
  } catch {
    return [];
  }
}

/**
 * The sample shop's results recorded at build time (scripts/record-sample-results.ts): every
 * page's default view, and the period the address links to when it is one of those recorded.
 */
async function sampleResults(): Promise<[string, Row[]][]> {
  const { period } = viewFromSearch(window.location.search);
  const linked = period ? periodResultsUrls[`../../sample-data/sample-results/${period.from}_${period.to}.json`] : undefined;
  const [base, own] = await Promise.all([fetchResults(sampleResultsUrl), fetchResults(linked)]);
  return [...base, ...own];
}

/**
 * The engine the pages use while DuckDB starts (issue 18, item 11): it answers from the results
 * an earlier visit kept for the same data (and, for the sample shop, from the start-up snapshot),
 * and hands the rest to the live engine once the boot is done. Null when the user's stored data
 * has no kept results: then the boot screen says what is loading.
 */
function preparePreview(): Promise<Engine | null> {
  return (previewOnce ??= (async () => {
    const stored = await storedFiles();
    const fingerprint = stored.length ? filesFingerprint(stored) : sampleFingerprint();
    const [kept, bundled] = await Promise.all([
      readKeptResults(fingerprint).catch(() => null),
      stored.length ? [] : sampleResults(),
    ]);
    rememberEarlierResults(kept);
    // The sample's build-time results go in only when the sample is what loads.
    if (!stored.length) seedStartupSnapshot(queryClient);
    else if (!kept?.entries.length) return null;
    const live = bootOnce(() => undefined).then((b) => b.engine);
    live.catch(() => undefined); // the gate shows the failure
    performance.mark('ys:preview-ready');
    return previewEngine(new Map([...bundled, ...(kept?.entries ?? [])]), live);
  })());
}

/**
 * Starts DuckDB once and loads the data. Meanwhile the pages show the last results kept for the
 * same data (or the sample's start-up snapshot) through a preview engine, marked as refreshing;
 * with stored data and nothing kept, the boot screen says what loads.
 */
export function EngineGate({
  children,
  fallback,
}: {
  children: ReactNode;
  fallback: (s: BootState, retry: () => void) => ReactNode;
}) {
  const [state, setState] = useState<BootState>({ phase: 'engine' });
  const [preview, setPreview] = useState<Engine | null>(null);
  useEffect(() => {
    let live = true;
    void preparePreview().then((engine) => live && setPreview(engine), () => undefined);
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
  if (preview && state.phase !== 'failed')
    return (
      <EngineProvider engine={preview} live={false}>
        {children}
      </EngineProvider>
    );
  return <>{fallback(state, retry)}</>;
}
