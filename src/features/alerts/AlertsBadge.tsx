import { useMemo } from 'react';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { activeCounts } from './alert-list';
import { useAlerts, useDismissed } from './use-alerts';

/** The top bar's count of active alerts; red when any is critical; opens the Alerts page. */
export function AlertsBadge() {
  const t = useT();
  const setView = useAppStore((s) => s.setView);
  const alerts = useAlerts();
  const dismissed = useDismissed();
  // Memoised: the badge draws on every state of the alerts query, and a view may hold thousands of stock alerts.
  const counts = useMemo(
    () => (alerts.data && dismissed.loaded ? activeCounts(alerts.data, dismissed.keys) : null),
    [alerts.data, dismissed.loaded, dismissed.keys],
  );
  if (!counts) return null;
  const { total, critical } = counts;
  return (
    <button
      type="button"
      className={`alerts-badge${critical ? ' has-critical' : total ? ' has-warning' : ''}`}
      data-alerts-badge
      data-count={total}
      data-critical={critical}
      aria-label={t('alerts.badge', { n: total, critical })}
      title={t('alerts.badge', { n: total, critical })}
      onClick={() => setView({ page: 'alerts' })}
    >
      <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden="true">
        <path d="M8 1.5a4.5 4.5 0 0 0-4.5 4.5v2.6L2 11h12l-1.5-2.4V6A4.5 4.5 0 0 0 8 1.5ZM6.3 12.5a1.8 1.8 0 0 0 3.4 0" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
      </svg>
      <span className="alerts-badge-count">{total}</span>
    </button>
  );
}
