import { useCallback, useMemo } from 'react';
import { BurnUpChart } from '../../components/charts/BurnUpChart';
import { useT } from '../../i18n/use-t';
import { formatTargetValue } from './goal-format';
import { burnUpDomain, monthTicks, toBurnUpRows } from './burn-up-series';
import { useBurnUp } from './use-goals';
import { Skeleton } from '../../components/ui/states';
import type { Locale } from '../../lib/format';
import type { Target, TargetStatus } from '../../targets';
import { parseISO } from 'date-fns';

const tickFormats = new Map<string, Intl.DateTimeFormat>();

/** "Jan" / "1月" on the first of a month, "Jan 15" / "1月15日" elsewhere. */
export function tickLabel(date: string, locale: Locale): string {
  const monthOnly = date.endsWith('-01');
  const key = `${locale}:${monthOnly ? 'month' : 'day'}`;
  // Making a DateTimeFormat costs far more than using one, and a page of charts asks for hundreds of labels.
  let format = tickFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, monthOnly ? { month: 'short' } : { month: 'short', day: 'numeric' });
    tickFormats.set(key, format);
  }
  return format.format(parseISO(date));
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
  const data = burnUp.data;
  const ratio = data?.kind === 'ratio';
  // Stable props: the chart is memoised, so a redraw of the page for another period or filter
  // (which leaves the target's own burn-up as it was) does not redraw it.
  const rows = useMemo(() => (data ? toBurnUpRows(data) : []), [data]);
  const ticks = useMemo(() => monthTicks(rows), [rows]);
  // A level check-in reads against an axis fitted to its readings (issue 18, item 10).
  const level = target.checkin?.aggregation === 'level';
  const domain = useMemo(() => (level ? burnUpDomain(rows, true) : undefined), [rows, level]);
  const labels = useMemo(
    () => ({
      actual: ratio ? t('goals.chart.actualLevel') : t('goals.chart.actual'),
      target: ratio ? t('goals.chart.targetLevel') : t('goals.chart.target'),
      projected: ratio ? t('goals.chart.held') : t('goals.chart.projected'),
      band: t('goals.chart.band'),
      asOf: t('goals.chart.asOf'),
    }),
    [ratio, t],
  );
  const format = useCallback(
    (v: number | null) => formatTargetValue(v, target, locale, currency),
    [target, locale, currency],
  );
  const formatAxis = useCallback(
    (v: number) => (v === 0 ? '0' : formatTargetValue(v, { metric: target.metric }, locale, currency)),
    [target.metric, locale, currency],
  );
  const formatTick = useCallback((d: string) => tickLabel(d, locale), [locale]);
  if (!data) return <Skeleton height={264} />;
  return (
    <BurnUpChart
      title={ratio ? t('goals.chart.level') : t('goals.chart.burnUp')}
      rows={rows}
      ticks={ticks}
      asOf={data.asOf}
      labels={labels}
      formatValue={format}
      formatAxis={formatAxis}
      formatTick={formatTick}
      domain={domain}
    />
  );
}
