import { notifyManager, QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { releaseUpdatesWhenSettled } from '../../../src/app/settled-updates';

const HOLD_MS = 300;

/** A query whose result arrives when the test says so. */
function deferred(): { promise: Promise<string>; resolve: (value: string) => void } {
  let resolve!: (value: string) => void;
  const promise = new Promise<string>((r) => (resolve = r));
  return { promise, resolve };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Subscribes to a query as useQuery does (its listener goes through `notifyManager.batchCalls`)
 * and records the data of each update the page receives.
 */
function watch(client: QueryClient, key: string, result: Promise<string>): (string | undefined)[] {
  const seen: (string | undefined)[] = [];
  const observer = new QueryObserver(client, { queryKey: [key], queryFn: () => result });
  observer.subscribe(notifyManager.batchCalls(() => seen.push(observer.getCurrentResult().data)));
  return seen;
}

describe('releaseUpdatesWhenSettled', () => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  releaseUpdatesWhenSettled(client, HOLD_MS);

  it('lets a result through only once the other running query has its result too', async () => {
    const kpis = deferred();
    const chart = deferred();
    const kpiUpdates = watch(client, 'kpis', kpis.promise);
    const chartUpdates = watch(client, 'chart', chart.promise);

    kpis.resolve('kpis of the new view');
    await wait(50);
    expect(kpiUpdates).not.toContain('kpis of the new view');

    chart.resolve('chart of the new view');
    await wait(50);
    expect(kpiUpdates).toContain('kpis of the new view');
    expect(chartUpdates).toContain('chart of the new view');
  });

  it('lets a result through after the longest hold while another query still runs', async () => {
    const fast = deferred();
    const slow = deferred();
    const fastUpdates = watch(client, 'fast', fast.promise);
    watch(client, 'slow', slow.promise);

    fast.resolve('fast result');
    await wait(50);
    expect(fastUpdates).not.toContain('fast result');
    await wait(HOLD_MS);
    expect(fastUpdates).toContain('fast result');
    slow.resolve('slow result');
  });

  it('lets an update through on the next task when no query is running', async () => {
    const updates = watch(client, 'alone', Promise.resolve('only result'));
    await wait(20);
    expect(updates).toContain('only result');
  });
});
