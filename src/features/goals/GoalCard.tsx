import { useState } from 'react';
import { ErrorBox, Skeleton } from '../../components/ui/states';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import type { Target } from '../../targets';
import { CheckInEntries } from './CheckInEntries';
import { DriverTree } from './DriverTree';
import { GoalBurnUp } from './GoalBurnUp';
import { GoalStats } from './GoalStats';
import { LadderView } from './LadderView';
import { SmartPanel } from './SmartPanel';
import { StatusPill } from './StatusPill';
import { targetLabel } from './goal-format';
import { useSmartCheck, useTargetStatus } from './use-goals';
import { filterChips } from './filter-chips';
import { useNearScreen } from './use-near-screen';

type Tab = 'ladder' | 'drivers' | 'checkins' | 'smart';

interface Props {
  target: Target;
  locked: readonly string[];
  currency: string | null;
  onEdit: () => void;
  onRemove: () => void;
  initialTab?: Tab | null;
}

function SmartTab({ target }: { target: Target }) {
  const smart = useSmartCheck(target);
  return <SmartPanel check={smart.data} loading={smart.isFetching || !smart.data} />;
}

/** One target: status, numbers, burn-up chart, and its ladder, driver tree, check-ins and SMART check on demand. */
export function GoalCard({ target, locked, currency, onEdit, onRemove, initialTab = null }: Props) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const status = useTargetStatus(target);
  const [tab, setTab] = useState<Tab | null>(initialTab ?? (target.checkin ? 'checkins' : null));
  const [confirming, setConfirming] = useState(false);
  const [chartBox, chartNear] = useNearScreen<HTMLDivElement>();
  const data = status.data && !status.isPlaceholderData ? status.data : undefined;
  const tabs: Tab[] = [
    'ladder',
    ...(target.metric === 'gmv' && !target.checkin ? (['drivers'] as const) : []),
    ...(target.checkin ? (['checkins'] as const) : []),
    'smart',
  ];
  const chips = filterChips(target.filters, t);

  return (
    <article
      className="card goal-card"
      aria-label={targetLabel(target, locale)}
      data-target={target.id}
      data-status={data?.status ?? ''}
      data-actual={data?.actual_to_date ?? ''}
      data-projected={data?.projected ?? ''}
      data-attainment={data?.attainment ?? ''}
      aria-busy={!data || undefined}
    >
      <header className="goal-head">
        <div className="goal-title">
          <div className="goal-title-line">
            <h2>{targetLabel(target, locale)}</h2>
            {data ? <StatusPill status={data.status} /> : <span className="status-pill status-no_data">…</span>}
          </div>
          <div className="goal-meta">
            <span className="num">
              {target.period.from} – {target.period.to}
            </span>
            <span>{t(`goals.phasing.${target.phasing}`)}</span>
            {target.checkin?.unit && <span>{t('goals.unit', { unit: target.checkin.unit })}</span>}
            {target.owner && <span>{t('goals.owner', { owner: target.owner })}</span>}
            <span className="goal-id">{target.id}</span>
            {chips.map((chip) => (
              <span key={chip} className="goal-chip">
                {chip}
              </span>
            ))}
          </div>
        </div>
        <div className="goal-actions">
          {confirming ? (
            <>
              <span className="muted">{t('goals.removeAsk')}</span>
              <button
                type="button"
                className="btn btn-small btn-danger"
                onClick={onRemove}
                data-action="confirm-remove"
              >
                {t('goals.remove')}
              </button>
              <button type="button" className="btn btn-small" onClick={() => setConfirming(false)}>
                {t('goals.cancel')}
              </button>
            </>
          ) : (
            <>
              <button type="button" className="btn btn-small" onClick={onEdit} data-action="edit">
                {t('goals.edit')}
              </button>
              <button type="button" className="btn btn-small" onClick={() => setConfirming(true)} data-action="remove">
                {t('goals.remove')}
              </button>
            </>
          )}
        </div>
      </header>
      {status.error ? <ErrorBox title={t('error.query')} error={status.error} /> : null}
      {data?.phasing_fallback && <p className="goal-note">{t(`goals.fallback.${data.phasing_fallback}`)}</p>}
      <div className="goal-body">
        <GoalStats target={target} status={data} locale={locale} currency={currency} />
        <div className="goal-chart" ref={chartBox}>
          {chartNear ? (
            <GoalBurnUp target={target} status={data} locale={locale} currency={currency} />
          ) : (
            <Skeleton height={264} />
          )}
        </div>
      </div>
      {target.why && (
        <p className="goal-why">
          <span>{t('goals.why')}</span> {target.why}
        </p>
      )}
      <div className="goal-tabs" role="tablist" aria-label={targetLabel(target, locale)}>
        {tabs.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className="goal-tab"
            data-tab={id}
            onClick={() => setTab(tab === id ? null : id)}
          >
            {t(`goals.tab.${id}`)}
          </button>
        ))}
      </div>
      {tab && (
        <div className="goal-tab-panel" role="tabpanel" data-panel={tab}>
          {tab === 'ladder' && <LadderView target={target} locked={locked} currency={currency} />}
          {tab === 'drivers' && <DriverTree target={target} status={data} currency={currency} />}
          {tab === 'checkins' && <CheckInEntries target={target} />}
          {tab === 'smart' && <SmartTab target={target} />}
        </div>
      )}
    </article>
  );
}
