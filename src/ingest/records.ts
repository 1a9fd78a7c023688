import { readRange, sizeOf, type ByteSource } from './byte-source';

/**
 * Walks the records of UTF-8 delimited text the way DuckDB's reader splits them, and finds
 * the records a stray quote would swallow (DATA.md "Bad input").
 *
 * DuckDB opens a quoted field only at the start of a field (`5" screen` is plain text), and a
 * quoted field may hold line ends. A quote that never closes therefore takes every following
 * line into one field: a thousand-row file with a stray quote on row 11 reads as 11 rows.
 * Here a record whose quoted field spans lines is accepted only when it looks like what a
 * person would write: every quote closes within MAX_QUOTED_RECORD_BYTES, each closing quote
 * is followed by a delimiter or a line end, and the record has no more fields than the
 * header. Otherwise its first line alone is the record, rejected as "unterminated quote",
 * and reading goes on at the next line.
 */

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const HASH = 0x23;
const APOSTROPHE = 0x27;

/** How far a record with an open quote may reach before the quote counts as a stray. */
export const MAX_QUOTED_RECORD_BYTES = 1024 * 1024;
export const UNTERMINATED_QUOTE = 'unterminated quote';
const WINDOW_BYTES = 8 * 1024 * 1024;

export interface CsvRecord {
  /** 0-based record index: the row number DuckDB gives it. */
  index: number;
  /** 1-based line the record starts on. */
  line: number;
  /** Byte offsets of the record in the text, its line end included. */
  start: number;
  end: number;
  /** The record opens a quote that does not close as a field should: only its first line counts. */
  unterminated: boolean;
}

export interface RecordText {
  data: ByteSource;
  /** Offset of the first data record and the line it is on. */
  start: number;
  line: number;
  /** Where the data ends (GA4 sections); the end of the text when null. */
  end: number | null;
  delimiter: string;
  /** Fields in the header: a multi-line record with more is not one record. */
  columns: number;
}

export interface WalkResult {
  records: number;
  /** With `stopAtSectionEnd`, the offset of the blank or `#` line that ended the data. */
  sectionEnd: number | null;
}

interface Parsed {
  end: number;
  lines: number;
  unterminated: boolean;
}

/** Parses one record that holds a quote, starting at `i` of `buf` (whose data ends at `dataEnd`). */
function parseQuoted(buf: Uint8Array, i: number, dataEnd: number, delimiter: number, columns: number): Parsed {
  const firstLf = buf.indexOf(LF, i);
  const firstLineEnd = firstLf < 0 || firstLf >= dataEnd ? dataEnd : firstLf + 1;
  const stray: Parsed = { end: firstLineEnd, lines: firstLf >= 0 && firstLf < dataEnd ? 1 : 0, unterminated: true };
  const limit = Math.min(dataEnd, i + MAX_QUOTED_RECORD_BYTES);
  let p = i;
  let fields = 1;
  let lines = 0;
  let spansLines = false;
  let clean = true;
  const finish = (end: number, endLines: number): Parsed =>
    spansLines && (!clean || fields > columns) ? stray : { end, lines: lines + endLines, unterminated: false };
  for (;;) {
    if (p < dataEnd && buf[p] === QUOTE) {
      p++;
      for (;;) {
        const close = buf.indexOf(QUOTE, p);
        const stop = close < 0 || close >= limit ? limit : close;
        for (let lf = buf.indexOf(LF, p); lf >= 0 && lf < stop; lf = buf.indexOf(LF, lf + 1)) {
          lines++;
          spansLines = true;
        }
        if (stop !== close) return stray;
        if (close + 1 < dataEnd && buf[close + 1] === QUOTE) {
          p = close + 2;
          continue;
        }
        p = close + 1;
        break;
      }
      if (p >= dataEnd) return finish(p, 0);
      const b = buf[p];
      if (b === delimiter) {
        fields++;
        p++;
        continue;
      }
      if (b === LF) return finish(p + 1, 1);
      if (b === CR && buf[p + 1] === LF) return finish(p + 2, 1);
      clean = false;
    }
    while (p < dataEnd && buf[p] !== delimiter && buf[p] !== LF) p++;
    if (p >= dataEnd) return finish(p, 0);
    if (buf[p] === LF) return finish(p + 1, 1);
    fields++;
    p++;
  }
}

/** How often (in records) a walk tells where it is: often enough for a bar, rare enough to cost nothing. */
const PROGRESS_RECORDS = 32 * 1024;

/**
 * Told where a walk is every PROGRESS_RECORDS records and at its end: the byte offset reached
 * in the text and the records walked. Throwing (e.g. `signal.throwIfAborted()`) stops the walk.
 */
export type WalkProgress = (offset: number, records: number) => void;

/**
 * Calls `visit` for each record in order (returning false stops). Blank lines are skipped as
 * DuckDB skips them; with `stopAtSectionEnd` a blank or `#` line ends the data instead.
 */
