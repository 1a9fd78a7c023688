import { useState } from 'react';
import { useT } from '../../i18n/use-t';
import { useTargetsStore } from '../../stores/targets-store';
import { draftFromTarget, newDraft, type Draft } from './draft';
import { GoalCard } from './GoalCard';
import { GoalEditor } from './GoalEditor';
import { TargetsFileBar } from './TargetsFileBar';
import { UnreadableTargets } from './UnreadableTargets';
import { useDescription, useGoalCurrency } from './use-goals';

interface Editing {
  draft: Draft;
  editingId: string | null;
}

/**
 * The Goals page (issue 5): every target with its status, numbers and burn-up chart; the
 * editor for new and changed targets; ladders, driver trees, check-ins and SMART checks per
 * target; and the targets file in and out.
 */
export function GoalsPage() {
  const t = useT();
  const targets = useTargetsStore((s) => s.file.targets);
  const lockedRungs = useTargetsStore((s) => s.lockedRungs);
  const removeTarget = useTargetsStore((s) => s.removeTarget);
  const description = useDescription();
  const currency = useGoalCurrency();
  const [editing, setEditing] = useState<Editing | null>(null);
  const lastDate = description.data?.orders.lastDate ?? description.data?.traffic.lastDate ?? null;

  const startNew = () =>
    setEditing({
      draft: newDraft(
        lastDate,
        targets.map((x) => x.id),
      ),
      editingId: null,
    });
  const editor = (state: Editing) => (
    <GoalEditor
      key={state.editingId ?? 'new'}
      initial={state.draft}
      editingId={state.editingId}
      onDone={() => setEditing(null)}
    />
  );

  return (
    <>
      <div className="page-head goals-head">
        <h1>{t('goals.title')}</h1>
        <span className="sub">{lastDate ? t('goals.subtitle', { date: lastDate }) : ''}</span>
        <div className="goals-head-actions">
          <button
            type="button"
            className="btn btn-primary"
            onClick={startNew}
            disabled={editing !== null && editing.editingId === null}
            data-action="new-target"
          >
            {t('goals.new')}
          </button>
        </div>
      </div>
      <TargetsFileBar count={targets.length} />
      <UnreadableTargets />
      {editing && editing.editingId === null && editor(editing)}
      {targets.length === 0 && editing === null && (
        <div className="card goals-empty" data-goals-empty>
          <h2>{t('goals.empty.title')}</h2>
          <p>{t('goals.empty.body')}</p>
          <button type="button" className="btn btn-primary" onClick={startNew}>
            {t('goals.new')}
          </button>
        </div>
      )}
      {targets.map((target) =>
        editing?.editingId === target.id ? (
          <div key={target.id}>{editor(editing)}</div>
        ) : (
          <GoalCard
            key={target.id}
            target={target}
            locked={lockedRungs[target.id] ?? []}
            currency={target.filters['currency']?.[0] ?? currency}
            onEdit={() => setEditing({ draft: draftFromTarget(target), editingId: target.id })}
            onRemove={() => removeTarget(target.id)}
          />
        ),
      )}
    </>
  );
}
