import type { Engine } from '../engine/engine';

/**
 * The bytes of one file: a browser Blob/File (read in slices, never whole) or bytes in memory
 * (Node). Every reader in ingest goes through these helpers so both behave the same.
 */
export type ByteSource = Blob | Uint8Array;

export function sizeOf(data: ByteSource): number {
  return data instanceof Uint8Array ? data.byteLength : data.size;
}

/** Reads bytes [start, end) without touching the rest of the file. */
export async function readRange(data: ByteSource, start: number, end: number): Promise<Uint8Array> {
  if (data instanceof Uint8Array) return data.subarray(start, Math.min(end, data.byteLength));
  return new Uint8Array(await data.slice(start, end).arrayBuffer());
}

/** The bytes from `start` on, as a view (bytes) or a lazy slice (Blob): no copy either way. */
export function sliceFrom(data: ByteSource, start: number): ByteSource {
  return data instanceof Uint8Array ? data.subarray(start) : data.slice(start);
}

/** Whole-file bytes, for the small formats that must be parsed in JS (JSON, xlsx, Parquet). */
export async function readAll(data: ByteSource): Promise<Uint8Array> {
  return data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
}

/** The file as a stream of chunks, so large files are decoded without being held twice. */
export function streamOf(data: ByteSource): ReadableStream<Uint8Array> {
  const blob = data instanceof Uint8Array ? new Blob([data as Uint8Array<ArrayBuffer>]) : data;
  return blob.stream() as ReadableStream<Uint8Array>;
}

/**
 * Collects produced chunks into one ByteSource of the same kind as `like`: a Blob when the
 * file came as a Blob (the browser keeps Blob parts out of the JS heap and the engine reads
 * it without a copy), contiguous bytes when it came as bytes (Node; the engine copies them).
 */
export function joinChunks(chunks: Uint8Array[], like: ByteSource): ByteSource {
  if (!(like instanceof Uint8Array)) return new Blob(chunks as Uint8Array<ArrayBuffer>[]);
  let total = 0;
  for (const c of chunks) total += c.byteLength;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Makes the bytes readable from SQL under `name`, without copying a Blob into JS memory. */
export async function registerSource(engine: Engine, name: string, data: ByteSource): Promise<void> {
  if (data instanceof Uint8Array) await engine.registerBytes(name, data);
  else await engine.registerBlob(name, data);
}
