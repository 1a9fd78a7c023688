import { notifyManager, type QueryClient } from '@tanstack/react-query';

/**
 * Holds back react-query's updates to the page while any query is running, for at most `maxHoldMs`,
 * then lets them through together: a view change then redraws the page once, with every new
 * result, instead of once per statement. Each early redraw ran on the main thread while the DuckDB
 * worker ran the view's next statement, on a machine with two cores (issue 12); and a page of new
 * KPIs under an old chart is a mixed view. A view slower than `maxHoldMs` still shows its results
 * as they come, at most `maxHoldMs` apart.
 */
export function releaseUpdatesWhenSettled(client: QueryClient, maxHoldMs: number): void {
  let held: (() => void)[] = [];
  let heldSince = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const release = () => {
    timer = null;
    const waited = performance.now() - heldSince;
    if (client.isFetching() > 0 && waited < maxHoldMs) {
      timer = setTimeout(release, maxHoldMs - waited);
      return;
    }
    const updates = held;
    held = [];
    notifyManager.batch(() => updates.forEach((update) => update()));
  };

  notifyManager.setScheduler((update) => {
    if (held.length === 0) heldSince = performance.now();
    held.push(update);
    if (client.isFetching() === 0) {
      // The last result is in: let everything through on the next task, as react-query would.
      if (timer) clearTimeout(timer);
      timer = setTimeout(release, 0);
    } else if (!timer) timer = setTimeout(release, maxHoldMs);
  });
}
