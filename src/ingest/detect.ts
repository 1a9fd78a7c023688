import type { Engine, Row } from '../engine/engine';
import { ident } from '../engine/sql';
import { FIELDS } from './fields';
import { recordLines } from './lines';
import { DETECT_ROWS, dropWorkTables, oneAtATime, PREVIEW_ROWS, rawRead, readAndStage, TEXT_TABLES } from './pipeline';
import { prepareFile, type PreparedFile } from './prepare';
import { cleanRaw, loadRaw, RAW_TABLE, rawColumn } from './raw';
import { recogniseSource } from './sources';
import { HeaderIndex } from './sources/source';
import { decideReading, stageText, STAGED, valueCol } from './stage';
import type { ColumnMapping, Detection, ImportOptions, InputFile } from './types';

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
      const warnings = [...(prepared.notes ?? [])];
      if (source) {
        const plan = source.plan(h);
        await cleanRaw(engine, h.usedPositions(), prepared.lineColumn);
        const texts = [await stageText(engine, plan, TEXT_TABLES.main)];
        if (plan.items) texts.push(await stageText(engine, plan.items, TEXT_TABLES.items));
        warnings.push(...(await decideReading(engine, texts, {})).warnings);
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
