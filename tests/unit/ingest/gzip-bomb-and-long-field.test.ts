import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNodeWasmEngine } from '../../../src/engine/node';
import { DEFAULT_GUNZIP_LIMIT, gunzipCeiling, GunzipLimitError } from '../../../src/ingest/decode';
import { importFile } from '../../../src/ingest/import';
import { LineTooLongError } from '../../../src/ingest/line-bound';
import { ImportError, type ImportOptions, type InputFile } from '../../../src/ingest/types';
import { checksum, fixture, one, resetTables, textFile } from './helpers';

// Issue 19, item 11: a gzip bomb and a single giant field fail early, with one line naming
// the file and the limit, and leave what was loaded as it was.

const MB = 1024 * 1024;
const HEADER = 'order_id,customer_id,ordered_at,status,order_total\n';

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

async function failure(file: InputFile, options: ImportOptions = {}): Promise<ImportError> {
  const error = await importFile(engine, file, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  expect(await checksum(engine)).toBe(before);
  return error as ImportError;
}

/** `rows` copies of one valid order row under the canonical header: a bomb of readable CSV. */
function repeatedOrders(rows: number): Buffer {
  return Buffer.concat([Buffer.from(HEADER), Buffer.from('B-1,b1,2025-01-01,paid,10\n'.repeat(rows))]);
}

describe('a gzip bomb', () => {
  // 52 MB of repeated rows compress about 400-fold; with a floor of 8 MB the limit is 100 ×
  // the compressed size, about 13 MB, so the test trips it in a fraction of a second.
  const text = repeatedOrders(2_000_000);
  const bomb = gzipSync(text, { level: 9 });
  const limit = { ratio: 100, floorBytes: 8 * MB };

  // The gzip trailer's checksum spoilt: inflating to the end would call the file damaged, so
  // the limit's message proves the inflating stopped at the limit, a quarter of the way in.
  const spoilt = new Uint8Array(bomb);
  spoilt[spoilt.length - 8]! ^= 0xff;

  it('is refused while inflating, with one line naming the file and the limit', async () => {
    expect(text.byteLength / bomb.byteLength).toBeGreaterThan(400); // a bomb under this limit
    const e = await failure({ name: 'bomb.csv.gz', data: spoilt }, { gunzipLimit: limit });
    expect(e).toBeInstanceOf(GunzipLimitError);
    // 100 × the compressed size (above the 8 MB floor), in MB with one decimal.
    const ceiling = ((100 * bomb.byteLength) / MB).toFixed(1).replace(/\.0$/, '');
    expect(e.message).toBe(
      `bomb.csv.gz: the gzip data expands to more than ${ceiling} MB from ${Math.ceil(bomb.byteLength / 1024)} KB; ` +
        'refused as a likely decompression bomb (the limit is 100 times the compressed size, and at least 8 MB).',
    );
    expect(e.message).not.toMatch(/\n|gb18030|encoding/);
  });

  it('would have been inflated to its spoilt end without the limit', async () => {
    const e = await failure(
      { name: 'bomb.csv.gz', data: spoilt },
      { gunzipLimit: { ratio: 1000, floorBytes: 8 * MB } },
    );
    expect(e.message).toMatch(/^bomb\.csv\.gz: the gzip data is damaged or truncated/);
  });

  it('loads under a limit it does not pass (the limit, not the data, refused it)', async () => {
    const small = gzipSync(repeatedOrders(1000));
    const r = await importFile(engine, { name: 'small.csv.gz', data: new Uint8Array(small) }, { gunzipLimit: limit });
    // 1,000 rows of one order id, all read, none rejected: one order in the table.
    expect(r).toMatchObject({ rowsRead: 1000, rowsRejected: 0 });
    expect(await one(engine, `SELECT count(*) AS n FROM orders WHERE order_id = 'B-1'`)).toEqual({ n: 1 });
  });

  it('has a default limit of 100 × the compressed size, at least 256 MB', () => {
    expect(DEFAULT_GUNZIP_LIMIT).toEqual({ ratio: 100, floorBytes: 256 * MB });
    // The sample shop's orders (2.3 MB → 15 MB) are far inside it.
    expect(gunzipCeiling(2_315_968, DEFAULT_GUNZIP_LIMIT)).toBe(256 * MB);
    expect(gunzipCeiling(10 * MB, DEFAULT_GUNZIP_LIMIT)).toBe(1000 * MB);
  });
});

describe('a single field larger than the reader takes (64 MB)', () => {
  const giant = 'x'.repeat(65 * MB);

  it('fails naming the file, the line and the limit, not an encoding', async () => {
    const text = `${HEADER}L-1,c1,2025-01-01,paid,10\nL-2,${giant},2025-01-02,paid,5\nL-3,c3,2025-01-03,paid,7\n`;
    const e = await failure(textFile('long.csv', text));
    expect(e).toBeInstanceOf(LineTooLongError);
    expect(e.message).toBe(
      'long.csv: line 3 is longer than 64 MB, the most one line (or one field) may hold; expected delimited text with one record per line.',
    );
  });

  it('fails the same way inside a gzip file, which is no bomb by the default limit', async () => {
    const text = `${HEADER}L-1,c1,2025-01-01,paid,10\n\nL-2,"${giant}",2025-01-02,paid,5\n`;
    const e = await failure({ name: 'long.csv.gz', data: new Uint8Array(gzipSync(text)) });
    expect(e.message).toMatch(/^long\.csv\.gz: line 4 is longer than 64 MB/);
  });

  it('names the line of the source file for NDJSON', async () => {
    const lines = [
      JSON.stringify({ order_id: 'J-1', customer_id: 'c1', ordered_at: '2025-01-01', status: 'paid', order_total: 1 }),
      JSON.stringify({ order_id: 'J-2', customer_id: giant, ordered_at: '2025-01-02', status: 'paid', order_total: 2 }),
    ];
    const e = await failure(textFile('long.ndjson', `${lines.join('\n')}\n`));
    expect(e.message).toMatch(/^long\.ndjson: line 2 is longer than 64 MB/);
  });
});
