import { readRange, sizeOf, type ByteSource } from './byte-source';
import { findHeader, type HeadLayout } from './csv-scan';
import {
  gunzip,
  GunzipLimitError,
  guessEncoding,
  transcodeToUtf8,
  type GunzipLimit,
  type TextEncodingName,
} from './decode';
import { walkRecords } from './records';
import { readStructured, type StructuredFormat } from './readers/structured';
import { sniffContainer, sniffJson, type ContainerKind } from './sniff';
import { ImportError, type ImportProgress, type InputFile } from './types';

export type FileFormat = 'csv' | StructuredFormat;

/** A file turned into UTF-8 delimited text with its header found: what `loadRaw` reads. */
export interface PreparedFile {
  name: string;
  data: ByteSource;
  layout: HeadLayout;
  /** Where the data section ends (GA4 writes more sections after the first); null = end of file. */
  dataEnd: number | null;
  /** The text was written by us from another format and its first column holds line numbers. */
  lineColumn: boolean;
  format: FileFormat;
  encoding: TextEncodingName;
  compressed: boolean;
  totalBytes: number;
  /** What the reader decided that the user should hear about (shown with the load report). */
  notes?: string[];
}

/** The file types a file picker offers: every container the reader takes (see EXPECTED). */
export const ACCEPTED_FILE_TYPES = '.csv,.tsv,.txt,.gz,.parquet,.json,.ndjson,.jsonl,.xlsx';

const EXPECTED = 'a CSV, TSV, gzip-compressed CSV, Parquet, JSON, NDJSON or Excel (.xlsx) file with a header row';
const HEAD_BYTES = 256 * 1024;
const MAX_HEADER_BYTES = 16 * 1024 * 1024;

type Progress = (p: ImportProgress) => void;

export interface PrepareOptions {
  signal?: AbortSignal | undefined;
  /** Read the text in this encoding instead of guessing it. */
  encoding?: TextEncodingName | undefined;
  /** How far a gzip file may expand; DEFAULT_GUNZIP_LIMIT when absent. */
  gunzipLimit?: GunzipLimit | undefined;
}

async function findLayout(name: string, data: ByteSource): Promise<HeadLayout> {
  const size = sizeOf(data);
  for (let n = HEAD_BYTES; ; n *= 4) {
    const head = await readRange(data, 0, n);
    const whole = n >= size;
    const layout = findHeader(head, whole);
    if (layout?.unclosedQuote)
      throw new ImportError(
        name,
        `the header (line ${layout.headerLine}) opens a quote that never closes, so its column names and the rows below cannot be told apart; close or remove that quote (expected ${EXPECTED}).`,
      );
    if (layout) return layout;
    if (whole) throw new ImportError(name, `the file is empty (only blank or comment lines); expected ${EXPECTED}.`);
    if (n >= MAX_HEADER_BYTES)
      throw new ImportError(
        name,
        `no header row found in the first ${MAX_HEADER_BYTES / 1024 / 1024} MB; expected ${EXPECTED}.`,
      );
  }
}

/** After `#` comment lines (GA4), the table ends at the first blank or comment line. */
async function findSectionEnd(data: ByteSource, layout: HeadLayout): Promise<number | null> {
  if (layout.commentLines === 0) return null;
  const text = {
    data,
    start: layout.dataStart,
    line: layout.dataLine,
    end: null,
    delimiter: layout.delimiter,
    columns: layout.header.length,
  };
  return (await walkRecords(text, () => true, true)).sectionEnd;
}

function hasData(layout: HeadLayout, size: number, dataEnd: number | null): boolean {
  return (dataEnd ?? size) > layout.dataStart;
}

/**
 * Reads whatever the user dropped into UTF-8 delimited text (DATA.md "Values", "Bad input"):
 * gunzips, re-encodes GBK/GB18030 and UTF-16, turns JSON, NDJSON, Parquet and xlsx into CSV
 * through JS readers (the offline wasm bundle has no extensions, ENGINE-NOTES §7), and refuses
 * images, archives and empty files with a message naming the file and what was expected.
 */
