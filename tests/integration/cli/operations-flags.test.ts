import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/cli/args';
import { loadFiles } from '../../../src/cli/run-report';
import { createNodeWasmEngine } from '../../../src/engine/node';
import { dataQualityFrom } from '../../../src/metrics/data-quality';

const TODAY = new Date('2026-06-01T00:00:00Z');

describe('operations table flags', () => {
  it('--products --inventory --spend --campaigns --tickets --reviews load into their tables with data_quality rows', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ys-ops-'));
    const write = (name: string, text: string) => {
      writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    const files = {
      orders: write('o.csv', 'order_id,customer_id,ordered_at,status,order_total\nO1,C1,2025-03-01 10:00,paid,10\n'),
      products: write('p.csv', 'sku,unit_cost\nA,1\n,2\n'),
      inventory: write('i.csv', 'date,sku,on_hand\n2025-03-01,A,5\n'),
      spend: write('s.csv', 'date,channel,spend\n2025-03-01,email,3\n'),
      campaigns: write('c.csv', 'campaign,starts_on,ends_on\nx,2025-03-01,2025-03-02\n'),
      tickets: write('t.csv', 'ticket_id,opened_at\nT1,2025-03-01 09:00\n'),
      reviews: write('r.csv', 'review_id,created_at,rating\nR1,2025-03-01,5\nR2,2025-03-01,9\n'),
    };
    const parsed = parseArgs(
      [
        'report',
        '--orders',
        files.orders,
        '--products',
        files.products,
        '--inventory',
        files.inventory,
        '--spend',
        files.spend,
        '--campaigns',
        files.campaigns,
        '--tickets',
        files.tickets,
        '--reviews',
        files.reviews,
        '--from',
        '2025-03-01',
        '--to',
        '2025-03-31',
      ],
      TODAY,
    );
    if (!parsed.ok || parsed.command !== 'report') throw new Error('not parsed');
    expect(parsed.args.operations.marketing_spend).toEqual([files.spend]);
    const engine = await createNodeWasmEngine();
    try {
      const reports = await loadFiles(engine, parsed.args, () => {});
      const dq = dataQualityFrom(reports);
      expect(dq.products).toMatchObject({
        rows_read: 2,
        rows_loaded: 1,
        rows_rejected: 1,
        reasons: { 'missing sku': 1 },
      });
      expect(dq.inventory).toMatchObject({ rows_loaded: 1, rows_rejected: 0 });
      expect(dq.marketing_spend).toMatchObject({ rows_loaded: 1 });
      expect(dq.campaigns).toMatchObject({ rows_loaded: 1 });
      expect(dq.service_tickets).toMatchObject({ rows_loaded: 1 });
      expect(dq.reviews).toMatchObject({ rows_loaded: 1, rows_rejected: 1, reasons: { 'rating outside 1–5': 1 } });
      const [n] = await engine.query(
        `SELECT (SELECT count(*) FROM products) + (SELECT count(*) FROM inventory) + (SELECT count(*) FROM reviews) AS n`,
      );
      expect(Number(n?.['n'])).toBe(3);
    } finally {
      await engine.close();
    }
  }, 60_000);
});
