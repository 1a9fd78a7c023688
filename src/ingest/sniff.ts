/**
 * What kind of bytes a file holds, from its first bytes (magic numbers), never from its name
 * alone: a `.csv` that is really a PNG must be refused with a clear message (DATA.md "Bad input").
 */
export type ContainerKind =
  'empty' | 'gzip' | 'xlsx' | 'zip' | 'parquet' | 'image' | 'pdf' | 'binary' | 'utf16le' | 'utf16be' | 'text';

function startsWith(head: Uint8Array, bytes: readonly number[]): boolean {
  return bytes.every((b, i) => head[i] === b);
}

function containsAscii(head: Uint8Array, text: string): boolean {
  const needle = new TextEncoder().encode(text);
  outer: for (let i = 0; i + needle.length <= head.length; i++) {
    for (let j = 0; j < needle.length; j++) if (head[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Share of zero bytes at even and odd positions: UTF-16 text without a BOM has one side near half. */
function zeroShares(head: Uint8Array): { even: number; odd: number; any: number } {
  let even = 0;
  let odd = 0;
  const n = Math.min(head.length, 4096);
  for (let i = 0; i < n; i++) {
    if (head[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const half = Math.max(1, n / 2);
  return { even: even / half, odd: odd / half, any: (even + odd) / Math.max(1, n) };
}

export function sniffContainer(head: Uint8Array, fileName: string): ContainerKind {
  if (head.length === 0) return 'empty';
  if (startsWith(head, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    const looksXlsx = containsAscii(head, 'xl/') || containsAscii(head, '[Content_Types].xml');
    return looksXlsx || /\.xlsx$/i.test(fileName) ? 'xlsx' : 'zip';
  }
  if (startsWith(head, [0x50, 0x41, 0x52, 0x31])) return 'parquet';
  if (
    startsWith(head, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(head, [0xff, 0xd8, 0xff]) ||
    startsWith(head, [0x47, 0x49, 0x46, 0x38]) ||
    (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && containsAscii(head.subarray(8, 12), 'WEBP'))
  )
    return 'image';
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(head, [0xff, 0xfe])) return 'utf16le';
  if (startsWith(head, [0xfe, 0xff])) return 'utf16be';
  const zeros = zeroShares(head);
  if (zeros.odd > 0.3 && zeros.even < 0.05) return 'utf16le';
  if (zeros.even > 0.3 && zeros.odd < 0.05) return 'utf16be';
  if (zeros.any > 0) return 'binary';
  return 'text';
}

/** Whether text (after any BOM and whitespace) is JSON: an array, an object, or NDJSON lines. */
export function sniffJson(text: string): 'json' | 'ndjson' | null {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (t.startsWith('[')) return 'json';
  if (!t.startsWith('{')) return null;
  const firstLineEnd = t.indexOf('\n');
  if (firstLineEnd < 0) return 'json';
  const firstLine = t.slice(0, firstLineEnd).trim();
  return firstLine.endsWith('}') ? 'ndjson' : 'json';
}
