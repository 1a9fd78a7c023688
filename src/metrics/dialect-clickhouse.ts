/**
 * The ClickHouse dialect (issue 20): the metric SQL the registry and the report's runners write for
 * DuckDB, said the way ClickHouse 26 says it. Metrics are defined once, in DuckDB SQL; this turns
 * the few constructs that differ into ClickHouse's, token by token (never inside a string literal
 * or a quoted name), and leaves everything both engines read alike untouched.
 *
 * What differs, and what it becomes:
 * - quantiles: `quantile_cont(x, p)` and `median(x)` interpolate between the two nearest values;
 *   ClickHouse's `quantile`/`median` sample, `quantileExactInclusive(p)(x)` interpolates the same way;
 * - `agg(…) FILTER (WHERE c)` for the functions rewritten here: the `-If` combinator;
 * - lists: `list` → `groupArray`, `list_distinct`/`list_sort` → `arrayDistinct`/`arraySort`,
 *   `unnest(l)` in a select list → `arrayJoin(l)`, `l[i]` → `arrayElementOrNull(l, i)` (out of range
 *   is NULL in DuckDB, a default value in ClickHouse);
 * - `bool_or`/`bool_and` → `max`/`min`; `string_agg(x, sep ORDER BY y)` → sorted `groupArray` joined;
 * - `lead`/`lag` → `leadInFrame`/`lagInFrame` over the whole partition, NULL past its ends;
 * - `count(…)` is a signed 64-bit integer, as DuckDB's BIGINT (ClickHouse's is unsigned);
 * - `arg_min`/`arg_max` → `argMin`/`argMax`, `first(x ORDER BY k)` → `argMin(x, (k))`; `epoch(ts)` → seconds since 1970 as a double;
 * - `strftime(d, fmt)` → `formatDateTime(d, fmt)` with `%M` (minutes in DuckDB) as `%i`;
 * - the table functions `range(a, b) r(x)` and `generate_series(d1, d2, INTERVAL 1 DAY) t(x)`
 *   → `numbers(…)` subqueries with the same alias and column;
 * - `SELECT o.x` is named `x` (ClickHouse says `o.x` when the other side of a join has an `x`);
 * - `duckdb_tables()` → the current database's tables from `system.tables`;
 * - `CREATE OR REPLACE TABLE t AS …` (the derived tables, the report's work tables) needs an engine:
 *   MergeTree sorted by the query's closing `ORDER BY` columns (a date range then reads only the
 *   granules of its dates, as DuckDB's zone maps do), or unsorted without one; MergeTree rather
 *   than Memory so a server keeps them across restarts.
 *
 * NULL handling, distinct counts, date truncation and ISO weeks need no rewriting but session
 * settings (see CLICKHOUSE_SETTINGS): outer joins give NULL, an aggregate over no rows gives NULL,
 * a bare UNION is UNION DISTINCT, CAST keeps NULL, count(DISTINCT) is exact (`uniqExact`);
 * `date_trunc('week', d)` starts weeks on Monday and `%G-W%V` is the ISO week in both engines.
 */

/** Session settings under which ClickHouse reads DuckDB's SQL with DuckDB's NULL semantics. */
export const CLICKHOUSE_SETTINGS: Readonly<Record<string, string | number>> = {
  join_use_nulls: 1,
  aggregate_functions_null_for_empty: 1,
  union_default_mode: 'DISTINCT',
  // A name means the input column before a select-list alias of the same name, as in DuckDB.
  prefer_column_name_to_alias: 1,
  cast_keep_nullable: 1,
  count_distinct_implementation: 'uniqExact',
  default_table_engine: 'Memory',
  output_format_json_quote_64bit_integers: 0,
  output_format_json_quote_decimals: 0,
  output_format_json_quote_denormals: 0,
  // Columns declared without NOT NULL hold NULL, as in DuckDB's DDL.
  data_type_default_nullable: 1,
};

