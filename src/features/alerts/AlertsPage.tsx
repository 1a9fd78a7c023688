import { useState } from 'react';
import { PageHead } from '../../components/ui/PageHead';
import { EmptyState, ErrorBox, Skeleton } from '../../components/ui/states';
import { usePageScope } from '../../components/ui/page-scope';
import { useT } from '../../i18n/use-t';
import { describeAlert } from '../../metrics/alert-text';
import type { Alert } from '../../metrics/report-types';
import { useAppStore, type ViewState } from '../../stores/app-store';
import { ALERT_GROUPS, alertKey, groupOf, periodAround, visibleAlerts, type AlertGroup } from './alert-list';
import { useAlerts, useDismissed } from './use-alerts';

/** The view that shows an alert: the day on the daily sales chart, the target, the SKU. */
export function linkedView(alert: Alert): Partial<ViewState> {
  switch (groupOf(alert)) {
    case 'anomaly':
      return { page: 'sales', grain: 'day', period: periodAround(alert.date) };
    case 'target':
      return { page: 'goals', focus: alert.metric ?? '' };
    case 'stock':
      return { page: 'products', focus: alert.sku ?? '' };
  }
}

/**
 * The Alerts page (issue 16): every alert of the view, newest first, filterable by kind, each in
 * one sentence with a link to where it shows; dismissing keeps it out of the count (IndexedDB),
 * with an Undo and a "show dismissed" switch to bring it back.
 */
export function AlertsPage() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const setView = useAppStore((s) => s.setView);
  const { currency } = usePageScope();
  const alerts = useAlerts();
  const dismissed = useDismissed();
  const [group, setGroup] = useState<AlertGroup | null>(null);
  const [showDismissed, setShowDismissed] = useState(false);
  const [undo, setUndo] = useState<string | null>(null);
  const list = alerts.data ? visibleAlerts(alerts.data, group, dismissed.keys, showDismissed) : [];

  const dismiss = (key: string) => {
    void dismissed.dismiss(key);
    setUndo(key);
  };

  return (
    <>
      <PageHead title={t('alerts.title')} />
      <p className="alerts-sub">{t('alerts.sub')}</p>
      <div className="alerts-toolbar">
        <div className="segmented" role="group" aria-label={t('alerts.filter.label')} data-control="alert-kind">
          {[null, ...ALERT_GROUPS].map((g) => (
            <button key={g ?? 'all'} type="button" aria-pressed={group === g} data-kind={g ?? 'all'} onClick={() => setGroup(g)}>
              {g ? t(`alerts.group.${g}`) : t('alerts.filter.all')}
            </button>
          ))}
        </div>
        <label className="alerts-toggle">
          <input
            type="checkbox"
            data-control="show-dismissed"
            checked={showDismissed}
            onChange={(e) => setShowDismissed(e.target.checked)}
          />
          {t('alerts.showDismissed')}
        </label>
      </div>
      {undo && (
        <div className="alerts-undo" role="status" data-alerts-undo>
          <span>{t('alerts.dismissedNote')}</span>
          <button
            type="button"
            className="btn btn-sm"
            data-action="undo-dismiss"
            onClick={() => {
              void dismissed.restore(undo);
              setUndo(null);
            }}
          >
            {t('alerts.undo')}
          </button>
        </div>
      )}
      {dismissed.error && <p className="alerts-sub" role="alert">{t('alerts.storageError', { reason: dismissed.error })}</p>}
      {alerts.error && <ErrorBox title={t('error.query')} error={alerts.error} />}
      {alerts.data === undefined && !alerts.error && <Skeleton height={240} />}
      {alerts.data && list.length === 0 && (
        <EmptyState>{alerts.data.length === 0 ? t('alerts.empty') : t('alerts.emptyFiltered')}</EmptyState>
      )}
      {list.length > 0 && (
        <ul className="alert-list" data-alert-list aria-busy={alerts.isPlaceholderData}>
          {list.map((alert) => {
            const key = alertKey(alert);
            const isDismissed = dismissed.keys.has(key);
            const kind = groupOf(alert);
            return (
              <li
                key={key}
                className={`alert-item alert-${alert.severity}${isDismissed ? ' alert-dismissed' : ''}`}
                data-alert={key}
                data-alert-kind={kind}
                data-severity={alert.severity}
              >
                <span className={`alert-severity sev-${alert.severity}`}>{t(`alerts.severity.${alert.severity}`)}</span>
                <div className="alert-body">
                  <div className="alert-meta">
                    <time dateTime={alert.date}>{alert.date}</time>
                    <span>{t(`alerts.group.${kind}`)}</span>
                    {isDismissed && <span className="alert-tag">{t('alerts.dismissedTag')}</span>}
                  </div>
                  <p className="alert-text">{describeAlert(alert, locale, currency)}</p>
                </div>
                <div className="alert-actions">
                  <button type="button" className="btn-link" data-action="open-alert" onClick={() => setView(linkedView(alert))}>
                    {t(`alerts.open.${kind}`)}
                  </button>
                  {isDismissed ? (
                    <button type="button" className="btn btn-sm" data-action="restore-alert" onClick={() => void dismissed.restore(key)}>
                      {t('alerts.restore')}
                    </button>
                  ) : (
                    <button type="button" className="btn btn-sm" data-action="dismiss-alert" onClick={() => dismiss(key)}>
                      {t('alerts.dismiss')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
