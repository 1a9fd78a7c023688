import type { Engine } from '../engine/engine';
import { ident, literal } from '../engine/sql';
import type { TableName } from '../model/tables';
import { channelSql } from './channels';
import { FIELDS, type FieldSpec } from './fields';
import { EXTRA_COLUMN, LINE_COLUMN, RAW_TABLE } from './raw';
import type { TablePlan } from './sources/source';
import { statusSql } from './statuses';
import type { DateOrder, DecimalStyle } from './types';
import { dateOrderEvidenceSql, dateSql, decimalEvidenceSql, moneySql, numberSql, timestampSql } from './values-sql';

/** Column names in the staged table: `s_x` is the text of field x, `v_x` its parsed value. */
export const textCol = (field: string): string => ident(`s_${field}`);
export const valueCol = (field: string): string => ident(`v_${field}`);

export interface ReadingChoices {
  dateOrder: DateOrder;
  decimal: DecimalStyle;
  warnings: string[];
}

function fieldsOfKind(plan: TablePlan, kinds: readonly FieldSpec['kind'][]): string[] {
  return FIELDS[plan.table].filter((s) => kinds.includes(s.kind) && plan.fields[s.name] !== undefined).map((s) => plan.fields[s.name]!);
}

function whereClause(plan: TablePlan): string {
  return plan.where ? `WHERE ${plan.where}` : '';
}

/**
 * Decides, from the data, what the values cannot say one by one: day-first or month-first
 * dates, dot or comma decimals (DATA.md "Values"). An explicit choice wins; when the data
 * cannot decide, the default is used and a warning says so.
 */
export async function decideReading(
  engine: Engine,
  plans: readonly TablePlan[],
  explicit: { dateOrder?: DateOrder | undefined; decimal?: DecimalStyle | undefined },
): Promise<ReadingChoices> {
  const warnings: string[] = [];
  let dmy = 0;
  let mdy = 0;
  let slashed = 0;
  let comma = 0;
  let dot = 0;
  let ambiguous = 0;
  for (const plan of plans) {
    const dateExprs = fieldsOfKind(plan, ['timestamp', 'date']);
    const moneyExprs = [
      ...fieldsOfKind(plan, ['money']).map((e) => ({ e, whole: false })),
      ...fieldsOfKind(plan, ['number']).map((e) => ({ e, whole: true })),
    ];
    const parts: string[] = [];
    dateExprs.forEach((e, i) => {
      const ev = dateOrderEvidenceSql(e);
      parts.push(`${ev.dmy} AS dmy${i}`, `${ev.mdy} AS mdy${i}`, `${ev.slashed} AS sl${i}`);
    });
    moneyExprs.forEach(({ e, whole }, i) => {
      const ev = decimalEvidenceSql(e, whole);
      parts.push(`${ev.comma} AS cm${i}`, `${ev.dot} AS dt${i}`, `${ev.ambiguous} AS am${i}`);
    });
    if (parts.length === 0) continue;
    const [row] = await engine.query(`SELECT ${parts.join(', ')} FROM ${plan.from ?? ident(RAW_TABLE)} ${whereClause(plan)}`);
    const n = (k: string): number => Number(row?.[k] ?? 0);
    dateExprs.forEach((_, i) => {
      dmy += n(`dmy${i}`);
      mdy += n(`mdy${i}`);
      slashed += n(`sl${i}`);
    });
    moneyExprs.forEach((_, i) => {
      comma += n(`cm${i}`);
      dot += n(`dt${i}`);
      ambiguous += n(`am${i}`);
    });
  }

  let dateOrder: DateOrder = explicit.dateOrder ?? 'dmy';
  if (!explicit.dateOrder && slashed > 0) {
    if (dmy > 0 && mdy === 0) dateOrder = 'dmy';
    else if (mdy > 0 && dmy === 0) dateOrder = 'mdy';
    else if (dmy > 0 && mdy > 0) {
      dateOrder = dmy >= mdy ? 'dmy' : 'mdy';
      warnings.push(
        `Dates are written both day-first and month-first (${dmy} values only make sense day-first, ${mdy} only month-first); read as ${dateOrder === 'dmy' ? 'day-first' : 'month-first'}, the others are rejected.`,
      );
    } else
      warnings.push(
        `Dates like 03/04/2025 could be day-first or month-first; read as day-first (dd/mm/yyyy). Choose the date order if that is wrong.`,
      );
  }

  let decimal: DecimalStyle = explicit.decimal ?? 'dot';
  if (!explicit.decimal) {
    if (comma > 0 && dot === 0) decimal = 'comma';
    else if (comma > 0 && dot > 0) {
      decimal = comma > dot ? 'comma' : 'dot';
      warnings.push(`Amounts use both decimal commas and decimal points; read with a decimal ${decimal === 'comma' ? 'comma' : 'point'}.`);
    } else if (dot === 0 && ambiguous > 0)
      warnings.push(`Amounts like 1,234 could mean 1234 or 1.234; read with a decimal point. Choose the decimal separator if that is wrong.`);
  }
  return { dateOrder, decimal, warnings };
}

