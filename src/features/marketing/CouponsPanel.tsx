import { memo } from 'react';
import { type Column, DataTable, tableCsvOnDemand } from '../../components/ui/DataTable';
import { exportName } from '../../components/ui/download';
import type { PageScope } from '../../components/ui/page-scope';
import { Panel } from '../../components/ui/Panel';
import { EmptyState } from '../../components/ui/states';
import { useFormatters } from '../../components/ui/use-formatters';
import { useMetricLabel } from '../../components/ui/use-metric-label';
import { useT } from '../../i18n/use-t';
import type { CouponRow, MarketingCampaignSpendRow, MarketingSection } from '../../metrics/queries/marketing';
import { formatRoas, useMarketingLabel } from './marketing-labels';

/** Coupons (orders, GMV, discounts, buyers, new buyers per code) and spend by ad campaign, side by side. */
export const CouponsPanel = memo(function CouponsPanel({
  scope,
  section,
}: {
  scope: PageScope;
  section: MarketingSection;
}) {
  const t = useT();
  const label = useMarketingLabel();
  const metric = useMetricLabel();
  const fmt = useFormatters(scope.currency);
  const coupons: Column<CouponRow>[] = [
    { key: 'code', label: t('marketing.code') },
    { key: 'orders', label: metric('orders', 'short'), numeric: true, render: (r) => fmt.countFull(r.orders) },
    { key: 'gmv', label: metric('gmv', 'short'), numeric: true, render: (r) => fmt.moneyFull(r.gmv) },
    { key: 'discounts', label: metric('discounts', 'short'), numeric: true, render: (r) => fmt.moneyFull(r.discounts) },
    { key: 'buyers', label: metric('buyers', 'short'), numeric: true, render: (r) => fmt.countFull(r.buyers) },
    {
      key: 'new_buyers',
      label: metric('new_buyers', 'short'),
      numeric: true,
      render: (r) => fmt.countFull(r.new_buyers),
    },
  ];
  const campaigns: Column<MarketingCampaignSpendRow>[] = [
    { key: 'campaign', label: t('marketing.campaign') },
    { key: 'spend', label: label('spend', 'short'), numeric: true, render: (r) => fmt.moneyFull(r.spend) },
    { key: 'gmv', label: metric('gmv', 'short'), numeric: true, render: (r) => fmt.moneyFull(r.gmv) },
    { key: 'orders', label: metric('orders', 'short'), numeric: true, render: (r) => fmt.countFull(r.orders) },
    { key: 'roas', label: label('roas', 'short'), numeric: true, render: (r) => formatRoas(r.roas) },
  ];
  return (
    <>
      <Panel
        name="marketing-coupons"
        title={t('marketing.coupons')}
        subtitle={`${label('coupon_order_share')}: ${fmt.rate(section.coupon_order_share)} · ${label('discount_rate')}: ${fmt.rate(section.discount_rate)}`}
        exportName={exportName('marketing-coupons', scope.period)}
        caption={scope.caption}
        csv={tableCsvOnDemand(section.coupons, coupons)}
      >
        {section.coupons.length === 0 ? (
          <EmptyState>{t('marketing.noCoupons')}</EmptyState>
        ) : (
          <DataTable
            name="marketing-coupons"
            caption={t('marketing.coupons')}
            columns={coupons}
            rows={section.coupons}
            rowKey={(r) => r.code}
          />
        )}
      </Panel>
      <Panel
        name="marketing-ad-campaigns"
        title={t('marketing.byCampaign')}
        exportName={exportName('marketing-ad-campaigns', scope.period)}
        caption={scope.caption}
        csv={tableCsvOnDemand(section.by_campaign, campaigns)}
      >
        {section.by_campaign.length === 0 ? (
          <EmptyState>{t('marketing.noSpend')}</EmptyState>
        ) : (
          <DataTable
            name="marketing-ad-campaigns"
            caption={t('marketing.byCampaign')}
            columns={campaigns}
            rows={section.by_campaign}
            rowKey={(r) => r.campaign}
          />
        )}
      </Panel>
    </>
  );
});
