import { useQueryClient } from '@tanstack/react-query';
import { memo, useMemo, useState } from 'react';
import { StackedBarChart } from '../../components/charts/StackedBarChart';
import { DataTable, tableCsvOnDemand, type Column } from '../../components/ui/DataTable';
import { downloadCsv, exportName } from '../../components/ui/download';
import { Panel } from '../../components/ui/Panel';
import { EmptyState, ErrorBox, Skeleton } from '../../components/ui/states';
import { useFormatters } from '../../components/ui/use-formatters';
import { useStable } from '../../components/ui/use-stable';
import { useEngine } from '../../dataset/engine-context';
import { useEngineQuery } from '../../dataset/use-engine-query';
import { useT } from '../../i18n/use-t';
import {
  computeLifecycle,
  computeStageCustomers,
  computeStageMoves,
  previousMonthEnd,
  STAGES,
  type LifecycleMonth,
  type Stage,
  type StageMove,
} from '../../metrics/queries/lifecycle';
import { monthOf } from '../../metrics/periods';
import { LIFECYCLE_ENTRIES, type LifecycleId } from '../../metrics/registry/lifecycle';
import { useAppStore } from '../../stores/app-store';
import type { PageScope } from '../../components/ui/page-scope';
import { ActivationFunnelView } from './ActivationFunnel';
import { cohortSpan } from './customers-shape';

/** Stage colours, bottom of the stack first: the engaged stages in the accent family, the lapsed ones warm and grey. */
const STAGE_COLORS: Record<Stage, string> = {
  new: '#74c0fc',
  active: '#3b5bdb',
  dormant: '#f59f00',
  churned: '#ced4da',
};

const LIST_COLUMNS = [
  'customer_id',
  'stage',
  'first_paid',
  'last_paid',
  'days_since_last',
  'paid_orders',
  'paid_total',
];

/**
 * The customer lifecycle (用户运营): customers by stage at each month end as a stacked area, the
 * monthly churn rate, movement between stages this month (who came back), and each stage's
 * customers as a CSV for win-back campaigns (formula-neutralised by lib/csv).
 */