type Kind = 'space' | 'comment' | 'string' | 'quoted' | 'word' | 'number' | 'punct';
interface Token {
  kind: Kind;
  text: string;
}

/** Splits SQL into tokens; joining their texts gives the SQL back unchanged. */
export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: Kind, end: number) => {
    tokens.push({ kind, text: sql.slice(i, end) });
    i = end;
  };
  while (i < sql.length) {
    const c = sql[i] as string;
    const rest = sql.slice(i);
    if (/\s/.test(c)) push('space', i + (/^\s+/.exec(rest)?.[0].length ?? 1));
    else if (rest.startsWith('--')) push('comment', rest.includes('\n') ? i + rest.indexOf('\n') : sql.length);
    else if (rest.startsWith('/*')) push('comment', rest.includes('*/') ? i + rest.indexOf('*/') + 2 : sql.length);
    else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === c && sql[j + 1] === c) j += 2;
        else if (sql[j] === c) break;
        else j++;
      }
      push(c === "'" ? 'string' : 'quoted', Math.min(j + 1, sql.length));
    } else if (/[A-Za-z_]/.test(c)) push('word', i + (/^[A-Za-z_][A-Za-z0-9_$]*/.exec(rest)?.[0].length ?? 1));
    else if (/[0-9]/.test(c)) push('number', i + (/^[0-9]+(\.[0-9]*)?([eE][+-]?[0-9]+)?/.exec(rest)?.[0].length ?? 1));
    else if (rest.startsWith('::') || rest.startsWith('<=') || rest.startsWith('>=') || rest.startsWith('<>'))
      push('punct', i + 2);
    else push('punct', i + 1);
  }
  return tokens;
}

const significant = (t: Token | undefined) => t !== undefined && t.kind !== 'space' && t.kind !== 'comment';

/** The index of the next significant token at or after `i`. */
function next(tokens: readonly Token[], i: number): number {
  while (i < tokens.length && !significant(tokens[i])) i++;
  return i;
}

/** The index of the bracket closing the one at `open`. */
function closing(tokens: readonly Token[], open: number): number {
  const pairs: Record<string, string> = { '(': ')', '[': ']' };
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'punct') continue;
    if (t.text in pairs) depth++;
    else if (t.text === ')' || t.text === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  throw new Error(
    `Unbalanced brackets in SQL: ${tokens
      .map((t) => t.text)
      .join('')
      .slice(0, 160)}`,
  );
}

/** The top-level comma-separated parts of tokens[from, to), as SQL text (already translated). */
function splitArgs(tokens: readonly Token[], from: number, to: number): string[] {
  const parts: string[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'punct' && (t.text === '(' || t.text === '[')) i = closing(tokens, i);
    else if (t.kind === 'punct' && t.text === ',') {
      parts.push(translateTokens(tokens.slice(start, i)).trim());
      start = i + 1;
    }
  }
  const last = translateTokens(tokens.slice(start, to)).trim();
  if (last !== '' || parts.length) parts.push(last);
  return parts;
}

/** Splits `x ORDER BY y` (an ordered aggregate's last argument) into its value and its order. */
function orderedArg(arg: string): { value: string; order: string | null } {
  const m = /^([\s\S]*?)\s+ORDER\s+BY\s+([\s\S]+)$/i.exec(arg);
  return m ? { value: (m[1] as string).trim(), order: (m[2] as string).trim() } : { value: arg, order: null };
}

type Rewrite = (args: string[], filter: string | null) => string;

/** `name(args)` or, under FILTER, `nameIf(args, cond)`. */
const aggregate =
  (name: string, params = '') =>
  (args: string[], filter: string | null) =>
    filter === null ? `${name}${params}(${args.join(', ')})` : `${name}If${params}(${[...args, filter].join(', ')})`;

