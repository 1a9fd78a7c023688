import type { Engine } from '../engine/engine';
import { ident } from '../engine/sql';
import { recordLines } from './lines';
import { RAW_LIST } from './one-pass';
import type { Staged } from './pipeline';
import { EXTRA_COLUMN, RAW_TABLE, rawColumn } from './raw';
import { joinFields, REJECTED_ROWS_KEPT } from './report';
import type { RejectedRow } from './types';

/**
 * The rejected rows of a staged table: every reason counted, the first REJECTED_ROWS_KEPT
 * rows kept with their line in the file and the row as read (DATA.md "Bad input").
 */
export async function rejectedRows(
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

  const columns = [...staged.prepared.layout.header.map((_, i) => rawColumn(i)), EXTRA_COLUMN];
  // After a one-pass read the fields as read sit in the staged row itself (one-pass.ts).
  const sample = await engine.query(
    staged.onePass
      ? `SELECT s._row, s._line, s._reason, ${columns.map((c, i) => `s.${ident(RAW_LIST)}[${i + 1}] AS ${ident(c)}`).join(', ')}
         FROM ${ident(table)} s WHERE s._reason IS NOT NULL ORDER BY s._row LIMIT ${REJECTED_ROWS_KEPT}`
      : `SELECT s._row, s._line, s._reason, ${columns.map((c) => `r.${ident(c)}`).join(', ')}
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
      raw: staged.stray.texts.get(index) ?? joinFields(fields, staged.prepared.layout.delimiter),
    };
  });
  return { rows, reasons };
}
