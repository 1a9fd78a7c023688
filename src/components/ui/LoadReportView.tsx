import { useT } from '../../i18n/use-t';
import { rejectedRowsCsv } from '../../ingest/report';
import type { LoadReport } from '../../ingest/types';
import { downloadBlob } from './download';
import { csvBlob } from '../../lib/csv';
import { sourceLabel } from './source-labels';
import { useAppStore } from '../../stores/app-store';

/**
 * What happened to one file (the Data page's cards, the Marketing page's calendar import): rows
 * read, loaded, rejected by reason, duplicates, dates covered.
 * Read = loaded + rejected; the table grew by loaded - duplicates - added up.
 */
export function LoadReportView({ report }: { report: LoadReport }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const n = (v: number) => v.toLocaleString(locale);
  return (
    <div className="load-report" data-report={report.file}>
      <div className="report-stats">
        <Stat
          label={t('report.table')}
          value={`${t(`source.${report.table === 'order_items' ? 'orders' : report.table}`)}${report.table === 'order_items' ? ` (${t('report.items')})` : ''}`}
        />
        <Stat label={t('report.source')} value={sourceLabel(report.source, locale)} />
        <Stat label={t('report.read')} value={n(report.rowsRead)} testId="rows-read" />
        <Stat label={t('report.loaded')} value={n(report.rowsLoaded)} testId="rows-loaded" />
        <Stat
          label={t('report.rejected')}
          value={n(report.rowsRejected)}
          tone={report.rowsRejected ? 'bad' : undefined}
          testId="rows-rejected"
        />
        <Stat label={t('report.duplicates')} value={n(report.duplicates)} testId="duplicates" />
        {report.addedUp ? <Stat label={t('report.addedUp')} value={n(report.addedUp)} testId="added-up" /> : null}
        <Stat
          label={t('report.dates')}
          value={report.dateRange ? `${report.dateRange.from} – ${report.dateRange.to}` : '—'}
        />
        {report.items && <Stat label={t('report.itemsLoaded')} value={n(report.items.loaded)} />}
      </div>
      {report.warnings?.map((w) => (
        <p key={w} className="warn-line" role="note">
          ⚠ {w}
        </p>
      ))}
      {report.rowsRejected > 0 && (
        <details className="rejected">
          <summary>
            {t('report.viewRejected')} ·{' '}
            {Object.entries(report.reasons)
              .map(([reason, count]) => `${reason}: ${n(count)}`)
              .join(' · ')}
          </summary>
          <div className="table-wrap" style={{ maxHeight: 280 }}>
            <table className="data">
              <thead>
                <tr>
                  <th className="n">{t('report.line')}</th>
                  <th>{t('report.reason')}</th>
                  <th>{t('report.row')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rejected.map((r) => (
                  <tr key={`${r.line}-${r.reason}`}>
                    <td className="n">{r.line}</td>
                    <td>{r.reason}</td>
                    <td className="raw-cell" title={r.raw}>
                      {r.raw.slice(0, 160)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => downloadBlob(`${report.file}.rejected.csv`, csvBlob(rejectedRowsCsv(report)))}
            data-action="download-rejected"
          >
            {t('report.downloadRejected')}
          </button>
        </details>
      )}
    </div>
  );
}

function Stat({
  label,
  value,
  tone,
  testId,
}: {
  label: string;
  value: string;
  tone?: 'bad' | undefined;
  testId?: string;
}) {
  return (
    <div className="stat" data-stat={testId}>
      <div className="stat-label">{label}</div>
      <div className={`stat-value num ${tone === 'bad' ? 'bad' : ''}`}>{value}</div>
    </div>
  );
}
