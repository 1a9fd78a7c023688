import type { LoadReport } from './types';

/** How many rejected rows a report keeps for viewing; all are counted. */
export const REJECTED_ROWS_KEPT = 1000;

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The rejected rows of a load as CSV for download (issue 3 "Load report"): file, line,
 * reason and the row as read. Only the kept rows (see REJECTED_ROWS_KEPT) are listed.
 */
export function rejectedRowsCsv(report: LoadReport): string {
  const lines = ['file,line,reason,row'];
  for (const r of report.rejected) lines.push([report.file, r.line, r.reason, r.raw].map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
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