export async function prepareFile(
  file: InputFile,
  onProgress: Progress,
  options: PrepareOptions = {},
  compressed = false,
): Promise<PreparedFile> {
  const { signal, encoding: encodingOverride, gunzipLimit } = options;
  const totalBytes = sizeOf(file.data);
  const progress = (phase: ImportProgress['phase'], bytes: number): void => onProgress({ phase, bytes, totalBytes });
  const head = await readRange(file.data, 0, 64 * 1024);
  const container = sniffContainer(head, file.name);
  if (!compressed && GZIP_NAME.test(file.name) && isMisnamedGzipKind(container))
    return prepareMisnamedGzip(file, head, container, progress, totalBytes, signal, encodingOverride);
  switch (container) {
    case 'empty':
      throw new ImportError(file.name, `the file is empty; expected ${EXPECTED}.`);
    case 'zip':
      throw new ImportError(
        file.name,
        `this is a zip archive, not a data file; unzip it and load the file inside (expected ${EXPECTED}).`,
      );
    case 'image':
      throw new ImportError(file.name, `this is an image, not a data file; expected ${EXPECTED}.`);
    case 'pdf':
      throw new ImportError(file.name, `this is a PDF, not a data file; expected ${EXPECTED}.`);
    case 'binary':
      throw new ImportError(file.name, `this is a binary file, not text; expected ${EXPECTED}.`);
    case 'gzip': {
      const inflated = await gunzip(file, (b) => progress('decode', b), signal, gunzipLimit).catch((e: unknown) => {
        if (signal?.aborted || e instanceof GunzipLimitError) throw e;
        throw new ImportError(file.name, `the gzip data is damaged or truncated; expected ${EXPECTED}.`);
      });
      const inner = await prepareFile({ name: file.name, data: inflated }, () => {}, options, true);
      return { ...inner, compressed: true, totalBytes };
    }
    case 'xlsx':
    case 'parquet': {
      const text = await readStructured(file.name, file.data, container);
      return finishText(file.name, text, container, 'utf-8', true, compressed, totalBytes);
    }
    case 'utf16le':
    case 'utf16be':
    case 'text':
      return prepareText(
        file,
        encodingOverride ?? guessEncoding(head, container),
        progress,
        compressed,
        totalBytes,
        signal,
      );
  }
}

async function prepareText(
  file: InputFile,
  encoding: TextEncodingName,
  progress: (phase: ImportProgress['phase'], bytes: number) => void,
  compressed: boolean,
  totalBytes: number,
  signal?: AbortSignal,
): Promise<PreparedFile> {
  const utf8 =
    encoding === 'utf-8' ? file.data : await transcodeToUtf8(file.data, encoding, (b) => progress('decode', b), signal);
  const start = new TextDecoder().decode(await readRange(utf8, 0, 4096));
  const json = sniffJson(start);
  if (json) {
    const text = await readStructured(file.name, utf8, json);
    return finishText(file.name, text, json, encoding, true, compressed, totalBytes);
  }
  if (start.trim() === '' && sizeOf(utf8) <= 4096)
    throw new ImportError(file.name, `the file is empty; expected ${EXPECTED}.`);
  return finishText(file.name, utf8, 'csv', encoding, false, compressed, totalBytes);
}

const GZIP_NAME = /\.(gz|gzip)$/i;
/** What a `.gz` file that is not gzip may hold instead; images, archives and empty files keep their own message. */
type MisnamedGzipKind = Extract<ContainerKind, 'text' | 'binary' | 'utf16le' | 'utf16be'>;
const isMisnamedGzipKind = (kind: ContainerKind): kind is MisnamedGzipKind =>
  kind === 'text' || kind === 'binary' || kind === 'utf16le' || kind === 'utf16be';

/**
 * A file named `.gz` that does not start with the gzip signature (issue 19, item 12): when
 * it is readable text (UTF-8, or UTF-16 with its marks) it is read as plain text and a note
 * says so; anything else is refused as "not gzip data" rather than read as legacy-encoded
 * text, whose garbage would only lead to a misleading message about its header or rows.
 */
async function prepareMisnamedGzip(
  file: InputFile,
  head: Uint8Array,
  container: MisnamedGzipKind,
  progress: (phase: ImportProgress['phase'], bytes: number) => void,
  totalBytes: number,
  signal?: AbortSignal,
  encodingOverride?: TextEncodingName,
): Promise<PreparedFile> {
  const notGzip = 'the name ends in .gz but the file is not gzip data (gzip starts with the bytes 1f 8b)';
  const encoding = container === 'binary' ? null : (encodingOverride ?? guessEncoding(head, container));
  if (encoding === null || (container === 'text' && encoding !== 'utf-8'))
    throw new ImportError(file.name, `${notGzip} nor plain text; expected ${EXPECTED}.`);
  let prepared: PreparedFile;
  try {
    prepared = await prepareText(file, encoding, progress, false, totalBytes, signal);
  } catch (e) {
    if (signal?.aborted || !(e instanceof ImportError)) throw e;
    const reason = e.message.slice(`${file.name}: `.length);
    throw new ImportError(file.name, `${notGzip}; read as plain text, ${reason}`);
  }
  const note = `The name ends in .gz but the file is not gzip-compressed; it was read as plain text.`;
  return { ...prepared, notes: [...(prepared.notes ?? []), note] };
}

async function finishText(
  name: string,
  data: ByteSource,
  format: FileFormat,
  encoding: TextEncodingName,
  lineColumn: boolean,
  compressed: boolean,
  totalBytes: number,
): Promise<PreparedFile> {
  const layout = await findLayout(name, data);
  if (lineColumn) layout.header = layout.header.slice(1);
  const dataEnd = await findSectionEnd(data, layout);
  if (!hasData(layout, sizeOf(data), dataEnd) || layout.header.every((h) => h === ''))
    throw new ImportError(name, `the file has a header but no rows; expected ${EXPECTED}.`);
  return { name, data, layout, dataEnd, lineColumn, format, encoding, compressed, totalBytes };
}
