import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeWasmEngine } from '../../src/engine/node';
import type { Engine } from '../../src/engine/engine';
import { loadSampleShop, type SampleFiles } from '../../src/model/sample-shop';

const dir = path.resolve(import.meta.dirname, '../../sample-data');
const read = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));
const files: SampleFiles = {
  orders: read('orders.csv.gz'),
  order_items: read('order_items.csv.gz'),
  traffic: read('traffic.csv.gz'),
  users: read('users.csv.gz'),
};

/** Independent count straight from the text: lines minus the header. */
function csvRows(name: string): number {
  return gunzipSync(readFileSync(path.join(dir, name))).toString('utf8').trimEnd().split('\n').length - 1;
}

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeWasmEngine();
  await loadSampleShop(engine, files);
});
afterAll(() => engine.close());

describe('the sample shop', () => {
  it('loads every row of every file', async () => {
    for (const t of ['orders', 'order_items', 'traffic', 'users'] as const) {
      const [row] = await engine.query(`SELECT count(*) AS n FROM ${t}`);
      expect(row?.n, t).toBe(csvRows(`${t}.csv.gz`));
    }
  });

  it('covers two years ending with a full month', async () => {
    const [row] = await engine.query(`SELECT min(order_date) AS first, max(order_date) AS last FROM orders`);
    expect(row).toEqual({ first: '2024-11-01', last: '2026-10-31' });
  });

  it('has every status, refunds, discounts and a third of buyers coming back', async () => {
    const statuses = await engine.query(`SELECT DISTINCT status FROM orders ORDER BY 1`);
    expect(statuses.map((r) => r.status)).toEqual(['cancelled', 'paid', 'partially_refunded', 'pending', 'refunded']);
    const [r] = await engine.query(`
      SELECT avg((n >= 2)::INT) AS repeaters FROM (
        SELECT customer_key, count(*) AS n FROM orders
        WHERE status IN ('paid', 'partially_refunded', 'refunded') GROUP BY 1)`);
    expect(r?.repeaters).toBeGreaterThan(0.25);
    expect(r?.repeaters).toBeLessThan(0.4);
  });

  it('peaks on Double 11 and 618', async () => {
    const rows = await engine.query(`
      SELECT order_date AS d, count(*) AS n FROM orders GROUP BY 1 ORDER BY n DESC LIMIT 4`);
    const top = rows.map((r) => String(r.d).slice(5));
    expect(top).toEqual(expect.arrayContaining(['11-11']));
    expect(top.some((d) => d === '06-18')).toBe(true);
  });

  it('replaces instead of appending when loaded twice', async () => {
    await loadSampleShop(engine, files);
    const [row] = await engine.query(`SELECT count(*) AS n FROM orders`);
    expect(row?.n).toBe(csvRows('orders.csv.gz'));
  });
});

describe('the sample shop served already decompressed', () => {
  it('loads the same rows from plain CSV bytes', async () => {
    const plain: SampleFiles = {
      orders: new Uint8Array(gunzipSync(files.orders)),
      order_items: new Uint8Array(gunzipSync(files.order_items)),
      traffic: new Uint8Array(gunzipSync(files.traffic)),
      users: new Uint8Array(gunzipSync(files.users)),
    };
    await loadSampleShop(engine, plain);
    const [row] = await engine.query(`SELECT count(*) AS n FROM traffic`);
    expect(row?.n).toBe(csvRows('traffic.csv.gz'));
  });
});
