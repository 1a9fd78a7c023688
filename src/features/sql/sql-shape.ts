import type { Row, Scalar } from '../../engine/engine';
import type { SeriesPoint } from '../../components/charts/SeriesChart';
import { numberFormat } from '../../lib/format';

export const HISTORY_LIMIT = 20;
export const CHART_LIMIT = 50;

/** Column names in the order the engine returned them; `known` (from DESCRIBE) when there are no rows to read them from. */
export function resultColumns(rows: readonly Row[], known: readonly string[] = []): string[] {
  const first = rows[0];
  return first ? Object.keys(first) : [...known];
}

export type ColumnKind = 'number' | 'text' | 'other';

/** A column is numeric when every non-null value is a number, text when every one is a string. */
export function columnKind(rows: readonly Row[], column: string): ColumnKind {
  let kind: ColumnKind | null = null;
  for (const r of rows) {
    const v = r[column];
    if (v === null || v === undefined) continue;
    const k: ColumnKind = typeof v === 'number' ? 'number' : typeof v === 'string' ? 'text' : 'other';
    if (kind === null) kind = k;
    else if (kind !== k) return 'other';
  }
  return kind ?? 'other';
}

export interface ConsoleChart {
  labelColumn: string;
  valueColumn: string;
  points: SeriesPoint[];
  /** More rows than the chart draws. */
  truncated: boolean;
}

/** The chart of a result: the first text column along the axis, the first numeric column as bars (first 50 rows). */
export function toConsoleChart(rows: readonly Row[], columns: readonly string[]): ConsoleChart | null {
  const labelColumn = columns.find((c) => columnKind(rows, c) === 'text');
  const valueColumn = columns.find((c) => columnKind(rows, c) === 'number');
  if (!labelColumn || !valueColumn || rows.length === 0) return null;
  const points = rows.slice(0, CHART_LIMIT).map((r) => {
    const v = r[valueColumn];
    const label = r[labelColumn];
    return {
      label: label === null || label === undefined ? 'NULL' : String(label),
      value: typeof v === 'number' ? v : null,
    };
  });
  return { labelColumn, valueColumn, points, truncated: rows.length > CHART_LIMIT };
}

/** A cell as text: numbers grouped with up to 4 decimals, NULL spelled out as SQL does. */
export function formatCell(value: Scalar | undefined, locale: string): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return numberFormat(locale, { maximumFractionDigits: 4 }).format(value);
  return String(value);
}

/** The newest query first, each text once, at most 20. */
export function pushHistory(history: readonly string[], sql: string): string[] {
  const text = sql.trim();
  if (!text) return [...history];
  return [text, ...history.filter((h) => h !== text)].slice(0, HISTORY_LIMIT);
}

/** Reads a saved history, tolerating anything that is not a list of strings. */
export function parseHistory(saved: string | null): string[] {
  if (!saved) return [];
  try {
    const value: unknown = JSON.parse(saved);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, HISTORY_LIMIT) : [];
  } catch {
    return [];
  }
}

const WRITE =
  /^(create|insert|update|delete|drop|alter|copy|attach|detach|truncate|replace|merge|import|load|install)\b/i;

/** Whether a statement would change the tables (the console refuses it; DESCRIBE is not tried). Leading comments are skipped. */
export function isWriteStatement(sql: string): boolean {
  const body = sql.replace(/^(\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/)+/, '');
  return WRITE.test(body);
}

export type ConsoleRefusal = 'read-only' | 'one-statement' | 'engine-safety';

/**
 * Whether a console error is one of the console's own rules rather than a mistake in the SQL:
 * a write refused by the read-only transaction, several statements in one run, or a statement
 * refused because it can stop the engine. Read from the words DuckDB and the engine use.
 */
export function consoleRefusal(error: unknown): ConsoleRefusal | null {
  const message = error instanceof Error ? error.message : String(error);
  if (/transaction is launched in read-only mode/i.test(message)) return 'read-only';
  if (/Cannot prepare multiple statements at once/i.test(message)) return 'one-statement';
  if (error instanceof Error && error.name === 'ReadOnlyRefusal') return 'engine-safety';
  return null;
}

/** Text inserted into an editor at the selection: the new text and where the caret goes. */
export function insertAt(text: string, start: number, end: number, insert: string): { text: string; caret: number } {
  return { text: text.slice(0, start) + insert + text.slice(end), caret: start + insert.length };
}
