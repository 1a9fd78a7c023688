import type { Target } from '../../targets';

/**
 * The target a KPI card speaks for: one on that KPI over all the data (no filter but maybe a
 * currency), preferring the one whose period holds the last day of data, then the latest.
 */
export function pickGoalTarget(targets: readonly Target[], metric: string, lastDate: string | null): Target | null {
  const candidates = targets.filter(
    (t) => t.metric === metric && !t.checkin && Object.keys(t.filters).every((d) => d === 'currency'),
  );
  const current =
    lastDate === null ? undefined : candidates.find((t) => t.period.from <= lastDate && lastDate <= t.period.to);
  if (current) return current;
  return [...candidates].sort((a, b) => (a.period.to < b.period.to ? 1 : -1))[0] ?? null;
}
