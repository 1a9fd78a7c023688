import type { ReactNode } from 'react';
import { useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/messages';
import { useAppStore } from '../../stores/app-store';
import { FILTER_KEYS, removeFilterValue } from './drill';
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
    return values && values.length ? [`${t(DIMENSION_LABEL[k])}: ${values.map((v) => valueLabel(k, v, locale)).join(', ')}`] : [];
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
 * The head of an analyst page: title, period, a print button, the drill-down filters as
 * removable chips, and a header that only the printed page shows with everything that
 * decides its numbers.
 */
export function PageHead({ title, children }: { title: string; children?: ReactNode }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  const filtersText = useFiltersText();
  const chips = FILTER_KEYS.flatMap((k) => (view.filters[k] ?? []).map((v) => ({ key: k, value: v })));
  const compare = view.compare === 'previous' ? t('compare.previous') : view.compare === 'yoy' ? t('compare.yoy') : t('compare.none');

  return (
    <>
      <div className="print-header" aria-hidden="true">
        <div className="print-title">Yardstick · {title}</div>
        <dl>
          <dt>{t('period.label')}</dt>
          <dd>{view.period ? `${view.period.from} – ${view.period.to}` : '—'}</dd>
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
        {view.period && <span className="sub">{t('overview.subtitle', { from: view.period.from, to: view.period.to })}</span>}
        <div className="page-actions">
          {children}
          <button type="button" className="btn btn-sm" data-action="print" onClick={() => window.print()}>
            <span aria-hidden="true">⎙ </span>
            {t('print.button')}
          </button>
        </div>
      </div>
      {chips.length > 0 && (
        <div className="drill-bar" role="region" aria-label={t('drill.filters')}>
          <span className="drill-label">{t('drill.filteredTo')}</span>
          {chips.map((c) => (
            <button
              key={`${c.key}:${c.value}`}
              type="button"
              className="chip"
              data-chip={`${c.key}:${c.value}`}
              aria-label={t('drill.remove', { filter: `${t(DIMENSION_LABEL[c.key])}: ${valueLabel(c.key, c.value, locale)}` })}
              onClick={() => setView({ filters: removeFilterValue(view.filters, c.key, c.value) })}
            >
              <span className="chip-dim">{t(DIMENSION_LABEL[c.key])}</span> {valueLabel(c.key, c.value, locale)}
              <span aria-hidden="true" className="chip-x">×</span>
            </button>
          ))}
          {chips.length > 1 && (
            <button type="button" className="link-btn" onClick={() => setView({ filters: {} })}>
              {t('drill.clearAll')}
            </button>
          )}
        </div>
      )}
    </>
  );
}
