import { useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useEngine } from '../../dataset/engine-context';
import { useEngineQuery } from '../../dataset/use-engine-query';
import { Card } from '../../components/ui/Card';
import { ErrorBox } from '../../components/ui/states';
import { useT } from '../../i18n/use-t';
import { describeData } from '../../metrics/describe';
import { useAppStore } from '../../stores/app-store';
import { addFiles, clearAllData } from './import-actions';
import { useImportStore } from './import-store';
import { LoadReportView } from './LoadReportView';
import { PendingFileCard } from './PendingFileCard';
import { fetchRemoteFile } from './remote-file';
import { ACCEPTED_FILE_TYPES } from '../../ingest/prepare';


export function DataPage() {
  const t = useT();
  const engine = useEngine();
  const queryClient = useQueryClient();
  const origin = useAppStore((s) => s.dataset.origin);
  const locale = useAppStore((s) => s.locale);
  const pending = useImportStore((s) => s.pending);
  const reports = useImportStore((s) => s.reports);
  const shownAbove = new Set(pending.flatMap((p) => (p.report ? [p.report] : [])));
  const earlierReports = reports.filter((r) => !shownAbove.has(r));
  const description = useEngineQuery(['describe'], describeData);
  const picker = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState('');
  const [urlError, setUrlError] = useState<unknown>(null);
  const [fetching, setFetching] = useState(false);
  const [confirmClear, setConfirmClear] = useState(false);

  const loadUrl = async () => {
    setUrlError(null);
    setFetching(true);
    try {
      // Through react-query so a repeated address is fetched once and the fetch shows as a query.
      const remote = await queryClient.fetchQuery({ queryKey: ['remote-file', url], queryFn: () => fetchRemoteFile(url), staleTime: 0 });
      await addFiles(engine, [new File([remote.data], remote.name)]);
      setUrl('');
    } catch (e) {
      setUrlError(e);
    } finally {
      setFetching(false);
    }
  };

  const tables = description.data
    ? [
        { id: 'orders', rows: description.data.orders.rows, from: description.data.orders.firstDate, to: description.data.orders.lastDate },
        { id: 'order_items', rows: description.data.orders.itemRows, from: null, to: null },
        { id: 'traffic', rows: description.data.traffic.rows, from: description.data.traffic.firstDate, to: description.data.traffic.lastDate },
        { id: 'users', rows: description.data.users.rows, from: description.data.users.firstDate, to: description.data.users.lastDate },
      ]
    : [];

  return (
    <>
      <div className="page-head">
        <h1>{t('nav.data')}</h1>
        <span className="sub">{origin === 'sample' ? t('data.sampleLoaded') : t('data.userBanner')}</span>
      </div>

      <Card title={t('import.title')}>
        <div className="dropzone" onClick={() => picker.current?.click()} onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && picker.current?.click()} role="button" tabIndex={0} data-testid="dropzone">
          <div className="dropzone-title">{t('import.dropOrPick')}</div>
          <div className="muted">{t('import.formats')}</div>
          <div className="muted">{t('import.privacy')}</div>
        </div>
        <input
          ref={picker}
          type="file"
          multiple
          accept={ACCEPTED_FILE_TYPES}
          hidden
          data-testid="file-input"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (files.length) void addFiles(engine, files);
          }}
        />
        <form
          className="url-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (url.trim()) void loadUrl();
          }}
        >
          <label className="control" style={{ flex: 1 }}>
            {t('import.fromUrl')}
            <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.com/orders.csv" style={{ flex: 1 }} data-testid="url-input" />
          </label>
          <button type="submit" className="btn" disabled={fetching || !url.trim()}>
            {fetching ? t('import.fetching') : t('import.fetch')}
          </button>
        </form>
        {urlError !== null && <ErrorBox title={t('import.failed')} error={urlError} />}
      </Card>

      {pending.map((item) => (
        <PendingFileCard key={item.id} item={item} />
      ))}

      {/* Right after a load the counts shown are the previous data's until the new ones arrive. */}
      <Card title={t('data.loaded')} busy={description.isPlaceholderData}>
        <div className="table-wrap">
          <table className="data" data-testid="tables-summary">
            <thead>
              <tr>
                <th>{t('report.table')}</th>
                <th className="n">{t('data.rows')}</th>
                <th>{t('report.dates')}</th>
              </tr>
            </thead>
            <tbody>
              {tables.map((row) => (
                <tr key={row.id} data-table-rows={row.id} data-value={row.rows}>
                  <td>{t(`table.${row.id as 'orders'}`)}</td>
                  <td className="n">{row.rows.toLocaleString(locale)}</td>
                  <td>{row.from ? `${row.from} – ${row.to}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      {earlierReports.length > 0 && (
        <Card title={t('data.reports')}>
          <div className="report-list">
            {earlierReports.map((r, i) => (
              <div key={`${r.file}-${i}`} className="report-item">
                <h3 className="file-name">{r.file}</h3>
                <LoadReportView report={r} />
              </div>
            ))}
          </div>
        </Card>
      )}

      {origin === 'user' && (
        <Card title={t('data.clearTitle')} className="danger-card">
          <p className="muted">{t('data.clearHelp')}</p>
          {confirmClear ? (
            <div style={{ display: 'flex', gap: 8 }}>
              <button type="button" className="btn btn-danger" onClick={() => void clearAllData(engine).then(() => setConfirmClear(false))} data-action="clear-confirm">
                {t('data.clearConfirm')}
              </button>
              <button type="button" className="btn" onClick={() => setConfirmClear(false)}>
                {t('import.cancel')}
              </button>
            </div>
          ) : (
            <button type="button" className="btn btn-danger" onClick={() => setConfirmClear(true)} data-action="clear-all">
              {t('data.clearAll')}
            </button>
          )}
        </Card>
      )}
    </>
  );
}
