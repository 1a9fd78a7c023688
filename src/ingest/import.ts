import type { Engine, Row } from '../engine/engine';
import { ident } from '../engine/sql';
import { CANONICAL_DDL, type TableName } from '../model/tables';
import { sizeOf } from './byte-source';
import { FIELDS } from './fields';
import { recordLines, unterminatedLastRecord } from './lines';
import { mappingPlan } from './mapping';
import { mergeStaged } from './merge';
import { prepareFile, type PreparedFile } from './prepare';
import { CLEAN_TABLE, cleanRaw, EXTRA_COLUMN, loadRaw, RAW_TABLE, rawColumn, type RawRead } from './raw';
import { laterLegacyEncoding } from './decode';
import { joinFields, REJECTED_ROWS_KEPT } from './report';
import { recogniseSource } from './sources';
import { HeaderIndex, type SourcePlan } from './sources/source';
import { decideReading, stageText, stageValues, STAGED, valueCol, type ReadingChoices } from './stage';
import {
  ImportError,
  type ColumnMapping,
  type Detection,
  type ImportOptions,
  type ImportProgress,
  type InputFile,
  type LoadReport,
  type RejectedRow,
} from './types';

const STAGED_ITEMS = '_ys_stage_items';
const TEXT_TABLES = { main: '_ys_text', items: '_ys_text_items' } as const;
const PREVIEW_ROWS = 20;
// Detection reads the head of the file only: enough rows to judge dates and decimals.
const DETECT_ROWS = 5000;

/** Creates the canonical tables when they do not exist yet (DATA.md "Canonical tables"). */
export async function ensureTables(engine: Engine): Promise<void> {
  await engine.run(CANONICAL_DDL);
}

