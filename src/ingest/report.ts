import { toCsv, type CsvColumn } from '../lib/csv';
import type { LoadReport } from './types';

/** How many rejected rows a report keeps for viewing; all are counted. */
export const REJECTED_ROWS_KEPT = 1000;

const REJECTED_COLUMNS: readonly CsvColumn[] = [
  { key: 'file', label: 'file' },
  { key: 'line', label: 'line' },
  { key: 'reason', label: 'reason' },
  { key: 'row', label: 'row' },
];

/**
 * The rejected rows of a load as CSV for download (issue 3 "Load report"): file, line,
 * reason and the row as read. Only the kept rows (see REJECTED_ROWS_KEPT) are listed.
 * Written by the same writer as every panel export, so a row that starts with `=`, `+`,
 * `-` or `@` opens as text in a spreadsheet, never as a formula (issue 19, item 12).
 */
export function rejectedRowsCsv(report: LoadReport): string {
  const rows = report.rejected.map((r) => ({ file: report.file, line: r.line, reason: r.reason, row: r.raw }));
  return toCsv(rows, REJECTED_COLUMNS);
}

const ENCODING_NAME: Record<string, string> = {
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16 (big-endian)',
  gb18030: 'GB18030 (GBK)',
  'windows-1252': 'Windows-1252',
};

/**
 * Every reading decision and warning of a load, for the CLI's stderr and `data_quality`
 * (issue 19, item 3): the encoding when it is not UTF-8, then the load's warnings (the date
 * order and decimal style decided from the data, re-reads, ambiguities).
 */
export function readingNotes(report: LoadReport): string[] {
  const encoding = report.encoding === undefined ? undefined : ENCODING_NAME[report.encoding];
  return [...(encoding ? [`Read as ${encoding} text (not UTF-8).`] : []), ...(report.warnings ?? [])];
}

/** Re-joins the fields of a rejected row the way a CSV writer would, for showing it. */
export function joinFields(fields: readonly (string | null)[], delimiter: string): string {
  return fields
    .map((f) => {
      if (f === null) return '';
      return f.includes(delimiter) || /["\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f;
    })
    .join(delimiter);
}
