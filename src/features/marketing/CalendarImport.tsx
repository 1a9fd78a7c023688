import { useRef } from 'react';
import { create } from 'zustand';
import { LoadReportView } from '../../components/ui/LoadReportView';
import { Panel } from '../../components/ui/Panel';
import { ErrorBox } from '../../components/ui/states';
import { useEngineOrNull } from '../../dataset/engine-context';
import { loadUserFile } from '../../dataset/load-user-file';
import type { Engine } from '../../engine/engine';
import { detectFile } from '../../ingest/import';
import { ACCEPTED_FILE_TYPES } from '../../ingest/prepare';
import type { LoadReport } from '../../ingest/types';
import type { TableName } from '../../model/tables';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';

type Outcome =
  | { status: 'loading'; file: string }
  | { status: 'done'; report: LoadReport }
  | { status: 'failed'; file: string; error: string }
  | { status: 'other-table'; file: string; table: TableName };

/** The last calendar import's outcome: kept while the page re-renders on the new data (or its empty state). */
const useCalendarImport = create<{ outcome: Outcome | null }>(() => ({ outcome: null }));

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Recognises the file first, so orders dropped here by mistake are refused before anything changes. */
async function importCalendar(engine: Engine, file: File): Promise<void> {
  const set = (outcome: Outcome) => useCalendarImport.setState({ outcome });
  set({ status: 'loading', file: file.name });
  try {
    const detection = await detectFile(engine, { name: file.name, data: file });
    if (detection.recognised && detection.table !== 'campaigns')
      return set({ status: 'other-table', file: file.name, table: detection.table });
    set({ status: 'done', report: await loadUserFile(engine, file, { table: 'campaigns' }) });
  } catch (e) {
    set({ status: 'failed', file: file.name, error: messageOf(e) });
  }
}

/**
 * The promotion calendar imported from the Marketing page itself (issue 14, item 3): the Data
 * page's import path (ingest's importFile through dataset/load-user-file) and its load report,
 * rejected rows and reasons included.
 */
export function CalendarImport() {
  const t = useT();
  const onSample = useAppStore((s) => s.dataset.origin) === 'sample';
  const engine = useEngineOrNull();
  const outcome = useCalendarImport((s) => s.outcome);
  const input = useRef<HTMLInputElement>(null);
  const busy = outcome?.status === 'loading';

  return (
    <Panel name="marketing-calendar-import" title={t('calendarImport.title')} subtitle={t('calendarImport.note')} exportName="marketing-calendar-import">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
        <button
          type="button"
          className="btn btn-primary"
          data-action="import-calendar"
          disabled={!engine || busy}
          onClick={() => input.current?.click()}
        >
          {t('calendarImport.choose')}
        </button>
        <input
          ref={input}
          type="file"
          hidden
          accept={ACCEPTED_FILE_TYPES}
          data-testid="calendar-file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file && engine) void importCalendar(engine, file);
          }}
        />
        {onSample && (
          <span className="muted small" data-note="sample-replaced">
            {t('calendarImport.sample')}
          </span>
        )}
      </div>
      <div data-calendar-import={outcome?.status ?? 'none'} role="status" style={{ marginTop: outcome ? 12 : 0 }}>
        {outcome?.status === 'loading' && <p className="muted small">{t('calendarImport.loading', { file: outcome.file })}</p>}
        {outcome?.status === 'done' && <LoadReportView report={outcome.report} />}
        {outcome?.status === 'failed' && <ErrorBox title={outcome.file} error={outcome.error} />}
        {outcome?.status === 'other-table' && (
          <p role="alert" className="warn-line">
            {t('calendarImport.notCalendar', { file: outcome.file, table: t(`source.${outcome.table === 'order_items' ? 'orders' : outcome.table}`) })}
          </p>
        )}
      </div>
    </Panel>
  );
}
