import { describe, expect, it } from 'vitest';
import {
  CHART_LIMIT,
  columnKind,
  formatCell,
  insertAt,
  isWriteStatement,
  parseHistory,
  pushHistory,
  resultColumns,
  toConsoleChart,
} from '../../../src/features/sql/sql-shape';

describe('console result', () => {
  const rows = [
    { n: 1, channel: 'email', gmv: 10.5, day: '2026-10-01' },
    { n: 2, channel: null, gmv: 3, day: '2026-10-02' },
  ];

  it('reads the columns from the first row, else from DESCRIBE', () => {
    expect(resultColumns(rows)).toEqual(['n', 'channel', 'gmv', 'day']);
    expect(resultColumns([], ['a', 'b'])).toEqual(['a', 'b']);
  });

  it('tells number, text and mixed columns apart, ignoring nulls', () => {
    expect(columnKind(rows, 'gmv')).toBe('number');
    expect(columnKind(rows, 'channel')).toBe('text');
    expect(columnKind([{ x: 1 }, { x: 'a' }], 'x')).toBe('other');
    expect(columnKind([{ x: null }], 'x')).toBe('other');
  });

  it('charts the first text column against the first numeric column', () => {
    const chart = toConsoleChart(rows, resultColumns(rows));
    expect(chart).toEqual({
      labelColumn: 'channel',
      valueColumn: 'n',
      points: [
        { label: 'email', value: 1 },
        { label: 'NULL', value: 2 },
      ],
      truncated: false,
    });
  });

  it('has no chart without a text or a numeric column', () => {
    expect(toConsoleChart([{ a: 1, b: 2 }], ['a', 'b'])).toBeNull();
    expect(toConsoleChart([{ a: 'x' }], ['a'])).toBeNull();
    expect(toConsoleChart([], ['a'])).toBeNull();
  });

  it('draws at most the first rows and says so', () => {
    const many = Array.from({ length: CHART_LIMIT + 5 }, (_, i) => ({ k: `r${i}`, v: i }));
    const chart = toConsoleChart(many, ['k', 'v'])!;
    expect(chart.points).toHaveLength(CHART_LIMIT);
    expect(chart.truncated).toBe(true);
  });

  it('formats cells for reading, NULL spelled out', () => {
    expect(formatCell(1234.56789, 'en')).toBe('1,234.5679');
    expect(formatCell(null, 'en')).toBe('NULL');
    expect(formatCell('x', 'en')).toBe('x');
    expect(formatCell(true, 'en')).toBe('true');
  });
});

describe('query history', () => {
  it('puts the newest first, each text once, at most 20', () => {
    let h: string[] = [];
    for (let i = 0; i < 25; i++) h = pushHistory(h, `SELECT ${i}`);
    expect(h).toHaveLength(20);
    expect(h[0]).toBe('SELECT 24');
    h = pushHistory(h, '  SELECT 10 ');
    expect(h[0]).toBe('SELECT 10');
    expect(h.filter((q) => q === 'SELECT 10')).toHaveLength(1);
    expect(pushHistory(['a'], '   ')).toEqual(['a']);
  });

  it('reads a saved history and tolerates anything else', () => {
    expect(parseHistory('["a","b"]')).toEqual(['a', 'b']);
    expect(parseHistory('["a",1,null]')).toEqual(['a']);
    expect(parseHistory('{"a":1}')).toEqual([]);
    expect(parseHistory('not json')).toEqual([]);
    expect(parseHistory(null)).toEqual([]);
  });
});

describe('statements', () => {
  it.each([
    ['SELECT 1', false],
    ['  with x as (select 1) select * from x', false],
    ['DESCRIBE orders', false],
    ['delete from orders', true],
    ['-- tidy up\nDROP TABLE x', true],
    ['/* note */ CREATE TABLE t AS SELECT 1', true],
    ['update orders set status = 1', true],
  ])('%j writes: %s', (sql, writes) => {
    expect(isWriteStatement(sql)).toBe(writes);
  });

  it('inserts text at the selection and puts the caret after it', () => {
    expect(insertAt('SELECT  FROM t', 7, 7, 'gmv')).toEqual({ text: 'SELECT gmv FROM t', caret: 10 });
    expect(insertAt('SELECT x FROM t', 7, 8, 'y')).toEqual({ text: 'SELECT y FROM t', caret: 8 });
  });
});
