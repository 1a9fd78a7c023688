import { createClient } from '@clickhouse/client';
import { createChdbConnection } from 'chdb/connection';
import type { Engine } from '../../../src/engine/engine';
import { clickHouseEngine } from './engine';
import type { ClickHouseTarget } from './load';

let open = false;

/**
 * ClickHouse in process (chdb), behind the same client the server path uses. libchdb holds one
 * database per process, so one such engine at a time: a second one would see the first one's tables.
 */
export function createChdbEngine(): Engine {
  if (open) throw new Error('A chdb engine is already open in this process: close it first');
  const connection = createChdbConnection({ path: ':memory:' });
  const client = createClient({ connection } as never);
  open = true;
  return clickHouseEngine(client, 'chdb', async () => {
    open = false;
  });
}

/** chdb reads a Parquet file from this machine's disk itself. */
export function chdbTarget(engine: Engine): ClickHouseTarget {
  return {
    engine,
    insertParquet: (table, file) =>
      engine.run(`INSERT INTO ${table} SELECT * FROM file('${file.replace(/'/g, "''")}', Parquet)`),
  };
}
