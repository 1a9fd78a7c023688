import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNativeEngine } from '../../src/engine/native';
import { createNodeWasmEngine } from '../../src/engine/node';
import type { Engine } from '../../src/engine/engine';

let wasm: Engine;
let native: Engine;
beforeAll(async () => {
  [wasm, native] = await Promise.all([createNodeWasmEngine(), createNativeEngine()]);
});
afterAll(async () => {
  await Promise.all([wasm.close(), native.close()]);
});

const probes = [
  `SELECT count(*) AS n, sum(x) AS s, avg(x) AS a FROM (VALUES (1), (2), (4)) t(x)`,
  `SELECT 12.34::DECIMAL(10,2) AS d, (12.34::DECIMAL(10,2) * 3) AS d3, NULL::DOUBLE AS missing`,
  `SELECT DATE '2024-02-29' AS d, TIMESTAMP '2025-12-31 23:59:59' AS ts, strftime(DATE '2025-01-07', '%G-W%V') AS wk`,
  `SELECT 'a' AS s, true AS b`,
];

describe('native DuckDB gives the same JSON-safe values as DuckDB-WASM', () => {
  it.each(probes)('%s', async (sql) => {
    const [a, b] = await Promise.all([wasm.query(sql), native.query(sql)]);
    expect(b).toEqual(a);
  });

  it('reads registered bytes by name', async () => {
    await native.registerBytes('n.csv', new TextEncoder().encode('a\n5\n6\n'));
    expect(await native.query(`SELECT sum(a) AS s FROM read_csv('${native.fileRef('n.csv')}')`)).toEqual([{ s: 11 }]);
  });

  it('reports a failing query with its reason', async () => {
    await expect(native.query('SELECT * FROM nope')).rejects.toThrow(/nope/);
  });
});
