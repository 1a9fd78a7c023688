import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import os from 'node:os';
import path from 'node:path';
import {
  DuckDBInstance,
  DuckDBTypeId,
  type DuckDBResultReader,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import { OFFLINE_SETTINGS, queryFailed, type Engine, type Row, type Scalar } from './engine';
import { BEGIN_READ_ONLY, refuseEngineKillers } from './read-only';

function toScalar(value: DuckDBValue, type: DuckDBType): Scalar {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  switch (type.typeId) {
    case DuckDBTypeId.DATE:
      return String(value);
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS: {
      const s = String(value).replace(' ', 'T');
      return s.replace(/\.0+$/, '').replace(/(\.\d{3})\d*$/, '$1');
    }
    case DuckDBTypeId.DECIMAL:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
      return Number(String(value));
    default:
      return String(value);
  }
}

function readerRows<T extends Row>(reader: DuckDBResultReader): T[] {
  const names = reader.columnNames();
  const types = reader.columnTypes();
  return reader.getRows().map((values) => {
    const row: Row = {};
    values.forEach((v, i) => {
      row[names[i] ?? `col${i}`] = toScalar(v, types[i] as DuckDBType);
    });
    return row as T;
  });
}

/**
 * Native DuckDB (@duckdb/node-api) behind the same interface, for files no browser tab holds.
 * Registered bytes are written to a private temp folder that DuckDB searches for file names.
 */
export interface NativeEngineOptions {
  /**
   * DuckDB's memory limit ('3GB', '2.5GiB'); past it DuckDB spills to a folder inside the
   * engine's own. A 10M-order report peaked at 5.8 GB without one and 3.5 GB with '2.5GB', in
   * 1.5× the time (BENCHMARKS.md, issue 17). Default: DuckDB's own (80 % of the machine's memory).
   */
  memoryLimit?: string;
}

export async function createNativeEngine(options: NativeEngineOptions = {}): Promise<Engine> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yardstick-'));
  const quoted = (text: string) => `'${text.replace(/'/g, "''")}'`;
  for (const s of OFFLINE_SETTINGS) await conn.run(s);
  await conn.run(`SET file_search_path = ${quoted(dir)}`);
  if (options.memoryLimit !== undefined) {
    await conn.run(`SET memory_limit = ${quoted(options.memoryLimit)}`);
    await conn.run(`SET temp_directory = ${quoted(path.join(dir, 'spill'))}`);
  }

  return {
    kind: 'native',
    async query<T extends Row = Row>(sql: string): Promise<T[]> {
      try {
        return readerRows<T>(await conn.runAndReadAll(sql));
      } catch (e) {
        throw queryFailed(sql, e);
      }
    },
    async queryReadOnly<T extends Row = Row>(sql: string): Promise<T[]> {
      refuseEngineKillers(sql);
      const own = await instance.connect();
      try {
        await own.run(BEGIN_READ_ONLY);
        const statement = await own.prepare(sql);
        try {
          return readerRows<T>(await statement.runAndReadAll());
        } finally {
          statement.destroySync();
        }
      } catch (e) {
        throw queryFailed(sql, e);
      } finally {
        await own.run('ROLLBACK').catch(() => undefined); // a lone COMMIT has ended it already
        own.closeSync();
      }
    },
    async run(sql: string): Promise<void> {
      try {
        await conn.run(sql);
      } catch (e) {
        throw queryFailed(sql, e);
      }
    },
    async registerBytes(name, bytes) {
      await writeFile(path.join(dir, name), bytes);
    },
    async registerBlob(name, blob) {
      // Streamed to the file DuckDB reads: a file-backed Blob of a large export is never held whole.
      await pipeline(
        Readable.fromWeb(blob.stream() as WebReadableStream<Uint8Array>),
        createWriteStream(path.join(dir, name)),
      );
    },
    async dropFile(name) {
      await rm(path.join(dir, name), { force: true });
    },
    fileRef(name) {
      return path.join(dir, name);
    },
    async close() {
      conn.closeSync();
      instance.closeSync();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