// One import at a time per engine: they share temp tables and a transaction.
const queues = new WeakMap<Engine, Promise<unknown>>();
function oneAtATime<T>(engine: Engine, job: () => Promise<T>): Promise<T> {
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

interface Staged {
  prepared: PreparedFile;
  plan: SourcePlan;
  choices: ReadingChoices;
}

async function count(engine: Engine, sql: string): Promise<number> {
  const [row] = await engine.query(sql);
  return Number(row?.['n'] ?? 0);
}

async function readAndStage(engine: Engine, file: InputFile, options: ImportOptions, limit?: number): Promise<Staged> {
  const report = (p: ImportProgress): void => options.onProgress?.(p);
  const signal = options.signal;
  signal?.throwIfAborted();
  report({ phase: 'read', bytes: 0, totalBytes: sizeOf(file.data) });
  let prepared = await prepareFile(file, report, signal);
  const totalBytes = prepared.totalBytes;
  let h = new HeaderIndex(prepared.layout.header);
  let plan = planFor(file.name, h, options);
  signal?.throwIfAborted();

  report({ phase: 'parse', bytes: 0, totalBytes });
  const notes: string[] = [];
  try {
    await loadRaw(engine, rawRead(file, prepared), limit);
  } catch (e) {
    // The head looked like UTF-8 but a later part is not: read the file again in that encoding.
    const legacy =
      e instanceof ImportError && prepared.encoding === 'utf-8' && !prepared.lineColumn
        ? await laterLegacyEncoding(prepared.data, signal)
        : null;
    if (!legacy) throw e;
    prepared = await prepareFile(file, report, signal, false, legacy);
    h = new HeaderIndex(prepared.layout.header);
    plan = planFor(file.name, h, options);
    await loadRaw(engine, rawRead(file, prepared), limit);
    notes.push(
      `The file starts as UTF-8 but later text is not; it was read as ${legacy === 'gb18030' ? 'GB18030 (GBK)' : 'Windows-1252'}.`,
    );
  }
  const rows = await count(engine, `SELECT count(*) AS n FROM ${ident(RAW_TABLE)}`);
  if (rows === 0) throw new ImportError(file.name, 'the file has a header but no rows.');
  report({ phase: 'validate', bytes: totalBytes, totalBytes, rows });
  signal?.throwIfAborted();

  await cleanRaw(engine, h.usedPositions(), prepared.lineColumn);
  const texts = [await stageText(engine, plan, TEXT_TABLES.main)];
  if (plan.items) texts.push(await stageText(engine, plan.items, TEXT_TABLES.items));
  signal?.throwIfAborted();

  const explicit = {
    dateOrder: options.mapping?.dateOrder ?? options.dateOrder,
    decimal: options.mapping?.decimal ?? options.decimal,
  };
  const choices = await decideReading(engine, texts, explicit);
  const cutOff = prepared.lineColumn || limit !== undefined ? null : await unterminatedLastRecord(prepared);
  const [main, items] = texts;
  await stageValues(engine, main!, choices, STAGED[plan.table], cutOff);
  if (items) await stageValues(engine, items, choices, STAGED_ITEMS, cutOff);
  await dropViews(engine);
  signal?.throwIfAborted();
  return { prepared, plan, choices: { ...choices, warnings: [...notes, ...choices.warnings] } };
}

function rawRead(file: InputFile, prepared: PreparedFile): RawRead {
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

async function dropWorkTables(engine: Engine): Promise<void> {
  await dropViews(engine);
  const names = [RAW_TABLE, STAGED_ITEMS, ...Object.values(STAGED)];
  await engine.run(names.map((n) => `DROP TABLE IF EXISTS ${ident(n)}`).join('; '));
}

async function rejectedRows(
  engine: Engine,
  staged: Staged,
  table: string,
  prefix: string,
): Promise<{ rows: RejectedRow[]; reasons: Record<string, number> }> {
  const reasons: Record<string, number> = {};
  for (const r of await engine.query(
    `SELECT _reason AS reason, count(*) AS n FROM ${ident(table)} WHERE _reason IS NOT NULL GROUP BY 1`,
  ))
    reasons[`${prefix}${String(r['reason'])}`] = Number(r['n']);
  if (Object.keys(reasons).length === 0) return { rows: [], reasons };

  const columns = staged.prepared.layout.header.map((_, i) => ident(rawColumn(i)));
  const sample = await engine.query(
    `SELECT s._row, s._line, s._reason, ${columns.map((c) => `r.${c}`).join(', ')}, r.${ident(EXTRA_COLUMN)}
     FROM ${ident(table)} s JOIN ${ident(RAW_TABLE)} r ON r.rowid = s._row
     WHERE s._reason IS NOT NULL ORDER BY s._row LIMIT ${REJECTED_ROWS_KEPT}`,
  );
  const lines = staged.prepared.lineColumn
    ? null
    : await recordLines(
        staged.prepared,
        sample.map((r) => Number(r['_row'])),
      );
  const rows = sample.map((r): RejectedRow => {
    const index = Number(r['_row']);
    const fields = staged.prepared.layout.header.map((_, i) => {
      const v = r[rawColumn(i)];
      return v === null || v === undefined ? null : String(v);
    });
    const extra = r[EXTRA_COLUMN];
    if (extra !== null && extra !== undefined) fields.push(String(extra));
    return {
      line: lines ? (lines.get(index) ?? index + staged.prepared.layout.dataLine) : Number(r['_line']),
      reason: `${prefix}${String(r['_reason'])}`,
      raw: joinFields(fields, staged.prepared.layout.delimiter),
    };
  });
  return { rows, reasons };
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
        duplicates: counts.duplicates,
        reasons: main.reasons,
        dateRange: counts.dateRange,
        rejected,
        warnings: staged.choices.warnings,
        ...(counts.items ? { items: { ...counts.items, rejected: counts.items.read - counts.items.loaded } } : {}),
      };
      options.onProgress?.({ phase: 'done', bytes: totalBytes, totalBytes, rows: rowsRead });
      return report;
    } finally {
      await dropWorkTables(engine);
    }
  });
}

