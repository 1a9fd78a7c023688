import { joinChunks, readAll, sizeOf, type ByteSource } from '../byte-source';
import { ImportError } from '../types';
import { cellText, CsvWriter } from './csv-writer';
import { readFirstSheet } from './xlsx';

export type StructuredFormat = 'json' | 'ndjson' | 'parquet' | 'xlsx';

type Rec = Record<string, unknown>;

function columnsOf(records: readonly Rec[]): string[] {
  const seen = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}

function writeRecords(records: readonly Rec[], lines: readonly number[], like: ByteSource): ByteSource {
  const columns = columnsOf(records);
  const writer = new CsvWriter(columns);
  records.forEach((r, i) =>
    writer.row(
      lines[i] ?? i + 1,
      columns.map((c) => cellText(r[c])),
    ),
  );
  return joinChunks(writer.finish(), like);
}

function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A JSON array of objects, or an object holding one such array (`{"orders": [...]}`). */
function jsonRecords(name: string, text: string): Rec[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new ImportError(
      name,
      `the JSON cannot be read (${(e as Error).message}); expected an array of objects, one per row.`,
    );
  }
  if (isRecord(parsed)) {
    const arrays = Object.values(parsed).filter(Array.isArray);
    if (arrays.length === 1) parsed = arrays[0];
  }
  if (!Array.isArray(parsed) || !parsed.every(isRecord))
    throw new ImportError(name, 'the JSON is not an array of objects; expected one object per row.');
  return parsed;
}

function ndjsonRecords(name: string, text: string): { records: Rec[]; lines: number[] } {
  const records: Rec[] = [];
  const lines: number[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new ImportError(name, `line ${i + 1} is not valid JSON; expected one JSON object per line (NDJSON).`);
    }
    if (!isRecord(parsed))
      throw new ImportError(name, `line ${i + 1} is not a JSON object; expected one object per line (NDJSON).`);
    records.push(parsed);
    lines.push(i + 1);
  });
  return { records, lines };
}

function blobBuffer(data: ByteSource): {
  byteLength: number;
  slice(start: number, end?: number): Promise<ArrayBuffer>;
} {
  return {
    byteLength: sizeOf(data),
    async slice(start, end) {
      if (data instanceof Uint8Array) return data.slice(start, end).buffer;
      return data.slice(start, end).arrayBuffer();
    },
  };
}

/**
 * Turns a JSON, NDJSON, Parquet or xlsx file into CSV text (first column: line or record
 * number) with JS readers: the offline DuckDB-WASM bundle has no JSON, Parquet or Excel
 * extension (ENGINE-NOTES §7). Line numbers: the line for NDJSON and xlsx (the header is
 * line 1), the record number for a JSON array and Parquet.
 */
export async function readStructured(name: string, data: ByteSource, format: StructuredFormat): Promise<ByteSource> {
  switch (format) {
    case 'json': {
      const records = jsonRecords(name, new TextDecoder().decode(await readAll(data)));
      if (records.length === 0) throw new ImportError(name, 'the JSON array is empty; expected one object per row.');
      return writeRecords(
        records,
        records.map((_, i) => i + 1),
        data,
      );
    }
    case 'ndjson': {
      const { records, lines } = ndjsonRecords(name, new TextDecoder().decode(await readAll(data)));
      return writeRecords(records, lines, data);
    }
    case 'parquet': {
      // Loaded on first use: the decompressors are large and most users never drop a Parquet file.
      const [{ parquetReadObjects }, { compressors }] = await Promise.all([
        import('hyparquet'),
        import('hyparquet-compressors'),
      ]);
      let records: Rec[];
      try {
        records = await parquetReadObjects({ file: blobBuffer(data), compressors });
      } catch (e) {
        throw new ImportError(name, `the Parquet file cannot be read (${(e as Error).message}).`);
      }
      if (records.length === 0) throw new ImportError(name, 'the Parquet file has no rows.');
      return writeRecords(
        records,
        records.map((_, i) => i + 1),
        data,
      );
    }
    case 'xlsx': {
      let rows: Awaited<ReturnType<typeof readFirstSheet>>;
      try {
        rows = await readFirstSheet(data);
      } catch (e) {
        throw new ImportError(
          name,
          `the Excel workbook cannot be read (${(e as Error).message}); expected an .xlsx file with a header row.`,
        );
      }
      const first = rows.findIndex((r) => r.some((c) => c !== null && c !== ''));
      if (first < 0)
        throw new ImportError(name, 'the first sheet of the workbook is empty; expected a header row and data rows.');
      const header = (rows[first] ?? []).map((c) => cellText(c));
      const writer = new CsvWriter(header);
      for (let i = first + 1; i < rows.length; i++) {
        const row = rows[i] ?? [];
        if (row.every((c) => c === null || c === '')) continue;
        writer.row(
          i + 1,
          header.map((_, j) => cellText(row[j] ?? null)),
        );
      }
      return joinChunks(writer.finish(), data);
    }
  }
}