const FUNCTIONS: Record<string, Rewrite> = {
  quantile_cont: ([x, p], f) => aggregate('quantileExactInclusive', `(${p})`)([x as string], f),
  median: ([x], f) => aggregate('quantileExactInclusive', '(0.5)')([x as string], f),
  list: (args, f) => aggregate('groupArray')(args, f),
  bool_or: (args, f) => aggregate('max')(args, f),
  bool_and: (args, f) => aggregate('min')(args, f),
  arg_min: (args, f) => aggregate('argMin')(args, f),
  arg_max: (args, f) => aggregate('argMax')(args, f),
  string_agg: ([x, sepArg], f) => {
    const { value: sep, order } = orderedArg(sepArg ?? "','");
    const pairs = aggregate('groupArray')([`(${order ?? 'NULL'}, toString(${x}))`], f);
    return `nullIf(arrayStringConcat(arrayMap(p -> p.2, arraySort(p -> p.1, ${pairs})), ${sep}), '')`;
  },
  first: ([arg], f) => {
    const { value, order } = orderedArg(arg ?? '');
    return order === null ? aggregate('any')([value], f) : aggregate('argMin')([value, `(${order})`], f);
  },
  list_distinct: ([l]) => `arrayDistinct(${l})`,
  list_sort: ([l]) => `arraySort(${l})`,
  unnest: ([l]) => `arrayJoin(${l})`,
  epoch: ([t]) => `toFloat64(toUnixTimestamp(${t}))`,
  strftime: ([d, fmt]) => `formatDateTime(${d}, ${(fmt ?? "''").replace(/%M/g, '%i')})`,
};

/**
 * Table functions with a column alias, `range(a, b) r(x)` and `generate_series(d1, d2, step) t(x)`:
 * the rows as a `numbers()` subquery, aliased the same.
 */
function tableFunction(name: string, args: string[], alias: string, column: string): string | null {
  // range() stops before its end, generate_series() at it.
  const inclusive = name === 'generate_series' ? 1 : 0;
  const days = /^INTERVAL\s+(\d+)\s+DAYS?$/i.exec(args[2] ?? '');
  if (days && days[1] === '1') {
    const [a, b] = args;
    return `(SELECT addDays(toDate(${a}), number) AS ${column} FROM numbers(toUInt64(greatest(dateDiff('day', toDate(${a}), toDate(${b})) + ${inclusive}, 0)))) ${alias}`;
  }
  if (args.length > 2) return null;
  const [a, b] = args.length === 1 ? ['0', args[0]] : args;
  return `(SELECT toInt64(number) AS ${column} FROM numbers(toUInt64(${a}), toUInt64(greatest((${b}) - (${a}) + ${inclusive}, 0)))) ${alias}`;
}

