import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { useTargetsStore } from '../../stores/targets-store';
import type { Target } from '../../targets';
import { draftFromTarget, newDraft, type Draft } from './draft';
import { GoalCard } from './GoalCard';
import { GoalEditor } from './GoalEditor';
import { GoalListBar, GoalPager } from './GoalListBar';
import { filterTargets, GOALS_PER_PAGE, goalPage, pageOfTarget } from './goal-list';
import { TargetConflictDialog } from './TargetConflictDialog';
import { TargetsFileBar } from './TargetsFileBar';
import { PrintButton } from '../../components/ui/PageHead';
import { UnreadableTargets } from './UnreadableTargets';
import { useDescription, useGoalCurrency } from './use-goals';

interface Editing {
  draft: Draft;
  editingId: string | null;
  /** The target as it was when the editor opened. */
  original: Target | null;
}

/**
 * The Goals page (issue 5): every target with its status, numbers and burn-up chart; the
 * editor for new and changed targets; ladders, driver trees, check-ins and SMART checks per
 * target; and the targets file in and out. Targets come a page at a time, with a search, so
 * only the cards on screen draw and ask the engine for numbers (issue 19, item 10).
 */
export function GoalsPage() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const targets = useTargetsStore((s) => s.file.targets);
  const lockedRungs = useTargetsStore((s) => s.lockedRungs);
  const removeTarget = useTargetsStore((s) => s.removeTarget);
  const description = useDescription();
  const currency = useGoalCurrency();
  const [editing, setEditing] = useState<Editing | null>(null);
  // An alert's link opens the page on its target's metric (the view's focus).
  const [query, setQuery] = useState(() => useAppStore.getState().view.focus ?? '');
  const [page, setPage] = useState(0);
  const reveal = useRef<string | null>(null);
  const listTop = useRef<HTMLDivElement>(null);
  // Typing stays quick with 10,000 targets: the list follows the search box a moment later.
  const search = useDeferredValue(query);
  const matching = useMemo(() => filterTargets(targets, search, locale), [targets, search, locale]);
  const shown = goalPage(matching, page);
  const lastDate = description.data?.orders.lastDate ?? description.data?.traffic.lastDate ?? null;

  const startNew = () =>
    setEditing({
      draft: newDraft(
        lastDate,
        targets.map((x) => x.id),
      ),
      editingId: null,
      original: null,
    });
  const finishEdit = (savedId: string | null) => {
    setEditing(null);
    if (savedId === null) return;
    // A saved target may sit on another page (a new one goes last): show its page and bring it into view.
    const at = pageOfTarget(matching, savedId) ?? pageOfTarget(targets, savedId);
    if (at === null) return;
    if (pageOfTarget(matching, savedId) === null) setQuery('');
    setPage(at);
    reveal.current = savedId;
  };
  const editor = (state: Editing) => (
    <GoalEditor
      key={state.editingId ?? 'new'}
      initial={state.draft}
      editingId={state.editingId}
      original={state.original}
      onDone={finishEdit}
    />
  );
  const turnPage = (next: number) => {
    setPage(next);
    listTop.current?.scrollIntoView({ block: 'start' });
  };

  // After the save has been drawn, on whichever page it landed.
  useEffect(() => {
    if (reveal.current === null) return;
    const card = document.querySelector(`[data-target="${CSS.escape(reveal.current)}"]`);
    if (!card) return;
    card.scrollIntoView({ block: 'nearest' });
    reveal.current = null;
  });

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
          <PrintButton />
        </div>
      </div>
      <TargetsFileBar count={targets.length} />
      <UnreadableTargets />
      {editing && editing.editingId === null && editor(editing)}
      {targets.length > GOALS_PER_PAGE && (
        <div ref={listTop} className="goal-list-top">
          <GoalListBar
            query={query}
            onQuery={(next) => {
              setQuery(next);
              setPage(0);
            }}
            shown={shown}
            matching={matching.length}
            total={targets.length}
            onPage={turnPage}
            editing={editing !== null}
          />
        </div>
      )}
      {targets.length === 0 && editing === null && (
        <div className="card goals-empty" data-goals-empty>
          <h2>{t('goals.empty.title')}</h2>
          <p>{t('goals.empty.body')}</p>
          <button type="button" className="btn btn-primary" onClick={startNew}>
            {t('goals.new')}
          </button>
        </div>
      )}
      {[
        ...shown.targets.map((target) =>
          editing?.editingId === target.id ? (
            <div key={target.id}>{editor(editing)}</div>
          ) : (
            <GoalCard
              key={target.id}
              target={target}
              locked={lockedRungs[target.id] ?? []}
              currency={target.filters['currency']?.[0] ?? currency}
              onEdit={() => setEditing({ draft: draftFromTarget(target), editingId: target.id, original: target })}
              onRemove={() => removeTarget(target.id)}
            />
          ),
        ),
        // Another tab removed the target being edited: the editor stays (same key, same list) so
        // nothing typed is lost, and saving asks whether to bring it back.
        ...(editing !== null && editing.editingId !== null && !shown.targets.some((t) => t.id === editing.editingId)
          ? [<div key={editing.editingId}>{editor(editing)}</div>]
          : []),
      ]}
      <TargetConflictDialog />
      {shown.targets.length > 2 && (
        <GoalPager shown={shown} onPage={turnPage} disabled={editing !== null} place="bottom" />
      )}
    </>
  );
}
