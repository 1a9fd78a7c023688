import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { yardstick } from './run-cli';

/**
 * `yardstick report --check` for cron and CI (issue 16): 0 without a critical alert on the
 * period's last day, 3 with one, 2 for bad input, 1 for any other failure.
 *
 * The shop: one paid order on each of eight Tuesdays (2025-01-07 … 2025-02-25) of 100 110 90 105
 * 95 100 120 80, then 20 on Tuesday 2025-03-04. Against its weekday median 100 and MAD 7.5 that
 * day's GMV and AOV score 0.6745 × (20 − 100) / 7.5 = −7.19: critical (|z| > 5).
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'yardstick-check-'));
const orders = path.join(dir, 'orders.csv');
const tuesdays = ['2025-01-07', '2025-01-14', '2025-01-21', '2025-01-28', '2025-02-04', '2025-02-11', '2025-02-18', '2025-02-25'];
const totals = [100, 110, 90, 105, 95, 100, 120, 80];
writeFileSync(
  orders,
  [
    'order_id,customer_id,ordered_at,paid_at,status,order_total,currency',
    ...tuesdays.map((d, i) => `t${i},c${i},${d}T10:00:00,${d}T10:01:00,paid,${totals[i]},USD`),
    'odd,z,2025-03-04T10:00:00,2025-03-04T10:01:00,paid,20,USD',
  ].join('\n') + '\n',
);

describe('yardstick report --check', () => {
  it('exits 3 when a critical alert falls on the last day, and still prints the report', async () => {
    const run = await yardstick(['report', '--orders', orders, '--from', '2025-03-01', '--to', '2025-03-04', '--json', '--check', '--quiet']);
    expect(run.status).toBe(3);
    const report = JSON.parse(run.stdout) as { alerts: { kind: string; metric: string; date: string; severity: string }[] };
    expect(report.alerts.map((a) => `${a.date} ${a.kind} ${a.metric} ${a.severity}`)).toEqual([
      '2025-03-04 anomaly aov critical',
      '2025-03-04 anomaly gmv critical',
    ]);
    expect(run.stderr).toContain('2 critical alert(s) on 2025-03-04: anomaly aov, anomaly gmv');
  });

  it('exits 0 when no critical alert falls on the last day, and without --check', async () => {
    const before = await yardstick(['report', '--orders', orders, '--from', '2025-03-01', '--to', '2025-03-03', '--json', '--check', '--quiet']);
    expect(before.status).toBe(0);
    expect(JSON.parse(before.stdout).alerts).toEqual([]);
    const unchecked = await yardstick(['report', '--orders', orders, '--from', '2025-03-01', '--to', '2025-03-04', '--json', '--quiet']);
    expect(unchecked.status).toBe(0);
  });

  it('exits 2 for bad input, as without --check', async () => {
    const run = await yardstick(['report', '--orders', path.join(dir, 'missing.csv'), '--from', '2025-03-01', '--to', '2025-03-04', '--check']);
    expect(run.status).toBe(2);
  });

  it('exits 1 when anything else fails (the report cannot be written out)', async () => {
    const lines: string[] = [];
    const status = await main(
      ['report', '--orders', orders, '--from', '2025-03-01', '--to', '2025-03-04', '--json', '--check', '--quiet'],
      { stdout: () => Promise.reject(new Error('EPIPE: broken pipe')), stderr: (line) => lines.push(line) },
    );
    expect(status).toBe(1);
    expect(lines.join('\n')).toContain('unexpected failure: EPIPE: broken pipe');
  });
});
