import { memo, useMemo, useState } from 'react';
import { CampaignChart } from '../../components/charts/CampaignChart';
import { type Column, DataTable, tableCsvOnDemand } from '../../components/ui/DataTable';
import { exportName } from '../../components/ui/download';
import type { PageScope } from '../../components/ui/page-scope';
import { Panel } from '../../components/ui/Panel';
import { EmptyState, ErrorBox, Skeleton } from '../../components/ui/states';
import { useFormatters } from '../../components/ui/use-formatters';
import { useEngineQuery } from '../../dataset/use-engine-query';
import { useT } from '../../i18n/use-t';
import {
  computeCampaignDays,
  computeNearbyCampaigns,
  type CalendarEntry,
  type CampaignRow,
  type MarketingSection,
} from '../../metrics/queries/marketing';
import { periodDays, type Period } from '../../metrics/periods';
import { useAppStore } from '../../stores/app-store';
import { usePlanStore } from '../../stores/plan-store';
import { formatRoas, useMarketingLabel } from './marketing-labels';
import { campaignDaysKey, shownByDefault } from './campaign-days';
import { timelineBars } from './timeline';

/**
 * The campaign calendar: a timeline of the campaigns overlapping the period (overlaps stack on
 * rows of their own), and the chosen campaign's daily GMV before, during and after it against
 * its baseline, with its uplift, after-sale dip and ROAS written on it.
 */
export const CampaignCalendarPanel = memo(function CampaignCalendarPanel({
  scope,
  section,
}: {
  scope: PageScope;
  section: MarketingSection;
}) {
  const t = useT();
  const label = useMarketingLabel();
  const fmt = useFormatters(scope.currency);
  const campaigns = section.campaigns;
  const [chosenId, choose] = useState<string | null>(null);
  const chosen = campaigns.find((c) => c.campaign === chosenId) ?? shownByDefault(campaigns);
  const bars = useMemo(() => timelineBars(campaigns, scope.period), [campaigns, scope.period]);
  const columns: Column<CampaignRow>[] = [
    {
      key: 'name',
      label: t('marketing.campaign'),
      render: (r) => r.name ?? r.campaign,
      value: (r) => r.name ?? r.campaign,
    },
    { key: 'starts_on', label: t('marketing.dates'), render: (r) => `${r.starts_on} – ${r.ends_on}` },
    {
      key: 'baseline_daily_gmv',
      label: label('baseline_daily_gmv', 'short'),
      numeric: true,
      render: (r) => fmt.moneyFull(r.baseline_daily_gmv),
    },
    { key: 'daily_gmv', label: label('daily_gmv', 'short'), numeric: true, render: (r) => fmt.moneyFull(r.daily_gmv) },
    { key: 'uplift', label: label('uplift'), numeric: true, render: (r) => fmt.rate(r.uplift) },
    { key: 'after_dip', label: label('after_dip', 'short'), numeric: true, render: (r) => fmt.rate(r.after_dip) },
    { key: 'tagged_gmv', label: label('tagged_gmv'), numeric: true, render: (r) => fmt.moneyFull(r.tagged_gmv) },
    { key: 'spend', label: label('spend', 'short'), numeric: true, render: (r) => fmt.moneyFull(r.spend) },
    { key: 'roas', label: label('roas', 'short'), numeric: true, render: (r) => formatRoas(r.roas) },
  ];
  return (
    <Panel
      name="marketing-calendar"
      title={t('marketing.calendar')}
      subtitle={t('marketing.calendarNote')}
      exportName={exportName('marketing-calendar', scope.period)}
      caption={scope.caption}
      csv={tableCsvOnDemand(campaigns, columns)}
      png={chosen !== null}
    >
      {campaigns.length === 0 ? (
        <NoCampaignHere period={scope.period} />
      ) : (
        <>
          <div className="timeline" role="list" aria-label={t('marketing.calendar')}>
            {bars.map((b) => (
              <div className="timeline-row" key={b.row.campaign} role="listitem">
                <button
                  type="button"
                  className={`timeline-bar${b.row.campaign === chosen?.campaign ? ' is-chosen' : ''}${b.left + b.width > 0.7 ? ' label-left' : ''}`}
                  style={{ left: `${b.left * 100}%`, width: `${Math.max(b.width * 100, 0.8)}%` }}
                  data-campaign={b.row.campaign}
                  aria-pressed={b.row.campaign === chosen?.campaign}
                  title={`${b.row.name ?? b.row.campaign} · ${b.row.starts_on} – ${b.row.ends_on}`}
                  onClick={() => choose(b.row.campaign)}
                >
                  <span>{b.row.name ?? b.row.campaign}</span>
                </button>
              </div>
            ))}
            <div className="timeline-axis">
              <span>{scope.period.from}</span>
              <span>{scope.period.to}</span>
            </div>
          </div>
          {chosen && <CampaignDetail scope={scope} campaign={chosen} />}
          <DataTable
            name="marketing-campaigns"
            caption={t('marketing.calendar')}
            columns={columns}
            rows={campaigns}
            rowKey={(r) => r.campaign}
            onSelect={(r) => choose(r.campaign)}
            isSelected={(r) => r.campaign === chosen?.campaign}
          />
        </>
      )}
    </Panel>
  );
});

