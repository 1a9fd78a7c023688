import { createClient } from '@clickhouse/client';
import { createChdbConnection } from 'chdb/connection';
import type { Engine } from '../../../src/engine/engine';
import { clickHouseEngine } from './engine';

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
