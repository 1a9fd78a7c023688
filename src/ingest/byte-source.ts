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
 * Collects produced chunks (decoded, inflated or generated text) into one ByteSource of the
 * same kind as the file it came from: a Blob when the file came as a Blob, folded into Blob
 * parts every few MB so a large file is not held as JS arrays (the browser may keep Blob
 * parts out of the heap, and the engine reads a Blob without a copy); contiguous bytes when
 * the file came as bytes (Node, where the engine copies them anyway).
 */
export class ChunkSink {
  private parts: (Uint8Array | Blob)[] = [];
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private static readonly FOLD_BYTES = 8 * 1024 * 1024;

  constructor(private readonly like: ByteSource) {}

  push(chunk: Uint8Array): void {
    if (chunk.byteLength === 0) return;
    this.pending.push(chunk);
    this.pendingBytes += chunk.byteLength;
    if (!(this.like instanceof Uint8Array) && this.pendingBytes >= ChunkSink.FOLD_BYTES) this.fold();
  }

  private fold(): void {
    this.parts.push(new Blob(this.pending as Uint8Array<ArrayBuffer>[]));
    this.pending = [];
    this.pendingBytes = 0;
  }

  finish(): ByteSource {
    if (!(this.like instanceof Uint8Array)) {
      this.fold();
      return new Blob(this.parts as (Blob | Uint8Array<ArrayBuffer>)[]);
    }
    return concat(this.pending);
  }
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
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

/** All `chunks` as one ByteSource of the same kind as `like` (see ChunkSink). */
export function joinChunks(chunks: readonly Uint8Array[], like: ByteSource): ByteSource {
  const sink = new ChunkSink(like);
  for (const c of chunks) sink.push(c);
  return sink.finish();
}

/** Makes the bytes readable from SQL under `name`, without copying a Blob into JS memory. */
export async function registerSource(engine: Engine, name: string, data: ByteSource): Promise<void> {
  if (data instanceof Uint8Array) await engine.registerBytes(name, data);
  else await engine.registerBlob(name, data);
}
