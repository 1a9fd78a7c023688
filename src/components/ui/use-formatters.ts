import { useMemo } from 'react';
import {
  formatCount,
  formatMoney,
  formatRate,
  formatValue,
  numberFormat,
  type Locale,
  type Unit,
} from '../../lib/format';
import { useAppStore } from '../../stores/app-store';

export interface Formatters {
  /** Compact money for bars and axes ("CN¥2.16M", "¥216.44万"). */
  money: (v: number | null) => string;
  /** Money in full for tables. */
  moneyFull: (v: number | null) => string;
  count: (v: number | null) => string;
  countFull: (v: number | null) => string;
  /** Shortest money for small cells ("¥1.2K", "¥1.23万"). */
  moneyTight: (v: number | null) => string;
  rate: (v: number | null) => string;
  /** By unit, compact. */
  value: (v: number | null, unit: Unit) => string;
}

/** Money in table cells: every row with the currency's own decimals, so the column lines up. */
function fullMoney(v: number | null, currency: string | null, locale: Locale): string {
  if (v === null || !Number.isFinite(v) || locale !== 'zh-CN') return formatMoney(v, currency, locale, false);
  return numberFormat('zh-CN', { style: 'currency', currency: currency ?? 'USD' }).format(v);
}

function tightMoney(v: number | null, currency: string | null, locale: Locale): string {
  if (v === null || !Number.isFinite(v) || locale === 'zh-CN') return formatMoney(v, currency, locale);
  return numberFormat('en', {
    style: 'currency',
    currency: currency ?? 'USD',
    currencyDisplay: 'narrowSymbol',
    notation: 'compact',
    maximumFractionDigits: Math.abs(v) >= 1000 ? 1 : 0,
  }).format(v);
}

/** Number formatters for the current language and currency; every one shows null as "—". */
export function useFormatters(currency: string | null): Formatters {
  const locale = useAppStore((s) => s.locale);
  return useMemo(
    () => ({
      money: (v) => formatMoney(v, currency, locale),
      moneyFull: (v) => fullMoney(v, currency, locale),
      count: (v) => formatCount(v, locale),
      countFull: (v) => formatCount(v, locale, false),
      moneyTight: (v) => tightMoney(v, currency, locale),
      rate: (v) => formatRate(v, locale, 1),
      value: (v, unit) => formatValue(v, unit, locale, currency),
    }),
    [currency, locale],
  );
}
