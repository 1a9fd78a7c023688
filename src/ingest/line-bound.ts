import { streamOf, type ByteSource } from './byte-source';
import { ImportError } from './types';

/**
 * The longest line DuckDB's CSV reader takes (its `max_line_size`, see raw.ts). A longer one,
 * such as a single 1 GB field, fails the whole read; this names the line (issue 19, item 11).
 */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

const LF = 0x0a;

/** A file with a line (or field) past MAX_LINE_BYTES. */
export class LineTooLongError extends ImportError {
  constructor(
    file: string,
    readonly line: number,
  ) {
    super(
      file,
      `line ${line} is longer than ${MAX_LINE_BYTES / 1_048_576} MB, the most one line (or one field) may hold; expected delimited text with one record per line.`,
    );
    this.name = 'LineTooLongError';
  }
}

interface LongLine {
  /** 1-based line in the text. */
  line: number;
  /** Byte offset where that line starts. */
  start: number;
}

/** Visits the text chunk by chunk (bytes in place, a Blob as a stream), with each chunk's offset. */
async function eachChunk(data: ByteSource, visit: (chunk: Uint8Array, offset: number) => boolean): Promise<void> {
  if (data instanceof Uint8Array) {
    visit(data, 0);
    return;
  }
  const reader = streamOf(data).getReader();
  let offset = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || !visit(value, offset)) return;
      offset += value.byteLength;
    }
  } finally {
    await reader.cancel();
  }
}

/** The first line longer than `max` bytes, or null; stops reading as soon as it is found. */
export async function findLongLine(data: ByteSource, max = MAX_LINE_BYTES): Promise<LongLine | null> {
  let found: LongLine | null = null;
  let line = 1;
  let start = 0;
  await eachChunk(data, (chunk, offset) => {
    for (let lf = chunk.indexOf(LF); ; lf = chunk.indexOf(LF, lf + 1)) {
      const end = lf < 0 ? offset + chunk.byteLength : offset + lf;
      if (end - start > max) {
        found = { line, start };
        return false;
      }
      if (lf < 0) return true;
      line++;
      start = offset + lf + 1;
    }
  });
  return found;
}

/**
 * The line to name for a long line: its line in the text, or, for text we wrote from JSON,
 * Parquet or xlsx (whose first column is the source line), the number that column holds.
 */
export async function sourceLineOf(data: ByteSource, long: LongLine, lineColumn: boolean): Promise<number> {
  if (!lineColumn) return long.line;
  const head =
    data instanceof Uint8Array
      ? data.subarray(long.start, long.start + 32)
      : new Uint8Array(await data.slice(long.start, long.start + 32).arrayBuffer());
  const written = /^(\d+),/.exec(new TextDecoder().decode(head));
  return written ? Number(written[1]) : long.line;
}
