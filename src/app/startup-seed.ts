import type { QueryClient } from '@tanstack/react-query';
import snapshot from './startup-snapshot.json';
import type { SnapshotEntry } from './startup-views';

const entries = snapshot as SnapshotEntry[];

export function hasStartupSnapshot(): boolean {
  return entries.length > 0;
}

/**
 * Puts the sample shop's first overview results in the cache under dataset version 0, the
 * version the page has before the engine has loaded anything, so the first screen shows at once.
 */
export function seedStartupSnapshot(queryClient: QueryClient): void {
  for (const { key, data } of entries) queryClient.setQueryData([...key, 0], data);
}
