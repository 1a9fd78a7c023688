import { ChunkSink, readRange, sizeOf, sliceFrom, streamOf, type ByteSource } from './byte-source';
import { ImportError, type GunzipLimit, type InputFile } from './types';

/** Text encodings the importer reads (DATA.md "Values"). */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'windows-1252';

/**
 * Guesses the encoding of a text file from its first bytes: a BOM decides; otherwise valid
 * UTF-8 is UTF-8, and anything else is tried as GB18030 (a superset of GBK, what Chinese
 * Excel and seller back-ends write), falling back to Windows-1252 when GB18030 cannot read it.
 */
export function guessEncoding(head: Uint8Array, container: 'utf16le' | 'utf16be' | 'text'): TextEncodingName {
  if (container !== 'text') return container === 'utf16le' ? 'utf-16le' : 'utf-16be';
  // A UTF-8 BOM is only believed when the bytes after it are UTF-8 too: Excel and some
  // back-ends put one in front of GBK text.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    // Not UTF-8: fall through to the legacy encodings.
  }
  // The head may end inside a character; leave the last bytes out of the test.
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const sample = head.subarray(bom, Math.max(bom, head.length - 4));
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(sample);
    return 'gb18030';
  } catch {
    return 'windows-1252';
  }
}

/**
 * Re-encodes a file as UTF-8 chunk by chunk, so a large GBK or UTF-16 export is never held
 * as one JS string. Drops a BOM. Reports progress in source bytes.
 */
export async function transcodeToUtf8(
  data: ByteSource,
  encoding: TextEncodingName,
  onBytes: (bytes: number) => void,
  signal?: AbortSignal,
): Promise<ByteSource> {
  const head = await readRange(data, 0, 3);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) data = sliceFrom(data, 3);
  const decoder = new TextDecoder(encoding);
  const encoder = new TextEncoder();
  const out = new ChunkSink(data);
  const reader = streamOf(data).getReader();
  let read = 0;
  for (;;) {
    signal?.throwIfAborted();
    const { done, value } = await reader.read();
    if (done) break;
    read += value.byteLength;
    const text = decoder.decode(value, { stream: true });
    if (text) out.push(encoder.encode(text));
    onBytes(read);
  }
  const tail = decoder.decode();
  if (tail) out.push(encoder.encode(tail));
  return out.finish();
}

/**
 * How far a gzip file may expand (issue 19, item 11). Real exports compress 5–15 fold (the
 * sample shop's files: 5.4× to 14.8×); a decompression bomb compresses hundreds of times.
 * The expanded text may not pass `ratio` times the compressed size, except that any file may
 * expand to `floorBytes`, so a small, very repetitive export is never refused.
 */
export type { GunzipLimit } from './types';

export const DEFAULT_GUNZIP_LIMIT: GunzipLimit = { ratio: 100, floorBytes: 256 * 1024 * 1024 };

/** The most bytes a gzip file of `compressedBytes` may expand to under `limit`. */
export function gunzipCeiling(compressedBytes: number, limit: GunzipLimit): number {
  return Math.max(limit.floorBytes, limit.ratio * compressedBytes);
}

const sizeText = (bytes: number): string =>
  bytes < 1_048_576 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1_048_576).toFixed(1).replace(/\.0$/, '')} MB`;

/** A gzip file that expands past its limit: refused before the rest of it is inflated. */
export class GunzipLimitError extends ImportError {
  constructor(
    file: string,
    readonly limit: GunzipLimit,
    readonly compressedBytes: number,
  ) {
    super(
      file,
      `the gzip data expands to more than ${sizeText(gunzipCeiling(compressedBytes, limit))} from ${sizeText(compressedBytes)}; ` +
        `refused as a likely decompression bomb (the limit is ${limit.ratio} times the compressed size, and at least ${sizeText(limit.floorBytes)}).`,
    );
    this.name = 'GunzipLimitError';
  }
}

/**
 * Decompresses a gzip file chunk by chunk (the platform's DecompressionStream), and stops
 * with a GunzipLimitError as soon as the output passes the limit: a bomb costs no more than
 * the limit in time and memory.
 */
export async function gunzip(
  file: InputFile,
  onBytes: (bytes: number) => void,
  signal?: AbortSignal,
  limit: GunzipLimit = DEFAULT_GUNZIP_LIMIT,
): Promise<ByteSource> {
  const out = new ChunkSink(file.data);
  const compressedBytes = sizeOf(file.data);
  const ceiling = gunzipCeiling(compressedBytes, limit);
  let read = 0;
  let expanded = 0;
  const counted = streamOf(file.data).pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        onBytes(read);
        controller.enqueue(chunk);
      },
    }),
  );
  const reader = counted
    .pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>)
    .getReader();
  for (;;) {
    signal?.throwIfAborted();
    const { done, value } = await reader.read();
    if (done) break;
    expanded += value.byteLength;
    if (expanded > ceiling) {
      await reader.cancel();
      throw new GunzipLimitError(file.name, limit, compressedBytes);
    }
    out.push(value);
  }
  return out.finish();
}

/**
 * Reads a file the head said was UTF-8 all the way through; when some later part is not
 * (a GBK export whose first rows are all ASCII), says which legacy encoding that part is in.
 * Null when the whole file is valid UTF-8.
 */
export async function laterLegacyEncoding(data: ByteSource, signal?: AbortSignal): Promise<TextEncodingName | null> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const reader = streamOf(data).getReader();
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      try {
        decoder.decode(value, { stream: true });
      } catch {
        const sample = new TextDecoder('gb18030').decode(value.subarray(0, 256 * 1024));
        const replaced = sample.split('\ufffd').length - 1;
        // A chunk can start or end inside a two-byte character: allow those two.
        return replaced <= 2 ? 'gb18030' : 'windows-1252';
      }
    }
    decoder.decode();
    return null;
  } catch {
    return 'windows-1252';
  } finally {
    await reader.cancel();
  }
}
