import { useT } from '../../i18n/use-t';
import { formatRate } from '../../lib/format';
import { useAppStore } from '../../stores/app-store';
import { useTargetsStore } from '../../stores/targets-store';
import type { Target, TargetStatus } from '../../targets';
import { STATUS_GLYPH } from './goal-format';
import { useDescription, useTargetStatus } from './use-goals';

/**
 * The target a KPI card speaks for: one on that KPI over all the data (no filter but maybe a
 * currency), preferring the one whose period holds the last day of data, then the latest.
 */
export function pickGoalTarget(targets: readonly Target[], metric: string, lastDate: string | null): Target | null {
  const candidates = targets.filter(
    (t) => t.metric === metric && !t.checkin && Object.keys(t.filters).every((d) => d === 'currency'),
  );
  const current = lastDate === null ? undefined : candidates.find((t) => t.period.from <= lastDate && lastDate <= t.period.to);
  if (current) return current;
  return [...candidates].sort((a, b) => (a.period.to < b.period.to ? 1 : -1))[0] ?? null;
}

/** The goal status of a KPI, for its card on any page; null when no target tracks it. */
export function useGoalStatus(metricId: string): { target: Target; status: TargetStatus } | null {
  const targets = useTargetsStore((s) => s.file.targets);
  const description = useDescription();
  const lastDate = description.data?.orders.lastDate ?? null;
  const target = pickGoalTarget(targets, metricId, lastDate);
  const status = useTargetStatus(target);
  if (target === null || !status.data || status.isPlaceholderData || status.data.id !== target.id) return null;
  return { target, status: status.data };
}

/** A small pill on a KPI card: the goal's status in words and its attainment; it opens the Goals page. */
export function GoalBadge({ metricId }: { metricId: string }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const setView = useAppStore((s) => s.setView);
  const goal = useGoalStatus(metricId);
  if (goal === null) return null;
  const { status, target } = goal;
  const state = t(`goals.status.${status.status}`);
  const attainment = status.attainment === null ? null : formatRate(status.attainment, locale, 0);
  const text = attainment === null ? t('goals.badge.short', { status: state }) : t('goals.badge', { status: state, attainment });
  return (
    <button
      type="button"
      className={`goal-badge status-${status.status}`}
      data-goal-badge={status.status}
      data-goal-target={target.id}
      title={t('goals.badge.title', { id: target.id, from: target.period.from, to: target.period.to })}
      onClick={() => setView({ page: 'goals' })}
    >
      <span aria-hidden="true">{STATUS_GLYPH[status.status]}</span>
      {text}
    </button>
  );
}
