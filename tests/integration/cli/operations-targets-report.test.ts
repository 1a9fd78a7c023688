import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, yardstick, type Run } from './run-cli';
import { SAMPLE_REPORT_ARGS } from './sample-args';

/*
 * `yardstick report --targets` on the sample shop with targets on operations metrics (issues 13
 * item 4, 14 item 4, 15 item 5): each `targets` row equals what native DuckDB computes straight
 * from the sample CSV files with SQL written here from METRICS.md ("Targets", "Products",
 * "Marketing", "Customer service"), not with Yardstick's metric code.
 */
const Q4 = { from: '2026-10-01', to: '2026-12-31' };
const TARGETS = {
  version: 1,
  targets: [
    { id: 'csat-q4', metric: 'csat', period: Q4, ladder: { target: 0.8 } },
    { id: 'roas-search', metric: 'roas', period: Q4, filters: { channel: ['paid_search'] }, ladder: { target: 6 } },
    { id: 'star-revenue', metric: 'item_revenue', period: Q4, filters: { role: ['star'] }, ladder: { target: 900000 } },
    {
      id: 'first-response',
      metric: 'first_response_median',
      period: { from: '2026-10-01', to: '2026-10-31' },
      ladder: { target: 15 },
    },
  ],
};

interface Independent {
  tickets_last: string;
  spend_last: string;
  orders_last: string;
  csat: number;
  gmv_search: number;
  spend_search: number;
  star_revenue: number;
  response_median: number;
}

const S = path.join(ROOT, 'sample-data');

/** The numbers from the CSV files, with native DuckDB. */
async function independent(): Promise<Independent> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const csv = (name: string) => `read_csv('${path.join(S, `${name}.csv.gz`)}', header = true)`;
  await c.run(`CREATE TABLE o AS SELECT * FROM ${csv('orders')}`);
  await c.run(`CREATE TABLE i AS SELECT * FROM ${csv('order_items')}`);
  await c.run(`CREATE TABLE p AS SELECT * FROM ${csv('products')}`);
  await c.run(`CREATE TABLE m AS SELECT * FROM ${csv('marketing_spend')}`);
  await c.run(`CREATE TABLE t AS SELECT * FROM ${csv('service_tickets')}`);
  const reader = await c.runAndReadAll(`
    WITH last AS (
      SELECT (SELECT max(CAST(opened_at AS DATE)) FROM t) AS tickets_last,
             (SELECT max(CAST(date AS DATE)) FROM m) AS spend_last,
             (SELECT max(CAST(ordered_at AS DATE)) FROM o) AS orders_last),
    paid AS (SELECT * FROM o WHERE status IN ('paid', 'partially_refunded', 'refunded'))
    SELECT CAST(tickets_last AS VARCHAR) AS tickets_last, CAST(spend_last AS VARCHAR) AS spend_last,
      CAST(orders_last AS VARCHAR) AS orders_last,
      (SELECT count(*) FILTER (WHERE csat >= 4) / count(csat) FROM t
        WHERE CAST(opened_at AS DATE) BETWEEN DATE '2026-10-01' AND tickets_last)::DOUBLE AS csat,
      (SELECT sum(order_total) FROM paid WHERE trim(channel) = 'paid_search'
        AND CAST(ordered_at AS DATE) BETWEEN DATE '2026-10-01' AND least(orders_last, spend_last))::DOUBLE AS gmv_search,
      (SELECT sum(spend) FROM m WHERE trim(channel) = 'paid_search'
        AND CAST(date AS DATE) BETWEEN DATE '2026-10-01' AND least(orders_last, spend_last))::DOUBLE AS spend_search,
      (SELECT sum(i.quantity * i.unit_price) FROM i JOIN paid ON paid.order_id = i.order_id
        JOIN p ON lower(trim(p.sku)) = lower(trim(i.sku))
        WHERE p.role = 'star' AND CAST(paid.ordered_at AS DATE) BETWEEN DATE '2026-10-01' AND orders_last)::DOUBLE AS star_revenue,
      (SELECT median(date_diff('second', CAST(opened_at AS TIMESTAMP), CAST(first_response_at AS TIMESTAMP)) / 60.0) FROM t
        WHERE first_response_at IS NOT NULL
          AND CAST(opened_at AS DATE) BETWEEN DATE '2026-10-01' AND least(tickets_last, DATE '2026-10-31'))::DOUBLE AS response_median
    FROM last`);
  const row = reader.getRowObjects()[0] as unknown as Independent;
  c.closeSync();
  db.closeSync();
  return row;
}

