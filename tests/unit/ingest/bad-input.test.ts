import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNodeWasmEngine } from '../../../src/engine/node';
import { importFile } from '../../../src/ingest/import';
import { rejectedRowsCsv } from '../../../src/ingest/report';
import { ImportError, type InputFile } from '../../../src/ingest/types';
import { checksum, fixture, one, resetTables, textFile } from './helpers';

// The bad-input corpus (DATA.md "Bad input"): every file either fails with a message naming
// the file and what was expected, or loads its good rows and reports the others; either way
// what was loaded before is unchanged unless the file legitimately replaced it.

let engine: Engine;
let before: string;

beforeAll(async () => {
  engine = await createNodeWasmEngine();
});
afterAll(async () => {
  await engine.close();
});
beforeEach(async () => {
  await resetTables(engine);
  await importFile(engine, fixture('canonical_orders.csv'));
  await importFile(engine, fixture('canonical_traffic.tsv'));
  before = await checksum(engine);
});

async function expectImportError(file: InputFile, message: RegExp): Promise<void> {
  const error = await importFile(engine, file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  expect((error as ImportError).file).toBe(file.name);
  expect((error as ImportError).message.startsWith(`${file.name}: `)).toBe(true);
  expect((error as ImportError).message).toMatch(message);
  expect(await checksum(engine)).toBe(before);
}

/** A real zip archive (stored, no compression) holding one CSV. */
function zipWithCsv(): Uint8Array {
  const name = new TextEncoder().encode('orders.csv');
  const body = new TextEncoder().encode('order_id,customer_id\n1,a\n');
  const crc = crc32(body);
  const local = new Uint8Array(30 + name.length);
  const dv = new DataView(local.buffer);
  dv.setUint32(0, 0x04034b50, true);
  dv.setUint16(4, 20, true);
  dv.setUint32(14, crc, true);
  dv.setUint32(18, body.length, true);
  dv.setUint32(22, body.length, true);
  dv.setUint16(26, name.length, true);
  local.set(name, 30);
  const central = new Uint8Array(46 + name.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint32(16, crc, true);
  cv.setUint32(20, body.length, true);
  cv.setUint32(24, body.length, true);
  cv.setUint16(28, name.length, true);
  central.set(name, 46);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, local.length + body.length, true);
  const out = new Uint8Array(local.length + body.length + central.length + end.length);
  out.set(local, 0);
  out.set(body, local.length);
  out.set(central, local.length + body.length);
  out.set(end, local.length + body.length + central.length);
  return out;
}

// The first bytes of a real PNG: signature, then the IHDR chunk of a 1×1 image.
const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
  0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0a, 0x49,
  0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
]);

describe('files that cannot be used at all', () => {
  it.each<[string, InputFile, RegExp]>([
    ['an empty file', { name: 'empty.csv', data: new Uint8Array(0) }, /the file is empty; expected a CSV, TSV/],
    ['blank lines only', textFile('blank.csv', '\n\n  \n'), /the file is empty/],
    [
      'a header only',
      textFile('header-only.csv', 'order_id,customer_id,ordered_at,status,order_total\n'),
      /has a header but no rows/,
    ],
    [
      'a header and blank lines',
      textFile('header-blank.csv', 'order_id,customer_id,ordered_at,status,order_total\r\n\r\n\r\n'),
      /has a header but no rows/,
    ],
    ['PNG bytes named .csv', { name: 'orders.csv', data: PNG }, /this is an image, not a data file; expected/],
    [
      'a zip that is not a workbook',
      { name: 'export.zip', data: zipWithCsv() },
      /zip archive, not a data file; unzip it/,
    ],
    [
      'binary noise',
      { name: 'dump.csv', data: new Uint8Array([0x00, 0x13, 0xfe, 0x00, 0x99, 0x00, 0x01, 0x02, 0x00, 0x00, 0x7f]) },
      /binary file, not text/,
    ],
    [
      'an unknown layout',
      textFile('misc.csv', 'foo,bar,baz\n1,2,3\n'),
      /the columns \(foo, bar, baz\) match no known layout; expected the canonical layout \(orders: order_id, customer_id.*a Shopify or WooCommerce orders export.*or map the columns by hand/,
    ],
    ['broken JSON', textFile('orders.json', '[{"order_id": "1", '), /the JSON cannot be read/],
    [
      'NDJSON with a broken line',
      textFile('orders.ndjson', '{"order_id":"1"}\n{"order_id":\n'),
      /line 2 is not valid JSON/,
    ],
    [
      'a damaged gzip',
      { name: 'orders.csv.gz', data: new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03]) },
      /gzip data is damaged or truncated/,
    ],
  ])('%s gets a message naming the file and nothing changes', async (_label, file, message) => {
    await expectImportError(file, message);
  });
});

