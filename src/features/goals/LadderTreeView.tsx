import { useState } from 'react';
import { Skeleton } from '../../components/ui/states';
import { useT } from '../../i18n/use-t';
import { formatRate } from '../../lib/format';
import { useAppStore } from '../../stores/app-store';
import { useTargetsStore } from '../../stores/targets-store';
import type { Target, TargetStatus } from '../../targets';
import {
  applyLadderTree,
  editTreeRung,
  setTreeBand,
  treeLocks,
  type LadderTree,
  type TreePlace,
  type TreeRung,
} from '../../targets/ladder-tree';
import { formatTargetValue, targetUnit } from './goal-format';
import { FinishedPill, finishedVerdict, LockIcon, RungInput } from './ladder-parts';
import { StatusPill } from './StatusPill';
import { amountToInput, parseAmount } from './units';
import { useLadderTree } from './use-goals';

type Band = 'floor' | 'stretch';

interface BandInputProps {
  rung: TreeRung;
  band: Band;
  unit: ReturnType<typeof targetUnit>;
  onCommit: (value: number | null) => string | null;
}

/**
 * A rung's floor or stretch: shows the one in force; a value kept in ratio with the rung above
 * is drawn muted until typed over, and emptying the box makes it follow the rung above again.
 */
function BandInput({ rung, band, unit, onCommit }: BandInputProps) {
  const t = useT();
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const own = band === 'floor' ? rung.ownFloor : rung.ownStretch;
  const inForce = band === 'floor' ? rung.floor : rung.stretch;
  const shown = text ?? amountToInput(inForce, unit);
  const bandName = t(`goals.ladder.col.${band}`);
  const commit = () => {
    if (text === null) return;
    const parsed = parseAmount(text, unit);
    if (!parsed.ok) {
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
          disabled={rung.finished}
          data-band={band}
          data-band-own={own !== null || undefined}
          style={own === null && text === null ? { color: 'var(--text-3)', fontStyle: 'italic' } : undefined}
          title={own === null ? t('goals.ladder.bandKept', { rung: rung.label }) : undefined}
          aria-label={t('goals.ladder.bandValue', { band: bandName, rung: rung.label })}
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
  /** Saves the edited target and says what changed, with Undo (LadderView keeps the notice). */
  onEdited: (next: Target, rung: string, value: number) => void;
  /** A floor or stretch changed: said in words, with Undo back to `previous`. */
  onNote: (previous: Target, rung: string, text: string) => void;
}

/**
 * The ladder as one tree (issue 18, item 9): the whole period, its quarters and each quarter's
 * months, every rung with its own target, floor and stretch, editable and tracked. Finished
 * rungs are held (Hit or Missed); locks and the re-balancing follow `ladder-tree.ts`.
 */
export function LadderTreeView({ target, locked, currency, onEdited, onNote }: Props) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const saveTarget = useTargetsStore((s) => s.saveTarget);
  const setLockedRungs = useTargetsStore((s) => s.setLockedRungs);
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const query = useLadderTree(target, locked);
  const unit = targetUnit(target);
  const format = (v: number | null) => formatTargetValue(v, target, locale, currency);
  const tree: LadderTree | undefined = query.data?.tree;
  if (!tree) return <Skeleton height={320} />;
  const { year, statuses } = query.data!;

  const edit = (place: TreePlace, rung: TreeRung, value: number): string | null => {
    const result = editTreeRung(tree, place, value);
    if (!result.ok) {
      // What the rung could take: its whole (the period, or its quarter) less what held rungs keep.
      const quarter = tree.quarters[place.quarter];
      const siblings = place.month === undefined ? tree.quarters : (quarter?.months ?? []);
      const whole = place.month === undefined ? tree.total : (quarter?.value ?? 0);
      const held = siblings.filter((r) => r !== rung && (r.locked || r.finished)).reduce((sum, r) => sum + r.value, 0);
      return t('goals.ladder.cannotSet', { rung: rung.label, max: format(Math.max(whole - held, 0)) });
    }
    onEdited(applyLadderTree(target, result.tree), rung.label, value);
    return null;
  };
  const band = (place: TreePlace, rung: TreeRung, key: Band, value: number | null): string | null => {
    const result = setTreeBand(tree, place, key, value);
    if (!result.ok) return t('goals.ladder.bandInvalid');
    saveTarget(applyLadderTree(target, result.tree));
    const bandName = t(`goals.ladder.col.${key}`);
    onNote(
      target,
      rung.label,
      value === null
        ? t('goals.ladder.bandCleared', { band: bandName, rung: rung.label })
        : t('goals.ladder.bandSet', { band: bandName, rung: rung.label, value: format(value) }),
    );
    return null;
  };
  const toggleLock = (rung: TreeRung) => {
    const keys = treeLocks(tree);
    setLockedRungs(target.id, rung.locked ? keys.filter((k) => k !== rung.lockKey) : [...keys, rung.lockKey]);
  };

  const row = (rung: TreeRung, place: TreePlace, status: TargetStatus | undefined, depth: 1 | 2) => {
    const verdict = rung.finished && status ? finishedVerdict(status.status) : null;
    const quarter = depth === 1 ? tree.quarters[place.quarter] : undefined;
    const isFolded = folded.has(rung.label);
    return (
      <tr
        key={rung.label}
        data-rung={rung.label}
        data-rung-depth={depth}
        data-rung-value={rung.value}
        data-rung-floor={rung.floor}
        data-rung-stretch={rung.stretch ?? undefined}
        data-locked={rung.locked || undefined}
        data-finished={rung.finished || undefined}
        style={depth === 1 ? { background: 'var(--surface-2, #f6f7f9)' } : undefined}
      >
        <th scope="row" style={{ paddingLeft: depth === 1 ? 8 : 28, whiteSpace: 'nowrap' }}>
          <div style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
            {quarter && (
              <button
                type="button"
                className="btn btn-sm"
                style={{ padding: '0 6px', minWidth: 24 }}
                aria-expanded={!isFolded}
                aria-label={t('goals.ladder.months', { rung: rung.label })}
                onClick={() =>
                  setFolded((current) => {
                    const next = new Set(current);
                    if (next.has(rung.label)) next.delete(rung.label);
                    else next.add(rung.label);
                    return next;
                  })
                }
              >
                <span aria-hidden="true">{isFolded ? '▸' : '▾'}</span>
              </button>
            )}
            <span style={{ fontWeight: depth === 1 ? 600 : 400 }}>{rung.label}</span>
          </div>
          <div className="num rung-dates" style={{ paddingLeft: depth === 1 ? 28 : 0 }}>
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
            onCommit={(v) => edit(place, rung, v)}
          />
        </td>
        {(['floor', 'stretch'] as const).map((key) => (
          <td className="n" key={key}>
            <BandInput
              key={`${rung.label}-${key}-${rung.floor}-${rung.stretch}`}
              rung={rung}
              band={key}
              unit={unit}
              onCommit={(v) => band(place, rung, key, v)}
            />
          </td>
        ))}
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
              aria-label={t(rung.locked ? 'goals.ladder.unlockRung' : 'goals.ladder.lockRung', { rung: rung.label })}
              title={t(rung.locked ? 'goals.ladder.unlockRung' : 'goals.ladder.lockRung', { rung: rung.label })}
              onClick={() => toggleLock(rung)}
              data-action="lock"
            >
              <LockIcon locked={rung.locked} />
            </button>
          )}
        </td>
        <td className="n">{status ? format(status.actual_to_date) : '…'}</td>
        <td className="n">{status ? format(status.projected) : '…'}</td>
        <td className="n">{status ? formatRate(status.attainment, locale, 1) : '…'}</td>
        <td>
          {verdict ? <FinishedPill verdict={verdict} /> : status ? <StatusPill status={status.status} small /> : '…'}
        </td>
      </tr>
    );
  };

  return (
    <div className="table-wrap ladder-table" data-ladder-tree>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('goals.ladder.rung')}</th>
            <th scope="col" className="n">
              {tree.kind === 'ratio' ? t('goals.ladder.level') : t('goals.ladder.amount')}
            </th>
            <th scope="col" className="n">
              {t('goals.ladder.col.floor')}
            </th>
            <th scope="col" className="n">
              {t('goals.ladder.col.stretch')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('goals.ladder.lock')}</span>
            </th>
            <th scope="col" className="n">
              {t('goals.ladder.col.actual')}
            </th>
            <th scope="col" className="n">
              {t('goals.ladder.col.projected')}
            </th>
            <th scope="col" className="n">
              {t('goals.ladder.col.attainment')}
            </th>
            <th scope="col">{t('goals.ladder.status')}</th>
          </tr>
        </thead>
        <tbody>
          <tr data-rung="year" data-rung-depth={0} data-rung-value={tree.total}>
            <th scope="row">
              <div style={{ fontWeight: 700 }}>{t('goals.ladder.yearRow')}</div>
              <div className="num rung-dates">
                {target.period.from} – {target.period.to}
              </div>
            </th>
            <td className="n num" style={{ fontWeight: 700 }}>
              {format(tree.total)}
            </td>
            <td className="n num">{format(tree.floor)}</td>
            <td className="n num">{format(tree.stretch)}</td>
            <td />
            <td className="n">{format(year.actual_to_date)}</td>
            <td className="n">{format(year.projected)}</td>
            <td className="n">{formatRate(year.attainment, locale, 1)}</td>
            <td>
              <StatusPill status={year.status} small />
            </td>
          </tr>
          {tree.quarters.flatMap((quarter, qi) => [
            row(quarter, { quarter: qi }, statuses.quarters[qi], 1),
            ...(folded.has(quarter.label)
              ? []
              : quarter.months.map((month, mi) =>
                  row(month, { quarter: qi, month: mi }, statuses.months[qi]?.[mi], 2),
                )),
          ])}
        </tbody>
      </table>
    </div>
  );
}
