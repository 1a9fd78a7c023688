import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { literal } from '../../../src/engine/sql';
import { describeAlert } from '../../../src/metrics/alert-text';
import { engineMetricSource } from '../../../src/metrics/metric-source';
import { computeOpsSeries, computeOpsValue, type OpsFilters } from '../../../src/metrics/operations';
import { engineSeriesSource } from '../../../src/metrics/running-values';
import type { OpsMetricId } from '../../../src/metrics/registry/operations';
import { burnUp } from '../../../src/targets/burn-up';
import { evaluateTarget } from '../../../src/targets/evaluate';
import { parseTargetsFile } from '../../../src/targets/schema';
import type { Target } from '../../../src/targets/schema';
import { ENGINES, loadTables } from '../../fixtures/metrics/tables';

/*
 * Targets on the operations metrics (issues 13 item 4, 14 item 4, 15 item 5), on a shop small
 * enough to work by hand. Every expected number below is worked out in the comments, not by
 * running the code under test; the same numbers are asserted on DuckDB-WASM and native DuckDB.
 *
 * Orders (paid unless said):
 *   o6 e 2024-11-29 email 10            e's only order: active at Jan 31 (63 days), dormant at Feb 28 (91)
 *   o0 d 2025-01-05 email 20            d's first order: new at Jan 31 (26 days), active at Feb 28 (54)
 *   o1 a 2025-03-02 paid_search 100 coupon WELCOME10    a's first paid order
 *   o2 b 2025-03-05 email 50                             b's first paid order
 *   o3 a 2025-03-10 paid_search 70
 *   o4 c 2025-03-20 paid_search 40 CANCELLED
 *   o5 d 2025-03-25 paid_search 30 coupon ' welcome10 '
 * March paid orders: o1 o2 o3 o5 = 4, GMV 250; paid_search o1 o3 o5 = 3, GMV 200.
 * Coupon orders: o1, o5 → share 2/4 = 0.5; paid_search 2/3.
 * First paid orders in March: a (o1, paid_search), b (o2, email) → 2 new buyers; paid_search 1.
 * Orders' last date: 2025-03-25.
 */
const ORDERS = [
  { id: 'o6', customer: 'e', at: '2024-11-29T09:00:00', status: 'paid', total: 10, channel: 'email' },
  { id: 'o0', customer: 'd', at: '2025-01-05T09:00:00', status: 'paid', total: 20, channel: 'email' },
  { id: 'o1', customer: 'a', at: '2025-03-02T10:00:00', status: 'paid', total: 100, channel: 'paid_search' },
  { id: 'o2', customer: 'b', at: '2025-03-05T10:00:00', status: 'paid', total: 50, channel: 'email' },
  { id: 'o3', customer: 'a', at: '2025-03-10T10:00:00', status: 'paid', total: 70, channel: 'paid_search' },
  { id: 'o4', customer: 'c', at: '2025-03-20T10:00:00', status: 'cancelled', total: 40, channel: 'paid_search' },
  { id: 'o5', customer: 'd', at: '2025-03-25T10:00:00', status: 'paid', total: 30, channel: 'paid_search' },
] as const;

/*
 * Items (order, sku, quantity, unit price, category):
 *   o1 SKU-A 2 × 30 = 60 shoes; o1 SKU-B 1 × 40 = 40 bags; o2 SKU-A 1 × 30 = 30 shoes;
 *   o3 SKU-C 3 × 10 = 30 bags; o4 SKU-A 5 (cancelled: never counts); o5 'sku-b ' 1 × 30 = 30 bags.
 * Products: SKU-A cost 10 star; SKU-B cost 25 profit; SKU-C no cost, no role (unassigned).
 * March: item revenue 60 + 40 + 30 + 30 + 30 = 190; units 2 + 1 + 1 + 3 + 1 = 8.
 * Gross margin over items with a cost: A 90 − 3 × 10 = 60, B 70 − 2 × 25 = 20 → 80.
 * Margin rate = 80 ÷ (90 + 70) = 0.5. Star: units 3, revenue 90. Bags: 40 + 30 + 30 = 100.
 */
