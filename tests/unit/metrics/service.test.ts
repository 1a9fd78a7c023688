import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCsv, renderMarkdown } from '../../../src/cli/format';
import type { Engine } from '../../../src/engine/engine';
import { literal } from '../../../src/engine/sql';
import { dropDerived, rebuildDerived } from '../../../src/metrics/derived';
import { computeService, type ServiceSection } from '../../../src/metrics/queries/service';
import { computeReport } from '../../../src/metrics/report';
import { ENGINES, loadTables, type OrderFixture } from '../../fixtures/metrics/tables';

/*
 * March 2025. Paid orders: o1 a Mar 1 10:00, o2 b Mar 5 12:00, o3 c Mar 10 09:00:01, o4 d Mar 20 09:00
 * (4 paid; o5 is cancelled).
 */
const ORDERS: OrderFixture[] = [
  { id: 'o1', customer: 'a', at: '2025-03-01T10:00:00', status: 'paid', total: 10 },
  { id: 'o2', customer: 'b', at: '2025-03-05T12:00:00', status: 'paid', total: 10 },
  { id: 'o3', customer: 'c', at: '2025-03-10T09:00:01', status: 'paid', total: 10 },
  { id: 'o4', customer: 'd', at: '2025-03-20T09:00:00', status: 'paid', total: 10 },
  { id: 'o5', customer: 'e', at: '2025-03-21T09:00:00', status: 'cancelled', total: 10 },
];
const ITEMS: [string, string][] = [
  ['o1', 'SKU-1'],
  ['o2', 'SKU-1'],
  ['o2', 'SKU-2'],
  ['o4', 'SKU-2'],
  ['o5', 'SKU-1'],
];

/*
 * Tickets (opened, first response, resolved, csat):
 * T1 a pre_sale chat   Mar 1 08:00, +10 min, +2 h, 5     a pays o1 2 h later: converted
 * T2 b pre_sale chat   Mar 2 12:00, +30 min, +24 h, 4    b pays o2 exactly 72 h later: converted (edge inclusive)
 * T3 c pre_sale email  Mar 7 09:00, +60 min, —, 1        c pays o3 72 h and 1 s later: not converted
 * T4 d pre_sale chat   Mar 20 10:00, +61 min, —, 3       d paid an hour before opening: not converted
 * T5 A pre_sale email  Mar 15 10:00, unanswered           a again: one customer
 * T6 c complaint phone Mar 25 10:00, +120 min, +5 h, 2
 * T8 e (blank category and channel: other) Mar 28 10:00, +5 min, +1.5 h, unrated
 * T7 Feb 28: outside the period.
 */
const TICKETS: [string, string, string, string | null, string | null, string, string, number | null][] = [
  ['T1', 'a', '2025-03-01 08:00:00', '2025-03-01 08:10:00', '2025-03-01 10:00:00', 'chat', 'pre_sale', 5],
  ['T2', 'b', '2025-03-02 12:00:00', '2025-03-02 12:30:00', '2025-03-03 12:00:00', 'chat', 'pre_sale', 4],
  ['T3', 'c', '2025-03-07 09:00:00', '2025-03-07 10:00:00', null, 'email', 'pre_sale', 1],
  ['T4', 'd', '2025-03-20 10:00:00', '2025-03-20 11:01:00', null, 'chat', 'pre_sale', 3],
  ['T5', 'A', '2025-03-15 10:00:00', null, null, 'email', 'pre_sale', null],
  ['T6', 'c', '2025-03-25 10:00:00', '2025-03-25 12:00:00', '2025-03-25 15:00:00', 'phone', 'complaint', 2],
  ['T7', 'e', '2025-02-28 10:00:00', '2025-02-28 10:01:00', null, 'chat', 'after_sale', 5],
  ['T8', 'e', '2025-03-28 10:00:00', '2025-03-28 10:05:00', '2025-03-28 11:30:00', '', '', null],
];
/* Reviews: R1 SKU-1 5, R2 'sku-1 ' 2, R3 SKU-2 4, R4 no SKU 1, R5 Feb 28 (outside). */
const REVIEWS: [string, string | null, string, number][] = [
  ['R1', 'SKU-1', '2025-03-02 10:00:00', 5],
  ['R2', 'sku-1 ', '2025-03-06 10:00:00', 2],
  ['R3', 'SKU-2', '2025-03-22 10:00:00', 4],
  ['R4', null, '2025-03-23 10:00:00', 1],
  ['R5', 'SKU-1', '2025-02-28 10:00:00', 5],
];

