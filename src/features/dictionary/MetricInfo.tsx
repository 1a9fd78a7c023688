import { useRef, useState } from 'react';
import { useEngineQuery } from '../../dataset/use-engine-query';
import { useT } from '../../i18n/use-t';
import { dictionaryEntry, explainMetric, isDictionaryId, metricSql, type DictionaryId } from '../../metrics/dictionary';
import { useAppStore } from '../../stores/app-store';
import { useViewFilters } from '../../dataset/use-view';

/**
 * The metric dictionary, one click from any KPI card (the operations pages' too): what the number
 * means in words, its unit, direction and pacing, and the SQL that produced it for the current
 * period and filters.
 */
export function MetricInfo({ metricId }: { metricId: string }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  // The explanation is drawn only while its dialog is open: a page has a dozen of these, and each
  // would otherwise compile its SQL and ask the engine again on every view change, unseen.
  const [open, setOpen] = useState(false);
  if (!isDictionaryId(metricId)) return null;
  return (
    <>
      <button
        type="button"
        className="info-btn"
        aria-label={t('dictionary.open')}
        title={t('dictionary.open')}
        data-metric-info={metricId}
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        ?
      </button>
      <dialog
        ref={dialog}
        className="dictionary"
        data-dictionary={metricId}
        onClick={(e) => e.target === dialog.current && dialog.current?.close()}
        onClose={() => setOpen(false)}
      >
        {open && <MetricExplanation metricId={metricId} onClose={() => dialog.current?.close()} />}
      </dialog>
    </>
  );
}

export function MetricExplanation({ metricId, onClose }: { metricId: DictionaryId; onClose: () => void }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const period = useAppStore((s) => s.view.period);
  const filters = useViewFilters();
  const explained = useEngineQuery(
    ['explain', metricId, period, filters],
    (engine) => explainMetric(engine, metricId, period!, filters),
    period !== null,
  );
  // The label and definition are static registry text and the SQL compiles without the engine, so
  // the dialog is whole before the engine has started (the landing page is drawn from a snapshot);
  // the engine's explanation (with the loaded data's currency) replaces the SQL when it arrives.
  const def = dictionaryEntry(metricId);
  const sql = explained.data?.sql ?? (period ? metricSql(metricId, period, filters) : null);
  return (
    <div className="dictionary-body">
      <div className="card-head">
        <h2>{locale === 'zh-CN' ? def.label.zh : def.label.en}</h2>
        <code className="muted">{metricId}</code>
        <div className="actions">
          <button type="button" className="btn btn-small" onClick={onClose}>
            {t('import.close')}
          </button>
        </div>
      </div>
      <p>{locale === 'zh-CN' ? def.description.zh : def.description.en}</p>
      <p className="muted" data-testid="dictionary-facts">
        {[
          t(`dictionary.unit.${def.unit}`),
          t(def.direction === 'lower' ? 'dictionary.lower' : 'dictionary.higher'),
          t(def.pacing === 'additive' ? 'dictionary.additive' : 'dictionary.level'),
        ].join(' · ')}
      </p>
      {period && <p className="muted">{t('dictionary.sqlFor', { from: period.from, to: period.to })}</p>}
      <pre className="sql-block" data-testid="dictionary-sql">
        {sql ?? '…'}
      </pre>
    </div>
  );
}
