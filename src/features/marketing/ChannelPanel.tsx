import { memo, useMemo } from 'react';
import { type Column, DataTable, tableCsvOnDemand } from '../../components/ui/DataTable';
import { exportName } from '../../components/ui/download';
import { channelLabel } from '../../components/ui/labels';
import type { PageScope } from '../../components/ui/page-scope';
import { Panel } from '../../components/ui/Panel';
import { EmptyState } from '../../components/ui/states';
import { useFormatters } from '../../components/ui/use-formatters';
import { useMetricLabel } from '../../components/ui/use-metric-label';
import { useT } from '../../i18n/use-t';
import { formatDelta, relativeChange } from '../../lib/format';
import type { MarketingChannelRow, MarketingComparison, MarketingSection } from '../../metrics/queries/marketing';
import { useAppStore } from '../../stores/app-store';
import { formatRoas, useMarketingLabel } from './marketing-labels';

interface Row extends MarketingChannelRow {
  spend_change: number | null;
  roas_change: number | null;
}

/** The paid channels: spend, sessions, new buyers, CAC, GMV, ROAS, CTR, CPC, cost per session, with changes. */
export const ChannelPanel = memo(function ChannelPanel({
  scope,
  section,
  previous,
}: {
  scope: PageScope;
  section: MarketingSection;
  previous: MarketingComparison | null;
}) {
  const t = useT();
  const label = useMarketingLabel();
  const metric = useMetricLabel();
  const locale = useAppStore((s) => s.locale);
  const fmt = useFormatters(scope.currency);
  const rows = useMemo<Row[]>(
    () =>
      section.by_channel.map((r) => {
        const before = previous?.by_channel.find((p) => p.channel === r.channel);
        return {
          ...r,
          spend_change: before ? relativeChange(r.spend, before.spend) : null,
          roas_change: before ? relativeChange(r.roas, before.roas) : null,
        };
      }),
    [section, previous],
  );
  const columns: Column<Row>[] = [
    { key: 'channel', label: t('marketing.channel'), render: (r) => channelLabel(r.channel, locale) },
    { key: 'spend', label: label('spend', 'short'), numeric: true, render: (r) => fmt.moneyFull(r.spend) },
    {
      key: 'spend_change',
      label: t('marketing.change', { metric: label('spend', 'short') }),
      numeric: true,
      render: (r) => formatDelta(r.spend_change, locale),
    },
    { key: 'sessions', label: metric('sessions', 'short'), numeric: true, render: (r) => fmt.countFull(r.sessions) },
    {
      key: 'new_buyers',
      label: metric('new_buyers', 'short'),
      numeric: true,
      render: (r) => fmt.countFull(r.new_buyers),
    },
    { key: 'cac', label: label('cac', 'short'), numeric: true, render: (r) => fmt.moneyFull(r.cac) },
    { key: 'gmv', label: metric('gmv', 'short'), numeric: true, render: (r) => fmt.moneyFull(r.gmv) },
    { key: 'roas', label: label('roas', 'short'), numeric: true, render: (r) => formatRoas(r.roas) },
    {
      key: 'roas_change',
      label: t('marketing.change', { metric: label('roas', 'short') }),
      numeric: true,
      render: (r) => formatDelta(r.roas_change, locale),
    },
    { key: 'ctr', label: label('ctr', 'short'), numeric: true, render: (r) => fmt.rate(r.ctr) },
    { key: 'cpc', label: label('cpc', 'short'), numeric: true, render: (r) => fmt.moneyFull(r.cpc) },
    {
      key: 'cost_per_session',
      label: label('cost_per_session', 'short'),
      numeric: true,
      render: (r) => fmt.moneyFull(r.cost_per_session),
    },
  ];
  return (
    <Panel
      name="marketing-channels"
      title={t('marketing.byChannel')}
      subtitle={t('marketing.channelNote')}
      exportName={exportName('marketing-channels', scope.period)}
      caption={scope.caption}
      csv={tableCsvOnDemand(rows, columns)}
    >
      {rows.length === 0 ? (
        <EmptyState>{t('marketing.noSpend')}</EmptyState>
      ) : (
        <DataTable
          name="marketing-channels"
          caption={t('marketing.byChannel')}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.channel}
        />
      )}
    </Panel>
  );
});
