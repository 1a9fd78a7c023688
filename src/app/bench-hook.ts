import type { QueryClient } from '@tanstack/react-query';
import { useAppStore, type ViewState } from '../stores/app-store';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * A hook for the browser benchmark: apply a view change and resolve with the milliseconds until
 * every query it started has settled and the page has painted.
 */
export function installBenchHook(queryClient: QueryClient): void {
  (window as unknown as { __yardstickBench: unknown }).__yardstickBench = {
    async apply(patch: Partial<ViewState>): Promise<number> {
      const t0 = performance.now();
      useAppStore.getState().setView(patch);
      await nextFrame();
      while (queryClient.isFetching() > 0) await new Promise((r) => setTimeout(r, 1));
      await nextFrame();
      return performance.now() - t0;
    },
  };
}
