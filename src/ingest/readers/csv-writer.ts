/**
 * Writes records as the comma-separated text the importer reads, with the source line (or
 * record) number as the first column, so JSON, Parquet and xlsx go through the very same
 * normalise/validate path as CSV and rejected rows still point at the right place.
 */
export class CsvWriter {
  private readonly chunks: Uint8Array[] = [];
  private readonly encoder = new TextEncoder();
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(header: readonly string[]) {
    this.push(['line', ...header].map(quote).join(','));
  }

  row(line: number, values: readonly string[]): void {
    this.push([String(line), ...values.map(quote)].join(','));
  }

  private push(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(this.encoder.encode(`${this.pending.join('\n')}\n`));
    this.pending = [];
    this.pendingLength = 0;
  }

  finish(): Uint8Array[] {
    this.flush();
    return this.chunks;
  }
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** A JS value from a reader as the text a CSV export would hold ('' for nothing). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const date = `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const h = value.getUTCHours();
    const m = value.getUTCMinutes();
    const s = value.getUTCSeconds();
    const ms = value.getUTCMilliseconds();
    if (h === 0 && m === 0 && s === 0 && ms === 0) return date;
    return `${date} ${pad(h)}:${pad(m)}:${pad(s)}${ms ? `.${pad(ms, 3)}` : ''}`;
  }
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}
