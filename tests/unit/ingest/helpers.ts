import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Engine, Row } from '../../../src/engine/engine';
import { ensureTables } from '../../../src/ingest/import';
import type { InputFile } from '../../../src/ingest/types';

const FIXTURES = path.join(import.meta.dirname, '..', '..', 'fixtures', 'ingest');

/** A fixture file as the CLI hands it over: bytes in memory. */
export function fixture(name: string): InputFile {
  return { name, data: new Uint8Array(readFileSync(path.join(FIXTURES, name))) };
}

/** A file from text, UTF-8. */
export function textFile(name: string, text: string): InputFile {
  return { name, data: new TextEncoder().encode(text) };
}

/** Empties the canonical tables between tests (one engine per test file). */
export async function resetTables(engine: Engine): Promise<void> {
  await engine.run(
    'DROP TABLE IF EXISTS orders; DROP TABLE IF EXISTS order_items; DROP TABLE IF EXISTS traffic; DROP TABLE IF EXISTS users',
  );
  await ensureTables(engine);
}

export async function one(engine: Engine, sql: string): Promise<Row> {
  const [row] = await engine.query(sql);
  if (!row) throw new Error(`no row from ${sql}`);
  return row;
}

/**
 * A fingerprint of everything loaded: row counts and an order-independent hash of every
 * column of every canonical table. Equal before and after means nothing changed.
 */
export async function checksum(engine: Engine): Promise<string> {
  const parts: string[] = [];
  for (const t of ['orders', 'order_items', 'traffic', 'users']) {
    const row = await one(
      engine,
      `SELECT count(*) AS n, coalesce(sum(hash(t::VARCHAR)) % 1000000007, 0) AS h FROM ${t} t`,
    );
    parts.push(`${t}:${String(row['n'])}:${String(row['h'])}`);
  }
  return parts.join('|');
}
