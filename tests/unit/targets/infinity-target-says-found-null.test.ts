import { describe, expect, it } from 'vitest';
import { importTargetsText } from '../../../src/targets/persisted';
import { parseTargetsFile, parseTargetsText } from '../../../src/targets/schema';

/**
 * Issue 19, item 12: a targets file whose target is a number too large to be finite (1e999,
 * which JSON.parse reads as Infinity) or the word Infinity was refused with "found null".
 * The message must say what was found, where, and what was expected.
 */

/** The file as a person writes it: the line numbers in the expectations count these lines. */
function fileWith(target: string, entryValue = '12'): string {
  return [
    '{ "version": 1,',
    '  "targets": [',
    '    { "id": "orders-2026", "metric": "orders",',
    '      "period": { "from": "2026-01-01", "to": "2026-12-31" },',
    '      "ladder": { "target": 60000 } },',
    '    { "id": "gmv-2026", "metric": "gmv",',
    '      "period": { "from": "2026-01-01", "to": "2026-12-31" },',
    `      "ladder": { "floor": 9000000, "target": ${target} } },`,
    '    { "metric": "gmv",',
    '      "period": { "from": "2026-01-01", "to": "2026-12-31" },',
    `      "ladder": { "target": ${target} } },`,
    '    { "id": "nps", "metric": "nps",',
    '      "period": { "from": "2026-01-01", "to": "2026-12-31" },',
    '      "ladder": { "target": 50 },',
    '      "checkin": { "label": "NPS", "unit": "points", "aggregation": "level", "direction": "higher_is_better",',
    `        "entries": [ { "period": { "from": "2026-01-01", "to": "2026-01-31" }, "value": ${entryValue} } ] } }`,
    '  ] }',
  ].join('\n');
}

function errorsOf(text: string) {
  const result = parseTargetsText(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}

describe('an Infinity target says found null (issue 19, item 12)', () => {
  it('names 1e999 as written, its line and column, the target by id or position, and asks for a finite number', () => {
    const errors = errorsOf(fileWith('1e999', '-1e400'));
    expect(errors).toEqual([
      {
        target: 'gmv-2026',
        field: 'ladder.target',
        message: 'must be a finite number, found 1e999 (line 8, column 47), a number too large to hold',
      },
      {
        field: 'targets[2].id',
        message: 'every target needs a non-empty text id, found nothing',
      },
      {
        field: 'targets[2].ladder.target',
        message: 'must be a finite number, found 1e999 (line 11, column 29), a number too large to hold',
      },
      {
        target: 'nps',
        field: 'checkin.entries[0].value',
        message: 'must be a finite number, found -1e400 (line 16, column 89), a number too large to hold',
      },
    ]);
    expect(JSON.stringify(errors)).not.toMatch(/null/);
  });

  it('names the word Infinity (not JSON) by target and field instead of a bare syntax error', () => {
    const errors = errorsOf(fileWith('Infinity'));
    expect(errors[0]).toEqual({
      target: 'gmv-2026',
      field: 'ladder.target',
      message: 'must be a finite number, found Infinity (line 8, column 47), which JSON does not allow',
    });
    expect(errors[2]).toEqual({
      field: 'targets[2].ladder.target',
      message: 'must be a finite number, found Infinity (line 11, column 29), which JSON does not allow',
    });
  });

  it('refuses Infinity or NaN under a key the file may carry freely, with its line', () => {
    const text = fileWith('10000000')
      .replace('"id": "orders-2026",', '"id": "orders-2026", "weight": -Infinity,')
      .replace('{ "metric": "gmv",', '{ "id": "third", "metric": "gmv",');
    expect(errorsOf(text)).toEqual([
      {
        field: 'file',
        message:
          'not valid JSON: found -Infinity (line 3, column 38), which JSON does not allow; write a finite number',
      },
    ]);
  });

  it('leaves numbers and strings that only look alike alone', () => {
    const text = fileWith('1e300')
      .replace('"orders",', '"orders", "owner": "Infinity and 1e999 \\" NaN",')
      .replace('{ "metric": "gmv",', '{ "id": "third", "metric": "gmv",');
    const result = parseTargetsText(text);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.file.targets.map((t) => t.ladder.target)).toEqual([60000, 1e300, 1e300, 50]);
      expect(result.file.targets[0]?.owner).toBe('Infinity and 1e999 " NaN');
    }
  });

  it('says Infinity, not null, for a target handed over already parsed (the goal editor)', () => {
    const result = parseTargetsFile({
      version: 1,
      targets: [
        { id: 'g', metric: 'gmv', period: { from: '2026-01-01', to: '2026-12-31' }, ladder: { target: Infinity } },
      ],
    });
    expect(result).toEqual({
      ok: false,
      errors: [{ target: 'g', field: 'ladder.target', message: 'must be a finite number, found Infinity' }],
    });
  });

  it('says the same on the Goals page import, which keeps the saved targets', () => {
    const result = importTargetsText({ version: 1, targets: [] }, fileWith('1e999'), 'merge');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]).toEqual({
        target: 'gmv-2026',
        field: 'ladder.target',
        message: 'must be a finite number, found 1e999 (line 8, column 47), a number too large to hold',
      });
    }
  });

  it('gives the line and column of a syntax error', () => {
    expect(errorsOf('{ "version": 1,\n  "targets": [], }')).toEqual([
      { field: 'file', message: expect.stringMatching(/\(line 2, column 18\)$/) },
    ]);
  });
});
