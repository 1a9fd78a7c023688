import { describe, expect, it } from 'vitest';
import { dropDerived, rebuildDerived } from '../../../src/metrics/derived';
import { computeActivationFunnel } from '../../../src/metrics/queries/activation-funnel';
import { ENGINES, loadTables, type OrderFixture, type UserFixture } from '../../fixtures/metrics/tables';

/*
 * Period 2025-03-01..2025-03-31. Registrations (users registered in March): u1 … u6 (u7 registered in
 * February is outside).
 *   u1 reg Mar 1, paid Mar 1 (0 days) and Mar 20           → first order, second order
 *   u2 reg Mar 2, paid Apr 1 (30 days, after `to` too)      → first order; one paid order only
 *   u3 reg Mar 3, paid Apr 3 (31 days)                      → not activated (its later orders do not count)
 *   u4 reg Mar 4, a pending order only                      → no paid order
 *   U5 reg Mar 5 (written " U5"), paid as "u5" Mar 6, cancelled Mar 7 (not paid) → first order; one paid order
 *   u6 reg Mar 31, paid Apr 10 and May 1                    → first order, second order (May is after `to`)
 *   u7 reg Feb 27, paid Mar 1 and Mar 2                     → outside the period
 * registrations 6, first order 4 (u1, u2, U5, u6) → 4/6, second order 2 (u1, u6) → 2/4.
 */
const USERS: UserFixture[] = [
  { id: 'u1', at: '2025-03-01T09:00:00' },
  { id: 'u2', at: '2025-03-02T23:00:00' },
  { id: 'u3', at: '2025-03-03' },
  { id: 'u4', at: '2025-03-04' },
  { id: ' U5', at: '2025-03-05' },
  { id: 'u6', at: '2025-03-31T23:59:00' },
  { id: 'u7', at: '2025-02-27' },
];
const ORDERS: OrderFixture[] = [
  { id: 'o1', customer: 'u1', at: '2025-03-01T08:00:00', status: 'paid', total: 10 },
  { id: 'o2', customer: 'u1', at: '2025-03-20', status: 'paid', total: 10 },
  { id: 'o3', customer: 'u2', at: '2025-04-01', status: 'paid', total: 10 },
  { id: 'o4', customer: 'u3', at: '2025-04-03', status: 'paid', total: 10 },
  { id: 'o5', customer: 'u3', at: '2025-04-04', status: 'paid', total: 10 },
  { id: 'o6', customer: 'u4', at: '2025-03-10', status: 'pending', total: 10 },
  { id: 'o7', customer: 'u5', at: '2025-03-06', status: 'paid', total: 10 },
  { id: 'o8', customer: 'u5', at: '2025-03-07', status: 'cancelled', total: 10 },
  { id: 'o9', customer: 'u6', at: '2025-04-10', status: 'paid', total: 10 },
  { id: 'o10', customer: 'u6', at: '2025-05-01', status: 'paid', total: 10 },
  { id: 'o11', customer: 'u7', at: '2025-03-01', status: 'paid', total: 10 },
  { id: 'o12', customer: 'u7', at: '2025-03-02', status: 'paid', total: 10 },
];
const MARCH = { from: '2025-03-01', to: '2025-03-31' };

describe.each(ENGINES)('the registration → first order → second order funnel ($name)', ({ create }) => {
  it('counts each step and its rate against the step before (hand-worked)', async () => {
    const engine = await create();
    await loadTables(engine, { users: USERS, orders: ORDERS });
    expect(await computeActivationFunnel(engine, MARCH, {})).toEqual({
      registrations: 6,
      first_order: 4,
      second_order: 2,
      first_order_rate: 4 / 6,
      second_order_rate: 2 / 4,
    });
    // The same from the derived tables (the per-customer table holds first paid dates and paid orders).
    await rebuildDerived(engine);
    expect(await computeActivationFunnel(engine, MARCH, {})).toEqual({
      registrations: 6,
      first_order: 4,
      second_order: 2,
      first_order_rate: 4 / 6,
      second_order_rate: 2 / 4,
    });
    await dropDerived(engine);
    // A month with registrations but nobody activated: second step's rate is null, not 0.
    await loadTables(engine, { users: [{ id: 'x', at: '2025-03-01' }], orders: [] });
    expect(await computeActivationFunnel(engine, MARCH, {})).toEqual({
      registrations: 1,
      first_order: 0,
      second_order: 0,
      first_order_rate: 0,
      second_order_rate: null,
    });
    // No registrations in the period: no funnel.
    expect(await computeActivationFunnel(engine, { from: '2024-01-01', to: '2024-01-31' }, {})).toBeNull();
    await engine.close();
  });
});
