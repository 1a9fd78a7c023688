import { useEffect, useState, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import type { MessageKey } from '../i18n/messages';
import { useAppStore, type PageId } from '../stores/app-store';
import { PAGES } from './PageSwitch';
import { TopBar } from './TopBar';
import { useEngineLive } from '../dataset/engine-context';
import { FilterBar } from './FilterBar';
import { DropOverlay } from '../features/data/DropOverlay';
import { RestoreFailures } from '../features/data/RestoreFailures';

const NAV: { id: PageId; label: MessageKey; icon: string }[] = [
  { id: 'overview', label: 'nav.overview', icon: '◧' },
  { id: 'sales', label: 'nav.sales', icon: '¥' },
  { id: 'traffic', label: 'nav.traffic', icon: '⇢' },
  { id: 'customers', label: 'nav.customers', icon: '◎' },
  { id: 'marketing', label: 'nav.marketing', icon: '✦' },
  { id: 'products', label: 'nav.products', icon: '▦' },
  { id: 'service', label: 'nav.service', icon: '☏' },
  { id: 'goals', label: 'nav.goals', icon: '◉' },
  { id: 'alerts', label: 'nav.alerts', icon: '⚑' },
  { id: 'data', label: 'nav.data', icon: '▤' },
  { id: 'sql', label: 'nav.sql', icon: '⌘' },
];

export function Layout({ children, lastDate }: { children: ReactNode; lastDate: string | null }) {
  const t = useT();
  const page = useAppStore((s) => s.view.page);
  const setView = useAppStore((s) => s.setView);
  const origin = useAppStore((s) => s.dataset.origin);
  // False while the pages show the last results kept for this data and DuckDB starts.
  const engineReady = useEngineLive();
  const locale = useAppStore((s) => s.locale);
  // On a phone the page list folds behind a menu button; wider screens always show it.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <div className="shell" data-engine={engineReady ? 'ready' : 'starting'}>
      <a className="skip-link" href="#content" data-action="skip">
        {t('a11y.skip')}
      </a>
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <div className="brand-mark" aria-hidden="true">
            <svg width="18" height="18" viewBox="0 0 32 32">
              <path d="M6 25h20M9 25v-7M16 25V9M23 25v-4" stroke="#fff" strokeWidth="3.5" strokeLinecap="round" />
            </svg>
          </div>
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-tag">{t('app.tagline')}</div>
          </div>
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="nav-list"
            data-action="menu"
            onClick={() => setMenuOpen(!menuOpen)}
          >
            <span aria-hidden="true">☰</span> {t('menu.open')}
          </button>
        </div>
        <div className="nav-list" id="nav-list" data-open={menuOpen}>
          {NAV.filter((item) => PAGES[item.id]).map((item) => (
            <button
              key={item.id}
              type="button"
              className="nav-link"
              aria-current={page === item.id ? 'page' : undefined}
              onClick={() => {
                setView({ page: item.id });
                setMenuOpen(false);
              }}
              data-nav={item.id}
            >
              <span aria-hidden="true" style={{ width: 16, textAlign: 'center' }}>
                {item.icon}
              </span>
              {t(item.label)}
            </button>
          ))}
        </div>
        <div className="sidebar-foot">{lastDate ? t('data.lastDate', { date: lastDate }) : null}</div>
      </nav>
      <div className="main">
        <TopBar lastDate={lastDate} />
        {page !== 'data' && page !== 'sql' && <FilterBar />}
        {origin === 'sample' && (
          <div className="banner" data-testid="sample-banner">
            <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
              <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
              <path d="M8 7v4.5M8 4.6v.1" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
            </svg>
            <span title={t('data.sampleBanner')}>{t('data.sampleBanner')}</span>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => setView({ page: 'data' })}
              data-action="load-own"
            >
              {t('data.loadOwn')}
            </button>
          </div>
        )}
        <RestoreFailures />
        {!engineReady && (
          <div className="refreshing" role="status" data-testid="refreshing">
            <span className="refreshing-dot" aria-hidden="true" />
            {t('boot.refreshing')}
          </div>
        )}
        <main className="content" id="content" tabIndex={-1} aria-busy={!engineReady || undefined}>
          {children}
        </main>
        <DropOverlay />
      </div>
    </div>
  );
}
