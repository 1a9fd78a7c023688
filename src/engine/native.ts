import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, DuckDBTypeId, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { OFFLINE_SETTINGS, queryFailed, type Engine, type Row, type Scalar } from './engine';

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

/**
 * Native DuckDB (@duckdb/node-api) behind the same interface, for files no browser tab holds.
 * Registered bytes are written to a private temp folder that DuckDB searches for file names.
 */
export async function createNativeEngine(): Promise<Engine> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yardstick-'));
  for (const s of OFFLINE_SETTINGS) await conn.run(s);
  await conn.run(`SET file_search_path = '${dir.replace(/'/g, "''")}'`);

  return {
    kind: 'native',
    async query<T extends Row = Row>(sql: string): Promise<T[]> {
      try {
        const reader = await conn.runAndReadAll(sql);
        const names = reader.columnNames();
        const types = reader.columnTypes();
        return reader.getRows().map((values) => {
          const row: Row = {};
          values.forEach((v, i) => {
            row[names[i] ?? `col${i}`] = toScalar(v, types[i] as DuckDBType);
          });
          return row as T;
        });
      } catch (e) {
        throw queryFailed(sql, e);
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
      await writeFile(path.join(dir, name), new Uint8Array(await blob.arrayBuffer()));
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
