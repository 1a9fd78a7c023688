import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNodeWasmEngine } from '../../../src/engine/node';
import { detectFile, importFile, previewMapping } from '../../../src/ingest/import';
import { headerSignature } from '../../../src/ingest/mapping';
import { ImportError, type ColumnMapping } from '../../../src/ingest/types';
import { checksum, one, resetTables, textFile } from './helpers';

// A file no source recognises, mapped by hand (issue 3 "Mapping"): a German shop export with
// semicolons, decimal commas and day-first dates with dots.

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

const GERMAN = textFile(
  'bestellungen.csv',
  [
    'Bestellnummer;Kunde;Datum;Zustand;Betrag;Kanal',
    '10001;anna@example.de;04.03.2025 10:15;paid;"1.234,50 €";Newsletter',
    '10002;ben@example.de;05.03.2025;bezahlt;"99,90 €";Google Ads',
    '10003;clara@example.de;17.03.2025;refunded;"12,00 €";',
    '',
  ].join('\n'),
);

const MAPPING: ColumnMapping = {
  table: 'orders',
  columns: {
    order_id: 'Bestellnummer',
    customer_id: 'Kunde',
    ordered_at: 'Datum',
    status: 'Zustand',
    order_total: 'Betrag',
    channel: 'Kanal',
  },
};

describe('headerSignature', () => {
  it('is the same for the same columns whatever the case and spacing, and differs otherwise', () => {
    const a = headerSignature(['Bestellnummer', 'Kunde', 'Datum']);
    expect(a).toMatch(/^3:[0-9a-f]{8}$/);
    expect(headerSignature([' bestellnummer ', 'KUNDE', 'Datum'])).toBe(a);
    expect(headerSignature(['Kunde', 'Bestellnummer', 'Datum'])).not.toBe(a);
    expect(headerSignature(['Bestellnummer', 'Kunde'])).not.toBe(a);
  });
});

