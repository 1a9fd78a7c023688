import { useT } from '../../i18n/use-t';
import type { Locale, Unit } from '../../lib/format';
import { formatValue } from '../../lib/format';
import type { Draft } from './draft';
import { milestoneSum, spreadMilestones } from './draft';
import { parseAmount, unitAdornment } from './units';

interface Props {
  draft: Draft;
  unit: Unit;
  additive: boolean;
  locale: Locale;
  currency: string | null;
  onChange: (milestones: Draft['milestones']) => void;
}

/** Custom phasing: consecutive milestones, each to a date with its amount (or level, for ratios). */
export function MilestonesEditor({ draft, unit, additive, locale, currency, onChange }: Props) {
  const t = useT();
  const adornment = unitAdornment(unit, currency, locale);
  const sum = additive ? milestoneSum(draft) : null;
  const target = parseAmount(draft.target, unit);
  const targetValue = target.ok ? target.value : null;
  const balanced = sum !== null && targetValue !== null && Math.abs(sum - targetValue) < 0.005;
  const set = (index: number, patch: Partial<Draft['milestones'][number]>) =>
    onChange(draft.milestones.map((m, i) => (i === index ? { ...m, ...patch } : m)));
  return (
    <div className="milestones" data-milestones>
      <div className="milestones-actions">
        <span className="muted">
          {additive ? t('goals.editor.milestonesHelp') : t('goals.editor.milestonesHelpRatio')}
        </span>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => onChange(spreadMilestones(draft, 'quarter'))}
          data-action="spread-quarter"
        >
          {t('goals.editor.spreadQuarter')}
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => onChange(spreadMilestones(draft, 'month'))}
          data-action="spread-month"
        >
          {t('goals.editor.spreadMonth')}
        </button>
      </div>
      {draft.milestones.map((m, index) => (
        <div key={index} className="milestone-row">
          <label className="field">
            <span>{t('goals.editor.milestoneTo')}</span>
            <input
              type="date"
              value={m.to}
              min={draft.from}
              max={draft.to}
              onChange={(e) => set(index, { to: e.target.value })}
            />
          </label>
          <label className="field">
            <span>{additive ? t('goals.ladder.amount') : t('goals.ladder.level')}</span>
            <div className="amount-field">
              {adornment && unit !== 'rate' && <span className="adorn">{adornment}</span>}
              <input
                type="text"
                inputMode="decimal"
                value={m.amount}
                onChange={(e) => set(index, { amount: e.target.value })}
              />
              {unit === 'rate' && <span className="adorn">%</span>}
            </div>
          </label>
          <button
            type="button"
            className="btn-link"
            onClick={() => onChange(draft.milestones.filter((_, i) => i !== index))}
          >
            {t('goals.remove')}
          </button>
        </div>
      ))}
      <div className="milestones-foot">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => onChange([...draft.milestones, { to: draft.to, amount: '' }])}
          data-action="add-milestone"
        >
          {t('goals.editor.addMilestone')}
        </button>
        {additive && (
          <span className={balanced ? 'ok-text' : 'warn-text'} data-milestone-sum={sum ?? ''}>
            {t('goals.editor.milestoneSum', {
              sum: formatValue(sum, unit, locale, currency, false),
              target: formatValue(targetValue, unit, locale, currency, false),
            })}
          </span>
        )}
      </div>
    </div>
  );
}
