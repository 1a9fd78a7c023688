/**
 * Reads the text of a targets file so that a number no double can hold (`1e999`) or a word
 * JSON has no place for (`Infinity`, `NaN`) is reported as written, with its line and column,
 * instead of reaching the checks as `Infinity` and being shown as `null` (issue 19, item 12).
 */

/** A number of the file that is not finite: what was written and where. */
export class NonFiniteNumber {
  constructor(
    readonly literal: string,
    readonly line: number,
    readonly column: number,
    /** `1e999` is valid JSON that overflows; `Infinity` and `NaN` are not JSON at all. */
    readonly validJson: boolean,
  ) {}

  /** Inside a quoted excerpt of the file it reads as it was written. */
  toJSON(): string {
    return this.literal;
  }

  describe(): string {
    const where = `line ${this.line}, column ${this.column}`;
    return this.validJson
      ? `${this.literal} (${where}), a number too large to hold`
      : `${this.literal} (${where}), which JSON does not allow`;
  }
}

export type JsonTextResult = { ok: true; json: unknown; notJson: NonFiniteNumber[] } | { ok: false; message: string };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /-?(?:Infinity|NaN)/y;
/** Parses to a string no file holds by chance; written escaped, as JSON wants control characters. */
const MARKER = '\u0000non-finite:';
const MARKER_IN_TEXT = '\\u0000non-finite:';

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Finds the non-finite numbers outside strings and puts a marker string in their place. */
function markNonFinite(text: string): { text: string; found: NonFiniteNumber[] } {
  const found: NonFiniteNumber[] = [];
  let out = '';
  let copiedTo = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') {
      inString = true;
      continue;
    }
    if (char !== '-' && char !== 'I' && char !== 'N' && (char === undefined || char < '0' || char > '9')) continue;
    NUMBER.lastIndex = i;
    WORD.lastIndex = i;
    const number = NUMBER.exec(text);
    const word = number ? null : WORD.exec(text);
    const literal = number?.[0] ?? word?.[0];
    if (literal === undefined) continue;
    if (number && Number.isFinite(Number(literal))) {
      i += literal.length - 1;
      continue;
    }
    const { line, column } = lineAndColumn(text, i);
    out += `${text.slice(copiedTo, i)}"${MARKER_IN_TEXT}${found.length}"`;
    found.push(new NonFiniteNumber(literal, line, column, word === null));
    copiedTo = i + literal.length;
    i = copiedTo - 1;
  }
  return { text: found.length === 0 ? text : out + text.slice(copiedTo), found };
}

/** JSON.parse's complaint, with the line and column when it gives an offset. */
function syntaxMessage(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = /at position (\d+)/.exec(message);
  if (!at?.[1]) return message;
  const { line, column } = lineAndColumn(text, Number(at[1]));
  return `${message} (line ${line}, column ${column})`;
}

/**
 * Parses JSON text; each non-finite number comes back as a `NonFiniteNumber` where the number
 * stood, and those that are not JSON at all are listed in `notJson` so the caller can refuse
 * the file even when they stand under a key it ignores.
 */
export function readJsonText(text: string): JsonTextResult {
  const marked = markNonFinite(text);
  try {
    if (marked.found.length === 0) return { ok: true, json: JSON.parse(text), notJson: [] };
    const json: unknown = JSON.parse(marked.text, (_key, value: unknown) =>
      typeof value === 'string' && value.startsWith(MARKER)
        ? (marked.found[Number(value.slice(MARKER.length))] ?? value)
        : value,
    );
    return { ok: true, json, notJson: marked.found.filter((number) => !number.validJson) };
  } catch {
    try {
      JSON.parse(text);
    } catch (error) {
      return { ok: false, message: syntaxMessage(text, error) };
    }
    return { ok: false, message: 'the file could not be read as JSON' };
  }
}
