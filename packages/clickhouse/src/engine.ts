import type { ClickHouseClient } from '@clickhouse/client';
import { queryFailed, type Engine, type Row, type Scalar } from '../../../src/engine/engine';
import { CLICKHOUSE_SETTINGS, splitStatements, toClickHouse } from '../../../src/metrics/dialect-clickhouse';

interface Column {
  name: string;
  type: string;
}

/** A ClickHouse value as the DuckDB engines give it (engine.ts `Scalar`). */
function toScalar(value: unknown, type: string): Scalar {
  if (value === null || value === undefined) return null;
  const base = type.replace(/^(Nullable|LowCardinality)\((.*)\)$/, '$2').replace(/^Nullable\((.*)\)$/, '$1');
  if (/^DateTime/.test(base)) {
    const s = String(value).replace(' ', 'T');
    return s.replace(/\.0+$/, '').replace(/(\.\d{3})\d*$/, '$1');
  }
  // ClickHouse's comparisons, IS NULL, EXISTS and AND/OR give UInt8: DuckDB's BOOLEAN.
  if (base === 'Bool' || base === 'UInt8') return Boolean(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    if (typeof value === 'string' && /^(U?Int|Float|Decimal)/.test(base)) return Number(value);
    return value;
  }
  return JSON.stringify(value);
}

/**
 * The Engine interface over ClickHouse through @clickhouse/client: a server over HTTP(S), or chdb
 * in process through the client's connection hook, so both run the same code. Every statement
 * goes through the ClickHouse dialect (src/metrics/dialect-clickhouse.ts) under its settings.
 */
export function clickHouseEngine(
  client: ClickHouseClient,
  kind: 'chdb' | 'clickhouse',
  onClose?: () => Promise<void>,
): Engine {
  const settings = { ...CLICKHOUSE_SETTINGS } as Record<string, string | number>;
  const query = async <T extends Row = Row>(sql: string): Promise<T[]> => {
    const translated = toClickHouse(sql);
    try {
      const result = await client.query({
        query: translated,
        format: 'JSONCompact',
        clickhouse_settings: settings as never,
      });
      const { meta, data } = (await result.json()) as unknown as { meta: Column[]; data: unknown[][] };
      return data.map((values) => {
        const row: Row = {};
        meta.forEach((c, i) => {
          row[c.name] = toScalar(values[i], c.type);
        });
        return row as T;
      });
    } catch (e) {
      throw queryFailed(translated, e);
    }
  };
  const run = async (sql: string): Promise<void> => {
    for (const statement of splitStatements(sql)) {
      const translated = toClickHouse(statement);
      try {
        await client.command({ query: translated, clickhouse_settings: settings as never });
      } catch (e) {
        throw queryFailed(translated, e);
      }
    }
  };
  const unsupported = (what: string) => () => Promise.reject(new Error(`${what} is not available on ClickHouse`));
  return {
    kind,
    query,
    run,
    queryReadOnly: (sql) => query(sql),
    registerBytes: unsupported('registerBytes'),
    registerBlob: unsupported('registerBlob'),
    dropFile: unsupported('dropFile'),
    fileRef: (name) => name,
    async close() {
      await client.close();
      await onClose?.();
    },
  };
}
