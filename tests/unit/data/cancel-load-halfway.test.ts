import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNodeWasmEngine } from '../../../src/engine/node';
import { addFiles, cancelFile, confirmFile } from '../../../src/features/data/import-actions';
import { useImportStore, type PendingFile } from '../../../src/features/data/import-store';
import { ensureTables, importFile } from '../../../src/ingest/import';
import { rebuildDerived } from '../../../src/metrics/derived';
import { useAppStore } from '../../../src/stores/app-store';
import { writeSyntheticShop } from '../../../scripts/lib/synthetic-shop';

// Issue 17: "A test that cancelling a load halfway leaves the tables and the load reports as
// they were." The user's own shop is loaded (orders, traffic, derived tables, two load
// reports); a 100,000-order file whose first 3,000 order ids are already in the table (so a
// merge would replace them) is confirmed on the Data page's actions and cancelled at several
// points. Every table, derived ones included, and the reports must be exactly as before.

const DIR = path.join(os.tmpdir(), 'yardstick-cancel-halfway');
let engine: Engine;
let big: File;

async function tableNames(): Promise<string[]> {
  const rows = await engine.query(
    `SELECT table_name FROM duckdb_tables() WHERE NOT temporary AND schema_name = 'main' ORDER BY table_name`,
  );
  return rows.map((r) => String(r['table_name']));
}

/** Per table: rows and an order-free hash of every row; orders and traffic also their sums, by plain SQL. */
async function snapshot() {
  const tables: Record<string, unknown> = {};
  for (const t of await tableNames()) {
    const [row] = await engine.query(`SELECT count(*) AS n, coalesce(sum(hash(x::VARCHAR)) % 1000000007, 0) AS h FROM "${t}" x`);
    tables[t] = row;
  }
  const [sums] = await engine.query(
    `SELECT (SELECT sum(order_total) FROM orders) AS order_total, (SELECT sum(sessions) FROM traffic) AS sessions,
            (SELECT count(*) FROM orders WHERE source_file = 'orders-100000.csv') AS from_big_file`,
  );
  return { tables, sums, reports: JSON.stringify(useImportStore.getState().reports) };
}

async function workObjects(): Promise<number> {
  const [row] = await engine.query(
    `SELECT (SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '\\_ys\\_%' ESCAPE '\\')
          + (SELECT count(*) FROM duckdb_views() WHERE view_name LIKE '\\_ys\\_%' ESCAPE '\\') AS n`,
  );
  return Number(row?.['n']);
}

beforeAll(async () => {
  engine = await createNodeWasmEngine();
  await ensureTables(engine);
  const mine = await writeSyntheticShop(DIR, 3000, 11);
  const reports = [];
  for (const file of [mine.orders, mine.traffic])
    reports.push(await importFile(engine, { name: path.basename(file), data: new Uint8Array(readFileSync(file)) }));
  await rebuildDerived(engine);
  useImportStore.getState().setReports(reports);
  useAppStore.getState().datasetChanged('user');
  const shop = await writeSyntheticShop(DIR, 100_000);
  big = new File([readFileSync(shop.orders)], path.basename(shop.orders), { type: 'text/csv' });
}, 120_000);
afterAll(async () => {
  await engine.close();
});

/**
 * Drops the big file on the page and confirms it, running the load on `on`; presses Cancel
 * when `when` first holds of its card (or leaves pressing to `on` when there is no `when`).
 */
async function loadAndCancel(when: ((item: PendingFile) => boolean) | null, on: Engine = engine): Promise<PendingFile> {
  useImportStore.setState({ pending: [] });
  await addFiles(engine, [big]);
  const id = useImportStore.getState().pending[0]!.id;
  let pressed = false;
  const stop = useImportStore.subscribe((s) => {
    const item = s.pending.find((p) => p.id === id);
    if (when && !pressed && item && item.status === 'loading' && when(item)) {
      pressed = true;
      cancelFile(id);
    }
  });
  try {
    await confirmFile(on, id);
  } finally {
    stop();
  }
  if (when) expect(pressed).toBe(true);
  return useImportStore.getState().pending.find((p) => p.id === id)!;
}

describe('cancelling a load halfway', () => {
  it('the state it must keep is there: user data, derived tables and two reports', async () => {
    const s = await snapshot();
    expect(Object.keys(s.tables)).toEqual(expect.arrayContaining(['orders', 'traffic']));
    expect(Object.keys(s.tables).some((t) => t.startsWith('ys_'))).toBe(true);
    expect(JSON.parse(s.reports)).toHaveLength(2);
  });

  it('while the file is being read, after its first rows: stops there, and nothing changes', async () => {
    const before = await snapshot();
    let rowsWhenPressed = 0;
    const item = await loadAndCancel((p) => {
      const reading = p.progress?.phase === 'read' && (p.progress.rows ?? 0) > 0;
      if (reading) rowsWhenPressed = p.progress!.rows!;
      return reading;
    });
    expect(item.status).toBe('cancelled');
    // Halfway: some rows and bytes were counted, far from all 100,000.
    expect(rowsWhenPressed).toBeGreaterThan(0);
    expect(rowsWhenPressed).toBeLessThan(100_000);
    expect(item.progress?.bytes).toBeGreaterThan(0);
    expect(item.progress?.bytes).toBeLessThan(big.size);
    // It stopped reading: DuckDB never got the file.
    expect(item.progress?.phase).toBe('read');
    expect(await snapshot()).toEqual(before);
    expect(await workObjects()).toBe(0);
  });

  it('after DuckDB read all rows, before the values are checked', async () => {
    const before = await snapshot();
    const item = await loadAndCancel((p) => p.progress?.phase === 'validate');
    expect(item).toMatchObject({ status: 'cancelled', progress: { rows: 100_000 } });
    expect(await snapshot()).toEqual(before);
    expect(await workObjects()).toBe(0);
  });

  it('inside the merge transaction, after the rows it replaces were deleted and the new ones inserted', async () => {
    const before = await snapshot();
    let deletes = 0;
    const pressing: Engine = {
      ...engine,
      run: async (sql: string) => {
        await engine.run(sql);
        const statement = sql.trim();
        if (/^DELETE FROM orders/.test(statement)) deletes++;
        if (/^INSERT INTO orders/.test(statement)) cancelFile(useImportStore.getState().pending[0]!.id);
      },
    };
    const item = await loadAndCancel(null, pressing);
    expect(item.status).toBe('cancelled');
    expect(deletes).toBe(1); // the 3,000 ids it shares with the table went, then came back with the rollback
    expect(await snapshot()).toEqual(before);
    expect(await workObjects()).toBe(0);
  });

  it('with the sample shop on show, which the first own file replaces: the sample stays, untouched and not reloaded', async () => {
    // The loaded data stands in for the sample here: a cancel must not empty it (nor fetch the sample again).
    useAppStore.getState().datasetChanged('sample');
    const before = await snapshot();
    for (const phase of ['validate', 'merge'] as const) {
      const item = await loadAndCancel((p) => p.progress?.phase === phase);
      expect(item.status).toBe('cancelled');
      expect(await snapshot()).toEqual(before);
    }
    const pressing: Engine = {
      ...engine,
      run: async (sql: string) => {
        await engine.run(sql);
        if (/^INSERT INTO orders/.test(sql.trim())) cancelFile(useImportStore.getState().pending[0]!.id);
      },
    };
    expect((await loadAndCancel(null, pressing)).status).toBe('cancelled');
    expect(await snapshot()).toEqual(before);
    expect(useAppStore.getState().dataset.origin).toBe('sample');
    expect(await workObjects()).toBe(0);
  });
});
