import { mkdtempSync, openAsBlob, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

  it('reads a file-backed Blob streamed to its folder, every byte of it (the CLI hands large exports over this way)', async () => {
    // 300,000 lines (~3 MB): many chunks of the Blob's stream. Sum and count worked out here.
    const lines = Array.from({ length: 300_000 }, (_, i) => `${i},${i % 7}`);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ys-blob-')), 'big.csv');
    writeFileSync(file, `id,k\n${lines.join('\n')}\n`);
    await native.registerBlob('big.csv', await openAsBlob(file));
    const expectedK = lines.reduce((a, _, i) => a + (i % 7), 0);
    expect(
      await native.query(
        `SELECT count(*) AS n, sum(k) AS k, max(id) AS top FROM read_csv('${native.fileRef('big.csv')}')`,
      ),
    ).toEqual([{ n: 300_000, k: expectedK, top: 299_999 }]);
    rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it("sets DuckDB's memory limit when asked, and leaves DuckDB's own otherwise", async () => {
    const limited = await createNativeEngine({ memoryLimit: '512MiB' });
    try {
      expect(await limited.query(`SELECT current_setting('memory_limit') AS m`)).toEqual([{ m: '512.0 MiB' }]);
      expect(await native.query(`SELECT current_setting('memory_limit') AS m`)).not.toEqual([{ m: '512.0 MiB' }]);
    } finally {
      await limited.close();
    }
  });

  it('reports a failing query with its reason', async () => {
    await expect(native.query('SELECT * FROM nope')).rejects.toThrow(/nope/);
  });
});
