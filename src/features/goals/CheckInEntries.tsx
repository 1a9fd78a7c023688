import { useState } from 'react';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { useTargetsStore } from '../../stores/targets-store';
import {
  parseTargetsText,
  serializeTargetsFile,
  type CheckInEntry,
  type Target,
  type TargetsFileError,
} from '../../targets';
import { formatTargetValue } from './goal-format';
import { nextEntryPeriod } from './checkin-model';
import { parseAmount } from './units';

/** The target with one more (or one less) entry, checked as the file would be; the problems otherwise. */
function withEntries(
  target: Target,
  entries: CheckInEntry[],
): { ok: true; target: Target } | { ok: false; errors: TargetsFileError[] } {
  if (!target.checkin) return { ok: false, errors: [] };
  const next: Target = { ...target, checkin: { ...target.checkin, entries } };
  const parsed = parseTargetsText(serializeTargetsFile({ version: 1, targets: [next] }));
  const read = parsed.ok ? parsed.file.targets[0] : undefined;
  return read ? { ok: true, target: read } : { ok: false, errors: parsed.ok ? [] : parsed.errors };
}

/** The values of a check-in goal (issue 5, item 6): one per span, typed by the user, tracked like any KPI. */
export function CheckInEntries({ target }: { target: Target }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const saveTarget = useTargetsStore((s) => s.saveTarget);
  const entries = target.checkin?.entries ?? [];
  const suggested = nextEntryPeriod(target);
  const [from, setFrom] = useState(suggested?.from ?? target.period.from);
  const [to, setTo] = useState(suggested?.to ?? target.period.to);
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<TargetsFileError[]>([]);
  if (!target.checkin) return null;

  const add = () => {
    const parsed = parseAmount(value, 'number');
    if (!parsed.ok || parsed.value === null) {
      setErrors([{ field: 'value', message: t('goals.checkin.needsValue') }]);
      return;
    }
    const result = withEntries(target, [...entries, { period: { from, to }, value: parsed.value }]);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors([]);
    setValue('');
    saveTarget(result.target);
    const after = nextEntryPeriod(result.target);
    if (after) {
      setFrom(after.from);
      setTo(after.to);
    }
  };
  const remove = (index: number) => {
    const result = withEntries(
      target,
      entries.filter((_, i) => i !== index),
    );
    if (result.ok) saveTarget(result.target);
  };

  return (
    <div className="checkins">
      <p className="muted">{t('goals.checkin.help', { unit: target.checkin.unit || '—' })}</p>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('period.from')}</th>
              <th scope="col">{t('period.to')}</th>
              <th scope="col" className="n">
                {t('goals.checkin.value')}
              </th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {entries.length === 0 && (
              <tr>
                <td colSpan={4} className="muted-cell">
                  {t('goals.checkin.none')}
                </td>
              </tr>
            )}
            {entries.map((entry, index) => (
              <tr key={`${entry.period.from}-${entry.period.to}`} data-entry={entry.period.from}>
                <td className="num">{entry.period.from}</td>
                <td className="num">{entry.period.to}</td>
                <td className="n">{formatTargetValue(entry.value, target, locale, null, false)}</td>
                <td>
                  <button
                    type="button"
                    className="btn-link"
                    onClick={() => remove(index)}
                    aria-label={t('goals.checkin.removeEntry', { from: entry.period.from })}
                  >
                    {t('goals.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form
        className="checkin-add"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label className="field">
          <span>{t('period.from')}</span>
          <input
            type="date"
            value={from}
            min={target.period.from}
            max={target.period.to}
            onChange={(e) => setFrom(e.target.value)}
            required
          />
        </label>
        <label className="field">
          <span>{t('period.to')}</span>
          <input
            type="date"
            value={to}
            min={target.period.from}
            max={target.period.to}
            onChange={(e) => setTo(e.target.value)}
            required
          />
        </label>
        <label className="field">
          <span>
            {t('goals.checkin.value')}
            {target.checkin.unit ? ` (${target.checkin.unit})` : ''}
          </span>
          <input
            type="text"
            inputMode="decimal"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            data-field="checkin-value"
          />
        </label>
        <button type="submit" className="btn btn-primary" data-action="add-entry">
          {t('goals.checkin.add')}
        </button>
      </form>
      {errors.length > 0 && (
        <ul className="field-errors" role="alert">
          {errors.map((e) => (
            <li key={`${e.field}:${e.message}`}>
              <code>{e.field}</code> {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
