/**
 * Writes src/app/startup-snapshot.json: the overview's first queries on the sample shop,
 * computed with the real metric code on DuckDB-WASM in Node. `npm run sample-data` runs it;
 * tests/unit/startup-snapshot.test.ts fails when it is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createNodeWasmEngine } from '../src/engine/node';
import { loadSampleShop } from '../src/model/sample-shop';
import { rebuildDerived } from '../src/metrics/derived';
import { startupSnapshot } from '../src/app/startup-views';

const root = path.resolve(import.meta.dirname, '..');
const read = (name: string) => new Uint8Array(readFileSync(path.join(root, 'sample-data', name)));

export async function computeStartupSnapshot() {
  const engine = await createNodeWasmEngine();
  try {
    await loadSampleShop(engine, {
      orders: read('orders.csv.gz'),
      order_items: read('order_items.csv.gz'),
      traffic: read('traffic.csv.gz'),
      users: read('users.csv.gz'),
    });
    await rebuildDerived(engine);
    return await startupSnapshot(engine);
  } finally {
    await engine.close();
  }
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const entries = await computeStartupSnapshot();
  writeFileSync(path.join(root, 'src/app/startup-snapshot.json'), `${JSON.stringify(entries, null, 1)}\n`);
  console.log(`startup-snapshot.json: ${entries.length} entries`);
}