function formatName(prepared: PreparedFile): string {
  const base = prepared.format === 'csv' && prepared.layout.delimiter === '\t' ? 'tsv' : prepared.format;
  return prepared.compressed ? `${base}+gzip` : base;
}

/** What `detectFile` found, with the first rows as they are in the file. */
export interface DetectionResult extends Detection {
  /** False when no source recognised the header and the user must map it. */
  recognised: boolean;
  /** The first rows keyed by header name, values as written. */
  preview: Row[];
  warnings: string[];
  encoding: string;
  format: string;
  delimiter: string;
}

/**
 * Recognises a file without loading it, so the UI can show the kind and source before the
 * user applies it (issue 3 "Recognition"). Unknown layouts come back with
 * `recognised: false` and source 'custom' for the user to map.
 */
export function detectFile(
  engine: Engine,
  file: InputFile,
  options: Pick<ImportOptions, 'table'> = {},
): Promise<DetectionResult> {
  return oneAtATime(engine, async () => {
    try {
      const prepared = await prepareFile(file, () => {});
      const h = new HeaderIndex(prepared.layout.header);
      const source = recogniseSource(h, options.table);
      await loadRaw(engine, rawRead(file, prepared), DETECT_ROWS);
      const raw = await engine.query(`SELECT * FROM ${ident(RAW_TABLE)} ORDER BY rowid LIMIT ${PREVIEW_ROWS}`);
      const preview = raw.map((r) => {
        const row: Row = {};
        prepared.layout.header.forEach((name, i) => {
          row[name || `column ${i + 1}`] = r[rawColumn(i)] ?? null;
        });
        return row;
      });
      let warnings: string[] = [];
      if (source) {
        const plan = source.plan(h);
        await cleanRaw(engine, h.usedPositions(), prepared.lineColumn);
        const texts = [await stageText(engine, plan, TEXT_TABLES.main)];
        if (plan.items) texts.push(await stageText(engine, plan.items, TEXT_TABLES.items));
        warnings = (await decideReading(engine, texts, {})).warnings;
      }
      return {
        table: source?.table ?? options.table ?? 'orders',
        source: source?.id ?? 'custom',
        header: prepared.layout.header,
        recognised: source !== null,
        preview,
        warnings,
        encoding: prepared.encoding,
        format: formatName(prepared),
        delimiter: prepared.layout.delimiter,
      };
    } finally {
      await dropWorkTables(engine);
    }
  });
}

/**
 * The first rows of a file read through a hand-made mapping, as they will be loaded: parsed
 * dates and amounts, canonical statuses and channels, and the reason a row would be rejected
 * (issue 3 "Mapping": live preview). Keys: `line`, `reason`, then each canonical field.
 */
export function previewMapping(engine: Engine, file: InputFile, mapping: ColumnMapping): Promise<Row[]> {
  return oneAtATime(engine, async () => {
    try {
      const staged = await readAndStage(engine, file, { mapping }, PREVIEW_ROWS);
      const specs = FIELDS[mapping.table];
      const rows = await engine.query(
        `SELECT _row, _line, _reason, ${specs.map((s) => `${valueCol(s.name)} AS ${ident(s.name)}`).join(', ')}
         FROM ${ident(STAGED[mapping.table])} ORDER BY _row`,
      );
      const lines = staged.prepared.lineColumn
        ? null
        : await recordLines(
            staged.prepared,
            rows.map((r) => Number(r['_row'])),
          );
      return rows.map((r) => {
        const index = Number(r['_row']);
        const out: Row = {
          line: lines ? (lines.get(index) ?? null) : (r['_line'] ?? null),
          reason: r['_reason'] ?? null,
        };
        for (const s of specs) out[s.name] = r[s.name] ?? null;
        return out;
      });
    } finally {
      await dropWorkTables(engine);
    }
  });
}
