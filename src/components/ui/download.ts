import { csvBlob, toCsv, type CsvColumn } from '../../lib/csv';

/** Saves a blob under a file name through a temporary link (the browser's own download). */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadCsv<R extends object>(
  fileName: string,
  rows: readonly R[],
  columns: readonly CsvColumn[],
): void {
  downloadBlob(fileName.endsWith('.csv') ? fileName : `${fileName}.csv`, csvBlob(toCsv(rows, columns)));
}

/** `yardstick-sales-by-channel-2026-10-01_2026-10-31`: what, and over which dates. */
export function exportName(what: string, period: { from: string; to: string } | null): string {
  return period ? `yardstick-${what}-${period.from}_${period.to}` : `yardstick-${what}`;
}
