import { useEngine } from '../../dataset/engine-context';
import { useT } from '../../i18n/use-t';
import type { TableName } from '../../model/tables';
import { useAppStore } from '../../stores/app-store';
import { ErrorBox } from '../../components/ui/states';
import { cancelFile, chooseTable, confirmFile, dismissFile, setMapping } from './import-actions';
import type { PendingFile } from './import-store';
import { formatBytes, sourceLabel } from './labels';
import { LoadProgress } from './LoadProgress';
import { LoadReportView } from './LoadReportView';
import { REJECTED_WARN_SHARE, rejectedShareToWarn } from './load-health';
import { MappingEditor, guessMapping } from './MappingEditor';

const TABLE_CHOICES: TableName[] = ['orders', 'order_items', 'traffic', 'users'];

/** One dropped file: what it was recognised as, a preview, then progress and its load report. */
export function PendingFileCard({ item }: { item: PendingFile }) {
  const t = useT();
  const engine = useEngine();
  const locale = useAppStore((s) => s.locale);
  const d = item.detection;
  const table = item.table ?? d?.table ?? 'orders';
  const mapping = item.mapping ?? (d && !d.recognised ? guessMapping(table, d.header) : undefined);
  // Once committed ('done') the rows are in: only the derived tables are left, nothing to cancel.
  const cancellable = item.status === 'loading' && item.progress?.phase !== 'done';

  return (
    <section className="card pending" data-pending={item.file.name} data-status={item.status} aria-label={item.file.name}>
      <div className="card-head">
        <h2 className="file-name">{item.file.name}</h2>
        <span className="muted">{formatBytes(item.file.size)}</span>
        <div className="actions">
          {item.status === 'loading' ? (
            cancellable && (
              <button type="button" className="btn btn-small" onClick={() => cancelFile(item.id)} disabled={item.cancelling} data-action="cancel">
                {item.cancelling ? t('import.cancelling') : t('import.cancel')}
              </button>
            )
          ) : (
            <button type="button" className="btn btn-small" onClick={() => dismissFile(item.id)} data-action="dismiss">
              {item.status === 'review' ? t('import.discard') : t('import.close')}
            </button>
          )}
          {item.status === 'review' && (
            <button type="button" className="btn btn-primary btn-small" onClick={() => void confirmFile(engine, item.id)} data-action="confirm">
              {t('import.confirm')}
            </button>
          )}
        </div>
      </div>

      {item.status === 'detecting' && <p className="muted">{t('import.detecting')}</p>}
      {item.status === 'failed' && <ErrorBox title={t('import.failed')} error={item.error} />}
      {item.status === 'cancelled' && <p className="muted">{t('import.cancelled')}</p>}

      {d && item.status === 'review' && (
        <>
          <p className="detected" data-testid="detected">
            {d.recognised ? (
              <>
                {t('import.recognisedAs')} <strong data-source={d.source}>{sourceLabel(d.source, locale)}</strong> → <strong data-table={d.table}>{t(`table.${d.table}`)}</strong>
              </>
            ) : (
              <strong>{t('import.unknownLayout')}</strong>
            )}
            <span className="muted">
              {' '}
              · {d.format.toUpperCase()} · {d.encoding} · {d.header.length} {t('import.columns')}
            </span>
          </p>
          {d.warnings.map((w) => (
            <p key={w} className="warn-line">
              ⚠ {w}
            </p>
          ))}
          {!d.recognised && mapping && (
            <>
              <label className="control">
                {t('import.loadInto')}
                <select value={table} onChange={(e) => { const next = e.target.value as TableName; chooseTable(item.id, next); setMapping(item.id, guessMapping(next, d.header)); }}>
                  {TABLE_CHOICES.map((tn) => (
                    <option key={tn} value={tn}>
                      {t(`table.${tn}`)}
                    </option>
                  ))}
                </select>
              </label>
              <MappingEditor file={item.file} header={d.header} mapping={mapping} onChange={(m) => setMapping(item.id, m)} />
            </>
          )}
          {d.recognised && (
            <div className="table-wrap" style={{ maxHeight: 220 }}>
              <table className="data">
                <thead>
                  <tr>
                    {d.header.slice(0, 12).map((h, i) => (
                      <th key={`${h}-${i}`}>{h}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {d.preview.slice(0, 5).map((row, i) => (
                    <tr key={i}>
                      {d.header.slice(0, 12).map((h, j) => (
                        <td key={`${h}-${j}`}>{row[h] === null || row[h] === undefined ? '' : String(row[h]).slice(0, 40)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}

      {item.status === 'loading' && item.progress && <LoadProgress item={item} />}
      {item.status === 'done' && item.report && (
        <>
          <LoadedLine report={item.report} />
          <LoadReportView report={item.report} />
        </>
      )}
    </section>
  );
}

/** The headline over a load report: green when clean, amber with the rejected share above the threshold. */
export function LoadedLine({ report }: { report: NonNullable<PendingFile['report']> }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const rows = report.rowsLoaded.toLocaleString(locale);
  const table = t(`table.${report.table}`);
  const share = rejectedShareToWarn(report);
  if (share === null) {
    return (
      <p className="ok-line" role="status" data-load-health="ok">
        ✓ {t('import.loadedInto', { rows, table })}
      </p>
    );
  }
  const pct = (v: number) => v.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <p className="warn-line" role="status" data-load-health="warn">
      ⚠ {t('import.loadedWithRejects', { rows, table, share: pct(share), limit: pct(REJECTED_WARN_SHARE) })}
    </p>
  );
}
