import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { dropDerived, rebuildDerived } from '../../../src/metrics/derived';
import { computeRfm, RFM_SEGMENTS, segmentOf } from '../../../src/metrics/queries/rfm';
import { ENGINES, loadTables, type OrderFixture } from '../../fixtures/metrics/tables';

const paid = (id: string, customer: string, at: string, total: number): OrderFixture => ({
  id,
  customer,
  at,
  status: 'paid',
  total,
});

/*
 * As of 2025-03-31:
 *   c1: 5 orders of 100, last Mar 31 → recency 0,  frequency 5, monetary 500
 *   c2: 1 order of 40, Mar 25        → recency 6,  frequency 1, monetary 40 (an April order is after as-of)
 *   c3: 3 orders of 30, last Mar 1   → recency 30, frequency 3, monetary 90
 *   c4: 4 orders of 50, last Jan 30  → recency 60 (1 + 28 + 31), frequency 4, monetary 200
 *   c5: 2 orders of 30, last Dec 31  → recency 90 (31 + 28 + 31), frequency 2, monetary 60 (a cancelled March order ignored)
 * Five customers, NTILE(5): each score once. R (recency descending): c5 1, c4 2, c3 3, c2 4, c1 5.
 * F: c2 1, c5 2, c3 3, c4 4, c1 5. M: c2 1, c5 2, c3 3, c4 4, c1 5.
 */
const ORDERS: OrderFixture[] = [
  paid('a1', 'c1', '2025-03-31T22:00:00', 100),
  paid('a2', 'c1', '2025-03-01', 100),
  paid('a3', 'c1', '2025-02-01', 100),
  paid('a4', 'c1', '2025-01-01', 100),
  paid('a5', 'c1', '2024-12-01', 100),
  paid('b1', 'c2', '2025-03-25', 40),
  paid('b2', 'c2', '2025-04-02', 999),
  paid('c1', 'c3', '2025-03-01', 30),
  paid('c2', 'c3', '2025-02-01', 30),
  paid('c3', 'c3', '2025-01-01', 30),
  paid('d1', 'c4', '2025-01-30', 50),
  paid('d2', 'c4', '2025-01-20', 50),
  paid('d3', 'c4', '2025-01-10', 50),
  paid('d4', 'c4', '2024-12-10', 50),
  paid('e1', 'c5', '2024-12-31', 30),
  paid('e2', 'c5', '2024-11-30', 30),
  { id: 'e3', customer: 'c5', at: '2025-03-30', status: 'cancelled', total: 500 },
];

describe.each(ENGINES)('RFM on $name', ({ create }) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await create();
  });
  afterAll(async () => {
    await engine.close();
  });

  it('scores a tiny set by quintile as of a date and names the segments', async () => {
    await loadTables(engine, { orders: ORDERS });
    const rfm = await computeRfm(engine, '2025-03-31', {}, { includeCustomers: true });
    expect(rfm.customers).toEqual([
      { customer_key: 'c1', recency: 0, frequency: 5, monetary: 500, r: 5, f: 5, m: 5, segment: 'champions' },
      { customer_key: 'c2', recency: 6, frequency: 1, monetary: 40, r: 4, f: 1, m: 1, segment: 'new' },
      { customer_key: 'c3', recency: 30, frequency: 3, monetary: 90, r: 3, f: 3, m: 3, segment: 'loyal' },
      { customer_key: 'c4', recency: 60, frequency: 4, monetary: 200, r: 2, f: 4, m: 4, segment: 'at_risk' },
      { customer_key: 'c5', recency: 90, frequency: 2, monetary: 60, r: 1, f: 2, m: 2, segment: 'lost' },
    ]);
    expect(rfm.segments.map((s) => s.segment)).toEqual([...RFM_SEGMENTS]);
    expect(rfm.segments.find((s) => s.segment === 'champions')).toEqual({
      segment: 'champions',
      customers: 1,
      monetary: 500,
      share: 0.2,
    });
    expect(rfm.segments.find((s) => s.segment === 'hibernating')).toEqual({
      segment: 'hibernating',
      customers: 0,
      monetary: 0,
      share: 0,
    });
  });

  it('gives the same scores from the derived tables', async () => {
    await loadTables(engine, { orders: ORDERS });
    const plain = await computeRfm(engine, '2025-03-31', {}, { includeCustomers: true });
    await rebuildDerived(engine);
    try {
      expect(await computeRfm(engine, '2025-03-31', {}, { includeCustomers: true })).toEqual(plain);
    } finally {
      await dropDerived(engine);
    }
  });

  it('breaks ties by customer id', async () => {
    // Five customers, one order each on the same day: equal on every value, so customer order decides.
    await loadTables(engine, { orders: ['v', 'r', 'z', 'a', 'm'].map((c, i) => paid(`t${i}`, c, '2025-03-01', 10)) });
    const rfm = await computeRfm(engine, '2025-03-31', {}, { includeCustomers: true });
    expect(rfm.customers?.map((c) => [c.customer_key, c.r, c.f, c.m])).toEqual([
      ['a', 1, 1, 1],
      ['m', 2, 2, 2],
      ['r', 3, 3, 3],
      ['v', 4, 4, 4],
      ['z', 5, 5, 5],
    ]);
  });
});

describe('the RFM segment map', () => {
  it('names every pair of scores exactly once', () => {
    const seen = new Set<string>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) seen.add(segmentOf(r, f));
    expect([...seen].sort()).toEqual([...RFM_SEGMENTS].sort());
    expect(() => segmentOf(0, 3)).toThrow(/out of range/);
  });

  it.each([
    [5, 5, 'champions'],
    [4, 3, 'potential_loyalist'],
    [5, 1, 'new'],
    [3, 4, 'loyal'],
    [3, 1, 'hibernating'],
    [1, 5, 'cant_lose'],
    [2, 3, 'at_risk'],
    [1, 1, 'lost'],
  ] as const)('R%i F%i is %s', (r, f, segment) => {
    expect(segmentOf(r, f)).toBe(segment);
  });
});