export const LifecyclePanel = memo(function LifecyclePanel({ scope }: { scope: PageScope }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const version = useAppStore((s) => s.dataset.version);
  const engine = useEngine();
  const queryClient = useQueryClient();
  const fmt = useFormatters(scope.currency);
  const [failure, setFailure] = useState<unknown>(null);
  const { filters, description } = scope;
  const span = useStable(cohortSpan(scope.period));
  const day = scope.period.to;
  const result = useEngineQuery(['lifecycle', span, filters], (e) => computeLifecycle(e, span, filters, description));
  const moves = useEngineQuery(['lifecycle-moves', day, filters], (e) => computeStageMoves(e, day, filters));
  const name = (id: LifecycleId) =>
    locale === 'zh-CN' ? LIFECYCLE_ENTRIES[id].label.zh : LIFECYCLE_ENTRIES[id].label.en;
  const title = t('customers.lifecycle');
  const series = useMemo(
    () =>
      STAGES.map((s) => ({
        key: s,
        label: locale === 'zh-CN' ? LIFECYCLE_ENTRIES[s].label.zh : LIFECYCLE_ENTRIES[s].label.en,
        color: STAGE_COLORS[s],
      })),
    [locale],
  );
  const data = result.data;
  const rows = useMemo(
    () =>
      data
        ? data.months.map((m) => ({
            label: m.month,
            values: Object.fromEntries(STAGES.map((st) => [st, m[st]])) as Record<string, number | null>,
          }))
        : [],
    [data],
  );
  const lastMonth = data?.months.at(-1) ?? null;
  const came = (from: Stage) =>
    (moves.data ?? [])
      .filter((m) => m.from === from && (m.to === 'active' || m.to === 'new'))
      .reduce((a, m) => a + m.customers, 0);

  const downloadStage = async (stage: Stage) => {
    setFailure(null);
    try {
      const list = await queryClient.fetchQuery({
        queryKey: ['lifecycle-customers', day, stage, filters, version],
        queryFn: () => computeStageCustomers(engine, day, stage, filters),
      });
      downloadCsv(
        exportName(`customers-${stage}`, { from: day, to: day }),
        list.map((c) => ({ ...c, stage })),
        LIST_COLUMNS.map((key) => ({ key, label: key })),
      );
    } catch (e) {
      setFailure(e);
    }
  };

  const monthColumns: Column<LifecycleMonth>[] = [
    { key: 'month', label: t('customers.month') },
    ...STAGES.map((s) => ({
      key: s,
      label: name(s),
      numeric: true,
      render: (r: LifecycleMonth) => fmt.countFull(r[s]),
    })),
    {
      key: 'churn_rate',
      label: name('churn_rate'),
      numeric: true,
      render: (r) => fmt.rate(r.churn_rate),
    },
  ];
  const stageLabel = (s: Stage | null) => (s === null ? t('customers.notYet') : name(s));
  const moveColumns: Column<StageMove>[] = [
    { key: 'from', label: t('customers.stageFrom'), render: (r) => stageLabel(r.from) },
    { key: 'to', label: t('customers.stageTo'), render: (r) => stageLabel(r.to) },
    { key: 'customers', label: t('customers.customers'), numeric: true, render: (r) => fmt.countFull(r.customers) },
  ];
  const changed = (moves.data ?? []).filter((m) => m.from !== m.to);

  let body;
  if (result.error) body = <ErrorBox title={t('error.query')} error={result.error} />;
  else if (!data) body = <Skeleton height={300} />;
  else if (STAGES.every((s) => data.stages[s] === 0) && data.months.length === 0)
    body = <EmptyState>{t('customers.emptyRfm')}</EmptyState>;
  else
    body = (
      <div
        className="lifecycle-layout"
        data-testid="lifecycle"
        data-as-of={data.as_of}
        data-stages={JSON.stringify(data.stages)}
        data-months={JSON.stringify(data.months)}
      >
        <dl className="lifecycle-stats" data-testid="lifecycle-stats">
          {STAGES.map((s) => (
            <div key={s} data-stage={s}>
              <dt>
                <span aria-hidden="true" className="swatch" style={{ background: STAGE_COLORS[s] }} /> {name(s)}
              </dt>
              <dd>{fmt.countFull(data.stages[s])}</dd>
              <dd className="lifecycle-download">
                <button
                  type="button"
                  className="btn btn-sm"
                  data-download-stage={s}
                  disabled={data.stages[s] === 0}
                  onClick={() => void downloadStage(s)}
                  aria-label={t('customers.downloadStage', { stage: name(s) })}
                >
                  ⤓ CSV
                </button>
              </dd>
            </div>
          ))}
          <div data-stat="churn">
            <dt>{lastMonth ? t('customers.churnIn', { month: lastMonth.month }) : name('churn_rate')}</dt>
            <dd>{fmt.rate(lastMonth?.churn_rate ?? null)}</dd>
          </div>
          <div data-stat="came-back">
            <dt>{t('customers.cameBack')}</dt>
            <dd>{moves.data ? fmt.countFull(came('dormant') + came('churned')) : '—'}</dd>
            <dd className="muted">
              {moves.data
                ? t('customers.cameBackNote', {
                    dormant: fmt.countFull(came('dormant')),
                    churned: fmt.countFull(came('churned')),
                  })
                : ''}
            </dd>
          </div>
        </dl>
        <ActivationFunnelView scope={scope} />
        {data.months.length > 0 && (
          <StackedBarChart
            shape="area"
            title={title}
            rows={rows}
            series={series}
            formatValue={fmt.countFull}
            formatAxis={fmt.count}
            tableLabel={t('chart.tableAlt')}
            height={260}
          />
        )}
        <div className="lifecycle-tables">
          <DataTable
            name="lifecycle-months"
            caption={t('customers.lifecycleMonths')}
            columns={monthColumns}
            rows={data.months}
            rowKey={(r) => r.month}
          />
          <div>
            <h3 className="lifecycle-subhead">{t('customers.moves', { from: previousMonthEnd(day), to: day })}</h3>
            {moves.error ? (
              <ErrorBox title={t('error.query')} error={moves.error} />
            ) : (
              <DataTable
                name="lifecycle-moves"
                caption={t('customers.moves', { from: previousMonthEnd(day), to: day })}
                columns={moveColumns}
                rows={changed}
                rowKey={(r) => `${r.from ?? 'none'}-${r.to}`}
              />
            )}
          </div>
        </div>
      </div>
    );

  return (
    <Panel
      busy={result.isPlaceholderData}
      name="customers-lifecycle"
      title={title}
      subtitle={t('customers.lifecycleNote', { date: day, month: monthOf(day) })}
      exportName={exportName('customer-lifecycle', span)}
      caption={scope.caption}
      csv={data ? tableCsvOnDemand(data.months, monthColumns) : null}
      pngLegend={series}
      png
    >
      {failure !== null && <ErrorBox title={t('customers.downloadFailed')} error={failure} />}
      {body}
    </Panel>
  );
});