const ITEMS: [string, string, number, number, string][] = [
  ['o1', 'SKU-A', 2, 30, 'shoes'],
  ['o1', 'SKU-B', 1, 40, 'bags'],
  ['o2', 'SKU-A', 1, 30, 'shoes'],
  ['o3', 'SKU-C', 3, 10, 'bags'],
  ['o4', 'SKU-A', 5, 30, 'shoes'],
  ['o5', 'sku-b ', 1, 30, 'bags'],
];

/*
 * Inventory: SKU-A 10 on Mar 1, then 4 + 3 (two locations) on Mar 28; SKU-B −2 on Mar 28 (oversold).
 * Sell-through over March (D = Mar 31): A on hand 7, B max(−2, 0) = 0; units A 3, B 2; C has no
 * snapshot and is left out → (3 + 2) ÷ (3 + 2 + 7 + 0) = 5/12.
 * Over Mar 1..25 (D = Mar 25): A's latest snapshot is Mar 1 (10), units 3 (o1 2, o2 1); B has no
 * snapshot yet → 3 ÷ (3 + 10) = 3/13.
 */
const INVENTORY: [string, string, number][] = [
  ['2025-03-01', 'SKU-A', 10],
  ['2025-03-28', 'SKU-A', 4],
  ['2025-03-28', 'SKU-A', 3],
  ['2025-03-28', 'SKU-B', -2],
];

/*
 * Spend: Feb 28 paid_search 999 (outside March); Mar 1 paid_search 60; Mar 10 email 20; Mar 15
 * paid_search 40. March: 120; paid_search 100. Spend's last date: Mar 15.
 * ROAS = 250 ÷ 120; paid_search 200 ÷ 100 = 2. CAC = 120 ÷ 2 = 60; paid_search 100 ÷ 1 = 100.
 */
const SPEND: [string, string, number][] = [
  ['2025-02-28', 'paid_search', 999],
  ['2025-03-01', 'paid_search', 60],
  ['2025-03-10', 'email', 20],
  ['2025-03-15', 'paid_search', 40],
];

/*
 * Tickets (opened, minutes to first response, resolved, csat, category):
 *   T1 Mar 2 10:00, 20 min, resolved, 5, after_sale
 *   T2 Mar 5 09:00, 90 min, resolved, 2, complaint
 *   T3 Mar 10 12:00, 40 min, open, unrated, pre_sale
 *   T4 Mar 20 08:00, unanswered, open, 4, complaint
 * CSAT = rated 4 or 5 ÷ rated = 2/3; within SLA (≤ 60 min) T1, T3 → 2/4; resolution 2/4;
 * first-response median over answered {20, 40, 90} = 40; complaints 2 per 4 paid orders → 500 ‰.
 * Mar 10 alone: one ticket, unrated → CSAT null (0 ÷ 0). Tickets' last date: Mar 20.
 * Reviews: 5, 3, 4 → average 4.
 */
const TICKETS: [string, string, number | null, boolean, number | null, string][] = [
  ['T1', '2025-03-02 10:00:00', 20, true, 5, 'after_sale'],
  ['T2', '2025-03-05 09:00:00', 90, true, 2, 'complaint'],
  ['T3', '2025-03-10 12:00:00', 40, false, null, 'pre_sale'],
  ['T4', '2025-03-20 08:00:00', null, false, 4, 'complaint'],
];
const REVIEWS: [string, string, number][] = [
  ['R1', '2025-03-03 10:00:00', 5],
  ['R2', '2025-03-12 10:00:00', 3],
  ['R3', '2025-03-30 10:00:00', 4],
];

