import { useState } from 'react';
import { useT } from '../../i18n/use-t';
import type { TrackingStatus } from '../../targets';
import type { targetUnit } from './goal-format';
import { amountToInput, parseAmount } from './units';

/** Pieces the ladder and the ladder tree share. */

export function LockIcon({ locked }: { locked: boolean }) {
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

export interface RungInputProps {
  value: number;
  locked: boolean;
  label: string;
  unit: ReturnType<typeof targetUnit>;
  onCommit: (value: number) => string | null;
}

/** One rung's amount, typed in the target's units; committed on Enter or when leaving the field. */
export function RungInput({ value, locked, label, unit, onCommit }: RungInputProps) {
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

/** A finished rung is judged on what happened: hit when it reached its target, else missed. */
export function finishedVerdict(status: TrackingStatus): 'hit' | 'missed' | null {
  if (status === 'ahead' || status === 'on_track') return 'hit';
  if (status === 'at_risk' || status === 'off_track') return 'missed';
  return null;
}

export function FinishedPill({ verdict }: { verdict: 'hit' | 'missed' }) {
  const t = useT();
  return (
    <span
      className={`status-pill status-${verdict === 'hit' ? 'on_track' : 'off_track'} status-pill-small`}
      data-status-pill={verdict}
    >
      <span aria-hidden="true">{verdict === 'hit' ? '✓' : '✕'}</span>
      {t(`goals.ladder.${verdict}`)}
    </span>
  );
}
