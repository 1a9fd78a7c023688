/**
 * The steps every entry point shares (import, detection, mapping preview): read the file
 * into the raw table, pick the plan, stage text and values. Work tables live in the
 * connection's temp schema and are dropped by `dropWorkTables`.
 */
import type { Engine } from '../engine/engine';
import { ident, literalList } from '../engine/sql';
import { sizeOf } from './byte-source';
import { laterLegacyEncoding } from './decode';
import { LineTooLongError } from './line-bound';
import { recordText } from './lines';
import { mappingPlan } from './mapping';
import { fitsOnePass, ONE_PASS_TABLE, stageInOnePass } from './one-pass';
import { prepareFile, type PreparedFile } from './prepare';
import { neutraliseStrayQuotes, type StrayQuotes, type WalkProgress } from './records';
import { REJECTED_ROWS_KEPT } from './report';
import { CLEAN_TABLE, cleanRaw, loadRaw, RAW_TABLE, type RawRead } from './raw';
import { recogniseSource } from './sources';
import { HeaderIndex, type SourcePlan } from './sources/source';
import { decideReading, MAP_TABLES, STRAY_TABLE, stageText, stageValues, STAGED, type ReadingChoices } from './stage';
import { ImportError, type ImportOptions, type ImportProgress, type InputFile } from './types';

export const STAGED_ITEMS = '_ys_stage_items';
export const TEXT_TABLES = { main: '_ys_text', items: '_ys_text_items' } as const;
export const PREVIEW_ROWS = 20;
// Detection reads the head of the file only: enough rows to judge dates and decimals.
export const DETECT_ROWS = 5000;

// One import at a time per engine: they share temp tables and a transaction.
const queues = new WeakMap<Engine, Promise<unknown>>();
export function oneAtATime<T>(engine: Engine, job: () => Promise<T>): Promise<T> {
  const previous = queues.get(engine) ?? Promise.resolve();
  const next = previous.then(job, job);
  queues.set(
    engine,
    next.catch(() => undefined),
  );
  return next;
}

const KNOWN_LAYOUTS =
  'the canonical layout (orders: order_id, customer_id, ordered_at, status, order_total; order_items: order_id, sku…; ' +
  'traffic: date, sessions; users: user_id, registered_at), a Shopify or WooCommerce orders export, a Taobao/Tmall ' +
  'order report, a Google Analytics 4 export or a Chinese traffic export (日期, 访客数 …)';

function planFor(file: string, h: HeaderIndex, options: ImportOptions): SourcePlan {
  if (options.mapping) return mappingPlan(file, options.mapping, h);
  const source = recogniseSource(h, options.table);
  if (!source) {
    const shown = h.names.slice(0, 8).join(', ') + (h.names.length > 8 ? ', …' : '');
    throw new ImportError(
      file,
      `the columns (${shown}) match no known layout${options.table ? ` for ${options.table}` : ''}; expected ${KNOWN_LAYOUTS}, or map the columns by hand.`,
    );
  }
  return source.plan(h);
}

export interface Staged {
  prepared: PreparedFile;
  plan: SourcePlan;
  choices: ReadingChoices;
  /** Records rejected for a quote that never closes (their text as written). */
  stray: StrayQuotes;
  /** Read in one pass (one-pass.ts): no raw table; rejected rows keep their fields in the staged rows. */
  onePass?: boolean;
}

const NO_STRAY: StrayQuotes = { records: [], texts: new Map() };

/**
 * The prepared text with stray quotes neutralised (see records.ts), so that DuckDB reads the
 * records a person counts. Text we wrote ourselves from JSON, Parquet or xlsx has none.
 */
async function withoutStrayQuotes(
  prepared: PreparedFile,
  limit: number | undefined,
  progress?: WalkProgress,
): Promise<{ prepared: PreparedFile; stray: StrayQuotes }> {
  if (prepared.lineColumn) return { prepared, stray: NO_STRAY };
  const { data, stray } = await neutraliseStrayQuotes(recordText(prepared), REJECTED_ROWS_KEPT, limit, progress);
  return { prepared: { ...prepared, data }, stray };
}

/**
 * The walk over the records as 'read' progress: how far through the file (the text may be
 * gzip-inflated or re-encoded, so its offset is scaled to the file's size) and the rows so far.
 * It is also where a cancel stops the read.
 */
function readProgress(
  prepared: PreparedFile,
  report: (p: ImportProgress) => void,
  signal: AbortSignal | undefined,
): WalkProgress {
  const textBytes = sizeOf(prepared.data) || 1;
  const totalBytes = prepared.totalBytes;
  return (offset, rows) => {
    signal?.throwIfAborted();
    report({ phase: 'read', bytes: Math.min(totalBytes, Math.round((offset / textBytes) * totalBytes)), totalBytes, rows });
  };
}

export async function count(engine: Engine, sql: string): Promise<number> {
  const [row] = await engine.query(sql);
  return Number(row?.['n'] ?? 0);
}