async function load(engine: Engine): Promise<void> {
  await engine.run('DROP TABLE IF EXISTS service_tickets; DROP TABLE IF EXISTS reviews;');
  await loadTables(engine, { orders: ORDERS });
  // The canonical DDL creates both tables once the operations tables are in it; until then, the columns of DATA.md.
  await engine.run(`CREATE TABLE IF NOT EXISTS service_tickets (ticket_id VARCHAR NOT NULL, customer_id VARCHAR, customer_key VARCHAR,
      order_id VARCHAR, opened_at TIMESTAMP NOT NULL, opened_date DATE NOT NULL, first_response_at TIMESTAMP, resolved_at TIMESTAMP,
      channel VARCHAR, category VARCHAR, csat DOUBLE, source_file VARCHAR);
    CREATE TABLE IF NOT EXISTS reviews (review_id VARCHAR NOT NULL, order_id VARCHAR, sku VARCHAR, sku_key VARCHAR, customer_id VARCHAR,
      customer_key VARCHAR, created_at TIMESTAMP NOT NULL, created_date DATE NOT NULL, rating DOUBLE NOT NULL, source_file VARCHAR);`);
  for (const [order, sku] of ITEMS)
    await engine.run(`INSERT INTO order_items (order_id, sku) VALUES (${literal(order)}, ${literal(sku)})`);
  const ts = (v: string | null) => (v === null ? 'NULL' : `TIMESTAMP ${literal(v)}`);
  for (const [id, customer, opened, response, resolved, channel, category, csat] of TICKETS) {
    await engine.run(`INSERT INTO service_tickets (ticket_id, customer_id, customer_key, opened_at, opened_date, first_response_at, resolved_at, channel, category, csat)
      VALUES (${literal(id)}, ${literal(customer)}, lower(trim(${literal(customer)})), ${ts(opened)}, CAST(${ts(opened)} AS DATE), ${ts(response)}, ${ts(resolved)},
        ${literal(channel)}, ${literal(category)}, ${csat ?? 'NULL'})`);
  }
  for (const [id, sku, at, rating] of REVIEWS) {
    await engine.run(`INSERT INTO reviews (review_id, sku, sku_key, created_at, created_date, rating)
      VALUES (${literal(id)}, ${literal(sku)}, lower(trim(${literal(sku)})), ${ts(at)}, CAST(${ts(at)} AS DATE), ${rating})`);
  }
}

const MARCH = { from: '2025-03-01', to: '2025-03-31' };
const EXPECTED: ServiceSection = {
  tickets: 7, // T1–T6, T8
  // answered, sorted: 5, 10, 30, 60, 61, 120 (n = 6). quantile_cont: rank (n − 1)·q.
  // median: rank 2.5 → 30 + 0.5·(60 − 30) = 45; p90: rank 4.5 → 61 + 0.5·(120 − 61) = 90.5
  first_response_minutes: { median: 45, p90: 90.5 },
  response_within_sla: 4 / 7, // 5, 10, 30, 60 (≤ 60 inclusive) of all 7 tickets, unanswered T5 included
  resolution_rate: 4 / 7, // T1, T2, T6, T8
  resolution_hours: 3.5, // median of 1.5, 2, 5, 24
  complaint_rate: 250, // 1 complaint per 4 paid orders × 1,000
  csat: 2 / 5, // rated: 5, 4, 1, 3, 2 → two ≥ 4
  csat_avg: 3, // 15 / 5
  inquiry_conversion: 2 / 4, // a, b of a, b, c, d
  by_category: [
    { category: 'pre_sale', tickets: 5 },
    { category: 'complaint', tickets: 1 },
    { category: 'other', tickets: 1 },
  ],
  by_channel: [
    { channel: 'chat', tickets: 3 },
    { channel: 'email', tickets: 2 },
    { channel: 'other', tickets: 1 },
    { channel: 'phone', tickets: 1 },
  ],
  reviews: {
    reviews: 4,
    avg_rating: 3, // (5 + 2 + 4 + 1) / 4
    positive_rate: 0.5, // R1, R3
    negative_rate: 0.5, // R2, R4
    review_rate: 1, // 4 reviews / 4 paid orders
    by_sku: [
      // SKU-1 (written two ways): 5 and 2; paid March orders holding it: o1, o2 (o5 is cancelled).
      { sku: 'SKU-1', reviews: 2, avg_rating: 3.5, positive_rate: 0.5, negative_rate: 0.5, review_rate: 1 },
      // SKU-2: 4; orders o2, o4.
      { sku: 'SKU-2', reviews: 1, avg_rating: 4, positive_rate: 1, negative_rate: 0, review_rate: 0.5 },
    ],
  },
};

