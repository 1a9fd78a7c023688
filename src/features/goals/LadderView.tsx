import { useState } from 'react';
import { Skeleton } from '../../components/ui/states';
import { useT } from '../../i18n/use-t';
import { formatRate } from '../../lib/format';
import { useAppStore } from '../../stores/app-store';
import { useTargetsStore } from '../../stores/targets-store';
import {
  applyLadder,
  editRung,
  ladderSum,
  lockedRungDates,
  lockRung,
  type Ladder,
  type LadderGrain,
  type Target,
  type TargetStatus,
} from '../../targets';
import { daysInclusive } from '../../targets/dates';
import { formatSigned, formatTargetValue, gapTone, targetUnit } from './goal-format';
import { StatusPill } from './StatusPill';
import { amountToInput, parseAmount, unitAdornment } from './units';
import { useLadder } from './use-goals';

const GRAINS: readonly LadderGrain[] = ['quarter', 'month', 'week'];

/** Months for a year-long target, weeks for one of two months or less. */
export function defaultGrain(target: Pick<Target, 'period'>): LadderGrain {
  const days = daysInclusive(target.period.from, target.period.to);
  if (days <= 62) return 'week';
  return 'month';
}

function LockIcon({ locked }: { locked: boolean }) {
  return (
    <svg aria-hidden="true" width="12" height="13" viewBox="0 0 12 13">
      <rect
        x="1.5"
        y="5.5"
        width="9"
        height="7"
        rx="1.5"
        fill={locked ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth="1.3"
      />
      <path
        d={locked ? 'M3.5 5.5V4a2.5 2.5 0 0 1 5 0v1.5' : 'M3.5 5.5V4a2.5 2.5 0 0 1 5 0'}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.3"
      />
    </svg>
  );
}

interface RungInputProps {
  value: number;
  locked: boolean;
  label: string;
  unit: ReturnType<typeof targetUnit>;
  onCommit: (value: number) => string | null;
}

/** One rung's amount, typed in the target's units; committed on Enter or when leaving the field. */
function RungInput({ value, locked, label, unit, onCommit }: RungInputProps) {
  const t = useT();
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const shown = text ?? amountToInput(value, unit);
  const commit = () => {
    if (text === null) return;
    const parsed = parseAmount(text, unit);
    if (!parsed.ok || parsed.value === null) {
      setProblem(t('goals.ladder.notNumber'));
      return;
    }
    const failure = onCommit(parsed.value);
    setProblem(failure);
    if (failure === null) setText(null);
  };
  return (
    <div className="rung-input">
      <div className="amount-field">
        <input
          type="text"
          inputMode="decimal"
          value={shown}
          disabled={locked}
          aria-label={t('goals.ladder.rungValue', { rung: label })}
          aria-invalid={problem !== null || undefined}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') {
              setText(null);
              setProblem(null);
            }
          }}
        />
        {unit === 'rate' && <span className="adorn">%</span>}
      </div>
      {problem && (
        <div className="field-error" role="alert">
          {problem}
        </div>
      )}
    </div>
  );
}

interface Props {
  target: Target;
  locked: readonly string[];
  currency: string | null;
}

/**
 * The target's ladder (issue 5, item 3): rungs by quarter, month or week by its phasing, each
 * editable (the unlocked rest re-balance, additive rungs always sum to the whole), lockable,
 * and tracked like a target of its own.
 */
