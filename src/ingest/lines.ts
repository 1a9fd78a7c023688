import type { PreparedFile } from './prepare';
import { walkRecords, type RecordText } from './records';

/** The data records of a prepared file, for walkRecords. */
export function recordText(prepared: PreparedFile): RecordText {
  return {
    data: prepared.data,
    start: prepared.layout.dataStart,
    line: prepared.layout.dataLine,
    end: prepared.dataEnd,
    delimiter: prepared.layout.delimiter,
    columns: prepared.layout.header.length,
  };
}

/**
 * The 1-based line each of the given records (0-based index in the data) starts on, found by
 * walking the text only as far as the last one: quoted newlines, blank lines and comment
 * lines make the line differ from the row number, and only rejected rows need it.
 */
export async function recordLines(prepared: PreparedFile, records: readonly number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (records.length === 0) return out;
  const wanted = new Set(records);
  const last = Math.max(...records);
  await walkRecords(recordText(prepared), (r) => {
    if (wanted.has(r.index)) out.set(r.index, r.line);
    return r.index < last;
  });
  return out;
}
