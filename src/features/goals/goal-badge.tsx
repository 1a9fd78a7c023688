import { useT } from '../../i18n/use-t';
import { formatRate } from '../../lib/format';
import { useAppStore } from '../../stores/app-store';
import { useTargetsStore } from '../../stores/targets-store';
import type { Target, TargetStatus } from '../../targets';
import { STATUS_GLYPH } from './goal-format';
import { pickGoalTarget } from './goal-pick';
import { useDescription, useTargetStatus } from './use-goals';

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
  const text =
    attainment === null ? t('goals.badge.short', { status: state }) : t('goals.badge', { status: state, attainment });
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
