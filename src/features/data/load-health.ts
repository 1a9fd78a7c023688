import type { LoadReport } from '../../ingest/types';

/**
 * Above this share of rejected rows a load is a warning, not a plain success: 1 % of a file is
 * already more bad rows than a clean export has, and at 10 % the numbers on every page are off.
 */
export const REJECTED_WARN_SHARE = 0.01;

/** The share of read rows that were rejected, when it is above the warning threshold; null otherwise. */
export function rejectedShareToWarn(report: Pick<LoadReport, 'rowsRead' | 'rowsRejected'>): number | null {
  if (report.rowsRead <= 0) return null;
  const share = report.rowsRejected / report.rowsRead;
  return share > REJECTED_WARN_SHARE ? share : null;
}
