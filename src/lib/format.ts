/**
 * Number formatting for people: Intl for both locales, and for zh-CN the 万 / 亿 units
 * Chinese readers expect. A null value is unknown and always shows as "—", never 0.
 */
export type Locale = 'en' | 'zh-CN';
export type Unit = 'money' | 'count' | 'rate' | 'number';

export const MISSING = '—';

const formatters = new Map<string, Intl.NumberFormat>();

/** Intl.NumberFormat is costly to build and a page formats thousands of cells per redraw: one per options. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

const CURRENCY_SYMBOLS_ZH: Record<string, string> = { CNY: '¥', USD: 'US$', EUR: '€', GBP: '£', JPY: '日元 ', HKD: 'HK$' };

function zhUnits(value: number, digits: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e8) return `${trim(value / 1e8, digits)}亿`;
  if (abs >= 1e4) return `${trim(value / 1e4, digits)}万`;
  return trim(value, abs < 100 ? 2 : 0);
}

function trim(value: number, digits: number): string {
  return numberFormat('zh-CN', { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

/** Compact money for tiles: "CN¥2.16M" / "¥216.44万". */
export function formatMoney(value: number | null, currency: string | null, locale: Locale, compact = true): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  const code = currency ?? 'USD';
  if (locale === 'zh-CN') {
    const symbol = CURRENCY_SYMBOLS_ZH[code] ?? `${code} `;
    const sign = value < 0 ? '-' : '';
    const body = compact ? zhUnits(Math.abs(value), 2) : trim(Math.abs(value), 2);
    return `${sign}${symbol}${body}`;
  }
  const abs = Math.abs(value);
  return numberFormat('en', {
    style: 'currency',
    currency: code,
    notation: compact && abs >= 10_000 ? 'compact' : 'standard',
    maximumFractionDigits: compact && abs >= 10_000 ? 2 : 2,
    minimumFractionDigits: compact && abs >= 10_000 ? 0 : 2,
  }).format(value);
}

export function formatCount(value: number | null, locale: Locale, compact = true): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  if (locale === 'zh-CN') return compact ? zhUnits(value, 2) : trim(value, 0);
  return numberFormat('en', {
    notation: compact && Math.abs(value) >= 100_000 ? 'compact' : 'standard',
    maximumFractionDigits: compact && Math.abs(value) >= 100_000 ? 1 : 0,
  }).format(value);
}

/** Rates are fractions internally: 0.0312 → "3.12%". */
export function formatRate(value: number | null, locale: Locale, digits = 2): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  return numberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

export function formatValue(value: number | null, unit: Unit, locale: Locale, currency: string | null, compact = true): string {
  switch (unit) {
    case 'money':
      return formatMoney(value, currency, locale, compact);
    case 'count':
      return formatCount(value, locale, compact);
    case 'rate':
      return formatRate(value, locale);
    case 'number':
      return value === null || !Number.isFinite(value)
        ? MISSING
        : numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  }
}

/** Relative change as a signed percentage, "+4.2%"; null when the base is missing or zero. */
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}

export function formatDelta(change: number | null, locale: Locale): string {
  if (change === null || !Number.isFinite(change)) return MISSING;
  const s = formatRate(Math.abs(change), locale, 1);
  if (Math.abs(change) < 0.0005) return s; // rounds to 0.0 %: no sign to read into it
  return `${change > 0 ? '+' : '−'}${s}`;
}
