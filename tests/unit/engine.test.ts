import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeWasmEngine } from '../../src/engine/node';
import type { Engine } from '../../src/engine/engine';

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeWasmEngine();
});
afterAll(async () => {
  await engine.close();
});

describe('DuckDB-WASM engine in Node: values leave as JSON-safe data', () => {
  it('turns BIGINT, HUGEINT and DECIMAL into numbers', async () => {
    const [row] = await engine.query(
      `SELECT count(*) AS n, sum(x) AS s, 12.34::DECIMAL(10,2) AS d, 9007199254740991::BIGINT AS big
       FROM (VALUES (1), (2), (3)) t(x)`,
    );
    expect(row).toEqual({ n: 3, s: 6, d: 12.34, big: 9007199254740991 });
    expect(() => JSON.stringify(row)).not.toThrow();
  });

  it('turns DATE and TIMESTAMP into ISO strings of the wall clock', async () => {
    const [row] = await engine.query(
      `SELECT DATE '2025-02-28' AS d, TIMESTAMP '2025-02-28 23:30:00' AS ts,
              TIMESTAMP '2024-02-29 00:00:00.250' AS frac`,
    );
    expect(row).toEqual({ d: '2025-02-28', ts: '2025-02-28T23:30:00', frac: '2024-02-29T00:00:00.250' });
  });

  it('keeps the wall-clock date of a timestamp written with an offset when the offset is stripped', async () => {
    const [row] = await engine.query(
      `SELECT strptime(left('2025-02-28T23:30:00-0800', 19), '%Y-%m-%dT%H:%M:%S')::DATE AS day`,
    );
    expect(row).toEqual({ day: '2025-02-28' });
  });

  it('keeps NULL as null, not 0 or empty', async () => {
    const [row] = await engine.query(`SELECT NULL::INTEGER AS i, NULL::VARCHAR AS s, NULL::DATE AS d, 1 / NULLIF(0, 0) AS r`);
    expect(row).toEqual({ i: null, s: null, d: null, r: null });
  });

  it('keeps duplicate column names apart by position', async () => {
    const [row] = await engine.query(`SELECT 1 AS a, 'x' AS b`);
    expect(Object.keys(row ?? {})).toEqual(['a', 'b']);
  });

  it('says why a failing query failed and which statement it was', async () => {
    await expect(engine.query('SELECT no_such_column FROM (SELECT 1 AS a)')).rejects.toThrow(
      /no_such_column[\s\S]*in: SELECT no_such_column/,
    );
    await expect(engine.query('SELECT * FROM missing_table')).rejects.toThrow(/missing_table/);
  });

  it('never reaches for an extension: parquet is refused at once instead of hanging', async () => {
    await expect(engine.query(`SELECT * FROM read_parquet('x.parquet')`)).rejects.toThrow(/parquet/i);
  });

  it('reads registered CSV bytes', async () => {
    await engine.registerBytes('t.csv', new TextEncoder().encode('a,b\n1,x\n2,y\n'));
    const rows = await engine.query(`SELECT sum(a) AS total, string_agg(b, '') AS bs FROM read_csv('${engine.fileRef('t.csv')}')`);
    expect(rows).toEqual([{ total: 3, bs: 'xy' }]);
  });
});
