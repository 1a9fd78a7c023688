import { useRef, useState, type KeyboardEvent } from 'react';
import { BarList } from '../../components/charts/BarList';
import { SeriesChart } from '../../components/charts/SeriesChart';
import { type Column, DataTable, tableCsvOnDemand } from '../../components/ui/DataTable';
import { exportName } from '../../components/ui/download';
import { PageHead } from '../../components/ui/PageHead';
import { Panel } from '../../components/ui/Panel';
import { EmptyState, ErrorBox } from '../../components/ui/states';
import { useEngine } from '../../dataset/engine-context';
import { useT } from '../../i18n/use-t';
import type { Row } from '../../engine/engine';
import { useAppStore } from '../../stores/app-store';
import { loadHistory, saveHistory } from './history';
import { runConsoleQuery, type ConsoleResult } from './sql-queries';
import {
  columnKind,
  consoleRefusal,
  formatCell,
  insertAt,
  pushHistory,
  toConsoleChart,
  type ConsoleRefusal,
} from './sql-shape';
import { TablesList } from './TablesList';

const EXAMPLE = `SELECT channel,
       sum(order_total) AS gmv,
       count(*) AS orders
FROM orders
WHERE status IN ('paid', 'partially_refunded', 'refunded')
GROUP BY channel
ORDER BY gmv DESC`;

/** Result rows shown per page of the table. */
const ROWS_PER_PAGE = 500;
/** Up to this many rows the chart is horizontal bars, every label readable; more become columns. */
const BAR_LIST_LIMIT = 20;

type RunState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; result: ConsoleResult; sql: string }
  | { status: 'error'; error: unknown };

/** A refusal by the console's own rules gets its reason in words above DuckDB's. */
const REFUSAL_TITLES = {
  'read-only': 'sql.readOnly',
  'one-statement': 'sql.oneStatement',
  'engine-safety': 'sql.engineSafety',
  none: 'sql.failed',
} as const satisfies Record<ConsoleRefusal | 'none', string>;

interface Line {
  i: number;
  row: Row;
}

/**
 * An analyst's console over the loaded tables: the result as a table and a chart, errors as
 * DuckDB words them, a history of the last 20 queries. Read-only: each statement runs alone in a
 * read-only transaction (Engine.queryReadOnly), so nothing typed here changes what the pages show.
 */
