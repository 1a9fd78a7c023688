import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCsv, renderMarkdown } from '../../../src/cli/format';
import type { Engine } from '../../../src/engine/engine';
import { dropDerived, rebuildDerived } from '../../../src/metrics/derived';
import {
  computeLifecycle,
  computeStageCustomers,
  computeStageMoves,
  type Lifecycle,
} from '../../../src/metrics/queries/lifecycle';
import { computeReport } from '../../../src/metrics/report';
import { ENGINES, loadTables, type OrderFixture } from '../../fixtures/metrics/tables';

/*
 * Stage boundaries. a: one paid order on 2025-01-01.
 *   Jan 30 = 29 days after → new; Jan 31 = 30 → active (last 30 ≤ 89); Mar 31 = 89 → active;
 *   Apr 1 = 90 → dormant; Jun 29 = 179 → dormant; Jun 30 = 180 → churned.
 * z: paid 2024-12-01 and 2025-01-01: on Jan 30 the first is 60 days back (not new) but the last
 *   29 (active): `new` reads the first paid order, the others the last one.
 */
const BOUNDARY_ORDERS: OrderFixture[] = [
  { id: 'a1', customer: 'a', at: '2025-01-01T10:00:00', status: 'paid', total: 10 },
  { id: 'z1', customer: 'z', at: '2024-12-01', status: 'paid', total: 10 },
  { id: 'z2', customer: 'Z ', at: '2025-01-01', status: 'paid', total: 10 },
];

/*
 * Months. Period 2025-02-01..2025-08-31; month ends Feb 28 … Aug 31, and Jan 31 as February's churn base.
 * a: paid 2025-01-01.                       days since last at Jan 31 30, Feb 28 58, Mar 31 89, Apr 30 119, May 31 150, Jun 30 180
 * b: paid 2024-12-20, 2025-02-10.            Jan 31 42 (last Dec 20); then from Feb 10: Feb 28 18, Mar 31 49, Apr 30 79, May 31 110, Jun 30 140, Jul 31 171, Aug 31 202
 * c: paid 2024-09-15; a cancelled order in March does not bring c back.  Jan 31 138, Feb 28 166, Mar 31 197
 * d: paid 2025-03-15 (email).                Mar 31 16 (new), Apr 30 46, May 31 77, Jun 30 107, Jul 31 138, Aug 31 169
 * e: paid 2025-04-01 twice (08:00 direct, 09:00 paid_search) and 2025-04-20.
 *                                            Apr 30: first 29 days back → new; May 31 41, Jun 30 71, Jul 31 102, Aug 31 133 (from Apr 20)
 * f: two paid orders at the same moment 2025-08-20 10:00, ids f2 (affiliate) and f10 (display).  Aug 31: 11 → new
 * g: only a pending order: never a customer.
 *
 *            new active dormant churned   churn: leaving ÷ (new + active at the previous month end)
 * Jan 31      0    2 a,b  1 c      0
 * Feb 28      0    2 a,b  1 c      0      0 ÷ 2
 * Mar 31      1 d  2 a,b  0        1 c    0 ÷ 2
 * Apr 30      1 e  2 b,d  1 a      1 c    a left: 1 ÷ 3 (d, a, b)
 * May 31      0    2 d,e  2 a,b    1 c    b left: 1 ÷ 3 (e, b, d)
 * Jun 30      0    1 e    2 b,d    2 a,c  d left: 1 ÷ 2 (d, e)
 * Jul 31      0    0      3 b,d,e  2 a,c  e left: 1 ÷ 1
 * Aug 31      1 f  0      2 d,e    3 a,b,c  nobody new or active on Jul 31: null
 */
const MONTH_ORDERS: OrderFixture[] = [
  { id: 'a1', customer: 'a', at: '2025-01-01', status: 'paid', total: 10 },
  { id: 'b1', customer: 'b', at: '2024-12-20', status: 'paid', total: 10 },
  { id: 'b2', customer: 'B', at: '2025-02-10', status: 'partially_refunded', total: 10, refund: 2 },
  { id: 'c1', customer: 'c', at: '2024-09-15', status: 'paid', total: 10 },
  { id: 'c2', customer: 'c', at: '2025-03-20', status: 'cancelled', total: 10 },
  { id: 'd1', customer: 'd', at: '2025-03-15', status: 'paid', total: 10, channel: 'email' },
  { id: 'e1', customer: 'e', at: '2025-04-01T09:00:00', status: 'paid', total: 10, channel: 'paid_search' },
  { id: 'e0', customer: 'e', at: '2025-04-01T08:00:00', status: 'refunded', total: 10, refund: 10, channel: 'direct' },
  { id: 'e2', customer: 'e', at: '2025-04-20', status: 'paid', total: 10, channel: 'paid_search' },
  { id: 'f2', customer: 'f', at: '2025-08-20T10:00:00', status: 'paid', total: 10, channel: 'affiliate' },
  { id: 'f10', customer: 'f', at: '2025-08-20T10:00:00', status: 'paid', total: 10, channel: 'display' },
  { id: 'g1', customer: 'g', at: '2025-05-05', status: 'pending', total: 10 },
];
const PERIOD = { from: '2025-02-01', to: '2025-08-31' };

