import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNodeWasmEngine } from '../../../src/engine/node';

// Issue 19, item 6: the SQL page runs the user's text on the app's engine, so the engine must
// refuse every other host and file for good. These are the statements that reached other
// hosts before; each must fail at once with DuckDB's permission or lock error.

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeWasmEngine();
});
afterAll(async () => {
  await engine.close();
});

const REFUSED: [string, RegExp][] = [
  ['LOAD httpfs', /Permission Error|disabled/],
  [`SELECT * FROM read_csv('http://example.invalid/orders.csv')`, /Permission Error/],
  // without the parquet extension the URL is not even read as a file
  [`SELECT * FROM 'https://example.invalid/orders.parquet'`, /Permission Error|Catalog Error/],
  [`ATTACH 'http://example.invalid/shop.duckdb' AS remote`, /Permission Error/],
  [`COPY (SELECT 1 AS a) TO 'http://example.invalid/out.csv'`, /Permission Error/],
  [`SELECT * FROM read_csv('/etc/hostname')`, /Permission Error/],
  ['SET autoload_known_extensions = true', /locked/],
  ['SET autoinstall_known_extensions = true', /locked/],
  ['SET enable_external_access = true', /locked/],
  ['SET GLOBAL enable_external_access = true', /locked/],
  ['RESET enable_external_access', /locked/],
  ['SET lock_configuration = false', /locked/],
  [`SET allowed_directories = ['/']`, /locked/],
  [`SET custom_extension_repository = 'http://example.invalid'`, /locked/],
];

describe('the engine refuses external access for good', () => {
  it.each(REFUSED)('%s', async (sql, error) => {
    await expect(engine.run(sql)).rejects.toThrow(error);
  });

  it('refuses to load an extension even after INSTALL (which the wasm build accepts without fetching)', async () => {
    await engine.run('INSTALL httpfs').catch(() => undefined);
    await expect(engine.run('LOAD httpfs')).rejects.toThrow(/Permission Error|disabled/);
  });

  it('still refuses after every attempt to undo it, and autoload stays off', async () => {
    for (const [sql] of REFUSED) await engine.run(sql).catch(() => undefined);
    expect(
      await engine.query(
        `SELECT name, value FROM duckdb_settings() WHERE name IN ('enable_external_access', 'lock_configuration', 'autoload_known_extensions') ORDER BY name`,
      ),
    ).toEqual([
      { name: 'autoload_known_extensions', value: 'false' },
      { name: 'enable_external_access', value: 'false' },
      { name: 'lock_configuration', value: 'true' },
    ]);
    await expect(engine.query(`SELECT * FROM read_json('x.json')`)).rejects.toThrow(/json|Permission/i);
  });

  it('reads the files the app registers itself', async () => {
    await engine.registerBytes('mine.csv', new TextEncoder().encode('a\n1\n2\n'));
    expect(await engine.query(`SELECT sum(a) AS s FROM read_csv('${engine.fileRef('mine.csv')}')`)).toEqual([{ s: 3 }]);
    await engine.dropFile('mine.csv');
  });
});
