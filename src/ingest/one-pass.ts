import type { Engine } from '../engine/engine';
import { ident, literal } from '../engine/sql';
import { FIELDS, type FieldSpec } from './fields';
import { plausibleDates } from './plausible-dates';
import { cleanColumn, EXTRA_COLUMN, LINE_COLUMN, rawColumn, withRegistered, type RawRead } from './raw';
import { UNTERMINATED_QUOTE, type StrayQuotes } from './records';
import type { SourcePlan } from './sources/source';
import { reasonSql, STRAY_TABLE, textCol, valueCol, valueExprs, type ReadingChoices } from './stage';
import type { DateOrder, DecimalStyle } from './types';
import { cleanTextSql, decidingAmountSql, decidingDateSql } from './values-sql';

/** The one-pass staged rows; the staged name is a view of it that adds `_row`. */
export const ONE_PASS_TABLE = '_ys_one_pass';
/** Column of the one-pass table holding the fields as read, for rejected rows only. */
export const RAW_LIST = '_raw';

export interface ExplicitReading {
  dateOrder?: DateOrder | undefined;
  decimal?: DecimalStyle | undefined;
  today?: Date | undefined;
}

/**
 * Whether a plan can be read in one pass: its records are the file's rows one for one (no
 * grouping, filtering or unnesting over the raw table) and the decimal comma is not asked for.
 */
export function fitsOnePass(plan: SourcePlan, explicit: ExplicitReading): boolean {
  return !plan.from && !plan.where && !plan.items && explicit.decimal !== 'comma';
}

const presentOfKinds = (plan: SourcePlan, kinds: readonly FieldSpec['kind'][]): string[] =>
  FIELDS[plan.table].filter((s) => kinds.includes(s.kind) && plan.fields[s.name] !== undefined).map((s) => textCol(s.name));

/**
 * Reads, cleans, parses and checks every row in one statement straight from DuckDB's reader
 * into `target` (issue 17): no text table, no views read several times. The date order and
 * decimal style are the defaults (or the user's); every row records whether its values could
 * have decided otherwise, and when any could, this returns null and nothing is left behind,
 * so the caller takes the staged path that counts the evidence first. Statuses and channels
 * are mapped inline. A failed read also returns null: the staged path says why. The fields as
 * read are kept for rejected rows only.
 */
export async function stageInOnePass(
  engine: Engine,
  read: RawRead,
  plan: SourcePlan,
  positions: readonly number[],
  stray: StrayQuotes,
  explicit: ExplicitReading,
  target: string,
  signal?: AbortSignal,
): Promise<{ choices: ReadingChoices; rows: number } | null> {
  const choices: ReadingChoices = {
    dateOrder: explicit.dateOrder ?? 'dmy',
    decimal: explicit.decimal ?? 'dot',
    dates: plausibleDates(explicit.today),
    warnings: [],
  };
  const specs = FIELDS[plan.table];
  const deciding = [
    ...(explicit.dateOrder ? [] : presentOfKinds(plan, ['timestamp', 'date']).map(decidingDateSql)),
    ...(explicit.decimal
      ? []
      : [
          ...presentOfKinds(plan, ['money']).map((s) => decidingAmountSql(s, false)),
          ...presentOfKinds(plan, ['number']).map((s) => decidingAmountSql(s, true)),
        ]),
  ];
  const line = read.lineColumn ? `TRY_CAST(${ident(LINE_COLUMN)} AS BIGINT)` : 'NULL::BIGINT';
  const cleaned = positions.map((p) => `, ${cleanTextSql(ident(rawColumn(p)))} AS ${ident(cleanColumn(p))}`).join('');
  const texts = specs.map((s) => `${plan.fields[s.name] ?? 'NULL::VARCHAR'} AS ${textCol(s.name)}`);
  const raw = [...Array.from({ length: read.columns }, (_, i) => ident(rawColumn(i))), ident(EXTRA_COLUMN)];
  const channel = specs.some((s) => s.kind === 'channel') ? `${textCol('channel')}, ` : '';
  const table = ident(ONE_PASS_TABLE);

  await engine.run(`DROP TABLE IF EXISTS ${table}`);
  const created = await withRegistered(engine, read, async (source) => {
    try {
      await engine.run(`CREATE TEMP TABLE ${table} AS
        SELECT _line, ${channel}${specs.map((s) => valueCol(s.name)).join(', ')}, _reason,
          CASE WHEN _reason IS NOT NULL THEN [${raw.join(', ')}] END AS ${ident(RAW_LIST)},
          ${deciding.length > 0 ? `coalesce(${deciding.join(' OR ')}, false)` : 'false'} AS _deciding
        FROM (SELECT *, ${reasonSql(specs, plan, false, choices)} AS _reason
          FROM (SELECT *, ${valueExprs(plan, choices, true).join(', ')}
            FROM (SELECT *, ${texts.join(', ')}
              FROM (SELECT *, ${line} AS _line, ${ident(EXTRA_COLUMN)} AS _extra${cleaned} FROM ${source}))))`);
      return true;
    } catch (e) {
      if (signal?.aborted) throw e;
      return false;
    }
  });
  if (!created) {
    await engine.run(`DROP TABLE IF EXISTS ${table}`);
    return null;
  }
  const [counts] = await engine.query(
    `SELECT count(*) AS n, count(*) FILTER (WHERE _deciding) AS deciding FROM ${table}`,
  );
  if (Number(counts?.['deciding'] ?? 0) > 0) {
    await engine.run(`DROP TABLE IF EXISTS ${table}`);
    return null;
  }
  if (stray.records.length > 0) {
    // The first reason a row can have (see reasonSql): it replaces any other.
    await engine.run(`DROP TABLE IF EXISTS ${ident(STRAY_TABLE)}; CREATE TEMP TABLE ${ident(STRAY_TABLE)} (_row BIGINT)`);
    for (let i = 0; i < stray.records.length; i += 50_000)
      await engine.run(
        `INSERT INTO ${ident(STRAY_TABLE)} SELECT unnest([${stray.records.slice(i, i + 50_000).join(',')}]::BIGINT[])`,
      );
    // Only the text column: DuckDB updates a list column by moving the row, which changes its rowid.
    // These rows are shown with their text as written (stray.texts), not with _raw.
    await engine.run(`UPDATE ${table} SET _reason = ${literal(UNTERMINATED_QUOTE)}
      WHERE rowid IN (SELECT _row FROM ${ident(STRAY_TABLE)})`);
  }
  await engine.run(`CREATE TEMP VIEW ${ident(target)} AS SELECT rowid AS _row, * EXCLUDE (_deciding) FROM ${table}`);
  return { choices, rows: Number(counts?.['n'] ?? 0) };
}
