import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/cli/args';
import { renderReport } from '../../../src/cli/format';
import { buildReport, loadFiles } from '../../../src/cli/run-report';
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

/**
 * `report --products --inventory` (issue 13): a two-order shop. Period 2025-03-01..03-31.
 * O1 c1 03-02 paid A 2×10; O2 c2 03-30 paid A 1×10, B 1×4. products: A cost 4 list 10, B no cost.
 * inventory 03-01: A 30, B 0.
 * A: units 3, revenue 30, margin 30 − 12 = 18 (.6); B: units 1, revenue 4, no cost.
 * Totals: units 4, revenue 34, gross margin 18, cost coverage 30/34.
 * Inventory on 03-31: the 28 days ending D are 03-04..03-31, so only O2 counts: A daily 1/28, cover 30 × 28 = 840 → overstock; B on hand 0, daily 1/28 → stockout, reorder.
 * inventory_value(D) = 30 × 4 = 120 (B has no cost).
 */
describe('report --products --inventory', () => {
  it('prints the products and inventory sections in JSON, Markdown and CSV, the same on wasm and native', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ys-prod-'));
    const write = (name: string, text: string) => {
      writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    const orders = write(
      'o.csv',
      'order_id,customer_id,ordered_at,status,order_total\nO1,c1,2025-03-02 10:00,paid,20\nO2,c2,2025-03-30 10:00,paid,14\n',
    );
    const items = write('i.csv', 'order_id,sku,quantity,unit_price\nO1,A,2,10\nO2,A,1,10\nO2,B,1,4\n');
    const products = write('p.csv', 'sku,product_name,unit_cost,list_price\nA,Mug,4,10\nB,Plate,,\n');
    const stock = write('s.csv', 'date,sku,on_hand\n2025-03-01,A,30\n2025-03-01,B,0\n');
    const argv = (engine: string, format: string) => [
      'report',
      '--orders',
      orders,
      '--order-items',
      items,
      '--products',
      products,
      '--inventory',
      stock,
      '--from',
      '2025-03-01',
      '--to',
      '2025-03-31',
      '--engine',
      engine,
      '--format',
      format,
    ];
    const reports = [];
    for (const engine of ['wasm', 'native']) {
      const parsed = parseArgs(argv(engine, 'json'), TODAY);
      if (!parsed.ok || parsed.command !== 'report') throw new Error('not parsed');
      reports.push(await buildReport(parsed.args, () => {}));
    }
    const [wasm, native] = reports;
    expect(native!.products).toEqual(wasm!.products);
    expect(native!.inventory).toEqual(wasm!.inventory);
    const p = wasm!.products!;
    expect(p.totals).toMatchObject({ units: 4, item_revenue: 34, gross_margin: 18 });
    expect(p.totals.cost_coverage).toBeCloseTo(30 / 34, 12);
    expect(p.rows.find((r) => r.sku === 'A')).toMatchObject({ units: 3, margin_rate: 0.6, abc: 'A' });
    const inv = wasm!.inventory!;
    expect(inv.inventory_value).toBe(120);
    expect(inv.rows.find((r) => r.sku === 'A')).toMatchObject({ on_hand: 30, alerts: ['overstock'] });
    expect(inv.rows.find((r) => r.sku === 'B')).toMatchObject({ on_hand: 0, alerts: ['stockout', 'reorder'] });
    expect(inv.rows.find((r) => r.sku === 'A')!.days_of_cover).toBeCloseTo(840, 9);

    const md = renderReport(wasm!, 'md');
    expect(md).toContain('## Products');
    expect(md).toContain('## Inventory on 2025-03-31');
    expect(md).toContain('Stock-out, Reorder');
    const csv = renderReport(wasm!, 'csv');
    expect(csv).toMatch(/cost_coverage,Cost coverage,rate,0\.88/);
    expect(csv).toMatch(/inventory_value,Inventory value on 2025-03-31,money,120/);
  }, 120_000);
});
