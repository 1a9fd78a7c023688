import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeWasmEngine } from '../../src/engine/node';
import type { Engine } from '../../src/engine/engine';
import { rebuildDerived } from '../../src/metrics/derived';
import { computeService } from '../../src/metrics/queries/service';
import { loadSampleService } from '../../src/model/sample-service';
import { loadSampleShop } from '../../src/model/sample-shop';

/** The sample shop's tickets and reviews (issue 15) load whole and tell the stories they are made for. */
const dir = path.resolve(import.meta.dirname, '../../sample-data');
const read = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));
const csvRows = (name: string) =>
  gunzipSync(readFileSync(path.join(dir, name)))
    .toString('utf8')
    .trimEnd()
    .split('\n').length - 1;

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeWasmEngine();
  await loadSampleShop(engine, {
    orders: read('orders.csv.gz'),
    order_items: read('order_items.csv.gz'),
    traffic: read('traffic.csv.gz'),
    users: read('users.csv.gz'),
  });
  await loadSampleService(engine, { service_tickets: read('service_tickets.csv.gz'), reviews: read('reviews.csv.gz') });
  await rebuildDerived(engine);
}, 120_000);
afterAll(() => engine.close());

describe('the sample shop’s service data', () => {
  it('loads every ticket and review, each naming a known customer (and order, where it names one)', async () => {
    const [t] = await engine.query(`SELECT count(*) AS n,
      count(*) FILTER (WHERE customer_key NOT IN (SELECT customer_key FROM orders)) AS strangers,
      count(*) FILTER (WHERE order_id IS NOT NULL AND order_id NOT IN (SELECT order_id FROM orders)) AS unknown_orders,
      count(*) FILTER (WHERE resolved_at < opened_at OR first_response_at < opened_at) AS backwards FROM service_tickets`);
    expect(t).toEqual({ n: csvRows('service_tickets.csv.gz'), strangers: 0, unknown_orders: 0, backwards: 0 });
    const [r] = await engine.query(`SELECT count(*) AS n,
      count(*) FILTER (WHERE (order_id, sku) NOT IN (SELECT (order_id, sku) FROM order_items)) AS unknown_items FROM reviews`);
    expect(r).toEqual({ n: csvRows('reviews.csv.gz'), unknown_items: 0 });
  });

  it('the week of 2026-03-09 answers slowly; after Double 11 brings more after-sale tickets; MM-404 is the worst-rated SKU', async () => {
    const slow = await computeService(engine, { from: '2026-03-09', to: '2026-03-15' });
    const next = await computeService(engine, { from: '2026-03-16', to: '2026-03-22' });
    expect(slow!.first_response_minutes.median!).toBeGreaterThan(3 * next!.first_response_minutes.median!);
    expect(slow!.response_within_sla!).toBeLessThan(next!.response_within_sla! - 0.1);
    const afterSale = async (from: string, to: string) =>
      (await computeService(engine, { from, to }))!.by_category.find((c) => c.category === 'after_sale')!.tickets;
    expect(await afterSale('2025-11-12', '2025-12-02')).toBeGreaterThan(
      2 * (await afterSale('2025-10-01', '2025-10-21')),
    );
    const year = await computeService(engine, { from: '2025-11-01', to: '2026-10-31' });
    expect(year!.reviews!.by_sku[0]!.sku).toBe('MM-404');
    expect(year!.reviews!.by_sku[0]!.avg_rating!).toBeLessThan(3);
    expect(year!.reviews!.by_sku[1]!.avg_rating!).toBeGreaterThan(4);
  });
});
