import { memo } from 'react';
import { Card } from '../../components/ui/Card';
import { EmptyState } from '../../components/ui/states';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { GoalBadge, useGoalStatus } from './goal-badge';
import { GoalBurnUp } from './GoalBurnUp';

/** GMV against the pace of its target, when a GMV target exists; otherwise a way to set one. Shown on the overview. */
export const GmvPaceCard = memo(function GmvPaceCard({ currency }: { currency: string | null }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const setView = useAppStore((s) => s.setView);
  const goal = useGoalStatus('gmv');
  return (
    <Card title={t('overview.pace.title')} actions={goal ? <GoalBadge metricId="gmv" /> : undefined}>
      {goal ? (
        <>
          <p className="muted" style={{ margin: '0 0 8px' }}>
            {t('overview.pace.target', { id: goal.target.id, from: goal.target.period.from, to: goal.target.period.to })}
          </p>
          <GoalBurnUp target={goal.target} status={goal.status} locale={locale} currency={currency} />
        </>
      ) : (
        <EmptyState>
          <p>{t('overview.pace.none')}</p>
          <button type="button" className="btn btn-primary" onClick={() => setView({ page: 'goals' })}>
            {t('overview.pace.set')}
          </button>
        </EmptyState>
      )}
    </Card>
  );
});