/**
 * A period no campaign overlaps (the sample shop's last full month, say) says so, and offers the
 * nearest campaign on either side, loaded or planned: one click shows its dates.
 */
function NoCampaignHere({ period }: { period: Period }) {
  const t = useT();
  const planned = usePlanStore((s) => s.campaigns);
  const setView = useAppStore((s) => s.setView);
  const near = useEngineQuery(['nearby-campaigns', period, planned], (e) => computeNearbyCampaigns(e, period, planned));
  // The dates stay on one line: a phone would otherwise break them at a hyphen.
  const offer = (side: 'before' | 'after', c: CalendarEntry | null | undefined) => {
    if (!c) return null;
    const dates = `(${c.starts_on} – ${c.ends_on})`;
    return (
      <button
        type="button"
        className="btn btn-small"
        data-nearby={side}
        onClick={() => setView({ period: { from: c.starts_on, to: c.ends_on } })}
      >
        {side === 'before' && '← '}
        {t('marketing.showCampaign', { name: c.name ?? c.campaign })}{' '}
        <span className="dates">{side === 'before' ? dates : `${dates} →`}</span>
      </button>
    );
  };
  return (
    <EmptyState>
      {t('marketing.noCampaigns')}
      {(near.data?.before || near.data?.after) && (
        <span className="nearby-campaigns">
          {offer('before', near.data.before)}
          {offer('after', near.data.after)}
        </span>
      )}
    </EmptyState>
  );
}

function CampaignDetail({ scope, campaign }: { scope: PageScope; campaign: CampaignRow }) {
  const t = useT();
  const label = useMarketingLabel();
  const fmt = useFormatters(scope.currency);
  const { filters, description } = scope;
  const days = useEngineQuery(campaignDaysKey(campaign, filters), (e) =>
    computeCampaignDays(e, campaign, filters, description),
  );
  const labels = useMemo(
    () => ({
      before: t('marketing.before'),
      during: t('marketing.during'),
      after: t('marketing.after'),
      baseline: t('marketing.baseline'),
    }),
    [t],
  );
  const name = campaign.name ?? campaign.campaign;
  const length = periodDays({ from: campaign.starts_on, to: campaign.ends_on });
  return (
    <div className="campaign-detail" data-campaign-detail={campaign.campaign}>
      <h3>
        {name}{' '}
        <span className="muted">
          · {campaign.starts_on} – {campaign.ends_on} ({length}d)
        </span>
      </h3>
      <dl className="campaign-facts">
        <div data-fact="uplift">
          <dt>{label('uplift')}</dt>
          <dd>{fmt.rate(campaign.uplift)}</dd>
        </div>
        <div data-fact="after_dip">
          <dt>{label('after_dip')}</dt>
          <dd>{fmt.rate(campaign.after_dip)}</dd>
        </div>
        <div data-fact="roas">
          <dt>{label('roas', 'short')}</dt>
          <dd>{formatRoas(campaign.roas)}</dd>
        </div>
        <div data-fact="spend">
          <dt>{label('spend', 'short')}</dt>
          <dd>{fmt.moneyFull(campaign.spend)}</dd>
        </div>
      </dl>
      {days.error ? (
        <ErrorBox title={t('error.query')} error={days.error} />
      ) : !days.data ? (
        <Skeleton height={220} />
      ) : (
        <CampaignChart
          summary={t('marketing.chartSummary', {
            name,
            from: days.data[0]?.date ?? campaign.starts_on,
            to: days.data[days.data.length - 1]?.date ?? campaign.ends_on,
            baseline: fmt.moneyFull(campaign.baseline_daily_gmv),
          })}
          days={days.data}
          baseline={campaign.baseline_daily_gmv}
          labels={labels}
          formatValue={fmt.moneyFull}
          formatAxis={fmt.money}
        />
      )}
      {campaign.tagged_orders === 0 && (
        <p className="muted small">{t('marketing.untagged', { id: campaign.campaign })}</p>
      )}
    </div>
  );
}
