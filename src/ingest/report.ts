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

/** Re-joins the fields of a rejected row the way a CSV writer would, for showing it. */
export function joinFields(fields: readonly (string | null)[], delimiter: string): string {
  return fields
    .map((f) => {
      if (f === null) return '';
      return f.includes(delimiter) || /["\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f;
    })
    .join(delimiter);
}
