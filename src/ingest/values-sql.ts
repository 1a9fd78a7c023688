import { literal } from '../engine/sql';
import type { DateOrder, DecimalStyle } from './types';

/**
 * SQL builders that read text values the way exports write them (DATA.md "Values").
 * Each takes a SQL expression of cleaned text (see `cleanTextSql`) and returns a typed
 * expression that is NULL when the text cannot be read, so a caller can tell "absent"
 * (text NULL) from "unreadable" (text present, value NULL).
 */

const SPACES = `[\\s\u00a0\u3000]`;

/**
 * `x IN (values…)` as a function call: DuckDB turns a long IN list into a join, which runs on
 * every row even inside a CASE branch that few rows reach (issue 17: 31 joins in one import).
 */
export function oneOfSql(x: string, values: readonly string[]): string {
  return `list_contains([${values.map(literal).join(', ')}], ${x})`;
}

/**
 * Trims (spaces, tabs, line ends, no-break and ideographic spaces), turns '' into NULL and
 * unwraps Excel's `="2875012345678901"` guard that Chinese seller exports put around long
 * numbers. Most values need none of it, and a prefix/suffix test is far cheaper than a trim,
 * so only the rare value that needs it takes the slow path (1M-row files stay fast).
 */
export function cleanTextSql(x: string): string {
  const trimmed = `regexp_replace(${x}, '^${SPACES}+|${SPACES}+$', '', 'g')`;
  const slow = `CASE WHEN starts_with(${trimmed}, '="') AND ends_with(${trimmed}, '"') AND length(${trimmed}) >= 3
      THEN regexp_replace(substr(${trimmed}, 3, length(${trimmed}) - 3), '^${SPACES}+|${SPACES}+$', '', 'g')
      ELSE ${trimmed} END`;
  const needsWork = `list_contains([32, 9, 10, 13, 160, 12288, 61], ascii(${x})) OR ${[' ', '\t', '\r', '\n', '\u00a0', '\u3000'].map((c) => `suffix(${x}, '${c}')`).join(' OR ')}`;
  return `CASE WHEN ${x} = '' THEN NULL WHEN ${needsWork} THEN nullif(${slow}, '') ELSE ${x} END`;
}

// Currency codes and symbols, spaces used as thousands separators, and the Swiss apostrophe.
const MONEY_NOISE = `'^[A-Z]{3}\\s*|\\s*[A-Z]{3}$|[$€£¥￥元₹₩₽\\s''\u00a0\u202f]'`;

/**
 * The digits of a number as each style writes them: a decimal point after digits grouped by
 * commas (1,234,567.50, or lakhs: 1,23,456.00), or a decimal comma after digits grouped by
 * dots (1.234.567,50). A value that only fits the other style, such as `1.234,50` in a
 * decimal-point file, is not read at all (issue 19, item 2): dropping its separators would
 * turn it into 1.2345.
 */
const DIGITS: Record<DecimalStyle, string> = {
  dot: `(\\d+|\\d{1,3}(,\\d{2,3})*,\\d{3})(\\.\\d*)?|\\.\\d+`,
  comma: `(\\d+|\\d{1,3}(\\.\\d{3})+)(,\\d*)?|,\\d+`,
};

const stripNoise = (s: string): string => `regexp_replace(${s}, ${MONEY_NOISE}, '', 'g')`;

/** Whether text is a number written in `style`: signs, brackets and currency allowed. */
export function fitsDecimalStyleSql(s: string, style: DecimalStyle): string {
  return `regexp_full_match(${stripNoise(s)}, '\\(?[-+]?(${DIGITS[style]})\\)?-?')`;
}

function numericText(s: string, style: DecimalStyle): { ok: string; negative: string; text: string } {
  const stripped = stripNoise(s);
  const ok = fitsDecimalStyleSql(s, style);
  const negative = `(starts_with(${stripped}, '(') OR starts_with(${stripped}, '-') OR ends_with(${stripped}, '-'))`;
  const digits = `regexp_replace(${stripped}, '[^\\d.,]', '', 'g')`;
  const text = style === 'comma' ? `replace(replace(${digits}, '.', ''), ',', '.')` : `replace(${digits}, ',', '')`;
  return { ok, negative, text };
}