export async function walkRecords(
  text: RecordText,
  visit: (record: CsvRecord) => boolean,
  stopAtSectionEnd = false,
  progress?: WalkProgress,
): Promise<WalkResult> {
  const end = text.end ?? sizeOf(text.data);
  const delimiter = text.delimiter.charCodeAt(0);
  // Bytes in memory are walked in place; a Blob through windows re-read around each record.
  let buf: Uint8Array = new Uint8Array(0);
  let bufStart = 0;
  const ensure = async (pos: number): Promise<void> => {
    const bufEnd = bufStart + buf.length;
    if (pos >= bufStart && (bufEnd >= end || pos + MAX_QUOTED_RECORD_BYTES + 2 <= bufEnd)) return;
    const length = text.data instanceof Uint8Array ? end - pos : Math.max(WINDOW_BYTES, MAX_QUOTED_RECORD_BYTES * 2);
    buf = await readRange(text.data, pos, Math.min(end, pos + length));
    bufStart = pos;
  };
  let pos = text.start;
  let line = text.line;
  let index = 0;
  let nextQuote = -1;
  let quoteIn: Uint8Array | null = null;
  while (pos < end) {
    await ensure(pos);
    const i = pos - bufStart;
    const dataEnd = end - bufStart;
    const b = buf[i];
    const blank = b === LF ? 1 : b === CR && buf[i + 1] === LF ? 2 : 0;
    if (blank > 0 || (stopAtSectionEnd && b === HASH)) {
      if (stopAtSectionEnd) return { records: index, sectionEnd: pos };
      pos += blank;
      line++;
      continue;
    }
    const lf = buf.indexOf(LF, i);
    const lineEnd = lf < 0 || lf >= dataEnd ? dataEnd : lf + 1;
    // The next quote is looked up once and reused until passed: a file with one quote near its
    // end would otherwise be searched to that quote from every line.
    if (quoteIn !== buf || nextQuote < i) {
      quoteIn = buf;
      nextQuote = buf.indexOf(QUOTE, i);
      if (nextQuote < 0) nextQuote = buf.length;
    }
    const quote = nextQuote < buf.length ? nextQuote : -1;
    const parsed: Parsed =
      quote < 0 || quote >= lineEnd
        ? { end: lineEnd, lines: lineEnd === lf + 1 ? 1 : 0, unterminated: false }
        : parseQuoted(buf, i, dataEnd, delimiter, text.columns);
    const record: CsvRecord = {
      index,
      line,
      start: pos,
      end: bufStart + parsed.end,
      unterminated: parsed.unterminated,
    };
    index++;
    pos = record.end;
    line += parsed.lines;
    if (!visit(record)) break;
    if (progress && index % PROGRESS_RECORDS === 0) {
      progress(pos, index);
      // Let the page paint the progress and take a Cancel click: the walk runs on its thread.
      if (!(text.data instanceof Uint8Array)) await new Promise((r) => setTimeout(r, 0));
    }
  }
  progress?.(pos, index);
  return { records: index, sectionEnd: null };
}

export interface StrayQuotes {
  /** Records rejected as "unterminated quote", by index. */
  records: number[];
  /** Their text as written (the first REJECTED_ROWS_KEPT), to show and download. */
  texts: Map<number, string>;
}

/**
 * Finds the records with a stray quote and returns the text with each such line's quotes
 * turned into apostrophes: same length, so every offset and line stays where it was, and
 * DuckDB then reads the line as one record (rejected by `records`) and goes on after it.
 * `maxRecords` bounds the walk for previews that read the head only.
 */
export async function neutraliseStrayQuotes(
  text: RecordText,
  keepTexts: number,
  maxRecords?: number,
  progress?: WalkProgress,
): Promise<{ data: ByteSource; stray: StrayQuotes }> {
  const bad: CsvRecord[] = [];
  await walkRecords(
    text,
    (r) => {
      if (r.unterminated) bad.push(r);
      return maxRecords === undefined || r.index + 1 < maxRecords;
    },
    false,
    progress,
  );
  const stray: StrayQuotes = { records: bad.map((r) => r.index), texts: new Map() };
  if (bad.length === 0) return { data: text.data, stray };
  const decoder = new TextDecoder();
  const patched: (Uint8Array | Blob)[] = [];
  const copy: Uint8Array | null = text.data instanceof Uint8Array ? text.data.slice() : null;
  let previous = 0;
  for (const r of bad) {
    const bytes = copy ? copy.subarray(r.start, r.end) : (await readRange(text.data, r.start, r.end)).slice();
    if (stray.texts.size < keepTexts) stray.texts.set(r.index, decoder.decode(bytes).replace(/\r?\n$/, ''));
    for (let k = 0; k < bytes.length; k++) if (bytes[k] === QUOTE) bytes[k] = APOSTROPHE;
    if (!copy) {
      patched.push((text.data as Blob).slice(previous, r.start), bytes);
      previous = r.end;
    }
  }
  if (copy) return { data: copy, stray };
  patched.push((text.data as Blob).slice(previous));
  return { data: new Blob(patched as (Blob | Uint8Array<ArrayBuffer>)[]), stray };
}
