import { useMemo } from 'react';
import { SeriesChart } from '../../components/charts/SeriesChart';
import type { useFormatters } from '../../components/ui/use-formatters';
import { useT } from '../../i18n/use-t';
import type { ServicePageData } from '../../metrics/queries/service';

type Week = ServicePageData['weeks'][number];

/** One line per rate, a point per ISO week (labelled by its Monday), in the page's own formatting. */
export function weekPoints(weeks: readonly Week[], key: 'response_within_sla' | 'csat') {
  return weeks.map((w) => ({ label: w.week, value: w[key] }));
}

/**
 * Response within SLA and CSAT week by week (issue 15): two line charts one above the other, each
 * with its table alternative, so a slow-reply week stands out against the weeks around it. A week
 * without a scored ticket has no CSAT point ("—"), never 0.
 */
export function ServiceWeeksChart({
  weeks,
  label,
  fmt,
}: {
  weeks: readonly Week[];
  label: (id: 'response_within_sla' | 'csat') => string;
  fmt: ReturnType<typeof useFormatters>;
}) {
  const t = useT();
  const sla = useMemo(() => weekPoints(weeks, 'response_within_sla'), [weeks]);
  const csat = useMemo(() => weekPoints(weeks, 'csat'), [weeks]);
  return (
    <div className="service-weeks" data-testid="service-weeks">
      {(
        [
          ['response_within_sla', sla],
          ['csat', csat],
        ] as const
      ).map(([id, points]) => (
        <div key={id} data-series={id}>
          <h4 className="lifecycle-subhead">{label(id)}</h4>
          <SeriesChart
            title={label(id)}
            points={points}
            kind="line"
            valueLabel={label(id)}
            tableLabel={t('chart.tableAlt')}
            formatValue={fmt.rate}
            height={170}
          />
        </div>
      ))}
    </div>
  );
}