function parseNumeric(s: string, style: DecimalStyle, type: string): string {
  const n = numericText(s, style);
  const slow = `CASE WHEN ${n.ok} THEN (CASE WHEN ${n.negative} THEN -1 ELSE 1 END) * try_cast(${n.text} AS ${type}) END`;
  // Plain numbers (the common case in big canonical files) skip the regular expressions.
  const fast = style === 'dot' ? `try_cast(${s} AS ${type})` : 'NULL';
  return `CASE WHEN ${s} IS NULL THEN NULL ELSE coalesce(${fast}, ${slow}) END`;
}

/** Money such as `1234.5`, `1,234.50`, `$1,234.50`, `¥1,234.50`, `1.234,50 €`, `(12.00)`. */
export function moneySql(s: string, style: DecimalStyle): string {
  return parseNumeric(s, style, 'DECIMAL(18,4)');
}

/** Counts such as sessions or quantity, with the same separators as money. */
export function numberSql(s: string, style: DecimalStyle): string {
  return parseNumeric(s, style, 'DOUBLE');
}

const TIME_WITH_ZONE = `'(\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)\\s*(Z|UTC|GMT|[+-]\\d{2}(:?\\d{2})?)$'`;
// ISO without an offset: the common case, cast directly without rewriting.
const ISO_PLAIN = `'\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?'`;
const DAY_MONTH_FIRST = `'^(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})'`;

/**
 * Timestamps: ISO with or without time and offset (the wall clock as written is kept, the
 * offset dropped), `2025/10/07 09:50`, `2025年10月7日`, `20251007`, Excel serial numbers and
 * day-month-year in the given order.
 */
export function timestampSql(s: string, order: DateOrder): string {
  const noZone = `regexp_replace(${s}, ${TIME_WITH_ZONE}, '\\1')`;
  const cjk = `replace(replace(replace(${noZone}, '年', '-'), '月', '-'), '日', '')`;
  const yearFirst = `regexp_replace(${cjk}, '^(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})', '\\1-\\2-\\3')`;
  const dayOrMonthFirst = `regexp_replace(${yearFirst}, ${DAY_MONTH_FIRST}, '${order === 'dmy' ? '\\3-\\2-\\1' : '\\3-\\1-\\2'}')`;
  const excel = `TIMESTAMP '1899-12-30' + to_microseconds(CAST(round(CAST(${s} AS DOUBLE) * 86400000000) AS BIGINT))`;
  return `CASE
    WHEN ${s} IS NULL THEN NULL
    WHEN regexp_full_match(${s}, ${ISO_PLAIN}) THEN try_cast(${s} AS TIMESTAMP)
    WHEN regexp_full_match(${s}, '\\d{8}') THEN try_strptime(${s}, '%Y%m%d')
    WHEN regexp_full_match(${s}, '\\d{5}(\\.\\d+)?') THEN ${excel}
    ELSE try_cast(${dayOrMonthFirst} AS TIMESTAMP)
  END`;
}

/** A calendar date read like a timestamp, keeping only the date. */
export function dateSql(s: string, order: DateOrder): string {
  return `CAST(${timestampSql(s, order)} AS DATE)`;
}

/**
 * Counts rows passing a cheap test and then an expensive one. Nested CASE, not FILTER with
 * AND: DuckDB evaluates both sides of a FILTER condition on every row, a CASE only on the
 * rows that reach it.
 */
function countWhere(cheap: string, expensive: string): string {
  return `count(CASE WHEN ${cheap} THEN CASE WHEN ${expensive} THEN 1 END END)`;
}

/**
 * Evidence for the day-month order of `dd/mm/yyyy`-like values in one text expression:
 * `dmy` counts values whose first part cannot be a month, `mdy` those whose second part cannot.
 * A separator in the second or third character is tested first, so ISO dates never reach
 * the regular expressions.
 */
