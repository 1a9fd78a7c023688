import { formatRate, type Locale } from '../../lib/format';
import { useT } from '../../i18n/use-t';
import type { Target, TargetStatus } from '../../targets';
import { formatSigned, formatTargetValue, gapTone } from './goal-format';

interface Props {
  target: Target;
  status: TargetStatus | undefined;
  locale: Locale;
  currency: string | null;
}

/** The tracking numbers of a target: to date, expected, projected, attainment, gap and the run rate still needed. */
export function GoalStats({ target, status, locale, currency }: Props) {
  const t = useT();
  const value = (v: number | null | undefined) =>
    status ? formatTargetValue(v ?? null, target, locale, currency, true, false) : '…';
  const additive = status?.kind !== 'ratio';
  const tone = status ? gapTone(status.gap, status.direction) : 'flat';
  const items: { key: string; label: string; value: string; sub?: string; tone?: string }[] = [
    {
      key: 'actual',
      label: t('goals.stat.actual'),
      value: value(status?.actual_to_date),
      sub: status?.as_of ? t('goals.stat.asOf', { date: status.as_of }) : '',
    },
    {
      key: 'expected',
      label: additive ? t('goals.stat.expected') : t('goals.stat.targetLevel'),
      value: value(status?.expected_to_date),
      sub: status && status.share !== null ? t('goals.stat.share', { share: formatRate(status.share, locale, 1) }) : '',
    },
    {
      key: 'projected',
      label: t('goals.stat.projected'),
      value: value(status?.projected),
      sub: t('goals.stat.ofTarget', {
        target: formatTargetValue(status?.target ?? target.ladder.target, target, locale, currency),
      }),
    },
    {
      key: 'attainment',
      label: t('goals.stat.attainment'),
      value: status ? formatRate(status.attainment, locale, 1) : '…',
    },
    {
      key: 'gap',
      label: t('goals.stat.gap'),
      value: status ? formatSigned(status.gap, target, locale, currency) : '…',
      tone,
      sub:
        status?.gap === null || !status
          ? ''
          : t(tone === 'bad' ? 'goals.stat.behind' : tone === 'good' ? 'goals.stat.ahead' : 'goals.stat.onPace'),
    },
    additive
      ? {
          key: 'needed',
          label: t('goals.stat.needed'),
          value: status ? formatTargetValue(status.required_daily_rate, target, locale, currency, true, false) : '…',
          sub:
            status?.current_daily_rate != null
              ? t('goals.stat.current', {
                  rate: formatTargetValue(status.current_daily_rate, target, locale, currency),
                })
              : '',
        }
      : {
          key: 'days',
          label: t('goals.stat.daysLeft'),
          value: status?.days_left != null ? String(status.days_left) : status ? '—' : '…',
          sub: t('goals.stat.ofDays', { days: status?.period_days ?? '' }),
        },
  ];
  return (
    <dl className="goal-stats">
      {items.map((item) => (
        <div key={item.key} className="goal-stat" data-stat={item.key}>
          <dt>{item.label}</dt>
          <dd className={`num ${item.tone ? `tone-${item.tone}` : ''}`}>{item.value}</dd>
          {item.sub ? <dd className="goal-stat-sub">{item.sub}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