async function load(engine: Engine): Promise<void> {
  await loadTables(engine, { orders: ORDERS.map((o) => ({ ...o })) });
  await engine.run(
    `DELETE FROM products; DELETE FROM inventory; DELETE FROM marketing_spend; DELETE FROM service_tickets; DELETE FROM reviews;`,
  );
  await engine.run(`UPDATE orders SET coupon_code = 'WELCOME10' WHERE order_id = 'o1';
    UPDATE orders SET coupon_code = ' welcome10 ' WHERE order_id = 'o5';`);
  for (const [order, sku, q, price, category] of ITEMS)
    await engine.run(`INSERT INTO order_items (order_id, sku, quantity, unit_price, category)
      VALUES (${literal(order)}, ${literal(sku)}, ${q}, ${price}, ${literal(category)})`);
  await engine.run(`INSERT INTO products (sku, sku_key, unit_cost, role, category) VALUES
    ('SKU-A', 'sku-a', 10, 'star', 'shoes'), ('SKU-B', 'sku-b', 25, 'profit', 'bags'), ('SKU-C', 'sku-c', NULL, NULL, 'bags')`);
  for (const [date, sku, onHand] of INVENTORY)
    await engine.run(`INSERT INTO inventory (date, sku, sku_key, on_hand)
      VALUES (DATE ${literal(date)}, ${literal(sku)}, lower(trim(${literal(sku)})), ${onHand})`);
  for (const [date, channel, spend] of SPEND)
    await engine.run(
      `INSERT INTO marketing_spend (date, channel, spend) VALUES (DATE ${literal(date)}, ${literal(channel)}, ${spend})`,
    );
  for (const [id, opened, minutes, resolved, csat, category] of TICKETS) {
    const at = `TIMESTAMP ${literal(opened)}`;
    await engine.run(`INSERT INTO service_tickets (ticket_id, opened_at, opened_date, first_response_at, resolved_at, csat, category)
      VALUES (${literal(id)}, ${at}, CAST(${at} AS DATE), ${minutes === null ? 'NULL' : `${at} + INTERVAL ${minutes} MINUTE`},
        ${resolved ? `${at} + INTERVAL 3 HOUR` : 'NULL'}, ${csat ?? 'NULL'}, ${literal(category)})`);
  }
  for (const [id, at, rating] of REVIEWS)
    await engine.run(`INSERT INTO reviews (review_id, created_at, created_date, rating)
      VALUES (${literal(id)}, TIMESTAMP ${literal(at)}, CAST(TIMESTAMP ${literal(at)} AS DATE), ${rating})`);
}

const MARCH = { from: '2025-03-01', to: '2025-03-31' };

const VALUES: [OpsMetricId, OpsFilters, number | null][] = [
  ['item_revenue', {}, 190],
  ['units', {}, 8],
  ['units', { role: ['star'] }, 3],
  ['item_revenue', { category: ['bags'] }, 100],
  ['item_revenue', { sku: [' sku-c'] }, 30],
  ['item_revenue', { channel: ['email'] }, 30],
  ['gross_margin', {}, 80],
  ['margin_rate', {}, 0.5],
  ['sell_through', {}, 5 / 12],
  ['spend', {}, 120],
  ['spend', { channel: ['paid_search'] }, 100],
  ['roas', {}, 250 / 120],
  ['roas', { channel: ['paid_search'] }, 2],
  ['cac', {}, 60],
  ['cac', { channel: ['paid_search'] }, 100],
  ['coupon_order_share', {}, 0.5],
  ['coupon_order_share', { channel: ['paid_search'] }, 2 / 3],
  ['csat', {}, 2 / 3],
  ['avg_rating', {}, 4],
  ['response_within_sla', {}, 0.5],
  ['resolution_rate', {}, 0.5],
  ['first_response_median', {}, 40],
  ['complaint_rate', {}, 500],
  // Month end Mar 31: base at Feb 28 = d (active); d bought on Mar 25 → nobody leaves.
  ['churn_rate', {}, 0],
];

function target(overrides: Partial<Target> & Pick<Target, 'metric' | 'ladder'>): Target {
  return { id: 't', period: MARCH, filters: {}, phasing: 'linear', milestones: [], ...overrides };
}

