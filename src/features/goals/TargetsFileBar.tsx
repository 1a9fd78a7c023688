import { useRef, useState } from 'react';
import { downloadBlob } from '../../components/ui/download';
import { useT } from '../../i18n/use-t';
import { usePlanStore } from '../../stores/plan-store';
import { useTargetsStore, type ImportOutcome } from '../../stores/targets-store';
import type { ImportMode } from '../../targets';

export const TARGETS_FILE_NAME = 'yardstick-targets.json';

/** Saves the targets file through the browser's own download; nothing leaves the machine. */
function download(name: string, text: string): void {
  downloadBlob(name, new Blob([text], { type: 'application/json;charset=utf-8' }));
}

/** What an import did, or why it did nothing. */
function ImportReport({ outcome, name, onClose }: { outcome: ImportOutcome; name: string; onClose: () => void }) {
  const t = useT();
  return (
    <div
      className={outcome.ok ? 'import-note ok' : 'import-note bad'}
      role={outcome.ok ? 'status' : 'alert'}
      data-import={outcome.ok ? 'ok' : 'failed'}
    >
      <div className="import-note-head">
        <strong>{outcome.ok ? t('goals.import.done', { name }) : t('goals.import.failed', { name })}</strong>
        <button type="button" className="btn-link" onClick={onClose}>
          {t('import.close')}
        </button>
      </div>
      {outcome.ok ? (
        <p>
          {t('goals.import.summary', {
            added: outcome.added.length,
            replaced: outcome.replaced.length,
            removed: outcome.removed.length,
          })}
        </p>
      ) : (
        <>
          <p>{t('goals.import.nothingChanged')}</p>
          <ul className="field-errors">
            {outcome.errors.map((e, i) => (
              <li key={i} data-import-error={`${e.target ?? ''}:${e.field}`}>
                {e.target && (
                  <>
                    {t('goals.import.target')} <code>{e.target}</code>,{' '}
                  </>
                )}
                {t('goals.import.field')} <code>{e.field}</code>: {e.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Import, export and clear the targets file (METRICS.md "Targets"). */
export function TargetsFileBar({ count }: { count: number }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const importText = useTargetsStore((s) => s.importText);
  const exportText = useTargetsStore((s) => s.exportText);
  const clear = useTargetsStore((s) => s.clear);
  // SKU roles and planned campaigns go out in the same file, even with no target yet.
  const planned = usePlanStore((s) => Object.keys(s.sku_roles).length + s.campaigns.length);
  const [mode, setMode] = useState<ImportMode>('merge');
  const [outcome, setOutcome] = useState<{ outcome: ImportOutcome; name: string } | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    setOutcome({ outcome: importText(text, mode), name: file.name });
    if (input.current) input.current.value = '';
  };

  return (
    <div className="targets-file">
      <div className="targets-file-actions">
        <label className="control">
          {t('goals.import.mode')}
          <select value={mode} onChange={(e) => setMode(e.target.value as ImportMode)} data-control="import-mode">
            <option value="merge">{t('goals.import.merge')}</option>
            <option value="replace">{t('goals.import.replace')}</option>
          </select>
        </label>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => input.current?.click()}
          data-action="import-targets"
        >
          {t('goals.import.button')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={(e) => void onFile(e.target.files?.[0])}
          data-input="targets-file"
        />
        <button
          type="button"
          className="btn btn-small"
          disabled={count === 0 && planned === 0}
          onClick={() => download(TARGETS_FILE_NAME, exportText())}
          data-action="export-targets"
        >
          {t('goals.export')}
        </button>
        {confirmClear ? (
          <>
            <button
              type="button"
              className="btn btn-small btn-danger"
              data-action="confirm-clear"
              onClick={() => {
                clear();
                setConfirmClear(false);
              }}
            >
              {t('goals.clearConfirm', { count })}
            </button>
            <button type="button" className="btn btn-small" onClick={() => setConfirmClear(false)}>
              {t('goals.cancel')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="btn btn-small"
            disabled={count === 0}
            onClick={() => setConfirmClear(true)}
            data-action="clear-targets"
          >
            {t('goals.clear')}
          </button>
        )}
      </div>
      {outcome && <ImportReport outcome={outcome.outcome} name={outcome.name} onClose={() => setOutcome(null)} />}
    </div>
  );
}