function parseSql(spec: FieldSpec, s: string, choices: ReadingChoices): string {
  switch (spec.kind) {
    case 'text':
    case 'id':
      return s;
    case 'status':
      return statusSql(s);
    case 'channel':
      return channelSql(s);
    case 'money':
      return moneySql(s, choices.decimal);
    case 'number':
      return numberSql(s, choices.decimal);
    case 'timestamp':
      return timestampSql(s, choices.dateOrder);
    case 'date':
      return dateSql(s, choices.dateOrder);
  }
}

/** Why a record cannot be loaded, set from outside the row's own values. */
export const CUT_OFF = 'cut off inside a quoted field (file truncated?)';

function reasonSql(specs: readonly FieldSpec[], plan: TablePlan, cutOffRecord: number | null): string {
  const arms: string[] = [];
  if (cutOffRecord !== null) arms.push(`WHEN _row = ${cutOffRecord} THEN ${literal(CUT_OFF)}`);
  arms.push(`WHEN _extra IS NOT NULL THEN 'too many fields'`);
  const present = specs.filter((s) => plan.fields[s.name] !== undefined);
  if (present.length > 0) arms.push(`WHEN ${present.map((s) => `${textCol(s.name)} IS NULL`).join(' AND ')} THEN 'empty row'`);
  for (const s of specs) {
    if (s.required) arms.push(`WHEN ${textCol(s.name)} IS NULL THEN ${literal(`missing ${s.name}`)}`);
    if (plan.fields[s.name] !== undefined)
      arms.push(`WHEN ${textCol(s.name)} IS NOT NULL AND ${valueCol(s.name)} IS NULL THEN ${literal(s.kind === 'status' ? 'unknown status' : `unparseable ${s.name}`)}`);
  }
  return `CASE ${arms.join('\n    ')} END`;
}

/**
 * Builds `target` from the raw table: one row per record of `plan.table` with, per field, its
 * text (`s_x`) and parsed value (`v_x`), the record index `_row`, the line number column
 * when the text was generated (`_line`), and `_reason`, the first reason the row cannot be
 * loaded (NULL when it can).
 */
export async function stageTable(
  engine: Engine,
  plan: TablePlan,
  choices: ReadingChoices,
  target: string,
  raw: { lineColumn: boolean; cutOffRecord: number | null },
): Promise<void> {
  const specs = FIELDS[plan.table];
  const texts = specs.map((s) => `${plan.fields[s.name] ?? 'NULL'} AS ${textCol(s.name)}`);
  const absent = (spec: FieldSpec): string => (spec.kind === 'channel' ? `'unattributed'` : 'NULL');
  const values = specs.map((s) => `${plan.fields[s.name] === undefined ? absent(s) : parseSql(s, textCol(s.name), choices)} AS ${valueCol(s.name)}`);
  const line = raw.lineColumn ? `TRY_CAST(${ident(LINE_COLUMN)} AS BIGINT)` : 'NULL::BIGINT';
  await engine.run(`DROP TABLE IF EXISTS ${ident(target)}`);
  await engine.run(`CREATE TEMP TABLE ${ident(target)} AS
    SELECT *, ${reasonSql(specs, plan, raw.cutOffRecord)} AS _reason FROM (
      SELECT _row, _line, _extra, ${specs.map((s) => textCol(s.name)).join(', ')}, ${values.join(', ')}
      FROM (
        SELECT rowid AS _row, ${line} AS _line, ${ident(EXTRA_COLUMN)} AS _extra, ${texts.join(', ')}
        FROM ${plan.from ?? ident(RAW_TABLE)} ${whereClause(plan)}
      )
    )`);
}

export const STAGED: Record<TableName, string> = {
  orders: '_ys_stage_orders',
  order_items: '_ys_stage_order_items',
  traffic: '_ys_stage_traffic',
  users: '_ys_stage_users',
};
