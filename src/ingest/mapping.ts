import { FIELDS } from './fields';
import type { HeaderIndex, SourcePlan } from './sources/source';
import { ImportError, type ColumnMapping } from './types';

/**
 * A stable key for a header, so the UI can remember a hand-made mapping for every later file
 * with the same columns (issue 3 "Mapping"). Names are trimmed and lower-cased; order counts.
 */
export function headerSignature(header: readonly string[]): string {
  const text = header.map((h) => h.trim().toLowerCase()).join('\u001f');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${header.length}:${hash.toString(16).padStart(8, '0')}`;
}

/** Reads a file through a hand-made mapping: each canonical field from the column the user chose. */
export function mappingPlan(file: string, mapping: ColumnMapping, h: HeaderIndex): SourcePlan {
  const fields: Partial<Record<string, string>> = {};
  for (const spec of FIELDS[mapping.table]) {
    const column = mapping.columns[spec.name];
    if (column === undefined || column === '') {
      if (spec.required)
        throw new ImportError(
          file,
          `the mapping does not say which column holds ${spec.name}, which ${mapping.table} needs.`,
        );
      continue;
    }
    if (!h.has(column))
      throw new ImportError(file, `the mapping uses the column "${column}", which this file does not have.`);
    fields[spec.name] = h.text(column);
  }
  return { source: 'custom', table: mapping.table, fields };
}
