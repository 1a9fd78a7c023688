import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { computeByChannel } from '../../../src/metrics/queries/by-channel';
import { ENGINES, loadTables, type OrderFixture, type TrafficFixture } from '../../fixtures/metrics/tables';

/**
 * Issue 18, item 6: Taobao orders (no channel) with GA4 traffic (channels) showed 0.0 %
 * conversion for every channel. No order can be put on a channel, so a channel's conversion is
 * not known: null ("—"), not 0.
 */
const MAY = { from: '2025-05-01', to: '2025-05-31' };
const ORDERS: OrderFixture[] = [
  { id: '1', customer: 'a', at: '2025-05-02', status: 'paid', total: 100, channel: 'unattributed' },
  { id: '2', customer: 'b', at: '2025-05-03', status: 'paid', total: 50, channel: 'unattributed' },
];
const TRAFFIC: TrafficFixture[] = [
  { date: '2025-05-01', channel: 'email', sessions: 400 },
  { date: '2025-05-02', channel: 'paid_search', sessions: 500 },
];

describe.each(ENGINES)('conversion by channel when orders carry no channel, on $name', ({ create }) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await create();
    await loadTables(engine, { orders: ORDERS, traffic: TRAFFIC });
  });
  afterAll(async () => {
    await engine.close();
  });

  it('gives every channel a null conversion, not 0', async () => {
    const rows = await computeByChannel(engine, MAY);
    expect(rows.map((r) => [r.channel, r.sessions, r.conversion_rate])).toEqual([
      ['paid_search', 500, null],
      ['email', 400, null],
      // the two orders (150) are unattributed, with no sessions
      ['unattributed', 0, null],
    ]);
  });
});
