import { useT } from '../i18n/use-t';
import type { Locale } from '../lib/format';
import { PRESETS, matchPreset, presetPeriod, type Preset } from '../lib/period-presets';
import { useAppStore, type Compare } from '../stores/app-store';
import { CopyLink } from './CopyLink';
import { AlertsBadge } from '../features/alerts/AlertsBadge';
import { EngineReady } from '../dataset/engine-context';
import './topbar.css';

/** Period, comparison and language: the controls every page shares. */
export function TopBar({ lastDate }: { lastDate: string | null }) {
  const t = useT();
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  const locale = useAppStore((s) => s.locale);
  const setLocale = useAppStore((s) => s.setLocale);
  const preset = view.period && lastDate ? matchPreset(view.period, lastDate) : null;

  return (
    <header className="topbar">
      <label className="control">
        {t('period.label')}
        <select
          value={preset ?? 'custom'}
          data-control="preset"
          onChange={(e) => {
            if (e.target.value !== 'custom' && lastDate) setView({ period: presetPeriod(e.target.value as Preset, lastDate) });
          }}
        >
          {PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`preset.${p}`)}
            </option>
          ))}
          <option value="custom">{t('preset.custom')}</option>
        </select>
      </label>
      <span className="date-range">
        <label className="control">
          <span className="visually-hidden">{t('period.from')}</span>
          <input
            type="date"
            data-control="from"
            value={view.period?.from ?? ''}
            max={view.period?.to}
            onChange={(e) => e.target.value && view.period && e.target.value <= view.period.to && setView({ period: { from: e.target.value, to: view.period.to } })}
          />
        </label>
        <span aria-hidden="true">–</span>
        <label className="control">
          <span className="visually-hidden">{t('period.to')}</span>
          <input
            type="date"
            data-control="to"
            value={view.period?.to ?? ''}
            min={view.period?.from}
            onChange={(e) => e.target.value && view.period && e.target.value >= view.period.from && setView({ period: { from: view.period.from, to: e.target.value } })}
          />
        </label>
      </span>
      <label className="control">
        {t('compare.label')}
        <select value={view.compare} data-control="compare" onChange={(e) => setView({ compare: e.target.value as Compare })}>
          <option value="previous">{t('compare.previous')}</option>
          <option value="yoy">{t('compare.yoy')}</option>
          <option value="none">{t('compare.none')}</option>
        </select>
      </label>
      <div className="spacer" />
      <EngineReady fallback={null}>
        <AlertsBadge />
      </EngineReady>
      <CopyLink />
      <label className="control">
        <span className="visually-hidden">{t('lang.label')}</span>
        <select value={locale} data-control="locale" onChange={(e) => setLocale(e.target.value as Locale)} aria-label={t('lang.label')}>
          <option value="en">English</option>
          <option value="zh-CN">简体中文</option>
        </select>
      </label>
    </header>
  );
}
