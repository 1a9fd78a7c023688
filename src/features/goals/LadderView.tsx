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
import { targetFacts } from '../../targets/target-facts';
import { formatSigned, formatTargetValue, gapTone, targetUnit } from './goal-format';
import { StatusPill } from './StatusPill';
import { FinishedPill, finishedVerdict, LockIcon, RungInput } from './ladder-parts';
import { LadderTreeView } from './LadderTreeView';
import { unitAdornment } from './units';
import { useLadder } from './use-goals';

/** The tree (year › quarters › months, issue 18 item 9) or one level at a time. */
type LadderShape = LadderGrain | 'tree';
const SHAPES: readonly LadderShape[] = ['tree', 'quarter', 'month', 'week'];

/** The page-wide banner, sized to sit inside the ladder panel. */
const NOTE_STYLE = { padding: '8px 12px', borderRadius: 8, border: '1px solid #d3dcff' } as const;

/** Months for a year-long target, weeks for one of two months or less. */
export function defaultGrain(target: Pick<Target, 'period'>): LadderGrain {
  const days = daysInclusive(target.period.from, target.period.to);
  if (days <= 62) return 'week';
  return 'month';
}

/** The tree for a target longer than a quarter; one level (weeks or months) for a shorter one. */
export function defaultShape(target: Pick<Target, 'period'>): LadderShape {
  return daysInclusive(target.period.from, target.period.to) > 92 ? 'tree' : defaultGrain(target);
}

/** What the last rung edit did, said in words with a way back (issue 18, item 8). */
type EditNotice =
  | { kind: 'edited'; previous: Target; rung: string; value: number; from: Target['phasing'] | null }
  | { kind: 'band'; previous: Target; rung: string; text: string }
  | { kind: 'undone'; rung: string };

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
  const [shape, setShape] = useState<LadderShape>(() => defaultShape(target));
  const grain: LadderGrain = shape === 'tree' ? 'month' : shape;
  const [notice, setNotice] = useState<EditNotice | null>(null);
  const query = useLadder(target, grain, locked, shape !== 'tree');
  const kind = targetFacts(target)?.kind;
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
    commitEdit(applyLadder(target, result.ladder), rung?.label ?? '', value);
    return null;
  };
  const commitEdit = (next: Target, rung: string, value: number) => {
    saveTarget(next);
    setNotice({
      kind: 'edited',
      previous: target,
      rung,
      value,
      from: target.phasing === 'custom' ? null : target.phasing,
    });
  };
  const undo = () => {
    if (notice?.kind !== 'edited' && notice?.kind !== 'band') return;
    saveTarget(notice.previous);
    setNotice({ kind: 'undone', rung: notice.rung });
  };
  const toggleLock = (index: number) => {
    if (!ladder) return;
    const rung = ladder.rungs[index];
    setLockedRungs(target.id, lockedRungDates(lockRung(ladder, index, !rung?.locked)));
  };

  return (
    <div className="ladder" data-ladder={shape} aria-busy={(shape !== 'tree' && stale) || undefined}>
      <div className="ladder-head">
        <div className="segmented" role="group" aria-label={t('goals.ladder.grain')}>
          {SHAPES.map((g) => (
            <button key={g} type="button" aria-pressed={shape === g} data-grain={g} onClick={() => setShape(g)}>
              {t(`goals.ladder.${g}`)}
            </button>
          ))}
        </div>
        <p className="muted">
          {shape === 'tree'
            ? t(kind === 'ratio' ? 'goals.ladder.helpTreeRatio' : 'goals.ladder.helpTree')
            : kind === 'ratio'
              ? t('goals.ladder.helpRatio')
              : t('goals.ladder.help')}
          {shape !== 'tree' && ladder?.phasingFallback ? ` ${t(`goals.fallback.${ladder.phasingFallback}`)}` : ''}
        </p>
      </div>
      {notice && (
        <div className="banner ladder-note" role="status" data-ladder-note={notice.kind} style={NOTE_STYLE}>
          <span>
            {notice.kind === 'undone'
              ? t('goals.ladder.undone', { rung: notice.rung })
              : notice.kind === 'band'
                ? notice.text
                : [
                    notice.from
                      ? t('goals.ladder.phasingChanged', {
                          from: t(`goals.phasing.${notice.from}`),
                          to: t('goals.phasing.custom'),
                          rung: notice.rung,
                        })
                      : null,
                    t('goals.ladder.edited', { rung: notice.rung, value: format(notice.value) }),
                  ]
                    .filter(Boolean)
                    .join(' ')}
          </span>
          {notice.kind !== 'undone' && (
            <button type="button" className="btn btn-sm" onClick={undo} data-action="undo-ladder">
              {t('goals.ladder.undo')}
            </button>
          )}
        </div>
      )}
      {shape === 'tree' ? (
        <LadderTreeView
          target={target}
          locked={locked}
          currency={currency}
          onEdited={commitEdit}
          onNote={(previous, rung, text) => setNotice({ kind: 'band', previous, rung, text })}
        />
      ) : !ladder ? (
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
                const verdict = rung.finished && status ? finishedVerdict(status.status) : null;
                return (
                  <tr
                    key={`${grain}-${rung.label}`}
                    data-rung={rung.label}
                    data-rung-value={rung.value}
                    data-locked={rung.locked || undefined}
                    data-finished={rung.finished || undefined}
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
                        locked={rung.locked || rung.finished}
                        label={rung.label}
                        unit={unit}
                        onCommit={(v) => edit(rung.index, v)}
                      />
                    </td>
                    <td>
                      {rung.finished ? (
                        <span className="lock-btn is-locked" title={t('goals.ladder.finished', { rung: rung.label })}>
                          <LockIcon locked />
                          <span className="visually-hidden">{t('goals.ladder.finished', { rung: rung.label })}</span>
                        </span>
                      ) : (
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
                      )}
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
                    <td>
                      {verdict ? (
                        <FinishedPill verdict={verdict} />
                      ) : status ? (
                        <StatusPill status={status.status} small />
                      ) : (
                        '…'
                      )}
                    </td>
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
