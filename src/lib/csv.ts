/**
 * CSV for spreadsheets (RFC 4180): commas, quotes and line breaks are quoted, rows end in CRLF,
 * null is an empty cell. A text cell that starts with `=`, `+`, `-`, `@` (or a tab or carriage
 * return, which some spreadsheets skip before reading a formula) gets a leading `'`, so opening
 * an export can never run a formula hidden in an order's campaign name or a customer id.
 * Numbers are written as numbers: a negative amount is data, not a formula.
 */
export interface CsvColumn {
  key: string;
  label: string;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Prefixes `'` to text a spreadsheet would read as a formula. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'bigint') return value.toString();
  return quote(neutralise(String(value)));
}

/** Rows → CSV text with a header of the columns' labels, in the columns' order. */
export function toCsv<R extends object>(rows: readonly R[], columns: readonly CsvColumn[]): string {
  const lines = [columns.map((c) => csvCell(c.label)).join(',')];
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    lines.push(columns.map((c) => csvCell(record[c.key])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The bytes of a CSV file: a UTF-8 byte-order mark first, so Excel reads Chinese text correctly. */
export function csvBlob(csv: string): Blob {
  return new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
}

/**
 * How a numeric column is written (issue 18, item 14a: exports carried floats such as
 * 381.23456789012 and 0.0312345678901): money to 2 decimal places, rates (fractions, never
 * percentages) to 6, anything else that is not whole to 6 as well; whole numbers as they are.
 * Rounding happens on export only: the app and `report --json` keep full precision.
 */
export type CsvNumberKind = 'money' | 'rate' | 'number';

export function roundForCsv(value: number, kind: CsvNumberKind): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return value;
  const rounded = Number(value.toFixed(kind === 'money' ? 2 : 6));
  return Object.is(rounded, -0) ? 0 : rounded;
}

const MONEY_TEXT = /[¥￥$€£₩₹]|\b[A-Z]{3}\b|元/;

/**
 * What a number column holds, read from how its cell shows a value: a currency sign or code
 * means money, a trailing % a rate. The cell's text is the column's own formatter, so the
 * export follows the table without a second list of units.
 */
export function csvKindOfText(text: string): CsvNumberKind {
  if (/[%％]\s*$/.test(text.trim())) return 'rate';
  if (MONEY_TEXT.test(text)) return 'money';
  return 'number';
}