describe('rows that cannot be read', () => {
  it('rejects bad dates, amounts, missing fields and unknown statuses with their reason and line', async () => {
    const text = [
      'order_id,customer_id,ordered_at,status,order_total,campaign', // line 1
      'B-1,u1,2025-03-01 10:00:00,paid,10.00,', // 2 ok
      'B-2,u2,not a date,paid,20.00,', // 3 unparseable ordered_at
      'B-3,u3,2025-03-02,paid,twelve,"two', // 4 unparseable order_total (record spans lines 4-5)
      'lines"', // 5
      '', // 6 blank line, skipped
      'B-4,,2025-03-03,paid,30.00,', // 7 missing customer_id
      'B-5,u5,2025-13-45,paid,40.00,', // 8 unparseable ordered_at (month 13)
      'B-6,u6,2025-03-04,shipped-ish,50.00,', // 9 unknown status
      'B-7,u7,2025-03-05,paid,N/A,', // 10 unparseable order_total
      'B-8,u8,03/06/2025,paid,"$1,000.00",', // 11 ok: day-first by default, $1,000.00
      '',
    ].join('\n');
    const r = await importFile(engine, textFile('mixed.csv', text));
    expect(r).toMatchObject({ rowsRead: 8, rowsLoaded: 2, rowsRejected: 6, duplicates: 0 });
    expect(r.reasons).toEqual({
      'unparseable ordered_at': 2,
      'unparseable order_total': 2,
      'missing customer_id': 1,
      'unknown status': 1,
    });
    expect(r.rejected.map((x) => [x.line, x.reason])).toEqual([
      [3, 'unparseable ordered_at'],
      [4, 'unparseable order_total'],
      [7, 'missing customer_id'],
      [8, 'unparseable ordered_at'],
      [9, 'unknown status'],
      [10, 'unparseable order_total'],
    ]);
    expect(r.rejected[1]?.raw).toBe('B-3,u3,2025-03-02,paid,twelve,"two\nlines"');
    expect(r.warnings?.[0]).toMatch(/could be day-first or month-first; read as day-first/);
    // 5 earlier orders + B-1 + B-8
    expect(await one(engine, `SELECT count(*) AS n FROM orders`)).toEqual({ n: 7 });
    expect(
      await one(engine, `SELECT ordered_at, order_total::DOUBLE AS total FROM orders WHERE order_id = 'B-8'`),
    ).toEqual({ ordered_at: '2025-06-03T00:00:00', total: 1000 });

    const csv = rejectedRowsCsv(r).split('\r\n');
    expect(csv[0]).toBe('file,line,reason,row');
    expect(csv[1]).toBe('mixed.csv,3,unparseable ordered_at,"B-2,u2,not a date,paid,20.00,"');
    expect(csv).toHaveLength(1 + 6 + 1); // header, six rows, final line end
  });

  it('rejects a row cut off mid-row at the end of a truncated file and keeps the rest', async () => {
    await resetTables(engine);
    const full = new TextDecoder().decode(fixture('canonical_orders.csv').data as Uint8Array);
    const cut = full.slice(0, full.indexOf('A-5') + 'A-5,c4@example.com,2025-02-05 13:00:00,,cancel'.length);
    const r = await importFile(engine, textFile('truncated.csv', cut));
    // A-5 is line 7 (A-2's campaign holds a newline): status "cancel" is unknown, total missing.
    expect(r).toMatchObject({ rowsRead: 5, rowsLoaded: 4, rowsRejected: 1, reasons: { 'unknown status': 1 } });
    expect(r.rejected[0]).toMatchObject({ line: 7 });
  });

  it('rejects a row cut off inside a quoted field (the quote never closes)', async () => {
    await resetTables(engine);
    const full = new TextDecoder().decode(fixture('canonical_orders.csv').data as Uint8Array);
    const cut = full.slice(0, full.indexOf('winter') + 'winter\nsa'.length);
    const r = await importFile(engine, textFile('truncated-quote.csv', cut));
    // A-1 loads; A-2 (line 3) opens "winter and the file ends before the quote closes: line 3
    // is rejected as an unterminated quote, and line 4 ("sa") is a record of its own that
    // lacks every required field but the first.
    expect(r).toMatchObject({
      rowsRead: 3,
      rowsLoaded: 1,
      rowsRejected: 2,
      reasons: { 'unterminated quote': 1, 'missing customer_id': 1 },
    });
    expect(r.rejected.map((x) => x.line)).toEqual([3, 4]);
  });

  // Issue 19, item 1: a field that opens a quote and never closes swallowed the rest of the
  // file (rows_read 11 of 1,000, nothing rejected).
  it('one stray quote does not swallow the rest of the file', async () => {
    await resetTables(engine);
    const header = 'order_id,customer_id,ordered_at,status,order_total,currency,channel,region,device';
    const rows = Array.from(
      { length: 1000 },
      (_, i) => `S-${i + 1},c${i % 37}@example.com,2025-03-0${1 + (i % 9)} 10:00:00,paid,${10 + i}.00,USD,,US,mobile`,
    );
    rows[10] = 'S-11,c10@example.com,2025-03-02 10:00:00,paid,20.00,USD,"oops,,,US,mobile';
    // a later, well-formed quoted field must not close the stray quote of row 11
    rows[500] = 'S-501,c20@example.com,2025-03-02 10:00:00,paid,510.00,USD,"email",US,mobile';
    const r = await importFile(engine, textFile('stray-quote.csv', [header, ...rows].join('\n') + '\n'));
    expect(r).toMatchObject({ rowsRead: 1000, rowsLoaded: 999, rowsRejected: 1, reasons: { 'unterminated quote': 1 } });
    // row 11 is on line 12 (the header is line 1), shown as written
    expect(r.rejected).toEqual([{ line: 12, reason: 'unterminated quote', raw: rows[10] }]);
    const loaded = await one(engine, `SELECT count(*) AS n, sum(order_total) AS total FROM orders`);
    // 10 + 11 + … + 1009 less row 11's 20.00
    expect(loaded).toEqual({ n: 999, total: (1000 * (10 + 1009)) / 2 - 20 });
    expect(await one(engine, `SELECT channel_raw FROM orders WHERE order_id = 'S-501'`)).toEqual({
      channel_raw: 'email',
    });
  });

  it('a stray quote in a 4-row file is reported with its line, and the other rows load', async () => {
    await resetTables(engine);
    const text =
      'order_id,customer_id,ordered_at,status,order_total\n' +
      'Q-1,u1,2025-01-01,paid,1\nQ-2,u2,2025-01-01,paid,"2\nQ-3,u3,2025-01-01,paid,3\nQ-4,u4,2025-01-01,paid,4\n';
    const r = await importFile(engine, textFile('stray-4.csv', text));
    expect(r).toMatchObject({ rowsRead: 4, rowsLoaded: 3, rowsRejected: 1, reasons: { 'unterminated quote': 1 } });
    expect(r.rejected[0]).toMatchObject({ line: 3, raw: 'Q-2,u2,2025-01-01,paid,"2' });
  });

  // Issue 19, item 12: a header whose quote never closes swallowed the whole file into the
  // header, and the message said "the file has a header but no rows".
  it("a header with an unclosed quote says 'header but no rows': it names the line and the quote", async () => {
    const text =
      'order_id,"customer_id,ordered_at,status,order_total\nH-1,u1,2025-01-01,paid,1\nH-2,u2,2025-01-01,paid,2\n';
    await expectImportError(
      textFile('open-header.csv', text),
      /^open-header\.csv: the header \(line 1\) opens a quote that never closes/,
    );
  });

  it('names the header line after comment lines, and a quote closed by a later row does not hide it', async () => {
    // The header's quote is "closed" by the quote that opens "1,234.50" on line 4: the
    // header would swallow line 4 and the quote closes mid-field.
    const text =
      '# exported 2025-01-02\n\norder_id,customer_id,ordered_at,status,order_total"\nH-1,u1,2025-01-01,paid,"1,234.50"\n';
    await expectImportError(
      textFile('open-header-2.csv', text),
      /^open-header-2\.csv: the header \(line 3\) opens a quote that never closes/,
    );
  });

  it('says the same for a header quote still open after 1 MB, instead of "no header row in 16 MB"', async () => {
    const row = 'H-1,u1,2025-01-01,paid,1\n';
    const rows = row.repeat(Math.ceil((2 * 1024 * 1024) / row.length));
    await expectImportError(
      textFile('open-header-big.csv', `order_id,"customer_id,ordered_at,status,order_total\n${rows}`),
      /^open-header-big\.csv: the header \(line 1\) opens a quote that never closes/,
    );
  });

  it('rejects a row with more fields than the header', async () => {
    const r = await importFile(
      engine,
      textFile(
        'wide-row.csv',
        'order_id,customer_id,ordered_at,status,order_total\nX-1,u,2025-01-01,paid,1\nX-2,u,2025-01-01,paid,2,surprise\n',
      ),
    );
    expect(r).toMatchObject({ rowsLoaded: 1, rowsRejected: 1, reasons: { 'too many fields': 1 } });
    expect(r.rejected[0]).toMatchObject({ line: 3, raw: 'X-2,u,2025-01-01,paid,2,surprise' });
  });

  it('keeps at most 1000 rejected rows for viewing but counts them all', async () => {
    const lines = ['order_id,customer_id,ordered_at,status,order_total'];
    for (let i = 0; i < 1500; i++) lines.push(`R-${i},u,not-a-date,paid,1`);
    const r = await importFile(engine, textFile('many-bad.csv', `${lines.join('\n')}\n`));
    expect(r).toMatchObject({
      rowsRead: 1500,
      rowsLoaded: 0,
      rowsRejected: 1500,
      reasons: { 'unparseable ordered_at': 1500 },
    });
    expect(r.rejected).toHaveLength(1000);
    expect(r.rejected[999]?.line).toBe(1001); // record 1000 sits on line 1001 after the header
    expect(await checksum(engine)).toBe(before);
  });
});

