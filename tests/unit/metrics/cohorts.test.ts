import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { rebuildDerived, dropDerived } from '../../../src/metrics/derived';
import { computeCohorts } from '../../../src/metrics/queries/cohorts';
import { ENGINES, loadTables, type OrderFixture } from '../../fixtures/metrics/tables';

/*
 * Period 2025-01-01..2025-03-15 (to in mid-March).
 * p: first paid Jan 5 (100), Feb 10 (50), Mar 20 (70, after `to`: not seen)
 * q: first paid Jan 20 (40, email), Mar 3 (60)
 * r: first paid Feb 14 (30); a cancelled order in March does not make r active
 * s: first paid Mar 16, after `to`: in no cohort yet
 * t: first paid Dec 2024, before the first cohort: in none, although active in January
 */
const ORDERS: OrderFixture[] = [
  { id: 'p1', customer: 'p', at: '2025-01-05', status: 'paid', total: 100 },
  { id: 'p2', customer: 'P', at: '2025-02-10', status: 'paid', total: 50 },
  { id: 'p3', customer: 'p', at: '2025-03-20', status: 'paid', total: 70 },
  { id: 'q1', customer: 'q', at: '2025-01-20', status: 'paid', total: 40, channel: 'email' },
  { id: 'q2', customer: 'q', at: '2025-03-03', status: 'refunded', total: 60, refund: 60 },
  { id: 'r0', customer: 'r', at: '2025-01-30', status: 'pending', total: 10 },
  { id: 'r1', customer: 'r', at: '2025-02-14', status: 'paid', total: 30, channel: 'email' },
  { id: 'r2', customer: 'r', at: '2025-03-05', status: 'cancelled', total: 30 },
  { id: 's1', customer: 's', at: '2025-03-16', status: 'paid', total: 90 },
  { id: 't1', customer: 't', at: '2024-12-15', status: 'paid', total: 20 },
  { id: 't2', customer: 't', at: '2025-01-15', status: 'paid', total: 20 },
];
const PERIOD = { from: '2025-01-01', to: '2025-03-15' };

describe.each(ENGINES)('cohorts on $name', ({ create }) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await create();
    await loadTables(engine, { orders: ORDERS });
  });
  afterAll(async () => {
    await engine.close();
  });

  const expected = [
    // Jan cohort p, q: Jan 100 + 40; Feb p 50; Mar (to the 15th) q 60. ltv: 140/2, 190/2, 250/2.
    { cohort: '2025-01', customers: 2, retention: [1, 0.5, 0.5], revenue: [140, 50, 60], ltv: [70, 95, 125] },
    // Feb cohort r: 30 in Feb, nothing paid in March.
    { cohort: '2025-02', customers: 1, retention: [1, 0], revenue: [30, 0], ltv: [30, 30] },
    // Mar cohort: s's first order is after `to`, so nobody yet.
    { cohort: '2025-03', customers: 0, retention: [null], revenue: [0], ltv: [null] },
  ];

  it('returned in month k: rows from the month of `from`, arrays to the month of `to`, clipped at `to`', async () => {
    expect(await computeCohorts(engine, PERIOD)).toEqual(expected);
  });

  it('returned in month k or later', async () => {
    const rows = await computeCohorts(engine, PERIOD, {}, 'in_or_after');
    // Jan: k=1 p (Feb) and q (Mar, later) → 2/2; k=2 q → 1/2. Revenue and ltv do not change.
    expect(rows.map((r) => r.retention)).toEqual([[1, 1, 0.5], [1, 0], [null]]);
    expect(rows.map((r) => r.revenue)).toEqual(expected.map((r) => r.revenue));
  });

  it('gives the same cohorts from the derived customer table', async () => {
    await rebuildDerived(engine);
    try {
      expect(await computeCohorts(engine, PERIOD)).toEqual(expected);
    } finally {
      await dropDerived(engine);
    }
  });

  it('under a filter, a cohort is its new buyers whose orders pass the filter', async () => {
    // email: q (Jan 20) joins Jan; r (Feb 14) joins Feb. q's March order is not email.
    expect(await computeCohorts(engine, PERIOD, { channel: ['email'] })).toEqual([
      { cohort: '2025-01', customers: 1, retention: [1, 0, 0], revenue: [40, 0, 0], ltv: [40, 40, 40] },
      { cohort: '2025-02', customers: 1, retention: [1, 0], revenue: [30, 0], ltv: [30, 30] },
      { cohort: '2025-03', customers: 0, retention: [null], revenue: [0], ltv: [null] },
    ]);
  });

  it('has no cohorts without orders', async () => {
    const empty = await create();
    try {
      await loadTables(empty, {});
      expect(await computeCohorts(empty, PERIOD)).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});
