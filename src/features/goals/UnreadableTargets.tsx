import { downloadBlob } from '../../components/ui/download';
import { useT } from '../../i18n/use-t';
import { useTargetsStore } from '../../stores/targets-store';

/** Saved targets that no longer read (after an update): shown with the reasons and kept until dismissed. */
export function UnreadableTargets() {
  const t = useT();
  const unreadable = useTargetsStore((s) => s.unreadable);
  const dismiss = useTargetsStore((s) => s.dismissUnreadable);
  if (unreadable.length === 0) return null;
  const download = () =>
    downloadBlob(
      'yardstick-unreadable-targets.json',
      new Blob([JSON.stringify(unreadable, null, 2)], { type: 'application/json' }),
    );
  return (
    <div className="import-note bad" role="alert" data-unreadable={unreadable.length}>
      <strong>{t('goals.unreadable.title', { count: unreadable.length })}</strong>
      <ul className="field-errors">
        {unreadable.flatMap((item, i) =>
          item.errors.map((e, j) => (
            <li key={`${i}-${j}`}>
              {e.target && <code>{e.target}</code>} <code>{e.field}</code>: {e.message}
            </li>
          )),
        )}
      </ul>
      <div className="import-note-head">
        <button type="button" className="btn btn-small" onClick={download}>
          {t('goals.unreadable.download')}
        </button>
        <button type="button" className="btn btn-small" onClick={dismiss}>
          {t('goals.unreadable.dismiss')}
        </button>
      </div>
    </div>
  );
}
