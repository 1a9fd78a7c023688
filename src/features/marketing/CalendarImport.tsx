import { useRef } from 'react';
import { create } from 'zustand';
import { LoadReportView } from '../../components/ui/LoadReportView';
import { Panel } from '../../components/ui/Panel';
import { ErrorBox } from '../../components/ui/states';
import { useEngineOrNull } from '../../dataset/engine-context';
import { loadUserFile } from '../../dataset/load-user-file';
import type { Engine } from '../../engine/engine';
import { detectFile } from '../../ingest/import';
import type { LoadReport } from '../../ingest/types';
import type { TableName } from '../../model/tables';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';

type Texts = { en: string; zh: string };

const T = {
  title: { en: 'Import a campaign calendar', zh: '导入活动日历' },
  note: {
    en: 'A campaigns file (campaign, name, type, starts_on, ends_on, budget; CSV, TSV, JSON or Parquet) loads into the calendar as it would on the Data page: rows that cannot be read are counted with their reasons, a campaign id seen again replaces the earlier one.',
    zh: '活动文件（campaign、name、type、starts_on、ends_on、budget；CSV、TSV、JSON 或 Parquet）与在“数据”页载入一样并入活动日历：无法读取的行按原因计数，重复的活动 ID 以后者为准。',
  },
  sample: {
    en: 'You are looking at the sample shop: your first own file replaces it, so load your orders too (Data page) to see your campaigns against them.',
    zh: '当前为示例店铺：载入的第一个自有文件会替换示例数据，请同时在“数据”页载入您的订单，才能看到活动与订单的对比。',
  },
  choose: { en: 'Choose a calendar file…', zh: '选择日历文件…' },
  loading: { en: 'Loading {file}…', zh: '正在载入 {file}…' },
  notCalendar: {
    en: '{file} looks like {table}, not a campaign calendar: nothing was loaded. Load it on the Data page.',
    zh: '{file} 看起来是{table}，不是活动日历：未载入任何数据。请在“数据”页载入。',
  },
} satisfies Record<string, Texts>;

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
  const zh = useAppStore((s) => s.locale) === 'zh-CN';
  const say = (k: keyof typeof T, vars: Record<string, string> = {}) =>
    Object.entries(vars).reduce((s, [k2, v]) => s.replace(`{${k2}}`, v), zh ? T[k].zh : T[k].en);
  const onSample = useAppStore((s) => s.dataset.origin) === 'sample';
  const engine = useEngineOrNull();
  const outcome = useCalendarImport((s) => s.outcome);
  const input = useRef<HTMLInputElement>(null);
  const busy = outcome?.status === 'loading';

  return (
    <Panel name="marketing-calendar-import" title={say('title')} subtitle={say('note')} exportName="marketing-calendar-import">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
        <button
          type="button"
          className="btn btn-primary"
          data-action="import-calendar"
          disabled={!engine || busy}
          onClick={() => input.current?.click()}
        >
          {say('choose')}
        </button>
        <input
          ref={input}
          type="file"
          hidden
          accept=".csv,.tsv,.txt,.json,.ndjson,.jsonl,.parquet,.gz"
          data-testid="calendar-file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file && engine) void importCalendar(engine, file);
          }}
        />
        {onSample && (
          <span className="muted small" data-note="sample-replaced">
            {say('sample')}
          </span>
        )}
      </div>
      <div data-calendar-import={outcome?.status ?? 'none'} role="status" style={{ marginTop: outcome ? 12 : 0 }}>
        {outcome?.status === 'loading' && <p className="muted small">{say('loading', { file: outcome.file })}</p>}
        {outcome?.status === 'done' && <LoadReportView report={outcome.report} />}
        {outcome?.status === 'failed' && <ErrorBox title={outcome.file} error={outcome.error} />}
        {outcome?.status === 'other-table' && (
          <p role="alert" className="warn-line">
            {say('notCalendar', { file: outcome.file, table: t(`source.${outcome.table === 'order_items' ? 'orders' : outcome.table}`) })}
          </p>
        )}
      </div>
    </Panel>
  );
}
