import type { Locale, Unit } from '../../lib/format';
import { describeAmount, unitAdornment } from './units';

interface Props {
  label: string;
  value: string;
  unit: Unit;
  locale: Locale;
  currency: string | null;
  onChange: (text: string) => void;
  name: string;
  placeholder?: string;
  hint?: string;
}

/** An amount typed as people think of it: a currency symbol or % beside the field, and what it reads as below. */
export function AmountField({ label, value, unit, locale, currency, onChange, name, placeholder, hint }: Props) {
  const adornment = unitAdornment(unit, currency, locale);
  const reads = describeAmount(value, unit, locale, currency);
  return (
    <label className="field">
      <span>{label}</span>
      <div className="amount-field">
        {adornment && unit !== 'rate' && <span className="adorn">{adornment}</span>}
        <input
          type="text"
          inputMode="decimal"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          data-field={name}
          placeholder={placeholder}
          autoComplete="off"
        />
        {unit === 'rate' && <span className="adorn">%</span>}
      </div>
      <small className="field-hint">{reads || hint || '\u00a0'}</small>
    </label>
  );
}
