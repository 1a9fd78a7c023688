import { readingNotes } from '../ingest/report';
import type { LoadReport } from '../ingest/types';
import type { DataQuality, DataQualityEntry } from './report-types';

/**
 * Sums load reports per table into the report's `data_quality` (rejected rows once each, under
 * their first reason), with every file's reading decisions and warnings.
 */
export function dataQualityFrom(reports: readonly LoadReport[]): DataQuality {
  const out: DataQuality = {};
  for (const r of reports) {
    const entry: DataQualityEntry = (out[r.table] ??= {
      rows_read: 0,
      rows_loaded: 0,
      rows_rejected: 0,
      duplicates: 0,
      reasons: {},
      warnings: [],
    });
    entry.rows_read += r.rowsRead;
    entry.rows_loaded += r.rowsLoaded;
    entry.rows_rejected += r.rowsRejected;
    entry.duplicates += r.duplicates;
    for (const [reason, n] of Object.entries(r.reasons)) entry.reasons[reason] = (entry.reasons[reason] ?? 0) + n;
    for (const note of readingNotes(r)) entry.warnings.push(`${r.file}: ${note}`);
  }
  return out;
}
