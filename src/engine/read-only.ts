import { EngineError } from './engine';

/**
 * How the engines run someone else's SQL (the SQL console) so that it cannot change the data
 * the pages read (issue 19, item 7). Each statement gets a connection of its own, inside a
 * transaction opened read-only and always rolled back:
 *
 * - DuckDB itself refuses every write in that transaction (DROP, DELETE, UPDATE, INSERT,
 *   TRUNCATE, ALTER, CREATE [OR REPLACE], COMMENT, on any table, ys_* included);
 * - the statement is prepared, and DuckDB prepares exactly one statement, so `COMMIT; DROP …`
 *   never reaches the DROP; a lone COMMIT ends the read-only transaction and nothing more;
 * - whatever the statement sets for its connection (search_path, variables, temp tables,
 *   macros) goes with that connection, so the next statement starts clean.
 */
export const BEGIN_READ_ONLY = 'BEGIN TRANSACTION READ ONLY';

/**
 * Statements DuckDB 1.4.3 cannot survive: checkpointing the system catalog (`CHECKPOINT
 * system`, `checkpoint('system')`, `force_checkpoint(…)`) raises an internal error that
 * invalidates the whole database, read-only transaction or not, and every later query of the
 * pages fails until a reload. `query()` runs SQL built from strings, so it could spell the
 * word in pieces. Both are refused by name, wherever the name appears.
 */
const ENGINE_KILLERS: { pattern: RegExp; name: string }[] = [
  { pattern: /checkpoint/i, name: 'CHECKPOINT' },
  // Any parenthesis after the name, since a comment may sit between `query` and its `(`.
  { pattern: /\bquery\b[\s\S]*\(/i, name: 'query()' },
];

export class ReadOnlyRefusal extends EngineError {
  constructor(message: string, sql: string) {
    super(message, sql);
    this.name = 'ReadOnlyRefusal';
  }
}

/** Throws before the engine sees a statement known to crash it. */
export function refuseEngineKillers(sql: string): void {
  const hit = ENGINE_KILLERS.find((k) => k.pattern.test(sql));
  if (hit) {
    throw new ReadOnlyRefusal(
      `Refused: ${hit.name} is not available in the SQL console (it can stop the database engine of this page).`,
      sql,
    );
  }
}
