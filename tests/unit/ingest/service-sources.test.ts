import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNodeWasmEngine } from '../../../src/engine/node';
import { detectFile, ensureTables, importFile } from '../../../src/ingest/import';
import { fixture, textFile } from './helpers';

/**
 * Service tickets and reviews as shops export them (issue 15): a Zendesk tickets CSV export,
 * tickets and reviews with Chinese headers. Expected rows are read off the fixture text by hand.
 */
let engine: Engine;
beforeAll(async () => {
  engine = await createNodeWasmEngine();
}, 60_000);
afterAll(async () => {
  await engine?.close();
});
beforeEach(async () => {
  await engine.run('DROP TABLE IF EXISTS service_tickets; DROP TABLE IF EXISTS reviews;');
  await ensureTables(engine);
});

const TICKET_ROWS = `SELECT ticket_id, customer_key, strftime(opened_at, '%Y-%m-%d %H:%M') AS opened,
  strftime(first_response_at, '%Y-%m-%d %H:%M') AS answered, strftime(resolved_at, '%Y-%m-%d %H:%M') AS resolved,
  channel, category, csat FROM service_tickets ORDER BY ticket_id`;

describe('service sources', () => {
  it('reads a Zendesk tickets export: Good/Bad → 5/1, Offered/Not Offered unrated, first reply in minutes, wall clock kept', async () => {
    const file = fixture('service/zendesk_tickets.csv');
    expect(await detectFile(engine, file)).toMatchObject({ table: 'service_tickets', source: 'zendesk_tickets' });
    const r = await importFile(engine, file);
    // 1045's satisfaction of 7 is no 1–5 score: rejected and counted.
    expect(r).toMatchObject({ rowsLoaded: 4, rowsRejected: 1, reasons: { 'csat outside 1–5': 1 } });
    expect(await engine.query(TICKET_ROWS)).toEqual([
      // +0800 does not move 08:00; the first reply came 10 minutes later.
      {
        ticket_id: '1041',
        customer_key: '3620011',
        opened: '2025-03-01 08:00',
        answered: '2025-03-01 08:10',
        resolved: '2025-03-01 10:00',
        channel: 'chat',
        category: 'pre_sale',
        csat: 5,
      },
      // 23:30 at −0500 stays March 2; 45 minutes later is 00:15 on March 3.
      {
        ticket_id: '1042',
        customer_key: '3620012',
        opened: '2025-03-02 23:30',
        answered: '2025-03-03 00:15',
        resolved: '2025-03-03 01:00',
        channel: 'email',
        category: 'complaint',
        csat: 1,
      },
      {
        ticket_id: '1043',
        customer_key: '3620013',
        opened: '2025-03-04 09:00',
        answered: null,
        resolved: null,
        channel: 'phone',
        category: 'after_sale',
        csat: null,
      },
      {
        ticket_id: '1044',
        customer_key: '3620014',
        opened: '2025-03-05 10:00',
        answered: '2025-03-05 10:05',
        resolved: null,
        channel: 'email',
        category: 'other',
        csat: null,
      },
    ]);
  });

  it('a ticket id seen again in a later file replaces the earlier row, counted', async () => {
    await importFile(engine, fixture('service/zendesk_tickets.csv'));
    const later = textFile(
      'zendesk-later.csv',
      'Id,Requester id,Via,Created at,Solved at,Tags,Satisfaction Score,First reply time in minutes\n1043,3620013,Voice,2025-03-04 09:00:00 +0000,2025-03-05 09:00:00 +0000,after_sale,Good,30\n',
    );
    const r = await importFile(engine, later);
    expect(r).toMatchObject({ rowsLoaded: 1, duplicates: 1 });
    const rows = await engine.query(
      `SELECT count(*) AS n, max(csat) FILTER (WHERE ticket_id = '1043') AS csat FROM service_tickets`,
    );
    expect(rows).toEqual([{ n: 4, csat: 5 }]);
  });

  it('reads tickets with Chinese headers; a ticket resolved before it was opened is rejected with its reason', async () => {
    const file = fixture('service/cn_tickets.csv');
    expect(await detectFile(engine, file)).toMatchObject({ table: 'service_tickets', source: 'cn_tickets' });
    const r = await importFile(engine, file);
    expect(r).toMatchObject({ rowsLoaded: 3, rowsRejected: 1, reasons: { 'resolved_at before opened_at': 1 } });
    expect(r.rejected?.[0]).toMatchObject({ line: 5, reason: 'resolved_at before opened_at' });
    expect(await engine.query(TICKET_ROWS)).toEqual([
      {
        ticket_id: 'GD001',
        customer_key: 'c-1',
        opened: '2025-03-01 08:00',
        answered: '2025-03-01 08:20',
        resolved: '2025-03-01 09:00',
        channel: 'chat',
        category: 'pre_sale',
        csat: 5,
      },
      {
        ticket_id: 'GD002',
        customer_key: 'c-2',
        opened: '2025-03-02 10:00',
        answered: '2025-03-02 12:00',
        resolved: null,
        channel: 'phone',
        category: 'complaint',
        csat: 1,
      },
      {
        ticket_id: 'GD003',
        customer_key: 'c-3',
        opened: '2025-03-03 10:00',
        answered: null,
        resolved: null,
        channel: 'email',
        category: 'after_sale',
        csat: null,
      },
    ]);
  });

  it('reads reviews with Chinese headers (评价时间, 评分); a rating of 6 is rejected', async () => {
    const file = fixture('service/cn_reviews.csv');
    expect(await detectFile(engine, file)).toMatchObject({ table: 'reviews', source: 'cn_reviews' });
    const r = await importFile(engine, file);
    expect(r).toMatchObject({ rowsLoaded: 2, rowsRejected: 1, reasons: { 'rating outside 1–5': 1 } });
    expect(
      await engine.query(
        `SELECT review_id, order_id, sku_key, customer_key, CAST(created_date AS VARCHAR) AS d, rating FROM reviews ORDER BY review_id`,
      ),
    ).toEqual([
      { review_id: 'PJ001', order_id: 'MM1', sku_key: 'sku-1', customer_key: 'c-1', d: '2025-03-03', rating: 5 },
      { review_id: 'PJ002', order_id: 'MM2', sku_key: 'sku-2', customer_key: 'c-2', d: '2025-03-04', rating: 1 },
    ]);
  });
});
