import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNativeEngine } from '../../../src/engine/native';
import type { Engine } from '../../../src/engine/engine';
import type { CampaignRow } from '../../../src/metrics/queries/marketing';
import { ROOT, yardstick } from './run-cli';

/**
 * Issue 14, item 6: the sample shop's calendar is "consistent with its orders (a visible uplift
 * and a dip after Double 11)", and its festival orders carry the campaign. The report's Double 11
 * 2025 row is held to METRICS.md's definitions computed here in plain SQL on native DuckDB over
 * the sample files: baseline = shop GMV per day over the 28 days before the start, daily GMV over
 * the campaign's days, the 14 days after its end, tagged orders by the orders' campaign column.
 */
const S = path.join(ROOT, 'sample-data');
const START = '2025-11-01';
const END = '2025-11-11';

let row: CampaignRow;
let sql: Engine;
beforeAll(async () => {
  const run = await yardstick([
    'report',
    ...['--orders', path.join(S, 'orders.csv.gz')],
    ...['--spend', path.join(S, 'marketing_spend.csv.gz'), '--campaigns', path.join(S, 'campaigns.csv.gz')],
    ...['--from', START, '--to', END, '--json'],
  ]);
  expect(run.status, run.stderr).toBe(0);
  const campaigns = (JSON.parse(run.stdout) as { marketing: { campaigns: CampaignRow[] } }).marketing.campaigns;
  row = campaigns.find((c) => c.campaign === 'double11_2025')!;
  sql = await createNativeEngine();
}, 180_000);
afterAll(() => sql?.close());

/** Shop GMV per day over [from, to], from the orders file itself. */
async function gmvPerDay(from: string, to: string): Promise<number> {
  const [r] = await sql.query(`
    SELECT sum(order_total)::DOUBLE / (DATE '${to}' - DATE '${from}' + 1) AS v
    FROM read_csv('${path.join(S, 'orders.csv.gz')}', header = true, types = {'order_total': 'DOUBLE', 'ordered_at': 'TIMESTAMP'})
    WHERE status IN ('paid', 'partially_refunded', 'refunded') AND CAST(ordered_at AS DATE) BETWEEN DATE '${from}' AND DATE '${to}'`);
  return Number(r?.['v']);
}

describe('the sample shop’s Double 11 2025', () => {
  it('lifts daily GMV over its 28-day baseline, as plain SQL over the orders computes it', async () => {
    const baseline = await gmvPerDay('2025-10-04', '2025-10-31'); // the 28 days before 1 November
    const during = await gmvPerDay(START, END);
    expect(row.baseline_daily_gmv).toBeCloseTo(baseline, 6);
    expect(row.daily_gmv).toBeCloseTo(during, 6);
    expect(row.uplift).toBeCloseTo(during / baseline - 1, 9);
    expect(row.uplift!).toBeGreaterThan(0.5); // visible: at least half again the ordinary day
  });

  it('dips in the 14 days after it (orders pulled forward)', async () => {
    const baseline = await gmvPerDay('2025-10-04', '2025-10-31');
    const after = await gmvPerDay('2025-11-12', '2025-11-25');
    expect(row.after_dip).toBeCloseTo(after / baseline - 1, 9);
    expect(row.after_dip!).toBeLessThan(-0.05);
  });

  it('has tagged orders: the festival’s paid orders carry its id', async () => {
    const [r] = await sql.query(`
      SELECT count(*) AS n, sum(order_total)::DOUBLE AS gmv
      FROM read_csv('${path.join(S, 'orders.csv.gz')}', header = true, types = {'order_total': 'DOUBLE', 'ordered_at': 'TIMESTAMP'})
      WHERE status IN ('paid', 'partially_refunded', 'refunded') AND campaign = 'double11_2025'
        AND CAST(ordered_at AS DATE) BETWEEN DATE '${START}' AND DATE '${END}'`);
    expect(Number(r?.['n'])).toBeGreaterThan(0);
    expect(row.tagged_orders).toBe(Number(r?.['n']));
    expect(row.tagged_gmv).toBeCloseTo(Number(r?.['gmv']), 6);
  });
});