const maybeDayMonth = (s: string): string => {
  const head = `substr(${s}, 2, 2)`;
  return `(contains(${head}, '/') OR contains(${head}, '.') OR contains(${head}, '-'))`;
};

export function dateOrderEvidenceSql(s: string): { dmy: string; mdy: string; slashed: string } {
  const maybe = maybeDayMonth(s);
  return {
    dmy: countWhere(maybe, `regexp_matches(${s}, '^(1[3-9]|2\\d|3[01])[/.\\-]\\d{1,2}[/.\\-]\\d{4}')`),
    mdy: countWhere(maybe, `regexp_matches(${s}, '^\\d{1,2}[/.\\-](1[3-9]|2\\d|3[01])[/.\\-]\\d{4}')`),
    slashed: countWhere(maybe, `regexp_matches(${s}, ${DAY_MONTH_FIRST})`),
  };
}

// What makes an amount evidence of a decimal comma (or of either style), shared by the counts and the per-value test.
const GROUPED_BY_DOTS = `'\\D*\\d{1,3}(\\.\\d{3})+\\D*'`;
const COMMA_DECIMAL = `',\\d{1,2}\\D*$|,\\d{4,}\\D*$|\\.\\d{3},|\\.\\d*\\.'`;
const AMBIGUOUS_COMMA = `'\\D*\\d{1,3},\\d{3}\\D*'`;

/**
 * Evidence that amounts use a decimal comma: a final `,dd` (or dots grouping thousands before
 * a comma). `ambiguous` counts values like `1,234`, which read differently in each style.
 * Counts (sessions, quantity) are whole numbers: a separator in them groups thousands.
 * Only values holding a comma reach the regular expressions (tested on the text itself, so
 * nothing is computed for the other rows).
 */
export function commaEvidenceSql(s: string, whole: boolean): { comma: string; ambiguous: string } {
  if (whole)
    return {
      comma: countWhere(`contains(${s}, '.')`, `regexp_full_match(${s}, ${GROUPED_BY_DOTS})`),
      ambiguous: '0',
    };
  return {
    comma: countWhere(
      `contains(${s}, ',')`,
      `regexp_matches(${s}, ${COMMA_DECIMAL})`,
    ),
    ambiguous: countWhere(`contains(${s}, ',')`, `regexp_full_match(${s}, ${AMBIGUOUS_COMMA})`),
  };
}

/**
 * Per value, whether it adds to the counts that decide the date order (`slashed` of
 * dateOrderEvidenceSql) or the decimal style (`comma`/`ambiguous` of commaEvidenceSql): true,
 * or NULL when it does not. Without any such value the defaults hold with no warning, so a
 * single pass can parse with them and check afterwards (issue 17).
 */
export function decidingDateSql(s: string): string {
  return `CASE WHEN ${maybeDayMonth(s)} THEN regexp_matches(${s}, ${DAY_MONTH_FIRST}) END`;
}

export function decidingAmountSql(s: string, whole: boolean): string {
  if (whole) return `CASE WHEN contains(${s}, '.') THEN regexp_full_match(${s}, ${GROUPED_BY_DOTS}) END`;
  return `CASE WHEN contains(${s}, ',') THEN regexp_matches(${s}, ${COMMA_DECIMAL})
    OR regexp_full_match(${s}, ${AMBIGUOUS_COMMA}) END`;
}

/** Evidence that amounts use a decimal point: a final `.dd`, or commas grouping thousands before a point. */
export function dotEvidenceSql(s: string, whole: boolean): string {
  if (whole) return countWhere(`contains(${s}, ',')`, `regexp_full_match(${s}, '\\D*\\d{1,3}(,\\d{3})+\\D*')`);
  return countWhere(
    `contains(${s}, '.')`,
    `regexp_matches(${s}, '\\.\\d{1,2}\\D*$|\\.\\d{4,}\\D*$|,\\d{3}\\.|,\\d*,')`,
  );
}