describe.each(ENGINES)('customer service on $name', ({ create }) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await create();
    await load(engine);
  });
  afterAll(async () => {
    await engine.close();
  });

  it('computes every figure of the hand-worked month', async () => {
    expect(await computeService(engine, MARCH)).toEqual(EXPECTED);
  });

  it('gives the same with the derived tables built', async () => {
    await rebuildDerived(engine);
    try {
      expect(await computeService(engine, MARCH)).toEqual(EXPECTED);
    } finally {
      await dropDerived(engine);
    }
  });

  it('takes the SLA as a setting', async () => {
    // 30 minutes: 5, 10, 30 of 7.
    expect((await computeService(engine, MARCH, {}, { slaMinutes: 30 }))?.response_within_sla).toBe(3 / 7);
  });

  it('the inquiry window closes 72 hours after opening, inclusive, even after `to`', async () => {
    // Period Mar 2 only: T2 (b). b's order on Mar 5 12:00 is after `to` but inside the window.
    const s = await computeService(engine, { from: '2025-03-02', to: '2025-03-02' });
    expect(s?.inquiry_conversion).toBe(1);
    // Mar 7 only: T3 (c); o3 is one second late.
    expect((await computeService(engine, { from: '2025-03-07', to: '2025-03-07' }))?.inquiry_conversion).toBe(0);
  });

  it('a period without tickets: counts 0, ratios null', async () => {
    const s = await computeService(engine, { from: '2025-04-01', to: '2025-04-30' });
    expect(s?.tickets).toBe(0);
    expect(s?.first_response_minutes).toEqual({ median: null, p90: null });
    expect(s?.csat).toBeNull();
    expect(s?.complaint_rate).toBeNull(); // no paid orders in April either
    expect(s?.reviews?.reviews).toBe(0);
    expect(s?.reviews?.avg_rating).toBeNull();
  });

  it('is null without tickets and reviews, and under a filter neither table carries', async () => {
    expect(await computeService(engine, MARCH, { channel: ['email'] })).toBeNull();
    const empty = await create();
    try {
      await loadTables(empty, { orders: ORDERS });
      expect(await computeService(empty, MARCH)).toBeNull();
    } finally {
      await empty.close();
    }
  });
});

describe.each(ENGINES)('the report’s service section on $name', ({ create }) => {
  it('is the hand-worked month in --json, Markdown and CSV; the SLA is the report’s setting', async () => {
    const engine = await create();
    try {
      await load(engine);
      await rebuildDerived(engine);
      const report = await computeReport(engine, { period: MARCH });
      expect(report.service).toEqual(EXPECTED);
      expect((await computeReport(engine, { period: MARCH, slaMinutes: 30 })).service?.response_within_sla).toBe(3 / 7);
      const md = renderMarkdown(report);
      expect(md).toContain('## Customer service and reviews');
      expect(md).toMatch(/\| First response, p90 +\| +90\.5 min \|/);
      expect(md).toMatch(/\| Complaints per 1,000 orders +\| +250\.00 ‰ \|/);
      expect(md).toMatch(/\| SKU-1 +\| +2 \| +3\.50 \|/);
      const csv = renderCsv(report).split('\r\n');
      expect(csv).toContain('first_response_median,"First response, median",minutes,45,,');
      expect(csv).toContain('inquiry_conversion,Inquiry conversion,rate,0.5,,');
    } finally {
      await engine.close();
    }
  });
});