function translateTokens(tokens: readonly Token[]): string {
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const open = next(tokens, i + 1);
    const isCall =
      t.kind === 'word' &&
      tokens[open]?.text === '(' &&
      !/^(IN|AS|AND|OR|NOT|EXISTS|ON|FROM|USING|OVER|VALUES|WHERE|FILTER)$/i.test(t.text);
    if (isCall) {
      const name = t.text.toLowerCase();
      const close = closing(tokens, open);
      // Table function with a column alias: name(args) alias(col)
      if (name === 'range' || name === 'generate_series') {
        const a = next(tokens, close + 1);
        const p = next(tokens, a + 1);
        if (tokens[a]?.kind === 'word' && tokens[p]?.text === '(') {
          const pc = closing(tokens, p);
          const column = tokens
            .slice(p + 1, pc)
            .map((x) => x.text)
            .join('')
            .trim();
          const sql = tableFunction(name, splitArgs(tokens, open + 1, close), (tokens[a] as Token).text, column);
          if (sql !== null) {
            out += sql;
            i = pc;
            continue;
          }
        }
      }
      if (name === 'duckdb_tables') {
        out += `(SELECT name AS table_name, 'main' AS schema_name FROM system.tables WHERE database = currentDatabase())`;
        i = close;
        continue;
      }
      const over = next(tokens, close + 1);
      const spec = next(tokens, over + 1);
      if (
        (name === 'lead' || name === 'lag') &&
        /^OVER$/i.test(tokens[over]?.text ?? '') &&
        tokens[spec]?.text === '('
      ) {
        // ClickHouse's lead/lag see only the window frame, and give a default value, not NULL, past
        // the partition's end: the whole partition as frame, the value made nullable.
        const end = closing(tokens, spec);
        const [x, ...rest] = splitArgs(tokens, open + 1, close);
        const window = translateTokens(tokens.slice(spec + 1, end)).trim();
        const frame = /\b(ROWS|RANGE)\b/i.test(window)
          ? ''
          : ' ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING';
        out += `${name}InFrame(${[`toNullable(${x})`, ...rest].join(', ')}) OVER (${window}${frame})`;
        i = end;
        continue;
      }
      if (name === 'count') {
        // DuckDB's count is a signed BIGINT; ClickHouse's UInt64 has no common type with Int64
        // (`UNION ALL SELECT -count(*)` would become a Variant that sum() refuses).
        let end = close;
        for (const clause of ['FILTER', 'OVER']) {
          const c = next(tokens, end + 1);
          if (!new RegExp(`^${clause}$`, 'i').test(tokens[c]?.text ?? '')) continue;
          const o = next(tokens, c + 1);
          end = tokens[o]?.text === '(' ? closing(tokens, o) : o;
        }
        out += `toInt64(${t.text}${translateTokens(tokens.slice(i + 1, end + 1))})`;
        i = end;
        continue;
      }
      const rewrite = FUNCTIONS[name];
      if (rewrite) {
        const args = splitArgs(tokens, open + 1, close);
        // A FILTER clause belongs to the call: it moves inside as the -If combinator's condition.
        let end = close;
        let filter: string | null = null;
        const f = next(tokens, close + 1);
        if (/^FILTER$/i.test(tokens[f]?.text ?? '') && tokens[next(tokens, f + 1)]?.text === '(') {
          const fo = next(tokens, f + 1);
          const fc = closing(tokens, fo);
          const w = next(tokens, fo + 1);
          filter = translateTokens(tokens.slice(w + 1, fc)).trim();
          end = fc;
        }
        out += rewrite(args, filter);
        i = end;
        continue;
      }
      out += t.text + translateTokens(tokens.slice(i + 1, open + 1));
      const inner = translateTokens(tokens.slice(open + 1, close));
      out += `${inner})`;
      i = close;
      continue;
    }
    // l[i] on a list: NULL past its end, as in DuckDB (a bracket right after a name or a call).
    if (t.kind === 'punct' && t.text === '[' && i > 0 && significant(tokens[i - 1])) {
      const prev = tokens[i - 1] as Token;
      if (prev.kind === 'word' || prev.kind === 'quoted' || prev.text === ')') {
        const close = closing(tokens, i);
        const index = translateTokens(tokens.slice(i + 1, close));
        // Wrap the last operand written: a name (maybe qualified) or a bracketed expression.
        const m = /((?:[A-Za-z_][A-Za-z0-9_$]*\.)*[A-Za-z_][A-Za-z0-9_$]*)$/.exec(out);
        if (prev.kind === 'word' && m) {
          out = `${out.slice(0, out.length - (m[1] as string).length)}arrayElementOrNull(${m[1]}, ${index})`;
          i = close;
          continue;
        }
      }
    }
    out += t.text;
  }
  return out;
}

const CLAUSE_END = /^(FROM|WHERE|GROUP|HAVING|ORDER|LIMIT|QUALIFY|WINDOW|UNION|EXCEPT|INTERSECT)$/i;

/**
 * `SELECT o.x` names its column `x` in DuckDB, but `o.x` in ClickHouse when the join's other side
 * has an `x` too: a qualified column alone in a select list gets its own name as alias.
 */
