import type { ReactNode } from 'react';
import { useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/messages';
import { useAppStore } from '../../stores/app-store';
import { FILTER_KEYS } from './drill';
import { valueLabel } from './labels';

const DIMENSION_LABEL: Record<(typeof FILTER_KEYS)[number], MessageKey> = {
  channel: 'drill.dim.channel',
  category: 'drill.dim.category',
  region: 'drill.dim.region',
  device: 'drill.dim.device',
  campaign: 'drill.dim.campaign',
};

/** The active filters as text: "Channel: Email · Region: East China". */
export function useFiltersText(): string {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const filters = useAppStore((s) => s.view.filters);
  const currency = useAppStore((s) => s.view.currency);
  const parts = FILTER_KEYS.flatMap((k) => {
    const values = filters[k];
    return values && values.length
      ? [`${t(DIMENSION_LABEL[k])}: ${values.map((v) => valueLabel(k, v, locale)).join(', ')}`]
      : [];
  });
  if (currency) parts.push(`${t('drill.dim.currency')}: ${currency}`);
  return parts.length ? parts.join(' · ') : t('drill.none');
}

/** Period and filters in one line, for exported images and the printed page. */
export function useViewCaption(): string {
  const t = useT();
  const period = useAppStore((s) => s.view.period);
  const filters = useFiltersText();
  return `${period ? `${period.from} – ${period.to}` : ''} · ${t('drill.filters')}: ${filters}`;
}

/**
 * The head of an analyst page: title, period, a print button, and a header that only the
 * printed page shows, with everything that decides its numbers (the filter bar above shows
 * and removes the active filters on screen).
 */
export function PageHead({
  title,
  children,
  showPeriod = true,
}: {
  title: string;
  children?: ReactNode;
  showPeriod?: boolean;
}) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  // The two fields it shows, not the whole view: a view change elsewhere leaves the head alone.
  const period = useAppStore((s) => s.view.period);
  const compareMode = useAppStore((s) => s.view.compare);
  const filtersText = useFiltersText();
  const compare =
    compareMode === 'previous' ? t('compare.previous') : compareMode === 'yoy' ? t('compare.yoy') : t('compare.none');

  return (
    <>
      <div className="print-header" aria-hidden="true">
        <div className="print-title">Yardstick · {title}</div>
        <dl>
          <dt>{t('period.label')}</dt>
          <dd>{period ? `${period.from} – ${period.to}` : '—'}</dd>
          <dt>{t('compare.label')}</dt>
          <dd>{compare}</dd>
          <dt>{t('drill.filters')}</dt>
          <dd data-print="filters">{filtersText}</dd>
          <dt>{t('print.printed')}</dt>
          <dd>{new Date().toLocaleString(locale)}</dd>
        </dl>
      </div>
      <div className="page-head">
        <h1>{title}</h1>
        {showPeriod && period && (
          <span className="sub">{t('overview.subtitle', { from: period.from, to: period.to })}</span>
        )}
        <div className="page-actions">
          {children}
          <PrintButton />
        </div>
      </div>
    </>
  );
}

/** Print / PDF through the browser's own dialog; print CSS leaves the controls off the paper. */
export function PrintButton() {
  const t = useT();
  return (
    <button type="button" className="btn btn-sm" data-action="print" onClick={() => window.print()}>
      <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" className="btn-icon">
        <path
          d="M4 6V1.5h8V6M4 12H2.5A1 1 0 0 1 1.5 11V7a1 1 0 0 1 1-1h11a1 1 0 0 1 1 1v4a1 1 0 0 1-1 1H12M4 9.5h8v5H4z"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.3"
          strokeLinejoin="round"
        />
      </svg>
      {t('print.button')}
    </button>
  );
}
