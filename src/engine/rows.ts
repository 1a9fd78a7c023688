import { DataType, type Table } from 'apache-arrow';
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

/** Arrow result → plain JSON-safe rows. Meant for aggregates; big results should stay in SQL. */
export function arrowToRows(table: Table): Row[] {
  const fields = table.schema.fields;
  const columns = fields.map((f, i) => ({ name: f.name, convert: converterFor(f.type), vector: table.getChildAt(i) }));
  const rows: Row[] = new Array<Row>(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Row = {};
    for (const c of columns) row[c.name] = c.convert(c.vector?.get(i));
    rows[i] = row;
  }
  return rows;
}
