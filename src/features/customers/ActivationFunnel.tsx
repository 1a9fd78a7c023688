import { useCallback, useMemo } from 'react';
import { FunnelChart, type FunnelBar } from '../../components/charts/FunnelChart';
import { DataTable, type Column } from '../../components/ui/DataTable';
import type { PageScope } from '../../components/ui/page-scope';
import { ErrorBox } from '../../components/ui/states';
import { TableAlternative } from '../../components/ui/TableAlternative';
import { useFormatters } from '../../components/ui/use-formatters';
import { useEngineQuery } from '../../dataset/use-engine-query';
import { useT } from '../../i18n/use-t';
import { computeActivationFunnel, type ActivationFunnel } from '../../metrics/queries/activation-funnel';
import { registrations } from '../../metrics/registry/users';
import { useAppStore } from '../../stores/app-store';

/** The funnel's bars: each step against the one before and against registrations. */
export function activationBars(f: ActivationFunnel, labels: [string, string, string]): FunnelBar[] {
  const counts = [f.registrations, f.first_order, f.second_order];
  return counts.map((count, i) => {
    const before = i === 0 ? null : counts[i - 1]!;
    const rate = before === null || before === 0 ? null : count / before;
    return {
      key: ['registrations', 'first_order', 'second_order'][i]!,
      label: labels[i]!,
      count,
      rateFromPrevious: rate,
      dropOff: rate === null ? null : 1 - rate,
      rateFromFirst: f.registrations > 0 ? count / f.registrations : null,
    };
  });
}

/**
 * Activation of the period's registrations as a funnel (激活, issue 15): registered → first paid
 * order within 30 days (the registry's activation) → a second paid order. Definitions and
 * choices: src/metrics/queries/activation-funnel.ts. Nothing is shown without registrations.
 */
export function ActivationFunnelView({ scope }: { scope: PageScope }) {
  const t = useT();
  const zh = useAppStore((s) => s.locale) === 'zh-CN';
  const fmt = useFormatters(scope.currency);
  const { period, filters } = scope;
  const result = useEngineQuery(['activation-funnel', period, filters], (e) =>
    computeActivationFunnel(e, period, filters),
  );
  const title = zh ? '注册 → 首单 → 第二单' : 'Registration → first order → second order';
  const bars = useMemo(() => {
    const labels: [string, string, string] = zh
      ? [registrations.label.zh, '首单（30 天内）', '第二单']
      : [registrations.label.en, 'First order (within 30 days)', 'Second order'];
    return result.data ? activationBars(result.data, labels) : [];
  }, [result.data, zh]);
  const transitionText = useCallback((rate: string, drop: string) => t('traffic.transition', { rate, drop }), [t]);
  if (result.error) return <ErrorBox title={t('error.query')} error={result.error} />;
  if (!result.data) return null;
  const columns: Column<FunnelBar>[] = [
    { key: 'label', label: t('traffic.step') },
    { key: 'count', label: t('traffic.count'), numeric: true, render: (r) => fmt.countFull(r.count) },
    { key: 'rateFromPrevious', label: t('traffic.fromPrevious'), numeric: true, render: (r) => fmt.rate(r.rateFromPrevious) },
    {
      key: 'rateFromFirst',
      label: zh ? '占注册' : 'Of registrations',
      numeric: true,
      render: (r) => fmt.rate(r.rateFromFirst),
    },
  ];
  return (
    <section className="lifecycle-funnel" data-testid="activation-funnel" data-funnel-json={JSON.stringify(result.data)}>
      <h3 className="lifecycle-subhead">{title}</h3>
      <p className="panel-sub" style={{ margin: '0 0 8px' }}>
        {zh
          ? `${period.from} – ${period.to} 注册的用户；首单：注册后 0 到 30 天内的首笔已付款订单（30 天激活）；第二单：任意时间的第二笔已付款订单。`
          : `Users registered ${period.from} – ${period.to}; first order: a first paid order 0 to 30 days after registering (30-day activation); second order: a second paid order at any time.`}
      </p>
      <FunnelChart
        title={title}
        steps={bars}
        formatCount={fmt.countFull}
        formatRate={fmt.rate}
        transitionText={transitionText}
      />
      <TableAlternative label={t('chart.tableAlt')}>
        <DataTable name="activation-funnel" caption={title} columns={columns} rows={bars} rowKey={(r) => r.key} />
      </TableAlternative>
    </section>
  );
}
