import { DataType, Precision, type Data, type Table, type Utf8, type Vector } from 'apache-arrow';
import type { Row, Scalar } from './engine';

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Epoch milliseconds (UTC wall clock) → 'YYYY-MM-DD'. */
export function epochMsToDate(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Epoch milliseconds (UTC wall clock) → 'YYYY-MM-DDTHH:mm:ss' (fraction only when present). */
export function epochMsToTimestamp(ms: number): string {
  const d = new Date(ms);
  const base = `${epochMsToDate(ms)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const frac = d.getUTCMilliseconds();
  return frac ? `${base}.${pad(frac, 3)}` : base;
}

type Converter = (v: unknown) => Scalar;

function toNumber(v: unknown): Scalar {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return v;
  return Number(v);
}

function converterFor(type: DataType): Converter {
  if (DataType.isDate(type)) return (v) => (v == null ? null : epochMsToDate(Number(v)));
  if (DataType.isTimestamp(type)) return (v) => (v == null ? null : epochMsToTimestamp(Number(v)));
  if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type)) return toNumber;
  if (DataType.isBool(type)) return (v) => (v == null ? null : Boolean(v));
  return (v) => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'bigint') return Number(v);
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    return String(v);
  };
}

const ascii = new TextDecoder();

/**
 * A batch's strings from one decode of its bytes, when they are all ASCII (byte offsets are then
 * character offsets); null otherwise. Decoding cell by cell was most of the time of turning a
 * result of thousands of rows into objects.
 */
function asciiStrings(data: Data<Utf8>): ((i: number) => string | null) | null {
  const { values, valueOffsets } = data;
  const start = valueOffsets[0] ?? 0;
  const end = valueOffsets[data.length] ?? start;
  for (let b = start; b < end; b++) if (values[b]! >= 0x80) return null;
  const text = ascii.decode(values.subarray(start, end));
  return (i) => (data.getValid(i) ? text.slice(valueOffsets[i]! - start, valueOffsets[i + 1]! - start) : null);
}

/**
 * A batch's numbers straight from its values array (what Arrow's own getter reads), skipping the
 * per-cell visitor: with strings, most of the time of turning a 5,000-row result into objects.
 */
function plainNumbers(data: Data): ((i: number) => unknown) | null {
  const { type } = data;
  const plain = DataType.isInt(type) || (DataType.isFloat(type) && type.precision !== Precision.HALF);
  if (!plain) return null;
  const values = data.values as ArrayLike<number | bigint>;
  return data.nullCount === 0 ? (i) => values[i] : (i) => (data.getValid(i) ? values[i] : null);
}

function cellReader(vector: Vector | null): (i: number) => unknown {
  if (!vector) return () => undefined;
  const only = vector.data.length === 1 ? vector.data[0] : undefined;
  if (only && DataType.isUtf8(only.type)) return asciiStrings(only as Data<Utf8>) ?? ((i) => vector.get(i));
  return (only && plainNumbers(only)) ?? ((i) => vector.get(i));
}

/** Arrow result → plain JSON-safe rows. Meant for aggregates; big results should stay in SQL. */
export function arrowToRows(table: Table): Row[] {
  const fields = table.schema.fields;
  const converters = fields.map((f) => converterFor(f.type));
  const rows: Row[] = new Array<Row>(table.numRows);
  let at = 0;
  // Batch by batch: a whole-table column finds each cell's batch by binary search.
  for (const batch of table.batches) {
    const readers = fields.map((_, c) => cellReader(batch.getChildAt(c)));
    for (let i = 0; i < batch.numRows; i++) {
      const row: Row = {};
      for (let c = 0; c < fields.length; c++) row[fields[c]!.name] = converters[c]!(readers[c]!(i));
      rows[at++] = row;
    }
  }
  return rows;
}
