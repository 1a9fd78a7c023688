import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine, Row } from '../../src/engine/engine';
import { createNodeWasmEngine } from '../../src/engine/node';
import { rebuildDerived } from '../../src/metrics/derived';
import { computeMarketing } from '../../src/metrics/queries/marketing';
import { computeProducts } from '../../src/metrics/queries/products';
import { loadSampleMarketing } from '../../src/model/sample-marketing';
import { loadSampleProducts } from '../../src/model/sample-products';
import { loadSampleService } from '../../src/model/sample-service';
import { loadSampleShop } from '../../src/model/sample-shop';

// Issue 18, item 11: a fresh profile shows every page's first numbers on the sample shop from
// results recorded at build time (scripts/record-sample-results.ts): every page's default view,
// and per linked period (sample-data/sample-results/<from>_<to>.json) what a deep link with that
// period asks beyond it. Each must be exactly what the engine answers to its statement on the
// sample shop now.

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (name: string) => new Uint8Array(readFileSync(path.join(ROOT, 'sample-data', name)));
const PERIOD_DIR = path.join(ROOT, 'sample-data/sample-results');
const files = [
  path.join(ROOT, 'sample-data/sample-results.json'),
  ...readdirSync(PERIOD_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.join(PERIOD_DIR, f)),
];
/** Every recorded statement once (a period's comparison period may be another file's own period). */
const recorded = [
  ...new Map(files.flatMap((f) => JSON.parse(readFileSync(f, 'utf8')) as [string, Row[]][])).entries(),
];

/**
 * Equal rows; a floating-point sum may differ in its last bits with the order rows were added
 * in (the browser and Node build the same tables in different row orders), so numbers agree to
 * 1e-9 relative.
 */
function sameRows(a: Row[], b: Row[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((row, i) => {
    const other = b[i]!;
    const keys = Object.keys(row);
    if (keys.length !== Object.keys(other).length) return false;
    return keys.every((k) => {
      const x = row[k];
      const y = other[k];
      if (typeof x === 'number' && typeof y === 'number') return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
      return x === y;
    });
  });
}

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
    // The products and marketing pages build tables of their own on first use; the recorded reads need them.
    const october = { from: '2026-10-01', to: '2026-10-31' };
    await computeProducts(engine, october);
    await computeMarketing(engine, october);
  }, 120_000);
  afterAll(async () => {
    await engine.close();
  });

  it('linked periods are recorded: the presets and every quarter and year of the sample', () => {
    const periods = readdirSync(PERIOD_DIR).filter((f) => f.endsWith('.json'));
    // last 30 and 90 days and the year to date (the other presets are the default month), the
    // quarters 2024Q4 to 2026Q4 and the years 2024 to 2026: the sample runs 2024-11-01 to 2026-10-31.
    expect(periods).toEqual(
      expect.arrayContaining([
        '2026-10-02_2026-10-31.json',
        '2026-08-03_2026-10-31.json',
        '2026-01-01_2026-10-31.json',
        '2024-10-01_2024-12-31.json',
        '2026-07-01_2026-09-30.json',
        '2026-10-01_2026-12-31.json',
        '2025-01-01_2025-12-31.json',
      ]),
    );
    expect(periods).toHaveLength(15);
  });

  it('each recorded statement gives the recorded rows (re-run scripts/record-sample-results.ts when not)', async () => {
    const stale: string[] = [];
    for (const [sql, rows] of recorded) {
      const now = JSON.parse(JSON.stringify(await engine.query(sql))) as Row[];
      // A statement without a closing ORDER BY gives its rows in no set order: compare them as a set.
      const unordered = !/ORDER BY[^()]*$/i.test(sql);
      const key = (r: Row) => JSON.stringify(Object.entries(r).sort());
      const sorted = (xs: Row[]) => [...xs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
      if (!sameRows(now, rows) && !(unordered && sameRows(sorted(now), sorted(rows))))
        stale.push(`${sql.replace(/\s+/g, ' ').slice(0, 100)} … now ${JSON.stringify(now).slice(0, 300)} recorded ${JSON.stringify(rows).slice(0, 300)}`);
    }
    expect(stale).toEqual([]);
  }, 900_000);
});