export async function readAndStage(
  engine: Engine,
  file: InputFile,
  options: ImportOptions,
  limit?: number,
): Promise<Staged> {
  const report = (p: ImportProgress): void => options.onProgress?.(p);
  const signal = options.signal;
  signal?.throwIfAborted();
  report({ phase: 'read', bytes: 0, totalBytes: sizeOf(file.data) });
  let prepared = await prepareFile(file, report, { signal, gunzipLimit: options.gunzipLimit });
  const totalBytes = prepared.totalBytes;
  let h = new HeaderIndex(prepared.layout.header);
  let plan = planFor(file.name, h, options);
  signal?.throwIfAborted();

  const notes: string[] = [];
  let stray: StrayQuotes;
  const explicit = {
    dateOrder: options.mapping?.dateOrder ?? options.dateOrder,
    decimal: options.mapping?.decimal ?? options.decimal,
    today: options.today,
  };
  let one: Awaited<ReturnType<typeof stageInOnePass>> = null;
  try {
    ({ prepared, stray } = await withoutStrayQuotes(prepared, limit, readProgress(prepared, report, signal)));
    signal?.throwIfAborted();
    report({ phase: 'parse', bytes: totalBytes, totalBytes });
    // Not in the browser: there, after a stored file is restored, the one-pass statement can read
    // a small dropped file as empty (e2e marketing-calendar-import, 2026-12-07: 0 rows, and the
    // same file read again right after gives its 2); the staged path reads it whole. Cause not
    // found; Node and native are tested on the one-pass path.
    if (limit === undefined && engine.kind !== 'wasm-browser' && fitsOnePass(plan, explicit))
      one = await stageInOnePass(
        engine,
        rawRead(file, prepared),
        plan,
        h.usedPositions(),
        stray,
        explicit,
        STAGED[plan.table],
        signal,
      );
    if (!one) await loadRaw(engine, rawRead(file, prepared), limit);
  } catch (e) {
    // The head looked like UTF-8 but a later part is not: read the file again in that encoding.
    const legacy =
      e instanceof ImportError &&
      !(e instanceof LineTooLongError) &&
      prepared.encoding === 'utf-8' &&
      !prepared.lineColumn
        ? await laterLegacyEncoding(prepared.data, signal)
        : null;
    if (!legacy) throw e;
    prepared = await prepareFile(file, report, { signal, encoding: legacy, gunzipLimit: options.gunzipLimit });
    h = new HeaderIndex(prepared.layout.header);
    plan = planFor(file.name, h, options);
    ({ prepared, stray } = await withoutStrayQuotes(prepared, limit, readProgress(prepared, report, signal)));
    signal?.throwIfAborted();
    await loadRaw(engine, rawRead(file, prepared), limit);
    notes.push(
      `The file starts as UTF-8 but later text is not; it was read as ${legacy === 'gb18030' ? 'GB18030 (GBK)' : 'Windows-1252'}.`,
    );
  }
  if (one) {
    if (one.rows === 0) throw new ImportError(file.name, 'the file has a header but no rows.');
    report({ phase: 'validate', bytes: totalBytes, totalBytes, rows: one.rows });
    signal?.throwIfAborted();
    return { prepared, plan, stray, choices: { ...one.choices, warnings: [...(prepared.notes ?? [])] }, onePass: true };
  }
  const rows = await count(engine, `SELECT count(*) AS n FROM ${ident(RAW_TABLE)}`);
  if (rows === 0) throw new ImportError(file.name, 'the file has a header but no rows.');
  report({ phase: 'validate', bytes: totalBytes, totalBytes, rows });
  signal?.throwIfAborted();

  await cleanRaw(engine, h.usedPositions(), prepared.lineColumn);
  const texts = [await stageText(engine, plan, TEXT_TABLES.main)];
  if (plan.items) texts.push(await stageText(engine, plan.items, TEXT_TABLES.items));
  signal?.throwIfAborted();

  const choices = await decideReading(engine, texts, explicit);
  signal?.throwIfAborted();
  const [main, items] = texts;
  await stageValues(engine, main!, choices, STAGED[plan.table], stray.records);
  signal?.throwIfAborted();
  if (items) await stageValues(engine, items, choices, STAGED_ITEMS, stray.records);
  await dropViews(engine);
  signal?.throwIfAborted();
  return {
    prepared,
    plan,
    stray,
    choices: { ...choices, warnings: [...(prepared.notes ?? []), ...notes, ...choices.warnings] },
  };
}

export function rawRead(file: InputFile, prepared: PreparedFile): RawRead {
  return {
    data: prepared.data,
    delimiter: prepared.layout.delimiter,
    columns: prepared.layout.header.length,
    dataStart: prepared.layout.dataStart,
    dataEnd: prepared.dataEnd,
    lineColumn: prepared.lineColumn,
    fileName: file.name,
    encodingLabel: prepared.encoding,
  };
}

async function dropViews(engine: Engine): Promise<void> {
  await engine.run(
    [TEXT_TABLES.main, TEXT_TABLES.items, CLEAN_TABLE].map((n) => `DROP VIEW IF EXISTS ${ident(n)}`).join('; '),
  );
}

export async function dropWorkTables(engine: Engine): Promise<void> {
  await dropViews(engine);
  // A staged name is a view of the one-pass table after a one-pass read, else a table.
  const staged = Object.values(STAGED);
  const views = await engine.query(
    `SELECT view_name FROM duckdb_views() WHERE temporary AND view_name IN ${literalList(staged)}`,
  );
  const stagedViews = new Set(views.map((v) => String(v['view_name'])));
  if (stagedViews.size > 0)
    await engine.run([...stagedViews].map((n) => `DROP VIEW IF EXISTS ${ident(n)}`).join('; '));
  const names = [
    RAW_TABLE,
    ONE_PASS_TABLE,
    STAGED_ITEMS,
    ...staged.filter((n) => !stagedViews.has(n)),
    ...MAP_TABLES,
    STRAY_TABLE,
  ];
  await engine.run(names.map((n) => `DROP TABLE IF EXISTS ${ident(n)}`).join('; '));
}
