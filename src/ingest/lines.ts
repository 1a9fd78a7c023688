import { readRange, sizeOf, sliceFrom, streamOf } from './byte-source';
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

/**
 * The index of the last record when the data ends inside a quoted field: a file cut off in
 * the middle of a value. Only a file whose data does not end with a line end can be cut off
 * that way, so only then is the text scanned.
 */
export async function unterminatedLastRecord(prepared: PreparedFile): Promise<number | null> {
  const end = prepared.dataEnd ?? sizeOf(prepared.data);
  if (end <= prepared.layout.dataStart) return null;
  const [last] = await readRange(prepared.data, end - 1, end);
  if (last === 0x0a) return null;
  const scanner = new RecordScanner(prepared.layout.dataLine, () => true);
  const reader = streamOf(sliceFrom(prepared.data, prepared.layout.dataStart)).getReader();
  let read = 0;
  const length = end - prepared.layout.dataStart;
  while (read < length) {
    const { done, value } = await reader.read();
    if (done) break;
    scanner.feed(value.subarray(0, Math.min(value.length, length - read)));
    read += value.length;
  }
  await reader.cancel();
  return scanner.insideQuotes && scanner.records > 0 ? scanner.records - 1 : null;
}
