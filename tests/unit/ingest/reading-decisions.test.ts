import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNodeWasmEngine } from '../../../src/engine/node';
import { importFile } from '../../../src/ingest/import';
import { one, resetTables, textFile } from './helpers';

// Values that contradict what the file decided (DATA.md "Values", "Bad input"): rejected with
// a reason that says so, never read as another number or another date.

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

const HEADER = 'order_id,customer_id,ordered_at,status,order_total';

describe('mixed decimal styles', () => {
  // Issue 19, item 2: in a file that also has 1,234.50, "1.234,50" and "1.234,50 €" loaded as 1.2345.
  it('mixed decimal styles misread 1000×: values written with a decimal comma in a decimal-point file are rejected', async () => {
    const text = [
      HEADER,
      'D-1,u1,2025-03-01,paid,"1,234.50"', // line 2: decimal point (a comma groups thousands)
      'D-2,u2,2025-03-01,paid,99.90', // line 3: decimal point
      'D-3,u3,2025-03-01,paid,"1.234,50"', // line 4: decimal comma
      'D-4,u4,2025-03-01,paid,"1.234,50 €"', // line 5: decimal comma
      'D-5,u5,2025-03-01,paid,12.00', // line 6: decimal point
      '',
    ].join('\n');
    const r = await importFile(engine, textFile('mixed-decimals.csv', text));
    // 3 values read with a decimal point against 2 with a comma: the file is decimal-point.
    const reason = "order_total contradicts the file's decimal style (decimal point)";
    expect(r).toMatchObject({ rowsRead: 5, rowsLoaded: 3, rowsRejected: 2, reasons: { [reason]: 2 } });
    expect(r.rejected.map((x) => [x.line, x.reason])).toEqual([
      [4, reason],
      [5, reason],
    ]);
    expect(r.warnings).toEqual([
      'Amounts are written both with decimal commas (2 values) and decimal points (3); read with a decimal point, the values written the other way are rejected.',
    ]);
    // 1234.50 + 99.90 + 12.00
    expect(await one(engine, 'SELECT count(*) AS n, sum(order_total)::DOUBLE AS total FROM orders')).toEqual({
      n: 3,
      total: 1346.4,
    });
  });

  it('in a decimal-comma file, rejects 1,234.50 and 12.5 instead of reading 1.23450 and 125', async () => {
    const text = [
      HEADER,
      'C-1,u1,2025-03-01,paid,"1.234,50"', // comma
      'C-2,u2,2025-03-01,paid,"99,90"', // comma
      'C-3,u3,2025-03-01,paid,"7,5"', // comma
      'C-4,u4,2025-03-01,paid,"1,234.50"', // point: contradicts
      'C-5,u5,2025-03-01,paid,12.5', // point: contradicts (a dot here can only group thousands)
      'C-6,u6,2025-03-01,paid,"1.000"', // reads in both styles; in this file one thousand
      '',
    ].join('\n');
    const r = await importFile(engine, textFile('komma.csv', text));
    const reason = "order_total contradicts the file's decimal style (decimal comma)";
    expect(r).toMatchObject({ rowsRead: 6, rowsLoaded: 4, rowsRejected: 2, reasons: { [reason]: 2 } });
    expect(r.rejected.map((x) => x.line)).toEqual([5, 6]);
    // 1234.50 + 99.90 + 7.5 + 1000
    expect(await one(engine, 'SELECT sum(order_total)::DOUBLE AS total FROM orders')).toEqual({ total: 2341.9 });
  });

  it('rejects values that contradict the decimal style the user chose, and reads no other number', async () => {
    const text = [HEADER, 'E-1,u1,2025-03-01,paid,"12,50"', 'E-2,u2,2025-03-01,paid,abc', ''].join('\n');
    const r = await importFile(engine, textFile('chosen.csv', text), { decimal: 'dot' });
    expect(r).toMatchObject({
      rowsLoaded: 0,
      rowsRejected: 2,
      reasons: {
        "order_total contradicts the file's decimal style (decimal point)": 1,
        'unparseable order_total': 1,
      },
    });
  });

  it('says when the data alone decided a decimal comma', async () => {
    const r = await importFile(engine, textFile('komma-only.csv', `${HEADER}\nK-1,u1,2025-03-01,paid,"12,50"\n`));
    expect(r.warnings).toEqual(['Amounts are written with a decimal comma (1.234,50); read that way.']);
    expect(await one(engine, 'SELECT order_total::DOUBLE AS t FROM orders')).toEqual({ t: 12.5 });
  });
});

