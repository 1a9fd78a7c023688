import { sliceFrom, streamOf } from './byte-source';
import { RecordScanner } from './csv-scan';
import type { PreparedFile } from './prepare';

/**
 * The 1-based line each of the given records (0-based index in the data) starts on, found by
 * scanning the text only as far as the last one: quoted newlines, blank lines and comment
 * lines make the line differ from the row number, and only rejected rows need it.
 */
export async function recordLines(prepared: PreparedFile, records: readonly number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (records.length === 0) return out;
  const wanted = new Set(records);
  const last = Math.max(...records);
  const scanner = new RecordScanner(prepared.layout.dataLine, (index, line) => {
    if (wanted.has(index)) out.set(index, line);
    return index < last;
  });
  const reader = streamOf(sliceFrom(prepared.data, prepared.layout.dataStart)).getReader();
  while (!scanner.done) {
    const { done, value } = await reader.read();
    if (done) break;
    scanner.feed(value);
  }
  await reader.cancel();
  return out;
}