export function LadderView({ target, locked, currency }: Props) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const saveTarget = useTargetsStore((s) => s.saveTarget);
  const setLockedRungs = useTargetsStore((s) => s.setLockedRungs);
  const [grain, setGrain] = useState<LadderGrain>(() => defaultGrain(target));
  const query = useLadder(target, grain, locked);
  const unit = targetUnit(target);
  const adornment = unitAdornment(unit, currency, locale);
  const format = (v: number | null) => formatTargetValue(v, target, locale, currency);
  const ladder: Ladder | undefined = query.data?.ladder;
  const statuses: TargetStatus[] = query.data?.statuses ?? [];
  const stale = query.isPlaceholderData || query.isFetching;

  const edit = (index: number, value: number): string | null => {
    if (!ladder) return null;
    const rung = ladder.rungs[index];
    const result = editRung(ladder, index, value);
    if (!result.ok) {
      const lockedSum = ladder.rungs.filter((r) => r.locked && r.index !== index).reduce((sum, r) => sum + r.value, 0);
      return t('goals.ladder.cannotSet', {
        rung: rung?.label ?? '',
        max: format(Math.max(ladder.total - lockedSum, 0)),
      });
    }
    saveTarget(applyLadder(target, result.ladder));
    return null;
  };
  const toggleLock = (index: number) => {
    if (!ladder) return;
    const rung = ladder.rungs[index];
    setLockedRungs(target.id, lockedRungDates(lockRung(ladder, index, !rung?.locked)));
  };

  return (
    <div className="ladder" data-ladder={grain} aria-busy={stale || undefined}>
      <div className="ladder-head">
        <div className="segmented" role="group" aria-label={t('goals.ladder.grain')}>
          {GRAINS.map((g) => (
            <button key={g} type="button" aria-pressed={grain === g} data-grain={g} onClick={() => setGrain(g)}>
              {t(`goals.ladder.${g}`)}
            </button>
          ))}
        </div>
        <p className="muted">
          {ladder?.kind === 'ratio' ? t('goals.ladder.helpRatio') : t('goals.ladder.help')}
          {ladder?.phasingFallback ? ` ${t(`goals.fallback.${ladder.phasingFallback}`)}` : ''}
        </p>
      </div>
      {!ladder ? (
        <Skeleton height={180} />
      ) : (
        <div className="table-wrap ladder-table">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('goals.ladder.rung')}</th>
                <th scope="col" className="n">
                  {ladder.kind === 'ratio' ? t('goals.ladder.level') : t('goals.ladder.amount')}
                  {adornment && unit !== 'rate' ? ` (${adornment})` : ''}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('goals.ladder.lock')}</span>
                </th>
                <th scope="col" className="n">
                  {t('goals.ladder.col.actual')}
                </th>
                <th scope="col" className="n">
                  {ladder.kind === 'ratio' ? t('goals.ladder.level') : t('goals.ladder.col.expected')}
                </th>
                <th scope="col" className="n">
                  {t('goals.ladder.col.projected')}
                </th>
                <th scope="col" className="n">
                  {t('goals.ladder.col.attainment')}
                </th>
                <th scope="col" className="n">
                  {t('goals.ladder.col.gap')}
                </th>
                {ladder.kind === 'additive' && (
                  <th scope="col" className="n">
                    {t('goals.ladder.col.needed')}
                  </th>
                )}
                <th scope="col">{t('goals.ladder.status')}</th>
              </tr>
            </thead>
            <tbody>
              {ladder.rungs.map((rung) => {
                const status = statuses[rung.index];
                return (
                  <tr
                    key={`${grain}-${rung.label}`}
                    data-rung={rung.label}
                    data-rung-value={rung.value}
                    data-locked={rung.locked || undefined}
                  >
                    <th scope="row">
                      <div>{rung.label}</div>
                      <div className="num rung-dates">
                        {rung.from.slice(5)} – {rung.to.slice(5)}
                      </div>
                    </th>
                    <td className="n">
                      <RungInput
                        key={`${rung.label}-${rung.value}-${rung.locked}`}
                        value={rung.value}
                        locked={rung.locked}
                        label={rung.label}
                        unit={unit}
                        onCommit={(v) => edit(rung.index, v)}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        className={`lock-btn${rung.locked ? ' is-locked' : ''}`}
                        aria-pressed={rung.locked}
                        aria-label={t(rung.locked ? 'goals.ladder.unlockRung' : 'goals.ladder.lockRung', {
                          rung: rung.label,
                        })}
                        title={t(rung.locked ? 'goals.ladder.unlockRung' : 'goals.ladder.lockRung', {
                          rung: rung.label,
                        })}
                        onClick={() => toggleLock(rung.index)}
                        data-action="lock"
                      >
                        <LockIcon locked={rung.locked} />
                      </button>
                    </td>
                    <td className="n">{status ? format(status.actual_to_date) : '…'}</td>
                    <td className="n">{status ? format(status.expected_to_date) : '…'}</td>
                    <td className="n">{status ? format(status.projected) : '…'}</td>
                    <td className="n">{status ? formatRate(status.attainment, locale, 1) : '…'}</td>
                    <td className={`n ${status ? `tone-${gapTone(status.gap, status.direction)}` : ''}`}>
                      {status ? formatSigned(status.gap, target, locale, currency) : '…'}
                    </td>
                    {ladder.kind === 'additive' && (
                      <td className="n">{status ? format(status.required_daily_rate) : '…'}</td>
                    )}
                    <td>{status ? <StatusPill status={status.status} small /> : '…'}</td>
                  </tr>
                );
              })}
            </tbody>
            {ladder.kind === 'additive' && (
              <tfoot>
                <tr>
                  <th scope="row">{t('goals.ladder.total')}</th>
                  <td className="n num" data-ladder-sum={ladderSum(ladder)}>
                    {formatTargetValue(ladderSum(ladder), target, locale, currency, false)}
                  </td>
                  <td colSpan={8} className="muted-cell">
                    {t('goals.ladder.sumNote', {
                      total: formatTargetValue(ladder.total, target, locale, currency, false),
                    })}
                  </td>
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      )}
    </div>
  );
}
