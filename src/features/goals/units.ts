import { formatValue, type Locale, type Unit } from '../../lib/format';

/**
 * Amounts as planners type them (issue 5, item 1): money in currency units, rates in percent,
 * counts as counts. Internally rates stay fractions, so "12.5" in a percent field is 0.125.
 */
export type ParsedAmount = { ok: true; value: number | null } | { ok: false };

const MULTIPLIERS: Record<string, number> = { 万: 1e4, 亿: 1e8, k: 1e3, K: 1e3, m: 1e6, M: 1e6 };
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** Rounds away the binary noise of a scaling (3.1 ÷ 100 is 0.031000000000000003 in floating point). */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * Reads what was typed into an amount field: `null` for an empty field, `ok: false` for
 * anything that is not a number. Thousands separators, spaces and a leading currency symbol
 * are ignored; money and counts may end in 万, 亿, k or M; a rate may end in %.
 */
export function parseAmount(text: string, unit: Unit): ParsedAmount {
  let body = text.replace(/[\s,，_\u00a0\u202f]/g, '');
  if (body === '') return { ok: true, value: null };
  if (unit === 'rate') body = body.replace(/[%％]$/, '');
  else body = body.replace(/^(?:CN¥|US\$|HK\$|[¥￥$€£])/, '');
  let multiplier = 1;
  const last = body.slice(-1);
  if (unit !== 'rate' && MULTIPLIERS[last] !== undefined) {
    multiplier = MULTIPLIERS[last];
    body = body.slice(0, -1);
  }
  if (!NUMBER.test(body)) return { ok: false };
  const number = Number(body);
  if (!Number.isFinite(number)) return { ok: false };
  if (unit === 'rate') return { ok: true, value: clean(number / 100) };
  return { ok: true, value: multiplier === 1 ? number : clean(number * multiplier) };
}

/** A stored amount as the text of its field: 0.125 → "12.5" beside a % sign, 10000000 → "10,000,000". */
export function amountToInput(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  if (unit === 'rate') return String(clean(value * 100));
  return new Intl.NumberFormat('en', { maximumFractionDigits: unit === 'money' ? 2 : 4 }).format(value);
}

/** What a typed amount means, spelled out beside the field ("¥1,200万", "12.50%"); empty when nothing is typed. */
export function describeAmount(text: string, unit: Unit, locale: Locale, currency: string | null): string {
  const parsed = parseAmount(text, unit);
  if (!parsed.ok || parsed.value === null) return '';
  return formatValue(parsed.value, unit, locale, currency, unit !== 'rate');
}

/** The sign shown inside an amount field: the currency symbol, %, or nothing. */
export function unitAdornment(unit: Unit, currency: string | null, locale: Locale): string {
  if (unit === 'rate') return '%';
  if (unit !== 'money') return '';
  const code = currency ?? 'USD';
  const part = new Intl.NumberFormat(locale, { style: 'currency', currency: code, currencyDisplay: 'symbol' })
    .formatToParts(0)
    .find((p) => p.type === 'currency');
  return part?.value ?? code;
}