describe('an unknown layout', () => {
  it('is reported as not recognised, with its header and first rows for the mapping screen', async () => {
    const d = await detectFile(engine, GERMAN);
    expect(d).toMatchObject({ recognised: false, source: 'custom', delimiter: ';' });
    expect(d.header).toEqual(['Bestellnummer', 'Kunde', 'Datum', 'Zustand', 'Betrag', 'Kanal']);
    expect(d.preview).toHaveLength(3);
    expect(d.preview[0]).toMatchObject({ Bestellnummer: '10001', Betrag: '1.234,50 €' });
  });

  it('previews the rows as they will be read: parsed dates, amounts, channels and rejections', async () => {
    const before = await checksum(engine);
    const rows = await previewMapping(engine, GERMAN, MAPPING);
    expect(
      rows.map((r) => [
        r['line'],
        r['order_id'],
        r['ordered_at'],
        r['order_total'],
        r['status'],
        r['channel'],
        r['reason'],
      ]),
    ).toEqual([
      [2, '10001', '2025-03-04T10:15:00', 1234.5, 'paid', 'email', null], // "Newsletter" → email
      [3, '10002', '2025-03-05T00:00:00', 99.9, null, 'paid_search', 'unknown status'], // "bezahlt" is not a status word
      [4, '10003', '2025-03-17T00:00:00', 12, 'refunded', 'unattributed', null],
    ]);
    expect(await checksum(engine)).toBe(before); // a preview loads nothing
  });

  it('loads through the mapping as a custom source', async () => {
    const r = await importFile(engine, GERMAN, { mapping: MAPPING });
    expect(r).toMatchObject({
      source: 'custom',
      table: 'orders',
      rowsRead: 3,
      rowsLoaded: 2,
      rowsRejected: 1,
      reasons: { 'unknown status': 1 },
    });
    // 1,234.50 + 12.00 = 1,246.50 (10002 is rejected)
    expect(await one(engine, 'SELECT sum(order_total)::DOUBLE AS t FROM orders')).toEqual({ t: 1246.5 });
  });

  it('refuses a mapping without a required field or with a column the file lacks', async () => {
    const noTotal: ColumnMapping = { table: 'orders', columns: { ...MAPPING.columns, order_total: undefined } };
    await expect(importFile(engine, GERMAN, { mapping: noTotal })).rejects.toThrow(
      /bestellungen\.csv: the mapping does not say which column holds order_total/,
    );
    const wrong: ColumnMapping = { table: 'orders', columns: { ...MAPPING.columns, order_total: 'Summe' } };
    const error = await importFile(engine, GERMAN, { mapping: wrong }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(/the mapping uses the column "Summe", which this file does not have/);
  });
});

describe('choices the data cannot make', () => {
  const slashed = textFile(
    'slashed.csv',
    'order_id,customer_id,ordered_at,status,order_total\nS-1,u,03/04/2025,paid,"1,234"\nS-2,u,05/06/2025,paid,2\n',
  );

  it('reads ambiguous dd/mm dates day-first and ambiguous 1,234 as thousands by default, and says so', async () => {
    const r = await importFile(engine, slashed);
    expect(r.warnings).toEqual([
      expect.stringMatching(/could be day-first or month-first; read as day-first/),
      expect.stringMatching(/Amounts like 1,234 could mean 1234 or 1\.234; read with a decimal point/),
    ]);
    expect(await engine.query('SELECT order_id, ordered_at, order_total::DOUBLE AS t FROM orders ORDER BY 1')).toEqual([
      { order_id: 'S-1', ordered_at: '2025-04-03T00:00:00', t: 1234 },
      { order_id: 'S-2', ordered_at: '2025-06-05T00:00:00', t: 2 },
    ]);
  });

  it('follows the date order and decimal style the user chose', async () => {
    const r = await importFile(engine, slashed, { dateOrder: 'mdy', decimal: 'comma' });
    expect(r.warnings).toEqual([]);
    expect(await engine.query('SELECT order_id, ordered_at, order_total::DOUBLE AS t FROM orders ORDER BY 1')).toEqual([
      { order_id: 'S-1', ordered_at: '2025-03-04T00:00:00', t: 1.234 },
      { order_id: 'S-2', ordered_at: '2025-05-06T00:00:00', t: 2 },
    ]);
  });

  it('decides month-first from the data when a day above 12 comes second', async () => {
    const r = await importFile(
      engine,
      textFile(
        'us.csv',
        'order_id,customer_id,ordered_at,status,order_total\nU-1,u,03/04/2025,paid,1\nU-2,u,12/25/2025,paid,2\n',
      ),
    );
    expect(r.warnings).toEqual([
      'Dates like 03/25/2025 show the file writes the month first; all such dates are read month-first (mm/dd/yyyy).',
    ]);
    expect(await engine.query('SELECT order_id, order_date FROM orders ORDER BY 1')).toEqual([
      { order_id: 'U-1', order_date: '2025-03-04' },
      { order_id: 'U-2', order_date: '2025-12-25' },
    ]);
  });

  it('rejects the dates that contradict the majority order and says the file mixes both', async () => {
    const mixed =
      'order_id,customer_id,ordered_at,status,order_total\nM-1,u,25/12/2025,paid,1\nM-2,u,26/12/2025,paid,1\nM-3,u,12/27/2025,paid,1\n';
    const r = await importFile(engine, textFile('mixed-dates.csv', mixed));
    // two values only make sense day-first, one only month-first → day-first; M-3 (month 27) fails
    expect(r).toMatchObject({
      rowsLoaded: 2,
      rowsRejected: 1,
      reasons: { "ordered_at contradicts the file's date order (day-first)": 1 },
    });
    expect(r.warnings?.[0]).toMatch(
      /both day-first and month-first \(2 values only make sense day-first, 1 only month-first\)/,
    );
  });
});
