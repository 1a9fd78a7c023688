import type { Engine } from '../engine/engine';
import { ident } from '../engine/sql';
import { CANONICAL_DDL, matchKeySql, type TableName } from '../model/tables';
import { mergeStaged } from './merge';
import { count, dropWorkTables, oneAtATime, readAndStage, STAGED_ITEMS } from './pipeline';
import { RAW_TABLE } from './raw';
import { rejectedRows } from './rejected-rows';
import { REJECTED_ROWS_KEPT } from './report';
import { STAGED, valueCol } from './stage';
import type { ImportOptions, InputFile, LoadReport } from './types';

export { detectFile, previewMapping, type DetectionResult } from './detect';

/** Creates the canonical tables when they do not exist yet (DATA.md "Canonical tables"). */
export async function ensureTables(engine: Engine): Promise<void> {
  await engine.run(CANONICAL_DDL);
}

const today = (): string => new Date().toISOString().slice(0, 10);

/** Valid staged inventory rows whose SKU products does not list; null when products is (or will be) empty. */
async function skusNotInProducts(engine: Engine, staged: string, emptied: boolean): Promise<number | null> {
  if (emptied) return null;
  const [row] = await engine.query(`SELECT (SELECT count(*) FROM products) AS products,
    (SELECT count(*) FROM ${ident(staged)} WHERE _reason IS NULL
       AND ${matchKeySql(`CAST(${valueCol('sku')} AS VARCHAR)`)} NOT IN (SELECT sku_key FROM products)) AS n`);
  return Number(row?.['products'] ?? 0) === 0 ? null : Number(row?.['n'] ?? 0);
}

/**
 * Loads one file into its canonical table (issue 3; DATA.md): recognises the layout (or uses
 * `options.mapping`), reads every value with the same SQL in Node and the browser, rejects
 * unreadable rows with their first reason and line number, and merges the rest in one
 * transaction, so a failure or a cancel leaves every table as it was. Several files append;
 * a key seen again (order_id, user_id, traffic day/channel) replaces the earlier row.
 * Derived tables are the caller's to rebuild.
 */
export function importFile(engine: Engine, file: InputFile, options: ImportOptions = {}): Promise<LoadReport> {
  return oneAtATime(engine, async () => {
    await ensureTables(engine);
    try {
      const staged = await readAndStage(engine, file, options);
      const totalBytes = staged.prepared.totalBytes;
      const table: TableName = staged.plan.table;
      const rowsRead = await count(engine, `SELECT count(*) AS n FROM ${ident(STAGED[table])}`);
      const main = await rejectedRows(engine, staged, STAGED[table], '');
      const items = staged.plan.items ? await rejectedRows(engine, staged, STAGED_ITEMS, 'line item: ') : null;
      const notInProducts =
        table === 'inventory'
          ? await skusNotInProducts(engine, STAGED[table], options.emptyFirst?.includes('products') ?? false)
          : null;
      options.signal?.throwIfAborted();
      // The raw text is only needed to show rejected rows; free it before the merge.
      await engine.run(`DROP TABLE IF EXISTS ${ident(RAW_TABLE)}`);
      options.onProgress?.({ phase: 'merge', bytes: totalBytes, totalBytes, rows: rowsRead });
      const counts = await mergeStaged(engine, {
        table,
        staged: STAGED[table],
        ...(staged.plan.items ? { stagedItems: STAGED_ITEMS } : {}),
        file: file.name,
        addUpTraffic: table === 'traffic' && staged.plan.source !== 'canonical' && staged.plan.source !== 'custom',
        signal: options.signal,
        emptyFirst: options.emptyFirst,
      });
      const rejected = [...main.rows, ...(items?.rows ?? [])]
        .sort((a, b) => a.line - b.line)
        .slice(0, REJECTED_ROWS_KEPT);
      const rowsRejected = Object.values(main.reasons).reduce((a, b) => a + b, 0);
      const report: LoadReport = {
        file: file.name,
        table,
        source: staged.plan.source,
        rowsRead,
        rowsLoaded: counts.loaded,
        rowsRejected,
        duplicates: counts.replaced,
        ...(counts.addedUp > 0 ? { addedUp: counts.addedUp } : {}),
        reasons: main.reasons,
        dateRange: counts.dateRange,
        rejected,
        warnings: [
          ...staged.choices.warnings,
          ...(staged.plan.source === 'shopify_inventory'
            ? [`Shopify's inventory export has no date: read as a stock snapshot of today (${today()}).`]
            : []),
          ...(notInProducts
            ? [`${notInProducts} rows name a SKU not in products: loaded, counted as "SKU not in products".`]
            : []),
        ],
        ...(notInProducts !== null ? { notInProducts } : {}),
        encoding: staged.prepared.encoding,
        ...(counts.items ? { items: { ...counts.items, rejected: counts.items.read - counts.items.loaded } } : {}),
      };
      options.onProgress?.({ phase: 'done', bytes: totalBytes, totalBytes, rows: rowsRead });
      return report;
    } finally {
      await dropWorkTables(engine);
    }
  });
}
