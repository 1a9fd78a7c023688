import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNodeWasmEngine } from '../../../src/engine/node';
import { importFile } from '../../../src/ingest/import';
import { rejectedRowsCsv } from '../../../src/ingest/report';
import { ImportError } from '../../../src/ingest/types';
import { toCsv } from '../../../src/lib/csv';
import { checksum, fixture, one, resetTables, textFile } from './helpers';

// Issue 19, item 12: every CSV goes through one formula-safe writer, and a `.gz` file that
// holds no gzip data says so instead of "header but no rows".

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
  before = await checksum(engine);
});

const HEADER = 'order_id,customer_id,ordered_at,status,order_total';

describe('Download rejected rows (CSV) is formula-neutralised like every panel export', () => {
  it('writes a rejected +1+1 row and a DDE =cmd| row as text, not as formulas', async () => {
    const text = [
      HEADER,
      '+1+1,c1,not a date,paid,10', // line 2: unparseable ordered_at
      "=cmd|' /C calc'!A0,c2,2025-01-02,paid,ten", // line 3: unparseable order_total
      'ok-1,c3,2025-01-03,paid,5', // line 4: loads
      '@SUM(A1),,2025-01-04,paid,6', // line 5: missing customer_id
    ].join('\n');
    const r = await importFile(engine, textFile('hostile.csv', `${text}\n`));
    expect(r).toMatchObject({ rowsRead: 4, rowsLoaded: 1, rowsRejected: 3 });

    const lines = rejectedRowsCsv(r).split('\r\n');
    expect(lines).toEqual([
      'file,line,reason,row',
      `hostile.csv,2,unparseable ordered_at,"'+1+1,c1,not a date,paid,10"`,
      `hostile.csv,3,unparseable order_total,"'=cmd|' /C calc'!A0,c2,2025-01-02,paid,ten"`,
      `hostile.csv,5,missing customer_id,"'@SUM(A1),,2025-01-04,paid,6"`,
      '',
    ]);
    // No cell of the download starts with a formula character.
    const cells = lines.slice(1, -1).flatMap((l) => l.split(',').map((c) => c.replace(/^"/, '')));
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
  });

  it('is the very text the panel exports write for the same cells', async () => {
    const r = await importFile(engine, textFile('one.csv', `${HEADER}\n-2+3,c1,nope,paid,1\n`));
    const panel = toCsv(
      r.rejected.map((x) => ({ file: r.file, line: x.line, reason: x.reason, row: x.raw })),
      ['file', 'line', 'reason', 'row'].map((k) => ({ key: k, label: k })),
    );
    expect(rejectedRowsCsv(r)).toBe(panel);
    expect(panel).toBe(`file,line,reason,row\r\none.csv,2,unparseable ordered_at,"'-2+3,c1,nope,paid,1"\r\n`);
  });
});

describe('a non-gzip .gz file', () => {
  it('says it is not gzip data, not "header but no rows"', async () => {
    // One line of bytes that are neither gzip nor UTF-8: what the adversarial run dropped.
    const junk = new Uint8Array(300).map((_, i) => 0x80 + (i % 0x7f));
    const error = await importFile(engine, { name: 'orders.csv.gz', data: junk }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    const message = (error as ImportError).message;
    expect(message).toMatch(/^orders\.csv\.gz: the name ends in \.gz but the file is not gzip data/);
    expect(message).not.toMatch(/header but no rows/);
    expect(await checksum(engine)).toBe(before);
  });

  it('that holds plain CSV text is read as text, with a warning saying so', async () => {
    const text = `${HEADER}\nG-1,g1,2025-03-01,paid,12.50\nG-2,g2,2025-03-02,paid,7.50\n`;
    const r = await importFile(engine, textFile('plain.csv.gz', text));
    expect(r).toMatchObject({ rowsRead: 2, rowsLoaded: 2, rowsRejected: 0 });
    expect(r.warnings).toContain('The name ends in .gz but the file is not gzip-compressed; it was read as plain text.');
    expect(await one(engine, `SELECT sum(order_total)::DOUBLE AS s FROM orders WHERE order_id LIKE 'G-%'`)).toEqual({
      s: 20,
    });
  });

  it('that is plain text with a header only says both things', async () => {
    const error = await importFile(engine, textFile('head.csv.gz', `${HEADER}\n`)).then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as ImportError).message).toMatch(
      /^head\.csv\.gz: the name ends in \.gz but the file is not gzip data .*; read as plain text, the file has a header but no rows/,
    );
    expect(await checksum(engine)).toBe(before);
  });
});