describe('mixed date orders', () => {
  it('rejects a month-first date in a day-first file as contradicting the date order', async () => {
    const text = [
      HEADER,
      'M-1,u,25/12/2025,paid,1', // day-first only
      'M-2,u,26/12/2025,paid,1', // day-first only
      'M-3,u,12/27/2025,paid,1', // month-first only: contradicts
      'M-4,u,31/02/2025,paid,1', // no such day either way: unparseable
      '',
    ].join('\n');
    const r = await importFile(engine, textFile('mixed-dates.csv', text));
    expect(r).toMatchObject({
      rowsLoaded: 2,
      rowsRejected: 2,
      reasons: {
        "ordered_at contradicts the file's date order (day-first)": 1,
        'unparseable ordered_at': 1,
      },
    });
    expect(r.rejected.map((x) => x.line)).toEqual([4, 5]);
  });

  it('says when the data alone decided month-first dates', async () => {
    const text = `${HEADER}\nU-1,u,03/04/2025,paid,1\nU-2,u,12/25/2025,paid,2\n`;
    const r = await importFile(engine, textFile('us.csv', text));
    expect(r.warnings).toEqual([
      'Dates like 03/25/2025 show the file writes the month first; all such dates are read month-first (mm/dd/yyyy).',
    ]);
    expect(await engine.query('SELECT order_id, order_date FROM orders ORDER BY 1')).toEqual([
      { order_id: 'U-1', order_date: '2025-03-04' },
      { order_id: 'U-2', order_date: '2025-12-25' },
    ]);
  });
});

describe('far dates', () => {
  // Issue 19, item 5: 0001-01-01 and 9999-12-31 were accepted silently. Today is fixed at
  // 2026-01-15, so the last plausible day is 2027-01-15.
  const today = new Date(2026, 0, 15);

  it('far dates are accepted silently: dates before 2000 or over a year after today are rejected as implausible', async () => {
    const text = [
      'order_id,customer_id,ordered_at,paid_at,status,order_total',
      'F-1,u,0001-01-01,,paid,1', // line 2: implausible
      'F-2,u,9999-12-31 23:59:59,,paid,1', // line 3: implausible
      'F-3,u,1999-12-31 23:59:59,,paid,1', // line 4: implausible (the last second before 2000)
      'F-4,u,2000-01-01 00:00:00,,paid,2', // line 5: ok
      'F-5,u,2027-01-15 23:00:00,,paid,3', // line 6: ok (a year after today, that day)
      'F-6,u,2027-01-16,,paid,1', // line 7: implausible (a year and a day)
      'F-7,u,2025-06-01,1970-01-01,paid,1', // line 8: implausible paid_at
      'F-8,u,36525,,paid,1', // line 9: Excel serial 36525 is 1999-12-31: implausible
      'F-9,u,36526,,paid,4', // line 10: Excel serial 36526 is 2000-01-01: ok
      '',
    ].join('\n');
    const r = await importFile(engine, textFile('far-dates.csv', text), { today });
    expect(r).toMatchObject({
      rowsRead: 9,
      rowsLoaded: 3,
      rowsRejected: 6,
      reasons: { 'implausible date': 6 },
      dateRange: { from: '2000-01-01', to: '2027-01-15' },
    });
    expect(r.rejected.map((x) => x.line)).toEqual([2, 3, 4, 7, 8, 9]);
    expect(await engine.query('SELECT order_id FROM orders ORDER BY 1')).toEqual([
      { order_id: 'F-4' },
      { order_id: 'F-5' },
      { order_id: 'F-9' },
    ]);
  });

  it('rejects implausible dates in traffic and users too', async () => {
    const traffic = await importFile(
      engine,
      textFile('far-traffic.csv', 'date,sessions\n1900-01-01,5\n2026-01-10,7\n2030-01-01,9\n'),
      { today },
    );
    expect(traffic).toMatchObject({ rowsLoaded: 1, rowsRejected: 2, reasons: { 'implausible date': 2 } });
    const users = await importFile(
      engine,
      textFile('far-users.csv', 'user_id,registered_at\nu1,1999-05-05\nu2,2025-05-05\n'),
      { today },
    );
    expect(users).toMatchObject({ rowsLoaded: 1, rowsRejected: 1, reasons: { 'implausible date': 1 } });
  });

  it("measures 'a year after today' from the current date unless told otherwise", async () => {
    const now = new Date();
    const later = `${now.getFullYear() + 2}-01-01`; // always more than a year ahead
    const r = await importFile(
      engine,
      textFile('future.csv', `${HEADER}\nN-1,u,${later},paid,1\nN-2,u,2025-06-01,paid,1\n`),
    );
    expect(r).toMatchObject({ rowsLoaded: 1, rowsRejected: 1, reasons: { 'implausible date': 1 } });
  });
});