describe('encodings', () => {
  it('decodes GBK bytes offered as a plain .csv', async () => {
    await resetTables(engine);
    const gbk = fixture('taobao_orders_gbk.csv');
    const r = await importFile(engine, { name: 'orders_utf8.csv', data: gbk.data });
    expect(r).toMatchObject({ source: 'taobao_orders', rowsLoaded: 6 });
    expect(await one(engine, `SELECT customer_id, region FROM orders WHERE order_id = '2875012345678902'`)).toEqual({
      customer_id: 'tb_bob',
      region: '上海',
    });
  });

  it('decodes GBK text behind a UTF-8 byte-order mark (wrong encoding declared)', async () => {
    await resetTables(engine);
    const gbk = fixture('taobao_orders_gbk.csv').data as Uint8Array;
    const data = new Uint8Array(gbk.length + 3);
    data.set([0xef, 0xbb, 0xbf]);
    data.set(gbk, 3);
    const r = await importFile(engine, { name: 'bom-but-gbk.csv', data });
    expect(r).toMatchObject({ source: 'taobao_orders', rowsLoaded: 6 });
  });

  it('re-reads as GBK a file whose first 64 KB are ASCII and whose later rows are GBK', async () => {
    await resetTables(engine);
    const ascii = new TextEncoder().encode(
      'order_id,customer_id,ordered_at,status,order_total,campaign\n' +
        Array.from({ length: 1500 }, (_, i) => `P-${i},u${i},2025-01-01,paid,1,${'x'.repeat(30)}`).join('\n') +
        '\n',
    );
    expect(ascii.length).toBeGreaterThan(64 * 1024);
    // 订单 in GBK is B6 A9 B5 A5
    const gbkRow = new Uint8Array([
      ...new TextEncoder().encode('Q-1,'),
      0xb6,
      0xa9,
      0xb5,
      0xa5,
      ...new TextEncoder().encode(',2025-01-02,paid,2,z\n'),
    ]);
    const data = new Uint8Array(ascii.length + gbkRow.length);
    data.set(ascii);
    data.set(gbkRow, ascii.length);
    const r = await importFile(engine, { name: 'late-gbk.csv', data });
    // 1500 ASCII rows + the GBK row
    expect(r).toMatchObject({ rowsRead: 1501, rowsLoaded: 1501, rowsRejected: 0 });
    expect(r.warnings?.[0]).toMatch(/starts as UTF-8 but later text is not; it was read as GB18030/);
    expect(await one(engine, `SELECT customer_id FROM orders WHERE order_id = 'Q-1'`)).toEqual({ customer_id: '订单' });
  });

  it('reads UTF-16BE without a byte-order mark', async () => {
    await resetTables(engine);
    const text = 'user_id,registered_at,region\nJosé,2025-01-01,Zoë\n';
    const be = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      be[2 * i] = text.charCodeAt(i) >> 8;
      be[2 * i + 1] = text.charCodeAt(i) & 0xff;
    }
    const r = await importFile(engine, { name: 'users-be.csv', data: be });
    expect(r).toMatchObject({ table: 'users', rowsLoaded: 1 });
    expect(await engine.query('SELECT user_id, region FROM users')).toEqual([{ user_id: 'José', region: 'Zoë' }]);
  });

  it('reads Windows-1252 text that is neither UTF-8 nor GBK', async () => {
    await resetTables(engine);
    // "José" and "Zoë" in Windows-1252: é = 0xE9, ë = 0xEB; the trailing byte 0xE9 cannot start a GBK pair.
    const bytes = [
      ...new TextEncoder().encode('user_id,registered_at,region\nJos'),
      0xe9,
      ...new TextEncoder().encode(',2025-01-01,Zo'),
      0xeb,
      ...new TextEncoder().encode('\nAnn,2025-01-02,Caf'),
      0xe9,
      0x0a,
    ];
    const r = await importFile(engine, { name: 'latin.csv', data: new Uint8Array(bytes) });
    expect(r).toMatchObject({ table: 'users', rowsLoaded: 2 });
    expect(await engine.query(`SELECT user_id, region FROM users ORDER BY user_id`)).toEqual([
      { user_id: 'Ann', region: 'Café' },
      { user_id: 'José', region: 'Zoë' },
    ]);
  });
});