const EXPECTED: Lifecycle = {
  as_of: '2025-08-31',
  stages: { new: 1, active: 0, dormant: 2, churned: 3 },
  months: [
    { month: '2025-02', new: 0, active: 2, dormant: 1, churned: 0, churn_rate: 0 },
    { month: '2025-03', new: 1, active: 2, dormant: 0, churned: 1, churn_rate: 0 },
    { month: '2025-04', new: 1, active: 2, dormant: 1, churned: 1, churn_rate: 1 / 3 },
    { month: '2025-05', new: 0, active: 2, dormant: 2, churned: 1, churn_rate: 1 / 3 },
    { month: '2025-06', new: 0, active: 1, dormant: 2, churned: 2, churn_rate: 1 / 2 },
    { month: '2025-07', new: 0, active: 0, dormant: 3, churned: 2, churn_rate: 1 },
    { month: '2025-08', new: 1, active: 0, dormant: 2, churned: 3, churn_rate: null },
  ],
  // New buyers of the period: d (email), e (its 08:00 order was first: direct), f (same moment: 'f10' < 'f2', display).
  acquisition: [
    { channel: 'direct', new_buyers: 1 },
    { channel: 'display', new_buyers: 1 },
    { channel: 'email', new_buyers: 1 },
  ],
};

