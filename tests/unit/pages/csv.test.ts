import { describe, expect, it } from 'vitest';
import { csvCell, neutralise, toCsv } from '../../../src/lib/csv';

const cols = [
  { key: 'name', label: 'Name' },
  { key: 'value', label: 'Value' },
];

describe('toCsv', () => {
  it('writes a header of labels and one CRLF line per row', () => {
    expect(
      toCsv(
        [
          { name: 'email', value: 12.5 },
          { name: 'direct', value: 3 },
        ],
        cols,
      ),
    ).toBe('Name,Value\r\nemail,12.5\r\ndirect,3\r\n');
  });

  it('takes the columns in their own order and ignores other fields', () => {
    expect(toCsv([{ value: 1, name: 'a', extra: 'x' }], [cols[1]!, cols[0]!])).toBe('Value,Name\r\n1,a\r\n');
  });

  it('writes null and missing values as empty cells, never 0', () => {
    expect(toCsv([{ name: null }, { name: 'b', value: undefined }], cols)).toBe('Name,Value\r\n,\r\nb,\r\n');
  });

  it.each([
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rlf', '"cr\rlf"'],
    ['plain', 'plain'],
    ['华东 / East China', '华东 / East China'],
  ])('quotes %j as %j', (text, expected) => {
    expect(csvCell(text)).toBe(expected);
  });

  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
  ])('neutralises the formula cell %j', (text, expected) => {
    expect(csvCell(text)).toBe(expected);
  });

  it('leaves text that only contains the characters later alone', () => {
    expect(neutralise('a=b')).toBe('a=b');
    expect(neutralise('user@example.com')).toBe('user@example.com');
    expect(neutralise('2026-10-01')).toBe('2026-10-01');
  });

  it('writes numbers as numbers: a negative amount is data, not a formula', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
  });

  it('neutralises header labels too', () => {
    expect(toCsv([], [{ key: 'a', label: '=cmd' }])).toBe("'=cmd\r\n");
  });

  it('neutralises a campaign name in a real row', () => {
    const csv = toCsv([{ name: '-10% off', value: -5 }], cols);
    expect(csv).toBe("Name,Value\r\n'-10% off,-5\r\n");
  });
});
