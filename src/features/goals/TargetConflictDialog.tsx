import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { useTargetsStore } from '../../stores/targets-store';
import { freeId, type ConflictChoice, type Target, type TargetConflict } from '../../targets';
import { differingParts, sideAction } from './conflict-view';
import { formatTargetValue, targetLabel } from './goal-format';
import { useGoalCurrency } from './use-goals';

const SHOWN = 6;

function Version({
  target,
  side,
  conflict,
}: {
  target: Target | null;
  side: 'mine' | 'theirs';
  conflict: TargetConflict;
}) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const currency = useGoalCurrency();
  const action = sideAction(conflict, side);
  return (
    <div className={`conflict-side conflict-${side}`} data-conflict-side={side} data-action={action}>
      <span className="conflict-who">{t(side === 'mine' ? 'goals.sync.mine' : 'goals.sync.theirs')}</span>
      {target === null ? (
        <span className="conflict-what">{t('goals.sync.removed')}</span>
      ) : (
        <span className="conflict-what">
          {t(action === 'added' ? 'goals.sync.added' : 'goals.sync.changed')}{' '}
          <strong className="num">
            {formatTargetValue(
              target.ladder.target,
              target,
              locale,
              target.filters['currency']?.[0] ?? currency,
              false,
            )}
          </strong>{' '}
          <span className="num muted">
            {target.period.from} – {target.period.to}
          </span>
          {target.id !== conflict.id && <code className="conflict-id">{target.id}</code>}
        </span>
      )}
    </div>
  );
}

/**
 * Asks what to do when a change of this tab met a different change of another tab (issue 19,
 * item 9): keep mine, take theirs, or keep both. It cannot be dismissed without a choice, and
 * until one is made the other tab's version is what is saved and shown.
 */
export function TargetConflictDialog() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const conflicts = useTargetsStore((s) => s.conflicts);
  const targets = useTargetsStore((s) => s.file.targets);
  const settle = useTargetsStore((s) => s.settleConflicts);
  const saveError = useTargetsStore((s) => s.saveError);
  const dialog = useRef<HTMLDialogElement>(null);
  const open = conflicts.length > 0;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const first = conflicts[0];
  const bothId = first?.mine ? freeId(first.mine.id, new Set(targets.map((x) => x.id))) : null;
  const choose = (choice: ConflictChoice) => settle(choice);

  return (
    <>
      {saveError && (
        <div className="import-note bad" role="alert" data-save-error>
          {t('goals.sync.saveFailed', { reason: saveError })}
        </div>
      )}
      <dialog
        ref={dialog}
        className="conflict-dialog"
        aria-labelledby="conflict-title"
        data-conflicts={conflicts.length}
        // Escape would leave the choice unmade; the buttons are the way out.
        onCancel={(e) => e.preventDefault()}
      >
        {open && (
          <div className="conflict-body">
            <h2 id="conflict-title">{t('goals.sync.title', { count: conflicts.length })}</h2>
            <p className="muted">{t('goals.sync.body')}</p>
            <ul className="conflict-list">
              {conflicts.slice(0, SHOWN).map((conflict) => {
                const shown = conflict.mine ?? conflict.theirs ?? conflict.base;
                const parts = differingParts(conflict);
                return (
                  <li key={conflict.id} className="conflict-item" data-conflict={conflict.id}>
                    <div className="conflict-head">
                      <strong>{shown ? targetLabel(shown, locale) : conflict.id}</strong>
                      <code className="conflict-id">{conflict.id}</code>
                      {parts.length > 0 && (
                        <span className="muted conflict-parts">
                          {t('goals.sync.differ', { parts: parts.map((p) => t(`goals.sync.part.${p}`)).join(', ') })}
                        </span>
                      )}
                    </div>
                    <Version target={conflict.mine} side="mine" conflict={conflict} />
                    <Version target={conflict.theirs} side="theirs" conflict={conflict} />
                  </li>
                );
              })}
            </ul>
            {conflicts.length > SHOWN && (
              <p className="muted">{t('goals.sync.more', { count: conflicts.length - SHOWN })}</p>
            )}
            <div className="conflict-actions">
              <button type="button" className="btn btn-primary" onClick={() => choose('mine')} data-choice="mine">
                {t('goals.sync.keepMine')}
              </button>
              <button type="button" className="btn" onClick={() => choose('theirs')} data-choice="theirs">
                {t('goals.sync.takeTheirs')}
              </button>
              <button type="button" className="btn" onClick={() => choose('both')} data-choice="both">
                {t('goals.sync.keepBoth')}
              </button>
            </div>
            {bothId && <p className="muted conflict-note">{t('goals.sync.keepBothNote', { id: bothId })}</p>}
          </div>
        )}
      </dialog>
    </>
  );
}
