import { useState } from 'react';
import type { RestoreFailure } from '../../dataset/restore-stored';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { forgetUnrestoredFile } from './import-actions';
import { useImportStore } from './import-store';

/**
 * On every page: the stored files that could not be restored on this visit, each named with its
 * reason and a button that removes it from the browser's storage (issue 19, item 8).
 */
export function RestoreFailures() {
  const t = useT();
  const failures = useImportStore((s) => s.restoreFailures);
  const origin = useAppStore((s) => s.dataset.origin);
  if (failures.length === 0) return null;
  return (
    <div className="banner banner-warn restore-failures" role="alert" data-testid="restore-failures">
      <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
        <path d="M8 1.5 15 14H1z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
        <path d="M8 6v3.8M8 11.8v.1" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      <div className="restore-list">
        {failures.map((f) => (
          <FailureLine key={f.id} failure={f} />
        ))}
        <div className="restore-note">{t(origin === 'user' ? 'data.restoreOthers' : 'data.restoreNone')}</div>
      </div>
    </div>
  );
}

function FailureLine({ failure }: { failure: RestoreFailure }) {
  const t = useT();
  const [removing, setRemoving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    setRemoving(true);
    setError(null);
    try {
      await forgetUnrestoredFile(failure.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setRemoving(false);
    }
  };
  return (
    <div className="restore-line" data-restore-failure={failure.name}>
      <span>
        {t('data.restoreFailed', { name: failure.name })} <span className="restore-reason">{failure.reason}</span>
        {error && <span className="restore-reason"> {t('data.restoreRemoveFailed', { reason: error })}</span>}
      </span>
      <button
        type="button"
        className="btn btn-sm"
        onClick={() => void remove()}
        disabled={removing}
        data-action="remove-stored"
      >
        {removing ? t('data.restoreRemoving') : t('data.restoreRemove')}
      </button>
    </div>
  );
}
