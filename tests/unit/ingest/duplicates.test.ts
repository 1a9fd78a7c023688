import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNodeWasmEngine } from '../../../src/engine/node';
import { importFile } from '../../../src/ingest/import';
import type { LoadReport } from '../../../src/ingest/types';
import { one, resetTables, textFile } from './helpers';

// Load reports add up (issue 19, item 4): rows read = loaded + rejected, and the table grows
// by loaded - duplicates (- addedUp) rows, within a file and across files.

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeWasmEngine();
});
afterAll(async () => {
  await engine.close();
});
beforeEach(async () => {
  await resetTables(engine);
});

const ORDERS = 'order_id,customer_id,ordered_at,status,order_total';
const counts = (r: LoadReport) => ({
  read: r.rowsRead,
  loaded: r.rowsLoaded,
  rejected: r.rowsRejected,
  duplicates: r.duplicates,
  addedUp: r.addedUp,
});
const orderCount = async (): Promise<unknown> => (await one(engine, 'SELECT count(*) AS n FROM orders'))['n'];

describe('duplicates across files', () => {
  // The run: 6 read, 4 loaded, 0 rejected, 3 duplicates and 3 orders in the table.
  // File 1 holds A, B, A (the second A wins); file 2 holds B, C, C (B replaces file 1's B,
  // the second C wins). By hand:
  //   file 1: read 3, rejected 0, loaded 3; replaced 1 (A by A)             → table 0 + 3 - 1 = 2
  //   file 2: read 3, rejected 0, loaded 3; replaced 2 (file 1's B, C by C) → table 2 + 3 - 2 = 3
  //   totals: read 6 = loaded 6 + rejected 0; loaded 6 - replaced 3 = 3 orders (A, B, C).
  it("duplicates across files don't add up: read = loaded + rejected, loaded - replaced = rows added", async () => {
    const first = await importFile(
      engine,
      textFile('orders-1.csv', `${ORDERS}\nA,u1,2025-03-01,paid,1\nB,u2,2025-03-01,paid,2\nA,u1,2025-03-01,paid,10\n`),
    );
    expect(counts(first)).toEqual({ read: 3, loaded: 3, rejected: 0, duplicates: 1, addedUp: undefined });
    expect(await orderCount()).toBe(2);
    const second = await importFile(
      engine,
      textFile('orders-2.csv', `${ORDERS}\nB,u2,2025-03-02,paid,20\nC,u3,2025-03-02,paid,3\nC,u3,2025-03-02,paid,30\n`),
    );
    expect(counts(second)).toEqual({ read: 3, loaded: 3, rejected: 0, duplicates: 2, addedUp: undefined });
    expect(await orderCount()).toBe(3);
    // The later row wins each time: A 10, B 20, C 30.
    expect(await engine.query('SELECT order_id, order_total::DOUBLE AS t FROM orders ORDER BY 1')).toEqual([
      { order_id: 'A', t: 10 },
      { order_id: 'B', t: 20 },
      { order_id: 'C', t: 30 },
    ]);
  });

  it('still adds up with a rejected row, a replaced row and a row repeated within the file', async () => {
    await importFile(engine, textFile('base.csv', `${ORDERS}\nA,u1,2025-03-01,paid,1\nB,u2,2025-03-01,paid,2\n`));
    // B' replaces B (1), C' replaces C (1), R lacks its customer (rejected), D is new.
    // read 5 = loaded 4 + rejected 1; table 2 + 4 - 2 = 4 (A, B', C', D).
    const r = await importFile(
      engine,
      textFile(
        'more.csv',
        `${ORDERS}\nB,u2,2025-03-02,paid,20\nC,u3,2025-03-02,paid,3\nR,,2025-03-02,paid,9\nC,u3,2025-03-02,paid,30\nD,u4,2025-03-02,paid,4\n`,
      ),
    );
    expect(counts(r)).toEqual({ read: 5, loaded: 4, rejected: 1, duplicates: 2, addedUp: undefined });
    expect(await orderCount()).toBe(4);
  });

  it('counts users repeated with another case as replaced', async () => {
    // Ann and ANN share a key (trimmed, case-folded); bob is new. read 3 = loaded 3; 3 - 1 = 2 users.
    const r = await importFile(
      engine,
      textFile('users.csv', 'user_id,registered_at\nAnn,2025-01-01\nbob,2025-01-02\n ANN ,2025-01-03\n'),
    );
    expect(counts(r)).toEqual({ read: 3, loaded: 3, rejected: 0, duplicates: 1, addedUp: undefined });
    expect(await one(engine, 'SELECT count(*) AS n FROM users')).toEqual({ n: 2 });
  });

  it('counts every earlier line item of an order a later items file replaces', async () => {
    const items = 'order_id,sku,quantity,unit_price';
    await importFile(engine, textFile('items-1.csv', `${items}\nX,s1,1,5\nX,s2,1,6\nY,s3,1,7\n`));
    // X's two earlier items are replaced by three: read 3 = loaded 3; 3 + 3 - 2 = 4 rows.
    const r = await importFile(engine, textFile('items-2.csv', `${items}\nX,s1,2,5\nX,s4,1,8\nX,s5,1,9\n`));
    expect(counts(r)).toEqual({ read: 3, loaded: 3, rejected: 0, duplicates: 2, addedUp: undefined });
    expect(await one(engine, 'SELECT count(*) AS n FROM order_items')).toEqual({ n: 4 });
  });
});

describe('traffic added up', () => {
  it('counts GA4 rows added into another row apart from replaced ones', async () => {
    const ga4 = (name: string, rows: string) =>
      textFile(name, `Date,Session default channel group,Country,Sessions,Total users\n${rows}`);
    // DE and FR share a day and channel: one row of 15 sessions. read 2 = loaded 2; 2 - 0 - 1 = 1 row.
    const first = await importFile(engine, ga4('ga4-1.csv', '20250301,Direct,DE,10,8\n20250301,Direct,FR,5,5\n'));
    expect(counts(first)).toEqual({ read: 2, loaded: 2, rejected: 0, duplicates: 0, addedUp: 1 });
    // The same day again (3 countries → 1 row, replacing the earlier one) and a new day:
    // read 4 = loaded 4; 4 - 1 replaced - 2 added up = 1 row more, 2 in all.
    const second = await importFile(
      engine,
      ga4(
        'ga4-2.csv',
        '20250301,Direct,DE,1,1\n20250301,Direct,FR,2,2\n20250301,Direct,IT,3,3\n20250302,Direct,DE,4,4\n',
      ),
    );
    expect(counts(second)).toEqual({ read: 4, loaded: 4, rejected: 0, duplicates: 1, addedUp: 2 });
    expect(await engine.query('SELECT CAST(date AS VARCHAR) AS d, sessions FROM traffic ORDER BY 1')).toEqual([
      { d: '2025-03-01', sessions: 6 },
      { d: '2025-03-02', sessions: 4 },
    ]);
  });
});
