import { useMemo, useState } from 'react';
import { KpiCard } from '../../components/ui/KpiCard';
import { PageHead } from '../../components/ui/PageHead';
import { usePageScope } from '../../components/ui/page-scope';
import { EmptyState, ErrorBox } from '../../components/ui/states';
import { useStable } from '../../components/ui/use-stable';
import { useEngineFetch, useEngineQuery } from '../../dataset/use-engine-query';
import { useComparison } from '../../dataset/use-view';
import type { Engine } from '../../engine/engine';
import { useT } from '../../i18n/use-t';
import { computeCampaignDays, computeMarketing, computeMarketingComparison } from '../../metrics/queries/marketing';
import { MARKETING_ENTRIES, MARKETING_TOTAL_IDS } from '../../metrics/registry/marketing';
import { useAppStore } from '../../stores/app-store';
import { usePlanStore } from '../../stores/plan-store';
import { CalendarImport } from './CalendarImport';
import { campaignDaysKey, shownByDefault } from './campaign-days';
import { CampaignCalendarPanel } from './CampaignCalendarPanel';
import { ChannelPanel } from './ChannelPanel';
import { CouponsPanel } from './CouponsPanel';
import { useMarketingLabel } from './marketing-labels';
import { PlannedCampaigns } from './PlannedCampaigns';
import { SpendTrendPanel } from './SpendTrendPanel';

/**
 * The Marketing page (issue 14): spend, ROAS, CAC and the other marketing totals against the
 * comparison period, spend and ROAS over time, the paid channels, coupons and the campaign
 * calendar. Every number is computeMarketing's, the runner `yardstick report` prints.
 */
export function MarketingPage() {
  const t = useT();
  const label = useMarketingLabel();
  const locale = useAppStore((s) => s.locale);
  const { scope, description, filters, period, currency } = usePageScope();
  const comparison = useStable(useComparison(period));
  // Campaigns the planner added join the loaded calendar (kept in IndexedDB: wait until read).
  const campaigns = usePlanStore((s) => s.campaigns);
  const planLoaded = usePlanStore((s) => s.loaded);
  const ready = period !== null && description.data !== undefined && planLoaded;
  const options = useMemo(() => ({ campaigns }), [campaigns]);
  const comparisonKey = ['marketing-comparison', comparison, filters, campaigns] as const;
  const runComparison = (e: Engine) =>
    computeMarketingComparison(e, comparison!, filters, description.data ?? undefined, options);
  // The period first, then its comparison: the comparison's statements are posted as soon as the
  // period's section is in, so the worker runs them while the page draws the period, and only the
  // cards and the channel table draw again when they come (issue 14's 100 ms).
  const fetchShared = useEngineFetch();
  const current = useEngineQuery(
    ['marketing', period, filters, campaigns],
    async (e) => {
      const now = await computeMarketing(e, period!, filters, description.data ?? undefined, options);
      if (comparison) void fetchShared(comparisonKey, runComparison).catch(() => undefined);
      // The calendar's detail shows a campaign's days, which depend on the section: fetched here,
      // under the detail's own key, so the page draws once instead of twice.
      const shown = now ? shownByDefault(now.campaigns) : null;
      if (shown)
        await fetchShared(campaignDaysKey(shown, filters), (engine) =>
          computeCampaignDays(engine, shown, filters, description.data ?? undefined),
        );
      return now;
    },
    ready,
  );
  // Started by the period's query; this one only reads it (or runs it, when the period came from the cache).
  const previous = useEngineQuery(
    comparisonKey,
    runComparison,
    ready && comparison !== null && current.data !== undefined && !current.isPlaceholderData,
  );
  const section = current.data;
  const before = comparison ? previous.data : null;
  // The channel table's changes are against this view's comparison only, never the last view's.
  const channelsBefore = previous.isPlaceholderData ? null : (before ?? null);
  // The panels below the cards draw the section with the scope it was computed for: while a new
  // view's numbers run they keep the last one, so the change's first frame does not redraw them
  // with the old numbers (the statements are posted after that frame; issue 14's 100 ms).
  const [shownScope, setShownScope] = useState(scope);
  if (shownScope !== scope && !current.isPlaceholderData && !current.isFetching) setShownScope(scope);

  return (
    <>
      <PageHead title={t('marketing.title')} />
      {(current.error ?? previous.error) && (
        <ErrorBox title={t('error.query')} error={current.error ?? previous.error} />
      )}
      {section === null ? (
        <>
          <EmptyState>
            <strong>{t('marketing.emptyTitle')}</strong>
            <br />
            {t('marketing.empty')}
          </EmptyState>
          {scope && description.data?.orders.rows ? <PlannedCampaigns scope={scope} /> : null}
          <CalendarImport />
        </>
      ) : (
        <>
          <div className="kpi-grid kpi-row" data-section="marketing-totals">
            {MARKETING_TOTAL_IDS.map((id) => (
              <KpiCard
                key={id}
                id={id}
                label={label(id)}
                value={section ? section[id] : null}
                previous={comparison ? (before ? before[id] : null) : undefined}
                // ROAS reads as a multiple (7.21), not a percentage.
                unit={id === 'roas' ? 'number' : MARKETING_ENTRIES[id].unit}
                currency={currency}
                locale={locale}
                lowerIsBetter={MARKETING_ENTRIES[id].direction === 'lower'}
                loading={section === undefined}
                stale={current.isPlaceholderData || (comparison !== null && previous.isPlaceholderData)}
              />
            ))}
          </div>
          {scope && shownScope && section && (
            <>
              <SpendTrendPanel scope={scope} />
              <ChannelPanel scope={shownScope} section={section} previous={channelsBefore} />
              <CampaignCalendarPanel scope={shownScope} section={section} />
              <PlannedCampaigns scope={scope} />
              <CalendarImport />
              <CouponsPanel scope={shownScope} section={section} />
            </>
          )}
        </>
      )}
    </>
  );
}
