import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeWasmEngine } from '../../src/engine/node';
import type { Engine } from '../../src/engine/engine';
import { CANONICAL_DDL } from '../../src/model/tables';
import { dimensionValues } from '../../src/metrics/dimension-values';

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeWasmEngine();
  await engine.run(CANONICAL_DDL);
  await engine.run(`
    INSERT INTO orders (order_id, customer_id, customer_key, ordered_at, order_date, status, order_total, channel, region, device, campaign)
    VALUES ('1', 'a', 'a', '2025-01-01 10:00', '2025-01-01', 'paid', 10, 'email', 'East', 'mobile', 'spring'),
           ('2', 'b', 'b', '2025-01-02 10:00', '2025-01-02', 'paid', 10, 'unattributed', '  ', NULL, NULL);
    INSERT INTO traffic (date, channel, device, campaign, sessions) VALUES ('2025-01-01', 'paid_search', 'desktop', 'brand', 5);
    INSERT INTO order_items (order_id, category) VALUES ('1', 'Bath'), ('1', 'Bath'), ('2', 'Decor');
    INSERT INTO users (user_id, user_key, registered_at, registered_date, region) VALUES ('a', 'a', '2025-01-01', '2025-01-01', 'North');
  `);
});
afterAll(() => engine.close());

describe('values each filter can take', () => {
  it('gathers them from every table that has the dimension, without blanks or repeats', async () => {
    expect(await dimensionValues(engine)).toEqual({
      campaign: ['brand', 'spring'],
      category: ['Bath', 'Decor'],
      channel: ['email', 'paid_search', 'unattributed'],
      device: ['desktop', 'mobile'],
      region: ['East', 'North'],
    });
  });
});
