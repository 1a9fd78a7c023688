import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { Engine } from '../engine/engine';
import { useAppStore } from '../stores/app-store';
import { useEngineOrNull } from './engine-context';

/**
 * A query against the loaded data. The key carries the dataset version, so a load makes every
 * result fresh while switching back to an earlier view is served from the cache.
 */
export function useEngineQuery<T>(
  key: readonly unknown[],
  run: (engine: Engine) => Promise<T>,
  enabled = true,
): UseQueryResult<T> {
  const engine = useEngineOrNull();
  const version = useAppStore((s) => s.dataset.version);
  return useQuery({
    queryKey: [...key, version],
    queryFn: () => run(engine!),
    // While the engine starts, only results seeded from the start-up snapshot are shown.
    enabled: enabled && engine !== null,
    placeholderData: (prev) => prev,
  });
}

/**
 * Reads another engine query's result from inside a query function, computing it under its own
 * key when nobody has yet: two hooks that need the same result then share one computation.
 */
export function useEngineFetch(): <T>(key: readonly unknown[], run: (engine: Engine) => Promise<T>) => Promise<T> {
  const engine = useEngineOrNull();
  const version = useAppStore((s) => s.dataset.version);
  const queryClient = useQueryClient();
  return (key, run) => queryClient.fetchQuery({ queryKey: [...key, version], queryFn: () => run(engine!) });
}