export function SqlPage() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const engine = useEngine();
  const [history, setHistory] = useState<string[]>(loadHistory);
  const [sql, setSql] = useState(() => history[0] ?? EXAMPLE);
  const [state, setState] = useState<RunState>({ status: 'idle' });
  const editor = useRef<HTMLTextAreaElement>(null);

  const run = async () => {
    const text = sql.trim();
    if (!text || state.status === 'running') return;
    setState({ status: 'running' });
    const next = pushHistory(history, text);
    setHistory(next);
    saveHistory(next);
    try {
      const result = await runConsoleQuery(engine, text);
      setState({ status: 'done', result, sql: text });
    } catch (error) {
      setState({ status: 'error', error });
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void run();
    }
  };

  const insert = (text: string) => {
    const el = editor.current;
    const start = el?.selectionStart ?? sql.length;
    const end = el?.selectionEnd ?? sql.length;
    const next = insertAt(sql, start, end, text);
    setSql(next.text);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.caret, next.caret);
    });
  };

  const result = state.status === 'done' ? state.result : null;
  const lines: Line[] = result ? result.rows.map((row, i) => ({ i, row })) : [];
  const columns: Column<Line>[] = (result?.columns ?? []).map((c) => ({
    key: c,
    label: c,
    numeric: result ? columnKind(result.rows, c) === 'number' : false,
    value: (l) => l.row[c] ?? null,
    render: (l) => {
      const v = l.row[c];
      return v === null || v === undefined ? <span className="null">NULL</span> : formatCell(v, locale);
    },
  }));
  const chart = result ? toConsoleChart(result.rows, result.columns) : null;

  return (
    <>
      <PageHead title={t('sql.title')} showPeriod={false} />
      <div className="sql-layout">
        <aside className="card sql-side" aria-label={t('sql.tables')}>
          <h2>{t('sql.tables')}</h2>
          <TablesList onInsert={insert} />
        </aside>
        <div className="sql-main">
          <section className="card sql-editor" aria-label={t('sql.editor')}>
            <label htmlFor="sql-input" className="sql-label">
              {t('sql.editor')}
            </label>
            <textarea
              id="sql-input"
              ref={editor}
              data-testid="sql-input"
              value={sql}
              spellCheck={false}
              autoCapitalize="off"
              autoCorrect="off"
              rows={8}
              onChange={(e) => setSql(e.target.value)}
              onKeyDown={onKeyDown}
              aria-describedby="sql-hint"
            />
            <div className="sql-bar">
              <button
                type="button"
                className="btn btn-primary"
                data-action="run-sql"
                onClick={() => void run()}
                disabled={state.status === 'running'}
              >
                {state.status === 'running' ? t('sql.running') : t('sql.run')}
              </button>
              <span id="sql-hint" className="sql-hint">
                {t('sql.hint')}
              </span>
              {result && (
                <span className="sql-status" data-testid="sql-status" role="status">
                  {t('sql.status', { rows: result.rows.length.toLocaleString(locale), ms: Math.round(result.ms) })}
                </span>
              )}
            </div>
          </section>

          {state.status === 'error' && (
            <ErrorBox title={t(REFUSAL_TITLES[consoleRefusal(state.error) ?? 'none'])} error={state.error} />
          )}

          {result && (
            <Panel
              name="sql-result"
              title={t('sql.result')}
              exportName={exportName('query', null)}
              csv={tableCsvOnDemand(lines, columns)}
            >
              {result.columns.length === 0 ? (
                <EmptyState>{t('sql.noResult')}</EmptyState>
              ) : (
                <>
                  <DataTable
                    name="sql-result"
                    caption={t('sql.result')}
                    columns={columns}
                    rows={lines}
                    rowKey={(l) => String(l.i)}
                    pageSize={ROWS_PER_PAGE}
                    sortable
                  />
                  {result.rows.length === 0 && <EmptyState>{t('sql.noRows')}</EmptyState>}
                </>
              )}
            </Panel>
          )}

          {result && result.rows.length > 0 && (
            <Panel
              name="sql-chart"
              title={t('sql.chart')}
              subtitle={chart ? t('sql.chartNote', { label: chart.labelColumn, value: chart.valueColumn }) : undefined}
              exportName={exportName('query-chart', null)}
              png={chart !== null}
            >
              {chart && chart.points.length <= BAR_LIST_LIMIT ? (
                <BarList
                  title={`${chart.valueColumn} × ${chart.labelColumn}`}
                  items={chart.points.map((p, i) => ({
                    key: `${i}`,
                    label: p.label,
                    value: p.value,
                    selectable: false,
                  }))}
                  formatValue={(v) => (v === null ? 'NULL' : formatCell(v, locale))}
                />
              ) : chart ? (
                <SeriesChart
                  title={`${chart.valueColumn} × ${chart.labelColumn}`}
                  points={chart.points}
                  valueLabel={chart.valueColumn}
                  tableLabel={t('chart.tableAlt')}
                  formatValue={(v) => (v === null ? 'NULL' : formatCell(v, locale))}
                  footer={chart.truncated ? <div className="table-note">{t('sql.chartTruncated')}</div> : undefined}
                />
              ) : (
                <EmptyState>{t('sql.noChart')}</EmptyState>
              )}
            </Panel>
          )}

          <section className="card" aria-label={t('sql.history')} data-panel="sql-history">
            <div className="panel-head">
              <div className="panel-title">
                <h2>{t('sql.history')}</h2>
                <div className="panel-sub">{t('sql.historyNote')}</div>
              </div>
              {history.length > 0 && (
                <div className="panel-actions">
                  <button
                    type="button"
                    className="btn btn-sm"
                    onClick={() => {
                      setHistory([]);
                      saveHistory([]);
                    }}
                  >
                    {t('sql.clearHistory')}
                  </button>
                </div>
              )}
            </div>
            {history.length === 0 ? (
              <EmptyState>{t('sql.noHistory')}</EmptyState>
            ) : (
              <ol className="sql-history">
                {history.map((h) => (
                  <li key={h}>
                    <button
                      type="button"
                      className="sql-history-item"
                      onClick={() => setSql(h)}
                      title={t('sql.loadQuery')}
                    >
                      <code>{h}</code>
                    </button>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
