/**
 * Byte-level CSV scanning in JS for the few things DuckDB's reader does not tell us: where
 * the header is (after `#` comment lines), which delimiter it uses, and which physical line
 * a record starts on (quoted newlines and blank lines make that differ from the row number).
 * Delimiters, quotes and newlines are ASCII, and UTF-8 never uses ASCII bytes inside a
 * multi-byte character, so scanning bytes is exact for any UTF-8 text.
 */

import { MAX_QUOTED_RECORD_BYTES } from './records';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const HASH = 0x23;
const SPACE = 0x20;
const TAB = 0x09;

export const DELIMITERS = [',', '\t', ';', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface HeadLayout {
  delimiter: Delimiter;
  /** Header names as written, trimmed. */
  header: string[];
  /** 1-based line the header starts on. */
  headerLine: number;
  /** Number of `#` comment lines before the header (GA4 exports write some). */
  commentLines: number;
  /** Byte offset of the first data record (just after the header's line end). */
  dataStart: number;
  /** 1-based line at `dataStart`. */
  dataLine: number;
  /**
   * The header opens a quote that does not close as a field should: not before the end of
   * the file or MAX_QUOTED_RECORD_BYTES, or only mid-field on a later line (a data row's
   * quote). Nothing else in the layout can be trusted then (issue 19, item 12).
   */
  unclosedQuote: boolean;
}

const utf8 = new TextDecoder('utf-8');

function isBlankLineAt(bytes: Uint8Array, i: number): boolean {
  return bytes[i] === LF || (bytes[i] === CR && bytes[i + 1] === LF);
}

function lineEnd(bytes: Uint8Array, i: number): number {
  const at = bytes.indexOf(LF, i);
  return at < 0 ? bytes.length : at + 1;
}

function firstNonSpace(bytes: Uint8Array, i: number): number | undefined {
  while (i < bytes.length && (bytes[i] === SPACE || bytes[i] === TAB)) i++;
  return bytes[i];
}

interface RecordEnd {
  end: number;
  lines: number;
  complete: boolean;
  /** The bytes ran out inside a quote. */
  inQuotes: boolean;
  /** A closing quote was followed by something other than a quote, a delimiter or a line end. */
  closedMidField: boolean;
}

const FIELD_ENDS = new Set([QUOTE, CR, LF, ...DELIMITERS.map((d) => d.charCodeAt(0))]);

/** End of the record starting at `start` (after its line end), and how many line ends it used. */
function recordEnd(bytes: Uint8Array, start: number): RecordEnd {
  let inQuotes = false;
  let lines = 0;
  let closedMidField = false;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === QUOTE) {
      inQuotes = !inQuotes;
      if (!inQuotes && i + 1 < bytes.length && !FIELD_ENDS.has(bytes[i + 1]!)) closedMidField = true;
    } else if (b === LF) {
      lines++;
      if (!inQuotes) return { end: i + 1, lines, complete: true, inQuotes, closedMidField };
    }
  }
  return { end: bytes.length, lines, complete: false, inQuotes, closedMidField };
}

function chooseDelimiter(record: Uint8Array): Delimiter {
  const counts = new Map<number, number>();
  let inQuotes = false;
  for (const b of record) {
    if (b === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes) counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const n = counts.get(d.charCodeAt(0)) ?? 0;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/** Splits one record (without its line end) into fields, undoing CSV quoting. */
export function splitRecord(record: Uint8Array, delimiter: string): string[] {
  const text = utf8.decode(record).replace(/\r?\n$/, '');
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/**
 * Finds the header in the first bytes of a UTF-8 text file: skips a BOM, blank lines and
 * `#` comment lines, picks the delimiter the header uses, and says where the data starts.
 * Returns null when the head holds no complete header record (caller reads more).
 */
export function findHeader(head: Uint8Array, wholeFile: boolean): HeadLayout | null {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  let line = 1;
  let commentLines = 0;
  // Excel writes `sep=;` as a first line to say which delimiter follows.
  let declared: Delimiter | undefined;
  const first = utf8.decode(head.subarray(i, lineEnd(head, i))).trim();
  const sep = /^sep=(.)$/i.exec(first)?.[1];
  if (sep && (DELIMITERS as readonly string[]).includes(sep)) {
    declared = sep as Delimiter;
    i = lineEnd(head, i);
    line++;
  }
  while (i < head.length) {
    if (isBlankLineAt(head, i)) {
      i = lineEnd(head, i);
      line++;
      continue;
    }
    if (firstNonSpace(head, i) === HASH) {
      i = lineEnd(head, i);
      line++;
      commentLines++;
      continue;
    }
    break;
  }
  // Report titles: a Google Ads download opens with "Campaign report" and its date range. Up to
  // three lines of one field each, right before a line of three fields or more, are not the header.
  const fields = (at: number, to: number) =>
    Math.max(...DELIMITERS.map((d) => splitRecord(head.subarray(at, to), d).filter((f) => f.trim() !== '').length));
  let probe = i;
  for (let titles = 1; titles <= 3 && probe < head.length && !isBlankLineAt(head, probe); titles++) {
    const end = lineEnd(head, probe);
    if (end >= head.length || fields(probe, end) > 1) break;
    const next = lineEnd(head, end);
    if (!isBlankLineAt(head, end) && fields(end, next) >= 3) {
      i = end;
      line += titles;
      commentLines += titles;
      break;
    }
    probe = end;
  }
  if (i >= head.length) return null;
  const rec = recordEnd(head, i);
  const openTooFar = rec.inQuotes && head.length - i >= MAX_QUOTED_RECORD_BYTES;
  if (!rec.complete && !wholeFile && !openTooFar) return null;
  const unclosedQuote = rec.inQuotes || (rec.lines > 1 && rec.closedMidField);
  const record = head.subarray(i, rec.end);
  const delimiter = declared ?? chooseDelimiter(record);
  const header = splitRecord(record, delimiter).map((h) => h.trim());
  return {
    delimiter,
    header,
    headerLine: line,
    commentLines,
    dataStart: rec.end,
    dataLine: line + rec.lines,
    unclosedQuote,
  };
}
