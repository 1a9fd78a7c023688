import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine, Row } from '../../src/engine/engine';
import { createNodeWasmEngine } from '../../src/engine/node';
import { rebuildDerived } from '../../src/metrics/derived';
import { loadSampleMarketing } from '../../src/model/sample-marketing';
import { loadSampleProducts } from '../../src/model/sample-products';
import { loadSampleService } from '../../src/model/sample-service';
import { loadSampleShop } from '../../src/model/sample-shop';

// Issue 18, item 11: a fresh profile shows every page's first numbers on the sample shop from
// results recorded at build time (scripts/record-sample-results.ts). Each must be exactly what the
// engine answers to its statement on the sample shop now.

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (name: string) => new Uint8Array(readFileSync(path.join(ROOT, 'sample-data', name)));
const recorded = JSON.parse(readFileSync(path.join(ROOT, 'sample-data/sample-results.json'), 'utf8')) as [string, Row[]][];

describe('the sample shop results bundled for a fresh profile', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeWasmEngine();
    await loadSampleShop(engine, {
      orders: read('orders.csv.gz'),
      order_items: read('order_items.csv.gz'),
      traffic: read('traffic.csv.gz'),
      users: read('users.csv.gz'),
    });
    await loadSampleMarketing(engine, { marketing_spend: read('marketing_spend.csv.gz'), campaigns: read('campaigns.csv.gz') });
    await loadSampleService(engine, { service_tickets: read('service_tickets.csv.gz'), reviews: read('reviews.csv.gz') });
    await loadSampleProducts(engine, { products: read('products.csv.gz'), inventory: read('inventory.csv.gz') });
    await rebuildDerived(engine);
  }, 120_000);
  afterAll(async () => {
    await engine.close();
  });

  it('each recorded statement gives the recorded rows (re-run scripts/record-sample-results.ts when not)', async () => {
    const stale: string[] = [];
    for (const [sql, rows] of recorded) {
      const now = JSON.parse(JSON.stringify(await engine.query(sql))) as Row[];
      if (JSON.stringify(now) !== JSON.stringify(rows)) stale.push(sql.replace(/\s+/g, ' ').slice(0, 120));
    }
    expect(stale).toEqual([]);
  }, 300_000);
});
