import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildsOwnTableOnly } from '../../../src/dataset/result-recorder';
import type { Engine } from '../../../src/engine/engine';
import { dropDerived, rebuildDerived } from '../../../src/metrics/derived';
import { markDerived } from '../../../src/metrics/derived-state';
import type { Filters } from '../../../src/metrics/filters';
import { withFilteredOrders } from '../../../src/metrics/filtered-orders';
import { ENGINES, loadTables, type OrderFixture } from '../../fixtures/metrics/tables';

// Six orders: three by email (one cancelled), two paid search on mobile, one direct.
const ORDERS: OrderFixture[] = [
  { id: 'e1', customer: 'a', at: '2025-03-01', status: 'paid', total: 10, channel: 'email', device: 'desktop' },
  { id: 'e2', customer: 'b', at: '2025-03-02', status: 'paid', total: 20, channel: 'email', device: 'mobile' },
  { id: 'e3', customer: 'a', at: '2025-03-03', status: 'cancelled', total: 30, channel: 'email', device: 'desktop' },
  { id: 'p1', customer: 'c', at: '2025-03-01', status: 'paid', total: 40, channel: 'paid_search', device: 'mobile' },
  { id: 'p2', customer: 'a', at: '2025-03-05', status: 'paid', total: 50, channel: 'paid_search', device: 'mobile' },
  { id: 'd1', customer: 'b', at: '2025-03-06', status: 'paid', total: 60, channel: 'direct', device: 'desktop' },
];

const filteredTables = async (engine: Engine): Promise<string[]> =>
  (
    await engine.query(
      `SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'ys_orders_f%' AND estimated_size > 0 ORDER BY table_name`,
    )
  ).map((r) => String(r['table_name']));

// Each order's total is its own (10 … 70): the totals a table holds name its orders.
const totalsIn = async (engine: Engine, table: string | null): Promise<number[]> =>
  table === null
    ? []
    : (await engine.query(`SELECT order_total FROM ${table} ORDER BY order_total`)).map((r) =>
        Number(r['order_total']),
      );

describe.each(ENGINES)('the derived orders under a filter, as a table, on $name', ({ create }) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await create();
    await loadTables(engine, { orders: ORDERS });
    await rebuildDerived(engine);
  });
  afterAll(async () => {
    await engine.close();
  });

  it('holds every order the filter keeps, paid or not, and nothing else; none without a filter', async () => {
    expect(await withFilteredOrders(engine, { channel: ['email'] }, (t) => totalsIn(engine, t))).toEqual([10, 20, 30]);
    expect(
      await withFilteredOrders(engine, { channel: ['paid_search'], device: ['mobile'] }, (t) => totalsIn(engine, t)),
    ).toEqual([40, 50]);
    expect(await withFilteredOrders(engine, {}, async (t) => t)).toBeNull();
  });

  it('is the same table for the same filter, and none without the derived tables or on ClickHouse', async () => {
    const first = await withFilteredOrders(engine, { device: ['desktop'] }, async (t) => t);
    expect(first).toMatch(/^ys_orders_f/);
    expect(await withFilteredOrders(engine, { device: ['desktop'] }, async (t) => t)).toBe(first);
    const clickhouse = { ...engine, kind: 'chdb' } as Engine;
    markDerived(clickhouse, true);
    expect(await withFilteredOrders(clickhouse, { device: ['desktop'] }, async (t) => t)).toBeNull();
    await dropDerived(engine);
    expect(await withFilteredOrders(engine, { device: ['desktop'] }, async (t) => t)).toBeNull();
    await rebuildDerived(engine);
  });

  it('keeps four filters at a time (the others emptied), but never empties a table a statement is reading', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let heldTable: string | null = null;
    const reading = withFilteredOrders(engine, { channel: ['direct'] }, async (t) => {
      heldTable = t;
      await held;
      return totalsIn(engine, t);
    });
    await new Promise((r) => setTimeout(r, 50)); // the held read has its table
    // Six more filters, each keeping some orders.
    const others: Filters[] = [
      { channel: ['email'] },
      { channel: ['paid_search'] },
      { device: ['mobile'] },
      { device: ['desktop'] },
      { channel: ['email'], device: ['mobile'] },
      { channel: ['email', 'direct'] },
    ];
    const run = vi.spyOn(engine, 'run');
    for (const filters of others) await withFilteredOrders(engine, filters, async () => undefined);
    // Building and emptying our own tables changes no data: the recording of results goes on.
    expect(run.mock.calls.length).toBeGreaterThan(0);
    for (const [sql] of run.mock.calls) expect(buildsOwnTableOnly(sql)).toBe(true);
    run.mockRestore();
    const kept = await filteredTables(engine);
    expect(kept).toContain(heldTable);
    // The held one and the three most recent others.
    expect(kept).toHaveLength(4);
    release();
    expect(await reading).toEqual([60]);
  });

  it('is made again from a new build of the derived tables', async () => {
    await engine.run(
      `INSERT INTO orders (order_id, customer_id, customer_key, ordered_at, order_date, status, order_total, currency, channel, device)
       VALUES ('e4', 'c', 'c', TIMESTAMP '2025-03-07 10:00:00', DATE '2025-03-07', 'paid', 70, 'USD', 'email', 'mobile')`,
    );
    expect(await withFilteredOrders(engine, { channel: ['email'] }, (t) => totalsIn(engine, t))).toEqual([10, 20, 30]);
    await rebuildDerived(engine);
    expect(await withFilteredOrders(engine, { channel: ['email'] }, (t) => totalsIn(engine, t))).toEqual([
      10, 20, 30, 70,
    ]);
  });
});
