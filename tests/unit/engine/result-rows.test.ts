import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNodeWasmEngine } from '../../../src/engine/node';

// Results come back as Arrow record batches of 2,048 rows; arrowToRows reads them batch by batch
// and reads a batch's ASCII strings from one decode. The expected rows are built here in
// JavaScript from the same rule as the SQL, not by the code under test.

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeWasmEngine();
});
afterAll(async () => {
  await engine.close();
});

/** Row i's text: null every 7th, empty every 11th, Chinese every 5th (one whole batch is ASCII), else 'sku-i'. */
function text(i: number): string | null {
  if (i % 7 === 0) return null;
  if (i % 11 === 0) return '';
  if (i % 5 === 0 && i >= 2048) return `商品-${i}`;
  return `sku-${i}`;
}

describe('query results as rows', () => {
  it('keeps every row, in order, across batches, with nulls, empty and non-ASCII strings', async () => {
    const rows = await engine.query(`
      SELECT i, CASE WHEN i % 7 = 0 THEN NULL WHEN i % 11 = 0 THEN '' WHEN i % 5 = 0 AND i >= 2048 THEN '商品-' || i
        ELSE 'sku-' || i END AS s, i / 4 AS q, DATE '2025-01-01' + CAST(i % 365 AS INTEGER) AS d
      FROM range(5000) t(i) ORDER BY i`);
    expect(rows).toHaveLength(5000);
    const day = (i: number) => new Date(Date.UTC(2025, 0, 1 + (i % 365))).toISOString().slice(0, 10);
    for (const i of [0, 1, 7, 11, 2047, 2048, 2049, 2050, 2055, 4095, 4096, 4999])
      expect(rows[i]).toEqual({ i, s: text(i), q: i / 4, d: day(i) });
    expect(rows.map((r) => r['s'])).toEqual(Array.from({ length: 5000 }, (_, i) => text(i)));
  });

  it('reads integers, big integers and doubles with nulls straight from each batch', async () => {
    const rows = await engine.query(`
      SELECT CAST(i AS INTEGER) AS n, CASE WHEN i % 3 = 0 THEN NULL ELSE i / 8 END AS x,
        CAST(i AS BIGINT) * 1000 AS big, CASE WHEN i % 4 = 0 THEN NULL ELSE CAST(i % 300 AS SMALLINT) END AS small,
        CAST(i % 100 AS TINYINT) AS tiny, CAST(i AS FLOAT) / 2 AS half
      FROM range(5000) t(i) ORDER BY i`);
    expect(rows).toHaveLength(5000);
    const expected = (i: number) => ({
      n: i,
      x: i % 3 === 0 ? null : i / 8,
      big: i * 1000,
      small: i % 4 === 0 ? null : i % 300,
      tiny: i % 100,
      half: i / 2,
    });
    expect(rows).toEqual(Array.from({ length: 5000 }, (_, i) => expected(i)));
  });

  it('reads an empty result and a column of only nulls', async () => {
    expect(await engine.query(`SELECT 'a' AS s FROM range(0)`)).toEqual([]);
    const nulls = await engine.query(`SELECT CAST(NULL AS VARCHAR) AS s FROM range(3000)`);
    expect(nulls).toHaveLength(3000);
    expect(nulls.every((r) => r['s'] === null)).toBe(true);
  });
});