function aliasQualifiedColumns(tokens: Token[]): Token[] {
  const out: Token[] = [];
  const inSelect: boolean[] = [false];
  let prev: Token | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    out.push(t);
    if (!significant(t)) continue;
    const top = inSelect.length - 1;
    if (t.kind === 'punct' && t.text === '(') inSelect.push(false);
    else if (t.kind === 'punct' && t.text === ')') {
      if (inSelect.length > 1) inSelect.pop();
    } else if (t.kind === 'word' && /^SELECT$/i.test(t.text)) inSelect[top] = true;
    else if (t.kind === 'word' && CLAUSE_END.test(t.text)) inSelect[top] = false;
    const starts = prev && (/^(SELECT|DISTINCT)$/i.test(prev.text) || prev.text === ',');
    if (inSelect[top] && starts && t.kind === 'word' && t.text.toUpperCase() !== 'DISTINCT') {
      // word . word, then the end of the item
      const dot = next(tokens, i + 1);
      const col = next(tokens, dot + 1);
      const after = next(tokens, col + 1);
      const end = tokens[after];
      const ends = end === undefined || end.text === ',' || end.text === ')' || CLAUSE_END.test(end.text);
      if (tokens[dot]?.text === '.' && tokens[col]?.kind === 'word' && ends) {
        out.push(...tokens.slice(i + 1, col + 1), { kind: 'space', text: ' ' }, { kind: 'word', text: 'AS' });
        out.push({ kind: 'space', text: ' ' }, { kind: 'word', text: (tokens[col] as Token).text });
        i = col;
        prev = tokens[col];
        continue;
      }
    }
    prev = t;
  }
  return out;
}

/**
 * The sorting key of `CREATE OR REPLACE TABLE t AS <query>`: the query's closing top-level
 * `ORDER BY`, when it lists plain columns (qualified or not), by their names; else none.
 */
function sortingKey(tokens: readonly Token[], from: number): string {
  let orderBy = -1;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'punct' && t.text === '(') i = closing(tokens, i);
    else if (/^ORDER$/i.test(t.text) && /^BY$/i.test(tokens[next(tokens, i + 1)]?.text ?? '')) orderBy = i;
  }
  if (orderBy < 0) return 'tuple()';
  const items = tokens
    .slice(next(tokens, orderBy + 1) + 1)
    .filter(significant)
    .map((t) => t.text)
    .join('')
    .split(',');
  const names = items.map((item) => /^(?:[A-Za-z_][A-Za-z0-9_]*\.)?([A-Za-z_][A-Za-z0-9_]*)$/.exec(item)?.[1]);
  return names.every((n) => n !== undefined) ? `(${names.join(', ')})` : 'tuple()';
}

/** `CREATE OR REPLACE TABLE t AS …` with its engine: MergeTree, sorted as the query sorts its rows. */
function withTableEngine(tokens: Token[]): Token[] {
  const words: number[] = [];
  for (let i = next(tokens, 0); i < tokens.length && words.length < 6; i = next(tokens, i + 1)) words.push(i);
  const head = words.map((i) => (tokens[i] as Token).text.toUpperCase());
  if (head.slice(0, 4).join(' ') !== 'CREATE OR REPLACE TABLE' || head[5] !== 'AS') return tokens;
  const as = words[5] as number;
  const engine = ` ENGINE = MergeTree ORDER BY ${sortingKey(tokens, as + 1)} SETTINGS allow_nullable_key = 1`;
  return [
    ...tokens.slice(0, as),
    { kind: 'word', text: engine.trim() },
    { kind: 'space', text: ' ' },
    ...tokens.slice(as),
  ];
}

/** DuckDB SQL as ClickHouse reads it, with the same meaning under CLICKHOUSE_SETTINGS. */
export function toClickHouse(sql: string): string {
  return translateTokens(aliasQualifiedColumns(withTableEngine(tokenize(sql))));
}

/** Splits a script into statements at semicolons outside strings and comments. */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const t of tokenize(sql)) {
    if (t.kind === 'punct' && t.text === ';') {
      if (current.trim()) out.push(current.trim());
      current = '';
    } else current += t.text;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
