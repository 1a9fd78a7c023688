import { QueryClient } from '@tanstack/react-query';
import { releaseUpdatesWhenSettled } from './settled-updates';

/** Nothing here is remote: results change only when the data does (keys carry the dataset version). */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      networkMode: 'always',
      staleTime: Infinity,
      gcTime: 10 * 60_000,
      retry: false,
      refetchOnWindowFocus: false,
    },
    mutations: { networkMode: 'always', retry: false },
  },
});

releaseUpdatesWhenSettled(queryClient, 250);
