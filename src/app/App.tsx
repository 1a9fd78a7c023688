import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { translate } from '../i18n/use-t';
import { defaultPeriod } from '../lib/period-presets';
import { describeData } from '../metrics/describe';
import { useAppStore, type Period } from '../stores/app-store';
import { followDefaultPeriod } from './default-period';
import { EngineGate, type BootState } from './engine-gate';
import { Layout } from './Layout';
import { PageSwitch } from './PageSwitch';
import { queryClient } from './query-client';
import { installBenchHook } from './bench-hook';

installBenchHook(queryClient);
import { useEngineQuery } from '../dataset/use-engine-query';
import { useUrlSync } from './url-state';
import { ErrorBox } from '../components/ui/states';
import { ErrorBoundary } from './ErrorBoundary';
import { KpiBadgeContext } from '../components/ui/kpi-badge';
import { GoalBadge } from '../features/goals/goal-badge';
import { MetricInfo } from '../features/dictionary/MetricInfo';

/** Every KPI card, on every page, shows the status of the goal that tracks its metric and opens the metric dictionary. */
const goalBadgeFor = (metricId: string) => (
  <>
    <GoalBadge metricId={metricId} />
    <MetricInfo metricId={metricId} />
  </>
);

function BootScreen({ state, retry }: { state: BootState; retry: () => void }) {
  const locale = useAppStore((s) => s.locale);
  const t = (k: Parameters<typeof translate>[1]) => translate(locale, k);
  return (
    <div className="boot" data-boot={state.phase}>
      <div className="card boot-card">
        <div className="brand-name" style={{ fontSize: 20, marginBottom: 8 }}>Yardstick</div>
        {state.phase === 'failed' ? (
          <>
            <ErrorBox title={t('boot.failed')} error={state.message} />
            <button type="button" className="btn btn-primary" style={{ marginTop: 16 }} onClick={retry}>
              {t('boot.retry')}
            </button>
          </>
        ) : (
          <>
            <div style={{ color: 'var(--text-2)' }}>{state.phase === 'engine' ? t('boot.engine') : state.phase === 'stored' ? t('boot.stored') : t('boot.sample')}</div>
            <div className="progress" role="progressbar" aria-busy="true" />
          </>
        )}
      </div>
    </div>
  );
}

/** Once the data is known: fill in the default period (the latest full month) when the URL has none. */
function ReadyApp() {
  useUrlSync();
  const description = useEngineQuery(['describe'], describeData);
  const period = useAppStore((s) => s.view.period);
  const setView = useAppStore((s) => s.setView);
  const lastDate = description.data?.orders.lastDate ?? description.data?.traffic.lastDate ?? null;
  const firstDate = description.data?.orders.firstDate ?? description.data?.traffic.firstDate ?? null;

  const currency = useAppStore((s) => s.view.currency);
  const page = useAppStore((s) => s.view.page);
  const locale = useAppStore((s) => s.locale);
  const currencies = description.data?.orders.currencies;

  // The period we filled in ourselves: it follows the data a load brings; one the user chose stays.
  const filled = useRef<Period | null>(null);
  useEffect(() => {
    // The store, not this render's `period`: the URL's view was put there by useUrlSync's effect,
    // which runs just before this one when the start-up snapshot has the description at once.
    // Not from the previous data's description, shown while the new one is read after a load.
    const fresh = lastDate && !description.isPlaceholderData ? defaultPeriod(firstDate, lastDate) : null;
    const next = followDefaultPeriod(useAppStore.getState().view.period, filled.current, fresh);
    if (next) {
      filled.current = next;
      setView({ period: next });
    }
  }, [period, firstDate, lastDate, description.isPlaceholderData, setView]);

  // Money never mixes currencies: with several in the data, the first is chosen until the user picks.
  useEffect(() => {
    if (!currency && currencies && currencies.length > 1) setView({ currency: currencies[0] ?? null });
  }, [currency, currencies, setView]);

  return (
    <Layout lastDate={lastDate}>
      <ErrorBoundary key={page} title={translate(locale, 'error.page')} retryLabel={translate(locale, 'boot.retry')}>
        <PageSwitch />
      </ErrorBoundary>
    </Layout>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <EngineGate fallback={(state, retry) => <BootScreen state={state} retry={retry} />}>
        <KpiBadgeContext.Provider value={goalBadgeFor}>
          <ReadyApp />
        </KpiBadgeContext.Provider>
      </EngineGate>
    </QueryClientProvider>
  );
}
