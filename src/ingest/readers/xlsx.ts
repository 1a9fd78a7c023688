import type { ByteSource } from '../byte-source';

/** One cell as read-excel-file returns it. */
export type SheetCell = string | number | boolean | Date | null;

/** Node (CLI, tests), not a browser page or worker: only Node has `process.versions.node`. */
function runningOnNode(): boolean {
  const g = globalThis as { process?: { versions?: { node?: string } } };
  return typeof g.process?.versions?.node === 'string';
}

/**
 * Reads the first sheet of an .xlsx file. The one place that chooses read-excel-file's
 * entry: its Node entry under Node (CLI, tests), its browser entry in the page. The Node
 * specifier is built at run time so the browser bundle never pulls in Node built-ins.
 */
export async function readFirstSheet(data: ByteSource): Promise<SheetCell[][]> {
  if (runningOnNode()) {
    const nodeEntry = ['read-excel-file', 'node'].join('/');
    const { readSheet } = (await import(/* @vite-ignore */ nodeEntry)) as typeof import('read-excel-file/node');
    const buffer =
      data instanceof Uint8Array
        ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
        : Buffer.from(await data.arrayBuffer());
    return (await readSheet(buffer)) as SheetCell[][];
  }
  const { readSheet } = await import('read-excel-file/browser');
  const blob = data instanceof Uint8Array ? new Blob([data as Uint8Array<ArrayBuffer>]) : data;
  return (await readSheet(blob)) as SheetCell[][];
}
