import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/cli/args';
import { buildReport } from '../../../src/cli/run-report';

/**
 * `yardstick report --targets FILE` applies the file's sku_roles and campaigns (issues 13 and 14,
 * item 3). The shop, worked by hand:
 * - one order a day 2025-02-01..2025-03-31, one unit of SKU A at its total: 10, but 5 on
 *   2025-03-12..2025-03-25;
 * - on 2025-03-10 and 2025-03-11 also an order of 3 × SKU B at 10 (30), campaign `spring`.
 * March: A sells 31 units for 11×10 + 14×5 + 6×10 = 240, B 6 units for 60; total 300.
 * `spring` as the targets file dates it (03-10..03-11): baseline 02-10..03-09 = 10 a day; during
 * 40 a day (uplift 3); the 14 days after 5 a day (after_dip −0.5); tagged 60 over 2 orders.
 * `winter` (03-28..03-29, from the campaigns file): baseline 02-28..03-27 = 10×10 + 2×40 + 14×5
 * + 2×10 = 270 over 28 days; during 10 a day, uplift 280/270 − 1 = 1/27; after_dip null (04-12
 * is past the last order).
 */
const TODAY = new Date('2026-06-01T00:00:00Z');

function shop() {
  const dir = mkdtempSync(path.join(tmpdir(), 'ys-plan-'));
  const write = (name: string, text: string) => {
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  const orders = ['order_id,customer_id,ordered_at,status,order_total,discount_amount,currency,campaign'];
  const items = ['order_id,sku,quantity,unit_price'];
  for (let d = new Date(Date.UTC(2025, 1, 1)); d <= new Date(Date.UTC(2025, 2, 31)); d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.toISOString().slice(0, 10);
    const total = day >= '2025-03-12' && day <= '2025-03-25' ? 5 : 10;
    orders.push(`D${day},C${day},${day} 10:00,paid,${total},0,USD,`);
    items.push(`D${day},A,1,${total}`);
    if (day === '2025-03-10' || day === '2025-03-11') {
      orders.push(`T${day},K${day},${day} 12:00,paid,30,0,USD,spring`);
      items.push(`T${day},B,3,10`);
    }
  }
  return {
    orders: write('orders.csv', `${orders.join('\n')}\n`),
    items: write('items.csv', `${items.join('\n')}\n`),
    products: write('products.csv', 'sku,product_name,role\nA,Apple,profit\nB,Bean,\n'),
    campaigns: write(
      'campaigns.csv',
      'campaign,name,type,starts_on,ends_on\nspring,Spring (file),holiday,2025-03-01,2025-03-05\nwinter,Winter,other,2025-03-28,2025-03-29\n',
    ),
    targets: write(
      'targets.json',
      JSON.stringify({
        version: 1,
        targets: [],
        sku_roles: { b: '明星', 'ZZ-9': 'traffic' },
        campaigns: [
          {
            campaign: 'spring',
            name: 'Spring sale',
            type: 'flash_sale',
            starts_on: '2025-03-10',
            ends_on: '2025-03-11',
          },
        ],
      }),
    ),
  };
}

async function report(files: ReturnType<typeof shop>, extra: string[]) {
  const parsed = parseArgs(
    [
      'report',
      '--orders',
      files.orders,
      '--order-items',
      files.items,
      '--products',
      files.products,
      '--from',
      '2025-03-01',
      '--to',
      '2025-03-31',
      '--compare',
      'none',
      ...extra,
    ],
    TODAY,
  );
  if (!parsed.ok || parsed.command !== 'report') throw new Error(parsed.ok ? 'not report' : parsed.reason);
  const warnings: string[] = [];
  const json = await buildReport(
    parsed.args,
    () => {},
    (m) => warnings.push(m),
  );
  return { json, warnings };
}

describe('report --targets applies sku_roles and campaigns', () => {
  const files = shop();

  it('a role from the file wins over the products file and shows in the roles; an unknown SKU is named', async () => {
    const without = await report(files, []);
    expect(without.json.products?.rows.find((r) => r.sku === 'B')?.role).toBe('unassigned');
    const { json, warnings } = await report(files, ['--targets', files.targets]);
    expect(json.products?.rows.map((r) => [r.sku, r.role, r.item_revenue])).toEqual([
      ['A', 'profit', 240],
      ['B', 'star', 60],
    ]);
    expect(json.products?.roles.map((r) => [r.role, r.skus, r.item_revenue, r.revenue_share])).toEqual([
      ['star', 1, 60, 0.2],
      ['profit', 1, 240, 0.8],
    ]);
    expect(warnings).toEqual([
      `Warning: ${files.targets}: sku_roles.ZZ-9: no SKU ZZ-9 in the products or the order items; its role applies to nothing`,
    ]);
  }, 180_000);

  it("the file's campaign joins the loaded calendar, replacing the loaded one of the same id", async () => {
    const { json } = await report(files, ['--campaigns', files.campaigns, '--targets', files.targets]);
    const rows = json.marketing?.campaigns ?? [];
    expect(rows.map((c) => [c.campaign, c.name, c.type, c.starts_on, c.ends_on])).toEqual([
      ['spring', 'Spring sale', 'flash_sale', '2025-03-10', '2025-03-11'],
      ['winter', 'Winter', 'other', '2025-03-28', '2025-03-29'],
    ]);
    const [spring, winter] = rows;
    expect(spring).toMatchObject({
      baseline_daily_gmv: 10,
      daily_gmv: 40,
      uplift: 3,
      after_dip: -0.5,
      tagged_gmv: 60,
      tagged_orders: 2,
    });
    expect(winter?.baseline_daily_gmv).toBeCloseTo(270 / 28, 10);
    expect(winter?.uplift).toBeCloseTo(1 / 27, 10);
    expect(winter?.after_dip).toBeNull();
  }, 180_000);

  it('without a campaigns file the section holds the planned campaign alone', async () => {
    const { json } = await report(files, ['--targets', files.targets]);
    expect(json.marketing?.spend).toBeNull();
    expect(json.marketing?.campaigns.map((c) => [c.campaign, c.uplift, c.after_dip])).toEqual([['spring', 3, -0.5]]);
  }, 180_000);
});
