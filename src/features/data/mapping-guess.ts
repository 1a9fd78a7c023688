import { FIELDS } from '../../ingest/fields';
import type { ColumnMapping } from '../../ingest/types';
import type { TableName } from '../../model/tables';

/** Columns whose header names a canonical field, as a first guess the user corrects. */
export function guessMapping(table: TableName, header: readonly string[]): ColumnMapping {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const columns: Record<string, string> = {};
  for (const f of FIELDS[table]) {
    const hit = header.find((h) => norm(h) === norm(f.name));
    if (hit) columns[f.name] = hit;
  }
  return { table, columns };
}