describe('duplicates and size', () => {
  it('lets a later file replace orders it repeats and counts them, last row winning within a file', async () => {
    const march = [
      'order_id,customer_id,ordered_at,status,order_total',
      'A-4,c3@example.com,2025-02-04 12:00:00,paid,41.00',
      'A-5,c4@example.com,2025-02-05 13:00:00,paid,61.00',
      'A-6,c5@example.com,2025-03-01 09:00:00,paid,10.00',
      'A-6,c5@example.com,2025-03-01 09:00:00,paid,11.00',
    ].join('\n');
    const r = await importFile(engine, textFile('orders_march.csv', march));
    // replace the earlier file's rows (2); A-6 appears twice in this file (1):
    // all 4 rows load, 3 replace another, so the table grows by 4 - 3 = 1 (issue 19, item 4).
    expect(r).toMatchObject({ rowsRead: 4, rowsLoaded: 4, duplicates: 3 });
    // 100 + 250.50 + 75.25 (A-1..A-3 unchanged) + 41 + 61 + 11 = 538.75 over 6 orders
    expect(await one(engine, `SELECT count(*) AS n, sum(order_total)::DOUBLE AS total FROM orders`)).toEqual({
      n: 6,
      total: 538.75,
    });
    expect(
      await one(
        engine,
        `SELECT status, refund_amount::DOUBLE AS refund, source_file FROM orders WHERE order_id = 'A-4'`,
      ),
    ).toEqual({
      status: 'paid',
      refund: 0,
      source_file: 'orders_march.csv',
    });
  });

  it('loads a 200-column file', async () => {
    const extra = Array.from({ length: 195 }, (_, i) => `extra_${i + 1}`);
    const header = ['order_id', 'customer_id', 'ordered_at', 'status', 'order_total', ...extra];
    const row = (id: string, total: string): string =>
      [id, 'w@example.com', '2025-04-01', 'paid', total, ...extra.map((_, i) => String(i))].join(',');
    const r = await importFile(
      engine,
      textFile('wide.csv', [header.join(','), row('W-1', '1.50'), row('W-2', '2.25')].join('\n')),
    );
    expect(header).toHaveLength(200);
    expect(r).toMatchObject({ rowsRead: 2, rowsLoaded: 2, rowsRejected: 0 });
    // 1.50 + 2.25 = 3.75
    expect(await one(engine, `SELECT sum(order_total)::DOUBLE AS t FROM orders WHERE order_id LIKE 'W-%'`)).toEqual({
      t: 3.75,
    });
  });

  it('loads a 1 MB field', async () => {
    const long = 'x'.repeat(1_000_000);
    const r = await importFile(
      engine,
      textFile(
        'long.csv',
        `order_id,customer_id,ordered_at,status,order_total,campaign\nL-1,u,2025-04-01,paid,5,"${long}"\nL-2,u,2025-04-02,paid,6,short\n`,
      ),
    );
    expect(r).toMatchObject({ rowsRead: 2, rowsLoaded: 2 });
    expect(await one(engine, `SELECT length(campaign) AS n FROM orders WHERE order_id = 'L-1'`)).toEqual({
      n: 1_000_000,
    });
  });
});
