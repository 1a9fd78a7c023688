import type { QueryClient } from '@tanstack/react-query';
import { keptResultsPending } from '../dataset/result-recorder';
import { getBrowserEngine } from '../engine/browser';
import { queryLog } from '../engine/query-log';
import { literal } from '../engine/sql';
import { useAppStore, type ViewState } from '../stores/app-store';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Resolves once no query is fetching, told by the query cache rather than by polling: a timer
 * every millisecond took main-thread time from the very view change being measured.
 */
function settled(queryClient: QueryClient): Promise<void> {
  if (queryClient.isFetching() === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = queryClient.getQueryCache().subscribe(() => {
      if (queryClient.isFetching() === 0) {
        unsubscribe();
        resolve();
      }
    });
  });
}

/**
 * A hook for the browser benchmark: apply a view change and resolve with the milliseconds until
 * every query it started has settled and the page has painted.
 */
export function installBenchHook(queryClient: QueryClient): void {
  (window as unknown as { __yardstickBench: unknown }).__yardstickBench = {
    async apply(patch: Partial<ViewState>): Promise<number> {
      const t0 = performance.now();
      // With `--profile`, the change's own steps go in the query log beside its queries.
      const mark = (step: string) => queryLog()?.push({ sql: `-- ${step}`, start: t0, end: performance.now() });
      mark('view changed');
      useAppStore.getState().setView(patch);
      await nextFrame();
      mark('first frame');
      await settled(queryClient);
      mark('every query settled');
      await nextFrame();
      mark('painted');
      return performance.now() - t0;
    },
    /** Whether the results kept for the next visit are still to be written (result-recorder.ts). */
    keptResultsPending,
    /**
     * Issue 17's yardstick for a load: DuckDB's own `read_csv` of the same File in the page's own
     * engine, registered as the import registers it, into a typed table that is then dropped.
     * `columns` is a DuckDB struct literal of the column types. Resolves with the milliseconds.
     */
    async plainReadCsv(file: File, columns: string): Promise<number> {
      const engine = await getBrowserEngine();
      const name = `bench-plain-${file.name}`;
      await engine.registerBlob(name, file);
      const t0 = performance.now();
      try {
        await engine.run(`CREATE OR REPLACE TEMP TABLE _ys_bench_plain AS SELECT * FROM read_csv(${literal(engine.fileRef(name))},
          header = true, auto_detect = false, columns = ${columns})`);
        return performance.now() - t0;
      } finally {
        await engine.run('DROP TABLE IF EXISTS _ys_bench_plain');
        await engine.dropFile(name);
      }
    },
  };
}