const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;

let run: Run;
let want: Independent;
beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ys-ops-targets-'));
  const file = path.join(dir, 'targets.json');
  writeFileSync(file, JSON.stringify(TARGETS));
  [run, want] = await Promise.all([yardstick([...SAMPLE_REPORT_ARGS, '--targets', file, '--json']), independent()]);
}, 300_000);

describe('report --json targets rows for operations metrics on the sample shop', () => {
  it('CSAT: as_of is the tickets’ last date, a level (share null), the rate over the tickets so far', () => {
    expect(run.status, run.stderr).toBe(0);
    const row = JSON.parse(run.stdout).targets.find((t: { id: string }) => t.id === 'csat-q4');
    expect(row).toMatchObject({ metric: 'csat', as_of: want.tickets_last, share: null, target: 0.8 });
    expect(row.actual_to_date).toBeCloseTo(want.csat, 12);
    expect(row.projected).toBeCloseTo(want.csat, 12);
    expect(row.attainment).toBeCloseTo(want.csat / 0.8, 12);
    expect(row.status).toBe(want.csat >= 0.8 ? 'on_track' : want.csat >= 0.72 ? 'at_risk' : 'off_track');
  });

  it('ROAS of paid search: as_of the earlier of orders and spend, GMV ÷ spend of the channel', () => {
    const row = JSON.parse(run.stdout).targets.find((t: { id: string }) => t.id === 'roas-search');
    const asOf = want.orders_last < want.spend_last ? want.orders_last : want.spend_last;
    const roas = want.gmv_search / want.spend_search;
    expect(row).toMatchObject({ metric: 'roas', as_of: asOf, share: null, target: 6 });
    expect(row.actual_to_date).toBeCloseTo(roas, 9);
    expect(row.status).toBe(roas >= 6 ? 'on_track' : roas >= 5.4 ? 'at_risk' : 'off_track');
  });

  it('item revenue of the star SKUs: paced as a sum over the days so far', () => {
    const row = JSON.parse(run.stdout).targets.find((t: { id: string }) => t.id === 'star-revenue');
    const share = days(Q4.from, want.orders_last) / days(Q4.from, Q4.to);
    expect(row).toMatchObject({ metric: 'item_revenue', as_of: want.orders_last, target: 900000 });
    expect(row.share).toBeCloseTo(share, 12);
    expect(row.actual_to_date).toBeCloseTo(want.star_revenue, 6);
    expect(row.expected_to_date).toBeCloseTo(900000 * share, 6);
    expect(row.projected).toBeCloseTo(want.star_revenue / share, 6);
    const projected = want.star_revenue / share;
    expect(row.status).toBe(projected >= 900000 ? 'on_track' : projected >= 810000 ? 'at_risk' : 'off_track');
  });

  it('first-response median, lower is better: attainment is target ÷ projected', () => {
    const row = JSON.parse(run.stdout).targets.find((t: { id: string }) => t.id === 'first-response');
    expect(row).toMatchObject({ metric: 'first_response_median', share: null, target: 15 });
    expect(row.actual_to_date).toBeCloseTo(want.response_median, 9);
    expect(row.attainment).toBeCloseTo(15 / want.response_median, 9);
    const m = want.response_median;
    expect(row.status).toBe(m <= 15 ? 'on_track' : m <= 16.5 ? 'at_risk' : 'off_track');
  });
});
