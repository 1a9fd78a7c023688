import { memo } from 'react';
import { useT } from '../../i18n/use-t';
import { ENTRIES, type MetricId } from '../../metrics/registry';
import type { Kpis } from '../../metrics/queries/kpis';
import type { Period } from '../../metrics/periods';
import { useAppStore } from '../../stores/app-store';
import { KpiCard } from './KpiCard';

export interface KpiRowProps {
  ids: readonly MetricId[];
  current: Kpis | undefined;
  previous: Kpis | undefined;
  comparison: Period | null;
  currency: string | null;
  /** The query failed (an error is shown above): the cards show "—" rather than loading forever. */
  failed?: boolean;
  /** The numbers are the previous view's while the new view's query runs. */
  stale?: boolean;
}

/** A row of KPI cards with their change against the comparison period (tests read data-kpi / data-value). */
export const KpiRow = memo(function KpiRow({ ids, current, previous, comparison, currency, failed = false, stale = false }: KpiRowProps) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const compareLabel = comparison ? t('kpi.vs', { period: `${comparison.from} – ${comparison.to}` }) : undefined;
  return (
    <div className="kpi-grid kpi-row">
      {ids.map((id) => {
        const def = ENTRIES[id];
        return (
          <KpiCard
            key={id}
            id={id}
            label={locale === 'zh-CN' ? def.label.zh : def.label.en}
            value={current?.[id] ?? null}
            previous={comparison ? (previous?.[id] ?? null) : undefined}
            unit={def.unit}
            currency={currency}
            locale={locale}
            lowerIsBetter={def.direction === 'lower'}
            compareLabel={compareLabel}
            loading={!current && !failed}
            stale={stale}
          />
        );
      })}
    </div>
  );
});
