import type { Engine } from '../engine/engine';
import { ident, literal } from '../engine/sql';
import { CHANNELS, type TableName } from '../model/tables';
import { channelSql } from './channels';
import { FIELDS, type FieldSpec } from './fields';
import { CLEAN_TABLE } from './raw';
import type { TablePlan } from './sources/source';
import { implausibleSql, IMPLAUSIBLE_DATE, plausibleDates, type PlausibleDates } from './plausible-dates';
import { UNTERMINATED_QUOTE } from './records';
import { STATUS_SYNONYMS, statusSql } from './statuses';
import type { DateOrder, DecimalStyle } from './types';
import {
  commaEvidenceSql,
  dateOrderEvidenceSql,
  dateSql,
  dotEvidenceSql,
  fitsDecimalStyleSql,
  moneySql,
  numberSql,
  oneOfSql,
  timestampSql,
} from './values-sql';

/** Column names in the staged table: `s_x` is the text of field x, `v_x` its parsed value. */
export const textCol = (field: string): string => ident(`s_${field}`);
export const valueCol = (field: string): string => ident(`v_${field}`);

export interface ReadingChoices {
  dateOrder: DateOrder;
  decimal: DecimalStyle;
  /** Dates outside these days are rejected as implausible. */
  dates: PlausibleDates;
  warnings: string[];
}

const STYLE_NAME: Record<DecimalStyle, string> = { dot: 'decimal point', comma: 'decimal comma' };
const ORDER_NAME: Record<DateOrder, string> = { dmy: 'day-first', mdy: 'month-first' };
const OTHER_STYLE: Record<DecimalStyle, DecimalStyle> = { dot: 'comma', comma: 'dot' };
const OTHER_ORDER: Record<DateOrder, DateOrder> = { dmy: 'mdy', mdy: 'dmy' };

/** Text columns (`s_x`) of the plan's fields of these kinds. */
function fieldsOfKind(plan: TablePlan, kinds: readonly FieldSpec['kind'][]): string[] {
  return FIELDS[plan.table]
    .filter((s) => kinds.includes(s.kind) && plan.fields[s.name] !== undefined)
    .map((s) => textCol(s.name));
}

function whereClause(plan: TablePlan): string {
  return plan.where ? `WHERE ${plan.where}` : '';
}

export interface StagedPlan {
  plan: TablePlan;
  /** View with `_row`, `_line`, `_extra` and the text `s_x` of every field. */
  text: string;
}

/**
 * Decides, from the data, what the values cannot say one by one: day-first or month-first
 * dates, dot or comma decimals (DATA.md "Values"). An explicit choice wins; when the data
 * cannot decide, the default is used and a warning says so.
 */
