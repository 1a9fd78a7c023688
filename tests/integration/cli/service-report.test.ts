import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, yardstick, type Run } from './run-cli';

/*
 * `yardstick report --tickets … --reviews … --sla 30` on the Zendesk and Chinese fixtures, March 2025
 * (the orders are February's: no paid order in March).
 * Tickets loaded (7): Zendesk 1041 chat pre_sale 10 min, resolved 2 h, Good; 1042 email complaint 45 min,
 * resolved 1.5 h, Bad; 1043 phone after_sale unanswered; 1044 email other 5 min (1045, CSAT 7, rejected);
 * Chinese GD001 chat pre_sale 20 min, resolved 1 h, 非常满意 (5); GD002 phone complaint 120 min, 不满意 (1);
 * GD003 email after_sale unanswered (GD004, resolved before opened, rejected).
 * Answered minutes sorted: 5, 10, 20, 45, 120 → median 20; p90 at rank 3.6: 45 + 0.6 × 75 = 90.
 * Within 30 minutes: 5, 10, 20 → 3 / 7. Resolved: 3 / 7, median 1.5 h. CSAT: 5, 1, 5, 1 → 2 / 4, mean 3.
 * Pre-sale customers 3620011 and c-1 placed no order: inquiry conversion 0 / 2. No paid order in March:
 * complaint_rate and review_rate null.
 * Reviews (PJ003, rating 6, rejected): PJ001 SKU-1 5, PJ002 SKU-2 1.
 */
const FIX = path.join(ROOT, 'tests/fixtures');
let run: Run;

beforeAll(async () => {
  run = await yardstick([
    'report',
    '--orders',
    path.join(FIX, 'metrics/cli/orders-feb.csv'),
    '--tickets',
    path.join(FIX, 'ingest/service/zendesk_tickets.csv'),
    path.join(FIX, 'ingest/service/cn_tickets.csv'),
    '--reviews',
    path.join(FIX, 'ingest/service/cn_reviews.csv'),
    '--from',
    '2025-03-01',
    '--to',
    '2025-03-31',
    '--sla',
    '30',
    '--json',
  ]);
}, 120_000);

describe('yardstick report with tickets and reviews', () => {
  it('prints the hand-worked service section', () => {
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.service).toEqual({
      tickets: 7,
      first_response_minutes: { median: 20, p90: expect.closeTo(90, 9) }, // 45 + 0.6 × 75 in doubles
      response_within_sla: 3 / 7,
      resolution_rate: 3 / 7,
      resolution_hours: 1.5,
      complaint_rate: null,
      csat: 0.5,
      csat_avg: 3,
      inquiry_conversion: 0,
      by_category: [
        { category: 'after_sale', tickets: 2 },
        { category: 'complaint', tickets: 2 },
        { category: 'pre_sale', tickets: 2 },
        { category: 'other', tickets: 1 },
      ],
      by_channel: [
        { channel: 'email', tickets: 3 },
        { channel: 'chat', tickets: 2 },
        { channel: 'phone', tickets: 2 },
      ],
      reviews: {
        reviews: 2,
        avg_rating: 3,
        positive_rate: 0.5,
        negative_rate: 0.5,
        review_rate: null,
        by_sku: [
          { sku: 'SKU-2', reviews: 1, avg_rating: 1, positive_rate: 0, negative_rate: 1, review_rate: null },
          { sku: 'SKU-1', reviews: 1, avg_rating: 5, positive_rate: 1, negative_rate: 0, review_rate: null },
        ],
      },
    });
    // Bad rows are counted by reason, nothing silently lost.
    expect(report.data_quality.service_tickets).toMatchObject({
      rows_read: 9,
      rows_loaded: 7,
      rows_rejected: 2,
      reasons: { 'csat outside 1–5': 1, 'resolved_at before opened_at': 1 },
    });
    expect(report.data_quality.reviews).toMatchObject({ rows_loaded: 2, rows_rejected: 1 });
  });

  it('refuses an SLA that is not a number of minutes', async () => {
    const bad = await yardstick([
      'report',
      '--orders',
      path.join(FIX, 'metrics/cli/orders-feb.csv'),
      '--from',
      '2025-03-01',
      '--to',
      '2025-03-31',
      '--sla',
      'soon',
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--sla "soon" must be a number of minutes above 0');
  });
});
