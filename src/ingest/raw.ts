import type { Engine } from '../engine/engine';
import { ident, literal } from '../engine/sql';
import { registerSource, sliceFrom, type ByteSource } from './byte-source';
import type { Delimiter } from './csv-scan';
import { findLongLine, LineTooLongError, MAX_LINE_BYTES, sourceLineOf } from './line-bound';
import { ImportError } from './types';
import { cleanTextSql } from './values-sql';

export const RAW_TABLE = '_ys_raw';
/** The raw columns a plan reads, cleaned once (see cleanTextSql), with `_row`, `_line`, `_extra`. */
export const CLEAN_TABLE = '_ys_clean';
/** Raw column that catches fields beyond the header's count: its presence rejects the row. */
export const EXTRA_COLUMN = 'c_extra';
/** Raw column holding the line number, for text we wrote ourselves from JSON, Parquet or xlsx. */
export const LINE_COLUMN = 'c_line';

export interface RawRead {
  /** UTF-8 text of the whole file. */
  data: ByteSource;
  delimiter: Delimiter;
  /** Header fields (after any line column). */
  columns: number;
  dataStart: number;
  /** Where the data ends (GA4 sections); the end of the file when null. */
  dataEnd: number | null;
  /** The first column carries line numbers (text generated from another format). */
  lineColumn: boolean;
  /** For messages: the file as the user named it and the encoding it was read in. */
  fileName: string;
  encodingLabel: string;
}

let fileCounter = 0;

/**
 * Loads the data rows of a file into `_ys_raw`, every column as VARCHAR, named by position,
 * in file order (rowid = record index). DuckDB's reader does the work: no per-row JS.
 * `strict_mode=false` + `null_padding` keep short rows (truncated lines) and the extra column
 * catches long ones, so a malformed row is rejected with a reason instead of failing the file.
 */
export async function loadRaw(engine: Engine, read: RawRead, limit?: number): Promise<void> {
  await withRegistered(engine, read, async (source) => {
    await engine.run(`DROP TABLE IF EXISTS ${ident(RAW_TABLE)}`);
    try {
      await engine.run(
        `CREATE TEMP TABLE ${ident(RAW_TABLE)} AS SELECT * FROM ${source}${limit === undefined ? '' : ` LIMIT ${limit}`}`,
      );
    } catch (e) {
      throw await readFailure(read, e);
    }
  });
}

/** The data rows of `read` registered for the job, given as a `read_csv(…)` call of every column as text. */
export async function withRegistered<T>(engine: Engine, read: RawRead, job: (source: string) => Promise<T>): Promise<T> {
  const name = `ys_import_${++fileCounter}.csv`;
  const body = sliceFrom(read.data, read.dataStart);
  const data =
    read.dataEnd === null
      ? body
      : body instanceof Uint8Array
        ? body.subarray(0, read.dataEnd - read.dataStart)
        : body.slice(0, read.dataEnd - read.dataStart);
  await registerSource(engine, name, data);
  try {
    const names = [
      ...(read.lineColumn ? [LINE_COLUMN] : []),
      ...Array.from({ length: read.columns }, (_, i) => rawColumn(i)),
      EXTRA_COLUMN,
    ];
    const columns = `{${names.map((n) => `${literal(n)}: 'VARCHAR'`).join(', ')}}`;
    const options = [
      'header = false',
      'auto_detect = false',
      'all_varchar = true',
      `columns = ${columns}`,
      `delim = ${literal(read.delimiter)}`,
      `quote = '"'`,
      `escape = '"'`,
      'null_padding = true',
      'strict_mode = false',
      'parallel = false',
      `max_line_size = ${MAX_LINE_BYTES}`,
    ].join(', ');
    return await job(`read_csv(${literal(engine.fileRef(name))}, ${options})`);
  } finally {
    await engine.dropFile(name);
  }
}

/** Why the reader failed on `read`, as the error to show: a line too long, or text that is not delimited text. */
export async function readFailure(read: RawRead, e: unknown): Promise<ImportError> {
  const long = await findLongLine(read.data);
  if (long) return new LineTooLongError(read.fileName, await sourceLineOf(read.data, long, read.lineColumn));
  const reason = (e instanceof Error ? e.message : String(e)).replace(/^Query failed: /, '').split('\n')[0] ?? '';
  return new ImportError(read.fileName, `the text cannot be read as ${read.encodingLabel} delimited text (${reason}).`);
}

/** Name of raw column `position` (columns are named by position; header names vary too much). */
export function rawColumn(position: number): string {
  return `c${position}`;
}

/** Name of the cleaned text of raw column `position` in CLEAN_TABLE. */
export function cleanColumn(position: number): string {
  return `t${position}`;
}

/**
 * A view of the raw columns the plan uses, cleaned (trim, '' → NULL, ="…" unwrapped), so the
 * plans read finished text; `_row` is the record index, `_line` the line number when the
 * text carries one. A view, not a table: most columns are read once, and a copy of a
 * million-row file costs more than cleaning a value twice.
 */
export async function cleanRaw(engine: Engine, positions: readonly number[], lineColumn: boolean): Promise<void> {
  const line = lineColumn ? `TRY_CAST(${ident(LINE_COLUMN)} AS BIGINT)` : 'NULL::BIGINT';
  const columns = positions.map((p) => `${cleanTextSql(ident(rawColumn(p)))} AS ${ident(cleanColumn(p))}`);
  await engine.run(`DROP VIEW IF EXISTS ${ident(CLEAN_TABLE)}`);
  await engine.run(`CREATE TEMP VIEW ${ident(CLEAN_TABLE)} AS
    SELECT rowid AS _row, ${line} AS _line, ${ident(EXTRA_COLUMN)} AS _extra${columns.map((c) => `, ${c}`).join('')}
    FROM ${ident(RAW_TABLE)}`);
}