export async function decideReading(
  engine: Engine,
  staged: readonly StagedPlan[],
  explicit: { dateOrder?: DateOrder | undefined; decimal?: DecimalStyle | undefined; today?: Date | undefined },
): Promise<ReadingChoices> {
  const warnings: string[] = [];
  const kinds = staged.map(({ plan, text }) => ({
    text,
    dates: fieldsOfKind(plan, ['timestamp', 'date']),
    amounts: [
      ...fieldsOfKind(plan, ['money']).map((e) => ({ e, whole: false })),
      ...fieldsOfKind(plan, ['number']).map((e) => ({ e, whole: true })),
    ],
  }));
  const sumOf = async (build: (k: (typeof kinds)[number]) => string[]): Promise<number[]> => {
    const totals: number[] = [];
    for (const k of kinds) {
      const parts = build(k);
      if (parts.length === 0) continue;
      const [row] = await engine.query(
        `SELECT ${parts.map((p, i) => `${p} AS e${i}`).join(', ')} FROM ${ident(k.text)}`,
      );
      parts.forEach((_, i) => (totals[i] = (totals[i] ?? 0) + Number(row?.[`e${i}`] ?? 0)));
    }
    return totals;
  };
  // One pass for dates and decimal commas; the decimal-point pass only when commas appeared.
  const first = await sumOf((k) => [
    `0${k.dates.map((e) => ` + ${dateOrderEvidenceSql(e).dmy}`).join('')}`,
    `0${k.dates.map((e) => ` + ${dateOrderEvidenceSql(e).mdy}`).join('')}`,
    `0${k.dates.map((e) => ` + ${dateOrderEvidenceSql(e).slashed}`).join('')}`,
    `0${k.amounts.map(({ e, whole }) => ` + ${commaEvidenceSql(e, whole).comma}`).join('')}`,
    `0${k.amounts.map(({ e, whole }) => ` + ${commaEvidenceSql(e, whole).ambiguous}`).join('')}`,
  ]);
  const [dmy = 0, mdy = 0, slashed = 0, comma = 0, ambiguous = 0] = first;
  const dot =
    comma > 0 || ambiguous > 0
      ? ((await sumOf((k) => [`0${k.amounts.map(({ e, whole }) => ` + ${dotEvidenceSql(e, whole)}`).join('')}`]))[0] ??
        0)
      : 0;

  let dateOrder: DateOrder = explicit.dateOrder ?? 'dmy';
  if (!explicit.dateOrder && slashed > 0) {
    if (dmy > 0 && mdy === 0) {
      dateOrder = 'dmy';
      warnings.push(
        `Dates like 25/03/2025 show the file writes the day first; all such dates are read day-first (dd/mm/yyyy).`,
      );
    } else if (mdy > 0 && dmy === 0) {
      dateOrder = 'mdy';
      warnings.push(
        `Dates like 03/25/2025 show the file writes the month first; all such dates are read month-first (mm/dd/yyyy).`,
      );
    } else if (dmy > 0 && mdy > 0) {
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
    if (comma > 0 && dot === 0) {
      decimal = 'comma';
      warnings.push(`Amounts are written with a decimal comma (1.234,50); read that way.`);
    } else if (comma > 0 && dot > 0) {
      decimal = comma > dot ? 'comma' : 'dot';
      warnings.push(
        `Amounts are written both with decimal commas (${comma} values) and decimal points (${dot}); read with a ${STYLE_NAME[decimal]}, the values written the other way are rejected.`,
      );
    } else if (dot === 0 && ambiguous > 0)
      warnings.push(
        `Amounts like 1,234 could mean 1234 or 1.234; read with a decimal point. Choose the decimal separator if that is wrong.`,
      );
  }
  return { dateOrder, decimal, dates: plausibleDates(explicit.today), warnings };
}

// Statuses and channels take few distinct values: each is mapped once in a small table and
// joined back, instead of running the mapping on every row.
const mappedCol = (field: string): string => ident(`m_${field}`);
const mapTable = (field: string): string => ident(`_ys_map_${field}`);
/** Every small mapping table `stageValues` may create, for cleaning up after a failure. */
export const MAP_TABLES = ['_ys_map_status', '_ys_map_channel'];
const MAPPED_KINDS: readonly FieldSpec['kind'][] = ['status', 'channel'];

// The canonical spellings map to themselves: a plain comparison settles most rows of a big
// file, and only the other spellings reach the mapping's regular expressions.
const CANONICAL_STATUSES = Object.keys(STATUS_SYNONYMS);
const CANONICAL_CHANNELS = [...CHANNELS, 'unattributed'];

/**
 * A field's value from its text. `inlineMaps` maps statuses and channels in the expression
 * itself (one pass over the file, issue 17) instead of through the small mapping tables.
 */
function parseSql(spec: FieldSpec, s: string, choices: ReadingChoices, inlineMaps: boolean): string {
  switch (spec.kind) {
    case 'text':
    case 'id':
      return s;
    case 'status':
      return inlineMaps
        ? `CASE WHEN ${oneOfSql(s, CANONICAL_STATUSES)} THEN ${s} ELSE ${statusSql(s)} END`
        : mappedCol(spec.name);
    case 'channel':
      return inlineMaps
        ? `CASE WHEN ${s} IS NULL THEN 'unattributed' WHEN ${oneOfSql(s, CANONICAL_CHANNELS)} THEN ${s} ELSE ${channelSql(s)} END`
        : `CASE WHEN ${s} IS NULL THEN 'unattributed' ELSE ${mappedCol(spec.name)} END`;
    case 'money':
      return moneySql(s, choices.decimal);
    case 'number':
      return numberSql(s, choices.decimal);
    case 'timestamp':
      return timestampSql(s, choices.dateOrder);
    case 'date':
      return dateSql(s, choices.dateOrder);
    case 'enum':
      return enumSql(spec, s);
  }
}

/** An enum field's value: its accepted spellings (case-insensitive), else the fallback or NULL. */
function enumSql(spec: FieldSpec, s: string): string {
  const arms = Object.entries(spec.values ?? {}).map(([from, to]) => `WHEN ${literal(from)} THEN ${literal(to)}`);
  const otherwise = spec.fallback === undefined ? 'NULL' : literal(spec.fallback);
  return arms.length === 0 ? otherwise : `CASE lower(${s}) ${arms.join(' ')} ELSE ${otherwise} END`;
}

/** A value outside the field's allowed range (negative cost, rating 6). */
function rangeArm(spec: FieldSpec): string | null {
  const value = valueCol(spec.name);
  const { min, max } = spec;
  if (min === undefined && max === undefined) return null;
  const reason =
    min === 0 && max === undefined
      ? `negative ${spec.name}`
      : max === undefined
        ? `${spec.name} below ${min}`
        : min === undefined
          ? `${spec.name} above ${max}`
          : `${spec.name} outside ${min}–${max}`;
  const tests = [min === undefined ? null : `${value} < ${min}`, max === undefined ? null : `${value} > ${max}`];
  return `WHEN ${tests.filter((t) => t !== null).join(' OR ')} THEN ${literal(reason)}`;
}

/** `v_x` of every field of the table, as SQL over the text columns `s_x`. */
export function valueExprs(plan: TablePlan, choices: ReadingChoices, inlineMaps: boolean): string[] {
  const absent = (spec: FieldSpec): string => (spec.kind === 'channel' ? `'unattributed'` : 'NULL');
  return FIELDS[plan.table].map(
    (s) =>
      `${plan.fields[s.name] === undefined ? absent(s) : parseSql(s, textCol(s.name), choices, inlineMaps)} AS ${valueCol(s.name)}`,
  );
}

/** Records (by `_row`) that the text walk found with a stray quote (records.ts). */
export const STRAY_TABLE = '_ys_stray_quotes';

/**
 * Why a present value could not be used: it is written in the style or order the file did
 * not choose (issue 19, item 2: rejected, never read as another number or date), it is
 * unreadable, or it is a date no export holds (item 5).
 */
function unreadableArms(spec: FieldSpec, choices: ReadingChoices): string[] {
  const text = textCol(spec.name);
  const unread = `${text} IS NOT NULL AND ${valueCol(spec.name)} IS NULL`;
  const arms: string[] = [];
  if (spec.kind === 'money' || spec.kind === 'number')
    arms.push(
      `WHEN ${unread} AND ${fitsDecimalStyleSql(text, OTHER_STYLE[choices.decimal])} THEN ${literal(`${spec.name} contradicts the file's decimal style (${STYLE_NAME[choices.decimal]})`)}`,
    );
  if (spec.kind === 'timestamp' || spec.kind === 'date')
    arms.push(
      `WHEN ${unread} AND ${timestampSql(text, OTHER_ORDER[choices.dateOrder])} IS NOT NULL THEN ${literal(`${spec.name} contradicts the file's date order (${ORDER_NAME[choices.dateOrder]})`)}`,
    );
  const unknown = spec.kind === 'status' || spec.kind === 'enum';
  arms.push(`WHEN ${unread} THEN ${literal(unknown ? `unknown ${spec.name}` : `unparseable ${spec.name}`)}`);
  if (spec.kind === 'timestamp' || spec.kind === 'date')
    arms.push(`WHEN ${implausibleSql(valueCol(spec.name), choices.dates)} THEN ${literal(IMPLAUSIBLE_DATE)}`);
  return arms;
}

/**
 * Rows whose fields are each readable but contradict each other (issue 15: a ticket resolved or
 * answered before it was opened), checked after the fields' own reasons.
 */
const ROW_RULES: Partial<Record<TableName, { when: string; reason: string }[]>> = {
  service_tickets: [
    { when: `${valueCol('resolved_at')} < ${valueCol('opened_at')}`, reason: 'resolved_at before opened_at' },
    {
      when: `${valueCol('first_response_at')} < ${valueCol('opened_at')}`,
      reason: 'first_response_at before opened_at',
    },
  ],
  // Issue 14: a campaign that ends before it starts has no days to measure; overlapping campaigns are fine.
  campaigns: [{ when: `${valueCol('ends_on')} < ${valueCol('starts_on')}`, reason: 'ends_on before starts_on' }],
  // Issue 14: spend is summed with the orders' money, so spend in another currency is refused.
  marketing_spend: [
    {
      when: `${valueCol('currency')} IS NOT NULL AND EXISTS (SELECT 1 FROM orders WHERE nullif(trim(currency), '') IS NOT NULL)
        AND upper(trim(${valueCol('currency')})) NOT IN (SELECT DISTINCT upper(trim(currency)) FROM orders WHERE nullif(trim(currency), '') IS NOT NULL)`,
      reason: 'spend currency is not the orders’ currency',
    },
  ],
};

export function reasonSql(
  specs: readonly FieldSpec[],
  plan: TablePlan,
  strayQuotes: boolean,
  choices: ReadingChoices,
): string {
  const arms: string[] = [];
  if (strayQuotes)
    arms.push(`WHEN _row IN (SELECT _row FROM ${ident(STRAY_TABLE)}) THEN ${literal(UNTERMINATED_QUOTE)}`);
  arms.push(`WHEN _extra IS NOT NULL THEN 'too many fields'`);
  const present = specs.filter((s) => plan.fields[s.name] !== undefined);
  if (present.length > 0)
    arms.push(`WHEN ${present.map((s) => `${textCol(s.name)} IS NULL`).join(' AND ')} THEN 'empty row'`);
  for (const s of specs) {
    if (s.required) arms.push(`WHEN ${textCol(s.name)} IS NULL THEN ${literal(`missing ${s.name}`)}`);
    if (plan.fields[s.name] !== undefined) {
      arms.push(...unreadableArms(s, choices));
      const range = rangeArm(s);
      if (range !== null) arms.push(range);
    }
  }
  for (const rule of ROW_RULES[plan.table] ?? []) arms.push(`WHEN ${rule.when} THEN ${literal(rule.reason)}`);
  return `CASE ${arms.join('\n    ')} END`;
}

/**
 * Step 1: a view of the text of every field of the plan, one row per record, over the cleaned
 * raw view (`plan.from` when the records are not the raw rows). Only step 2 materialises.
 */
export async function stageText(engine: Engine, plan: TablePlan, target: string): Promise<StagedPlan> {
  const texts = FIELDS[plan.table].map((s) => `${plan.fields[s.name] ?? 'NULL::VARCHAR'} AS ${textCol(s.name)}`);
  await engine.run(`DROP VIEW IF EXISTS ${ident(target)}`);
  await engine.run(`CREATE TEMP VIEW ${ident(target)} AS
    SELECT _row, _line, _extra, ${texts.join(', ')} FROM ${plan.from ?? ident(CLEAN_TABLE)} ${whereClause(plan)}`);
  return { plan, text: target };
}

/**
 * Step 2: `target` holds, per record, the parsed value of each field (`v_x`), the text of the
 * channel (kept as channel_raw), `_row`, `_line` and `_reason`, the first reason the row
 * cannot be loaded (NULL when it can).
 */
export async function stageValues(
  engine: Engine,
  staged: StagedPlan,
  choices: ReadingChoices,
  target: string,
  strayRecords: readonly number[],
): Promise<void> {
  const { plan } = staged;
  await engine.run(`DROP TABLE IF EXISTS ${ident(STRAY_TABLE)}`);
  if (strayRecords.length > 0) {
    await engine.run(`CREATE TEMP TABLE ${ident(STRAY_TABLE)} (_row BIGINT)`);
    for (let i = 0; i < strayRecords.length; i += 50_000)
      await engine.run(
        `INSERT INTO ${ident(STRAY_TABLE)} SELECT unnest([${strayRecords.slice(i, i + 50_000).join(',')}]::BIGINT[])`,
      );
  }
  const specs = FIELDS[plan.table];
  const values = valueExprs(plan, choices, false);
  const mapped = specs.filter((s) => MAPPED_KINDS.includes(s.kind) && plan.fields[s.name] !== undefined);
  for (const m of mapped) {
    const mapping = m.kind === 'status' ? statusSql('raw') : channelSql('raw');
    await engine.run(`DROP TABLE IF EXISTS ${mapTable(m.name)}`);
    await engine.run(`CREATE TEMP TABLE ${mapTable(m.name)} AS
      SELECT raw, ${mapping} AS mapped FROM (SELECT DISTINCT ${textCol(m.name)} AS raw FROM ${ident(staged.text)} WHERE ${textCol(m.name)} IS NOT NULL)`);
  }
  const joined = `SELECT t.*${mapped.map((m) => `, ${mapTable(m.name)}.mapped AS ${mappedCol(m.name)}`).join('')}
    FROM ${ident(staged.text)} t ${mapped.map((m) => `LEFT JOIN ${mapTable(m.name)} ON ${mapTable(m.name)}.raw = t.${textCol(m.name)}`).join(' ')}`;
  await engine.run(`DROP TABLE IF EXISTS ${ident(target)}`);
  await engine.run(`CREATE TEMP TABLE ${ident(target)} AS
    SELECT _row, _line, ${specs.some((s) => s.kind === 'channel') ? `${textCol('channel')}, ` : ''}${specs.map((s) => valueCol(s.name)).join(', ')}, ${reasonSql(specs, plan, strayRecords.length > 0, choices)} AS _reason
    FROM (SELECT *, ${values.join(', ')} FROM (${joined}))`);
  for (const m of mapped) await engine.run(`DROP TABLE IF EXISTS ${mapTable(m.name)}`);
}

export const STAGED: Record<TableName, string> = {
  orders: '_ys_stage_orders',
  order_items: '_ys_stage_order_items',
  traffic: '_ys_stage_traffic',
  users: '_ys_stage_users',
  products: '_ys_stage_products',
  inventory: '_ys_stage_inventory',
  marketing_spend: '_ys_stage_marketing_spend',
  campaigns: '_ys_stage_campaigns',
  service_tickets: '_ys_stage_service_tickets',
  reviews: '_ys_stage_reviews',
};
