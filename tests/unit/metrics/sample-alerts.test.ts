import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeWasmEngine } from '../../../src/engine/node';
import type { Engine } from '../../../src/engine/engine';
import { rebuildDerived } from '../../../src/metrics/derived';
import { computeAnomalies, type Anomaly } from '../../../src/metrics/queries/anomalies';
import { loadSampleShop } from '../../../src/model/sample-shop';
import { afterDouble11, OUTAGE_DAY, REFUND_WAVE_DAY } from '../../../scripts/sample-anomalies';
import { SAMPLE_CAMPAIGNS } from '../../../scripts/sample-marketing';

/**
 * The sample shop's alerts are true (issue 16, item 4): the planted checkout outage and refund
 * wave are found, and no ordinary day raises an anomaly. Ordinary: not a day of the promotion
 * calendar, not in the two weeks after Double 11, not a planted day. Every day the rule can judge:
 * from 2024-12-13 (six earlier same weekdays in the data) to the sample's last day.
 */
const dir = path.resolve(import.meta.dirname, '../../../sample-data');
const read = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));
const JUDGED = { from: '2024-12-13', to: '2026-10-31' } as const;

const inCampaign = (day: string) => SAMPLE_CAMPAIGNS.some(([, , , s, e]) => s <= day && day <= e);
const ordinary = (day: string) =>
  !inCampaign(day) && !afterDouble11(day) && day !== OUTAGE_DAY && day !== REFUND_WAVE_DAY;

let engine: Engine;
let anomalies: Anomaly[];
beforeAll(async () => {
  engine = await createNodeWasmEngine();
  await loadSampleShop(engine, {
    orders: read('orders.csv.gz'),
    order_items: read('order_items.csv.gz'),
    traffic: read('traffic.csv.gz'),
    users: read('users.csv.gz'),
  });
  await rebuildDerived(engine);
  anomalies = await computeAnomalies(engine, JUDGED);
}, 240_000);
afterAll(() => engine.close());

const on = (day: string) =>
  anomalies.filter((a) => a.date === day).map((a) => [a.metric, Math.sign(a.z), a.severity] as const);

describe('the sample shop’s anomaly alerts', () => {
  it('find the checkout outage: orders, GMV and conversion far below a typical day, cancellations far above', () => {
    expect(on(OUTAGE_DAY)).toEqual(
      expect.arrayContaining([
        ['gmv', -1, 'critical'],
        ['orders', -1, 'critical'],
        ['conversion_rate', -1, 'critical'],
        ['cancellation_rate', 1, 'critical'],
      ]),
    );
  });

  it('find the refund wave, and on that day nothing else', () => {
    expect(on(REFUND_WAVE_DAY)).toEqual([['refunds', 1, 'critical']]);
  });

  it('raise none on an ordinary day (the issue: "none on ordinary days")', () => {
    const ordinaryDays = anomalies
      .filter((a) => ordinary(a.date))
      .map((a) => `${a.date} ${a.metric} z=${a.z.toFixed(2)}`);
    expect(ordinaryDays).toEqual([]);
  });

  it('do flag the calendar’s big days, so the quiet is not a blind rule', () => {
    for (const day of ['2025-06-18', '2025-11-11', '2026-06-18'])
      expect(on(day)).toEqual(expect.arrayContaining([['orders', 1, 'critical']]));
  });
});