describe.each(ENGINES)('customer lifecycle on $name', ({ create }) => {
  let engine: Engine;
  let boundaries: Engine;
  beforeAll(async () => {
    engine = await create();
    await loadTables(engine, { orders: MONTH_ORDERS });
    boundaries = await create();
    await loadTables(boundaries, { orders: BOUNDARY_ORDERS });
  });
  afterAll(async () => {
    await engine.close();
    await boundaries.close();
  });

  const stagesOn = async (e: Engine, day: string) => (await computeLifecycle(e, { from: day, to: day }))?.stages;

  it.each([
    ['2024-11-30', { new: 0, active: 0, dormant: 0, churned: 0 }],
    ['2024-12-30', { new: 1, active: 0, dormant: 0, churned: 0 }], // z: 29 days after its first order
    ['2024-12-31', { new: 0, active: 1, dormant: 0, churned: 0 }], // z: 30 days: no longer new
    ['2025-01-30', { new: 1, active: 1, dormant: 0, churned: 0 }],
    ['2025-01-31', { new: 0, active: 2, dormant: 0, churned: 0 }],
    ['2025-03-31', { new: 0, active: 2, dormant: 0, churned: 0 }],
    ['2025-04-01', { new: 0, active: 0, dormant: 2, churned: 0 }],
    ['2025-06-29', { new: 0, active: 0, dormant: 2, churned: 0 }],
    ['2025-06-30', { new: 0, active: 0, dormant: 0, churned: 2 }],
  ])('stages on %s follow the 29/89/179-day boundaries', async (day, expected) => {
    expect(await stagesOn(boundaries, day)).toEqual(expected);
  });

  it('counts stages at each month end inside the period and the monthly churn rate', async () => {
    expect(await computeLifecycle(engine, PERIOD)).toEqual(EXPECTED);
  });

  it('gives the same section from the derived tables', async () => {
    await rebuildDerived(engine);
    try {
      expect(await computeLifecycle(engine, PERIOD)).toEqual(EXPECTED);
    } finally {
      await dropDerived(engine);
    }
  });

  it('takes month ends inside the period only; stages at `to` even mid-month', async () => {
    // 2025-04-15..2025-05-20: only Apr 30 lies inside. On May 20: a dormant (139 days), b dormant (99),
    // c churned, d active (66), e active (first Apr 1 is 49 days back, so not new; last Apr 20 is 30).
    const lc = await computeLifecycle(engine, { from: '2025-04-15', to: '2025-05-20' });
    expect(lc?.months).toEqual([EXPECTED.months[2]]);
    expect(lc?.stages).toEqual({ new: 0, active: 2, dormant: 2, churned: 1 });
  });

  it('a month with nobody new or active at the month end before has churn null, not 0', async () => {
    // Before c's first order (Sep 15, 2024) nobody is a customer: Jul 31 and Aug 31 have no base.
    const lc = await computeLifecycle(engine, { from: '2024-08-01', to: '2024-09-30' });
    expect(lc?.months).toEqual([
      { month: '2024-08', new: 0, active: 0, dormant: 0, churned: 0, churn_rate: null },
      { month: '2024-09', new: 1, active: 0, dormant: 0, churned: 0, churn_rate: null },
    ]);
  });

  it('under a filter, stages come from the filtered orders; acquisition from the first order ever', async () => {
    // email: only d1. On Apr 30 d is active (46 days); e's first order (direct) is not an email new buyer.
    const lc = await computeLifecycle(engine, { from: '2025-04-01', to: '2025-04-30' }, { channel: ['email'] });
    expect(lc?.stages).toEqual({ new: 0, active: 1, dormant: 0, churned: 0 });
    expect(lc?.acquisition).toEqual([]);
    const march = await computeLifecycle(engine, { from: '2025-03-01', to: '2025-03-31' }, { channel: ['email'] });
    expect(march?.acquisition).toEqual([{ channel: 'email', new_buyers: 1 }]);
  });

  it('moves between stages this month: the stage at the previous month end against the stage on the day', async () => {
    // Apr 30 → May 31 (table above): e new → active, d active → active, b active → dormant, a dormant → dormant, c churned.
    expect(await computeStageMoves(engine, '2025-05-31')).toEqual([
      { from: 'new', to: 'active', customers: 1 },
      { from: 'active', to: 'active', customers: 1 },
      { from: 'active', to: 'dormant', customers: 1 },
      { from: 'dormant', to: 'dormant', customers: 1 },
      { from: 'churned', to: 'churned', customers: 1 },
    ]);
    // Mar 31 → Apr 15: e (first Apr 1) was no customer on Mar 31.
    expect((await computeStageMoves(engine, '2025-04-15')).find((m) => m.from === null)).toEqual({
      from: null,
      to: 'new',
      customers: 1,
    });
    // The same moves from the derived tables (grouped by integer customer id), under a filter too:
    // email keeps d1 only; on May 31 d is active (77 days), on Apr 30 it was active (46).
    await rebuildDerived(engine);
    try {
      expect(await computeStageMoves(engine, '2025-05-31')).toEqual([
        { from: 'new', to: 'active', customers: 1 },
        { from: 'active', to: 'active', customers: 1 },
        { from: 'active', to: 'dormant', customers: 1 },
        { from: 'dormant', to: 'dormant', customers: 1 },
        { from: 'churned', to: 'churned', customers: 1 },
      ]);
      expect(await computeStageMoves(engine, '2025-05-31', { channel: ['email'] })).toEqual([
        { from: 'active', to: 'active', customers: 1 },
      ]);
    } finally {
      await dropDerived(engine);
    }
    expect(await computeStageMoves(engine, '2025-05-31', { channel: ['email'] })).toEqual([
      { from: 'active', to: 'active', customers: 1 },
    ]);
  });

  it('lists the customers of a stage, longest since their last order first', async () => {
    // Dormant on May 31: a (last Jan 1, 150 days), b (written 'b' and 'B'; last Feb 10, 110 days, 2 orders).
    expect(await computeStageCustomers(engine, '2025-05-31', 'dormant')).toEqual([
      {
        customer_id: 'a',
        first_paid: '2025-01-01',
        last_paid: '2025-01-01',
        days_since_last: 150,
        paid_orders: 1,
        paid_total: 10,
      },
      {
        customer_id: 'B',
        first_paid: '2024-12-20',
        last_paid: '2025-02-10',
        days_since_last: 110,
        paid_orders: 2,
        paid_total: 20,
      },
    ]);
  });

  it('is null without orders', async () => {
    const empty = await create();
    try {
      await loadTables(empty, {});
      expect(await computeLifecycle(empty, PERIOD)).toBeNull();
    } finally {
      await empty.close();
    }
  });
});

describe.each(ENGINES)('the report’s lifecycle section on $name', ({ create }) => {
  it('is the section the Customers page shows, in --json, Markdown and CSV', async () => {
    const engine = await create();
    try {
      await loadTables(engine, { orders: MONTH_ORDERS });
      await rebuildDerived(engine);
      const report = await computeReport(engine, { period: PERIOD });
      expect(report.lifecycle).toEqual(EXPECTED);
      const md = renderMarkdown(report);
      expect(md).toContain('## Customer lifecycle');
      expect(md).toMatch(/\| 2025-04 +\| +1 \| +2 \| +1 \| +1 \| +33\.33% \|/);
      expect(md).toMatch(/\| 2025-08 +\| +1 \| +0 \| +2 \| +3 \| +— \|/);
      const csv = renderCsv(report);
      expect(csv).toContain('lifecycle_churned,Churned customers on 2025-08-31,count,3');
      // August's churn cannot be computed: an empty value, never 0.
      expect(csv).toMatch(/churn_rate,Monthly churn rate \(2025-08\),rate,,/);
    } finally {
      await engine.close();
    }
  });
});