describe.each(ENGINES)('operations metrics and their targets on $name', ({ create }) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await create();
    await load(engine);
  }, 120_000);
  afterAll(async () => {
    await engine?.close();
  });

  it.each(VALUES)('%s %j over March is the hand-worked number', async (id, filters, expected) => {
    const value = await computeOpsValue(engine, id, MARCH, filters);
    if (expected === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(expected, 10);
  });

  it('is null when the span holds no number: a ratio over no rated ticket, no data after the table ends, no month end', async () => {
    expect(await computeOpsValue(engine, 'csat', { from: '2025-03-10', to: '2025-03-10' })).toBeNull();
    expect(await computeOpsValue(engine, 'csat', { from: '2025-04-01', to: '2025-04-30' })).toBeNull();
    expect(await computeOpsValue(engine, 'spend', { from: '2025-04-01', to: '2025-04-30' })).toBeNull();
    expect(await computeOpsValue(engine, 'churn_rate', { from: '2025-03-01', to: '2025-03-25' })).toBeNull();
    // Sell-through as of Mar 25 (D = Mar 25): 3 ÷ (3 + 10).
    expect(await computeOpsValue(engine, 'sell_through', { from: '2025-03-01', to: '2025-03-25' })).toBeCloseTo(
      3 / 13,
      12,
    );
    // Feb + Mar pooled: Feb leaves e of {d, e}; Mar none of {d} → 1 ÷ 3.
    expect(await computeOpsValue(engine, 'churn_rate', { from: '2025-02-01', to: '2025-03-31' })).toBeCloseTo(
      1 / 3,
      12,
    );
  });

  it('reads the SLA setting and the roles a planner set, as the service and products sections do', async () => {
    // Within 30 minutes: T1 (20) only → 1 of 4.
    expect(await computeOpsValue(engine, 'response_within_sla', MARCH, {}, { slaMinutes: 30 })).toBe(0.25);
    // SKU-C set to star (it has no role in the products file): star units 3 (A) + 3 (C) = 6.
    expect(await computeOpsValue(engine, 'units', MARCH, { role: ['star'] }, { roles: { 'SKU-C': 'star' } })).toBe(6);
    // SKU-A set to traffic wins over the file's star: no star item is left → 0.
    expect(await computeOpsValue(engine, 'units', MARCH, { role: ['star'] }, { roles: { ' sku-a': 'traffic' } })).toBe(
      0,
    );
  });

  it('gives the burn-up’s running values and a daily shape for metrics that add up over days, no daily shape for a median', async () => {
    const at = (series: { date: string; value: number | null }[] | null, date: string) =>
      series?.find((p) => p.date === date)?.value;
    // Paid-search spend: 60 on Mar 1, 40 on Mar 15 → running 60 until Mar 14, then 100.
    const spend = await computeOpsSeries(engine, 'spend', MARCH, 'running', { channel: ['paid_search'] });
    expect(spend).toHaveLength(31);
    expect([at(spend, '2025-03-01'), at(spend, '2025-03-14'), at(spend, '2025-03-15')]).toEqual([60, 60, 100]);
    const daily = await computeOpsSeries(engine, 'spend', MARCH, 'daily', { channel: ['paid_search'] });
    expect([at(daily, '2025-03-01'), at(daily, '2025-03-02'), at(daily, '2025-03-15')]).toEqual([60, 0, 40]);
    // CSAT from Mar 1 to each day: null before the first ticket (Mar 2), then 1/1, from Mar 5 1/2, from Mar 20 2/3.
    const csat = await engineSeriesSource(engine).runningValues('csat', MARCH, {});
    expect(at(csat, '2025-03-01')).toBeNull();
    expect([at(csat, '2025-03-02'), at(csat, '2025-03-05'), at(csat, '2025-03-19')]).toEqual([1, 0.5, 0.5]);
    expect(at(csat, '2025-03-20')).toBeCloseTo(2 / 3, 12);
    expect(await computeOpsSeries(engine, 'first_response_median', MARCH, 'daily')).toBeNull();
  });

  /*
   * The burn-up's actual line of a metric that does not add up over days is its value from the
   * period's start to each day, as for the orders' ratios; null before the tables' first date and
   * after the target's as_of (the earliest last date of the tables it reads).
   * - First-response median from Mar 1: tickets start Mar 2 → null Mar 1; {20} → 20 on Mar 2–4;
   *   {20, 90} → 55 on Mar 5–9; {20, 90, 40} → 40 from Mar 10 (T4 unanswered adds nothing) to the
   *   tickets' last date Mar 20; null after.
   * - Average rating: reviews start Mar 3 → null Mar 1–2; 5 on Mar 3–11; (5 + 3) ÷ 2 = 4 on Mar 12–29;
   *   (5 + 3 + 4) ÷ 3 = 4 on Mar 30 (the reviews' last date); null Mar 31.
   * - Sell-through (orders to Mar 25, stock from Mar 1 to Mar 28 → as_of Mar 25): Mar 1 A has 10
   *   on hand, nothing sold → 0 ÷ 10 = 0; Mar 2 A sold 2 (B has no snapshot yet, left out) →
   *   2 ÷ 12; Mar 5 A sold 3 → 3 ÷ 13, unchanged to Mar 25 (C has no snapshot, B's comes Mar 28);
   *   null from Mar 26.
   * - Churn from Feb 1 (orders only, as_of Mar 25): no month end before Feb 28 → null; Feb 28 on:
   *   February's 1 of {d, e} → 0.5 up to Mar 25; null after.
   * - ROAS (parts add up, the path the orders' ratios share) from Mar 1 to Mar 10: GMV 100 + 50 + 70
   *   = 220 ÷ spend 60 + 20 = 80 → 2.75.
   */
  it('draws the burn-up actual of a median, a mean, sell-through and churn as the value to date per day', async () => {
    const source = engineSeriesSource(engine);
    const at = (series: { date: string; value: number | null }[], date: string) =>
      series.find((p) => p.date === date)?.value;
    const median = await source.runningValues('first_response_median', MARCH, {});
    expect(median).toHaveLength(31);
    expect(['01', '02', '04', '05', '09', '10', '20', '21', '31'].map((d) => at(median, `2025-03-${d}`))).toEqual([
      null,
      20,
      20,
      55,
      55,
      40,
      40,
      null,
      null,
    ]);
    const rating = await source.runningValues('avg_rating', MARCH, {});
    expect(['02', '03', '11', '12', '29', '30', '31'].map((d) => at(rating, `2025-03-${d}`))).toEqual([
      null,
      5,
      5,
      4,
      4,
      4,
      null,
    ]);
    const sell = await source.runningValues('sell_through', MARCH, {});
    expect(at(sell, '2025-03-01')).toBe(0);
    expect(at(sell, '2025-03-02')).toBeCloseTo(2 / 12, 12);
    expect(at(sell, '2025-03-04')).toBeCloseTo(2 / 12, 12);
    expect(at(sell, '2025-03-05')).toBeCloseTo(3 / 13, 12);
    expect(at(sell, '2025-03-25')).toBeCloseTo(3 / 13, 12);
    expect(at(sell, '2025-03-26')).toBeNull();
    const febMar = { from: '2025-02-01', to: '2025-03-31' };
    const churn = await source.runningValues('churn_rate', febMar, {});
    expect(churn).toHaveLength(59);
    expect(['02-01', '02-27', '02-28', '03-25', '03-26', '03-31'].map((d) => at(churn, `2025-${d}`))).toEqual([
      null,
      null,
      0.5,
      0.5,
      null,
      null,
    ]);
    expect(at(await source.runningValues('roas', MARCH, {}), '2025-03-10')).toBeCloseTo(2.75, 12);

    // On the Goals page: a 45-minute target's level line, and the actual drawn to as_of (Mar 20).
    const chart = burnUp(target({ metric: 'first_response_median', ladder: { target: 45 } }), median, {
      asOf: '2025-03-20',
    });
    expect(chart.kind).toBe('ratio');
    expect(chart.asOf).toBe('2025-03-20');
    const point = (date: string) => chart.points.find((p) => p.date === date)!;
    expect([point('2025-03-01').actual, point('2025-03-05').actual, point('2025-03-20').actual]).toEqual([
      null,
      55,
      40,
    ]);
    expect(point('2025-03-21').actual).toBeNull();
    expect(point('2025-03-31').projected).toBe(40);
  });

  it('gives, for every day with a value, the number the target is evaluated with over the period to that day', async () => {
    const source = engineSeriesSource(engine);
    const febMar = { from: '2025-02-01', to: '2025-03-31' };
    const cases: [OpsMetricId, OpsFilters, { from: string; to: string }][] = [
      ['first_response_median', {}, MARCH],
      ['avg_rating', {}, MARCH],
      ['sell_through', {}, MARCH],
      ['sell_through', { category: ['shoes'] }, MARCH],
      ['sell_through', { role: ['star'] }, MARCH],
      ['churn_rate', { channel: ['email'] }, febMar],
    ];
    for (const [id, filters, period] of cases) {
      const running = await source.runningValues(id, period, filters);
      const known = running.filter((p) => p.value !== null);
      expect(known.length, `${id} ${JSON.stringify(filters)}`).toBeGreaterThan(0);
      for (const { date, value } of running) {
        if (value === null) continue;
        const whole = await computeOpsValue(engine, id, { from: period.from, to: date }, filters);
        expect(value, `${id} ${JSON.stringify(filters)} to ${date}`).toBeCloseTo(whole!, 12);
      }
    }
  });

  it('a spend budget (lower is better) under its ceiling is on track: pacing as a sum, as_of from the spend table', async () => {
    const source = engineMetricSource(engine);
    const status = await evaluateTarget(
      target({ metric: 'spend', filters: { channel: ['paid_search'] }, ladder: { target: 250 } }),
      source,
    );
    // as_of = spend's last date Mar 15; share = 15 ÷ 31; actual = 60 + 40 = 100.
    expect(status.as_of).toBe('2025-03-15');
    expect(status.share).toBeCloseTo(15 / 31, 12);
    expect(status.actual_to_date).toBe(100);
    // expected = 250 × 15/31 = 120.97; projected = 100 × 31/15 = 206.67 ≤ 250 → on_track.
    expect(status.expected_to_date).toBeCloseTo((250 * 15) / 31, 9);
    expect(status.projected).toBeCloseTo((100 * 31) / 15, 9);
    // Lower is better: attainment = target ÷ projected = 250 ÷ 206.67 = 1.2097.
    expect(status.attainment).toBeCloseTo(250 / ((100 * 31) / 15), 9);
    expect(status.status).toBe('on_track');
    // Still to spend: 250 − 100 = 150 over the 16 days after Mar 15.
    expect(status.remaining).toBe(150);
    expect(status.required_daily_rate).toBeCloseTo(150 / 16, 12);
  });

  it('CSAT (a ratio) is judged as a level: share null, as_of from service_tickets, at risk under its target', async () => {
    const status = await evaluateTarget(
      target({ metric: 'csat', ladder: { target: 0.7 } }),
      engineMetricSource(engine),
    );
    // as_of = the tickets' last date Mar 20 (orders run to Mar 25); CSAT over Mar 1..20 = 2/3.
    expect(status.as_of).toBe('2025-03-20');
    expect(status.share).toBeNull();
    expect(status.actual_to_date).toBeCloseTo(2 / 3, 12);
    expect(status.expected_to_date).toBe(0.7);
    expect(status.projected).toBeCloseTo(2 / 3, 12);
    // 0.667 < 0.7 but ≥ the floor 0.63 (90 %) → at_risk; attainment 0.667 ÷ 0.7.
    expect(status.attainment).toBeCloseTo(2 / 3 / 0.7, 12);
    expect(status.status).toBe('at_risk');
  });

  it('first-response median (lower is better) of 40 min against 45 is on track; the same numbers read higher-is-better would be off track', async () => {
    const status = await evaluateTarget(
      target({ metric: 'first_response_median', ladder: { target: 45 } }),
      engineMetricSource(engine),
    );
    expect(status.direction).toBe('lower_is_better');
    expect(status.projected).toBe(40);
    // 40 ≤ 45 → on_track (higher-is-better: 40 < 40.5 = 90 % of 45 → off_track); attainment 45 ÷ 40.
    expect(status.status).toBe('on_track');
    expect(status.attainment).toBeCloseTo(45 / 40, 12);
  });

  it('ROAS (a multiple) takes a target above 1; item revenue of one role paces as a sum from the orders’ last date', async () => {
    const parsed = parseTargetsFile({
      version: 1,
      targets: [
        { id: 'roas', metric: 'roas', period: MARCH, filters: { channel: ['paid_search'] }, ladder: { target: 2.5 } },
        { id: 'star', metric: 'item_revenue', period: MARCH, filters: { role: ['star'] }, ladder: { target: 100 } },
      ],
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [roas, star] = parsed.file.targets as [Target, Target];
    const source = engineMetricSource(engine);
    const r = await evaluateTarget(roas, source);
    // as_of = earlier of orders (Mar 25) and spend (Mar 15); ROAS over Mar 1..15 = (100 + 70) ÷ 100 = 1.7 < 2.25 → off_track.
    expect(r.as_of).toBe('2025-03-15');
    expect(r.actual_to_date).toBeCloseTo(1.7, 12);
    expect(r.status).toBe('off_track');
    const s = await evaluateTarget(star, source);
    // Star items to Mar 25: 60 + 30 = 90; share 25/31; projected 90 × 31/25 = 111.6 ≥ 100 → on_track.
    expect(s.as_of).toBe('2025-03-25');
    expect(s.actual_to_date).toBe(90);
    expect(s.projected).toBeCloseTo((90 * 31) / 25, 9);
    expect(s.status).toBe('on_track');
  });

  it('churn over Feb–Mar as of Mar 25 counts February only: 1 of 2 left → 0.5, off track against 0.4', async () => {
    const status = await evaluateTarget(
      target({ metric: 'churn_rate', period: { from: '2025-02-01', to: '2025-03-31' }, ladder: { target: 0.4 } }),
      engineMetricSource(engine),
    );
    expect(status.as_of).toBe('2025-03-25');
    expect(status.actual_to_date).toBeCloseTo(0.5, 12);
    // Lower is better: 0.5 > 0.44 (110 % of 0.4) → off_track; attainment 0.4 ÷ 0.5.
    expect(status.status).toBe('off_track');
    expect(status.attainment).toBeCloseTo(0.8, 12);
  });
});

describe('targets file checks for operations metrics', () => {
  const file = (t: Record<string, unknown>) =>
    parseTargetsFile({ version: 1, targets: [{ id: 'x', period: MARCH, ladder: { target: 0.9 }, ...t }] });

  it('accepts the new ids with the filters their rows carry', () => {
    expect(file({ metric: 'csat' }).ok).toBe(true);
    expect(file({ metric: 'sell_through', filters: { role: ['star'], sku: ['SKU-A'], category: ['bags'] } }).ok).toBe(
      true,
    );
    expect(file({ metric: 'spend', ladder: { target: 1000 }, filters: { campaign: ['double11'] } }).ok).toBe(true);
  });

  it('refuses a filter the metric’s rows lack, and an unknown metric, saying what to use', () => {
    const csat = file({ metric: 'csat', filters: { channel: ['email'] } });
    expect(csat.ok || csat.errors[0]).toMatchObject({
      field: 'filters.channel',
      message: 'csat cannot be filtered: it is computed over the whole shop',
    });
    const spend = file({ metric: 'spend', ladder: { target: 10 }, filters: { region: ['north'] } });
    expect(spend.ok || spend.errors[0]?.message).toBe(
      'spend cannot be filtered by region; it can by channel, campaign',
    );
    const unknown = file({ metric: 'csat_score' });
    expect(unknown.ok || unknown.errors[0]?.message).toMatch(/unknown metric "csat_score".*item_revenue, roas, csat/);
    // A share stays a fraction; ROAS, a multiple, does not.
    expect(file({ metric: 'coupon_order_share', ladder: { target: 5 } }).ok).toBe(false);
    expect(file({ metric: 'roas', ladder: { target: 5 } }).ok).toBe(true);
  });
});

describe('an alert on an operations target', () => {
  it('names the metric and shows its unit, as for a KPI', () => {
    const alert = {
      kind: 'target' as const,
      metric: 'csat',
      sku: null,
      date: '2025-03-20',
      value: 2 / 3,
      expected: 0.7,
      severity: 'warning' as const,
    };
    expect(describeAlert(alert, 'en', null)).toBe(
      'The CSAT target is at risk: heading for 66.67% against 70.00% (as of 2025-03-20).',
    );
    expect(describeAlert(alert, 'zh-CN', null)).toContain('满意度目标有风险');
  });
});
