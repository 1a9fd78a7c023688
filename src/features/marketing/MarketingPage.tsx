import { useState } from 'react';
import { KpiCard } from '../../components/ui/KpiCard';
import { PageHead } from '../../components/ui/PageHead';
import { usePageScope } from '../../components/ui/page-scope';
import { EmptyState, ErrorBox } from '../../components/ui/states';
import { useStable } from '../../components/ui/use-stable';
import { useEngineFetch, useEngineQuery } from '../../dataset/use-engine-query';
import { useComparison } from '../../dataset/use-view';
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
  // The period and its comparison in one query: their results arrive together and the page's
  // eight panels draw once for both, rather than once per result.
  const fetchShared = useEngineFetch();
  const both = useEngineQuery(
    ['marketing', period, comparison, filters, campaigns],
    async (e) => {
      const options = { campaigns };
      // The calendar's detail shows a campaign's days, which depend on the period's section: fetched
      // here, under the detail's own key, as soon as the section is in (the comparison's may still
      // run), so the page draws once instead of twice (issue 14's 100 ms).
      const withDays = computeMarketing(e, period!, filters, description.data ?? undefined, options).then(
        async (now) => {
          const shown = now ? shownByDefault(now.campaigns) : null;
          if (shown)
            await fetchShared(campaignDaysKey(shown, filters), (engine) =>
              computeCampaignDays(engine, shown, filters, description.data ?? undefined),
            );
          return now;
        },
      );
      const [now, then] = await Promise.all([
        withDays,
        comparison ? computeMarketingComparison(e, comparison, filters, description.data ?? undefined, options) : null,
      ]);
      return { now, then };
    },
    period !== null && description.data !== undefined && planLoaded,
  );
  const section = both.data?.now;
  const before = both.data?.then;
  // The panels below the cards draw the section with the scope it was computed for: while a new
  // view's numbers run they keep the last one, so the change's first frame does not redraw them
  // with the old numbers (the statements are posted after that frame; issue 14's 100 ms).
  const [shownScope, setShownScope] = useState(scope);
  if (shownScope !== scope && !both.isPlaceholderData && !both.isFetching) setShownScope(scope);

  return (
    <>
      <PageHead title={t('marketing.title')} />
      {both.error && <ErrorBox title={t('error.query')} error={both.error} />}
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
                stale={both.isPlaceholderData}
              />
            ))}
          </div>
          {scope && shownScope && section && (
            <>
              <SpendTrendPanel scope={scope} />
              <ChannelPanel scope={shownScope} section={section} previous={before ?? null} />
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
