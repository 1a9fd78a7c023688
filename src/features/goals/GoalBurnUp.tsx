import { BurnUpChart } from '../../components/charts/BurnUpChart';
import { useT } from '../../i18n/use-t';
import { formatTargetValue } from './goal-format';
import { monthTicks, toBurnUpRows } from './burn-up-series';
import { useBurnUp } from './use-goals';
import { Skeleton } from '../../components/ui/states';
import type { Locale } from '../../lib/format';
import type { Target, TargetStatus } from '../../targets';
import { parseISO } from 'date-fns';

/** "Jan" / "1月" on the first of a month, "Jan 15" / "1月15日" elsewhere. */
export function tickLabel(date: string, locale: Locale): string {
  const day = parseISO(date);
  const options: Intl.DateTimeFormatOptions = date.endsWith('-01')
    ? { month: 'short' }
    : { month: 'short', day: 'numeric' };
  return new Intl.DateTimeFormat(locale, options).format(day);
}

interface Props {
  target: Target;
  status: TargetStatus | undefined;
  locale: Locale;
  currency: string | null;
}

/** The burn-up chart of one target, in its units; for ratios the level over time against the target level. */
export function GoalBurnUp({ target, status, locale, currency }: Props) {
  const t = useT();
  const burnUp = useBurnUp(target, status ? status.as_of : undefined);
  if (!burnUp.data) return <Skeleton height={264} />;
  const rows = toBurnUpRows(burnUp.data);
  const ratio = burnUp.data.kind === 'ratio';
  const format = (v: number | null) => formatTargetValue(v, target, locale, currency);
  return (
    <BurnUpChart
      title={ratio ? t('goals.chart.level') : t('goals.chart.burnUp')}
      rows={rows}
      ticks={monthTicks(rows)}
      asOf={burnUp.data.asOf}
      labels={{
        actual: ratio ? t('goals.chart.actualLevel') : t('goals.chart.actual'),
        target: ratio ? t('goals.chart.targetLevel') : t('goals.chart.target'),
        projected: ratio ? t('goals.chart.held') : t('goals.chart.projected'),
        band: t('goals.chart.band'),
        asOf: t('goals.chart.asOf'),
      }}
      formatValue={format}
      formatAxis={(v) => (v === 0 ? '0' : formatTargetValue(v, { metric: target.metric }, locale, currency))}
      formatTick={(d) => tickLabel(d, locale)}
    />
  );
}
