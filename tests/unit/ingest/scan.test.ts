import { describe, expect, it } from 'vitest';
import { ChunkSink } from '../../../src/ingest/byte-source';
import { findHeader, splitRecord } from '../../../src/ingest/csv-scan';
import { MAX_QUOTED_RECORD_BYTES, neutraliseStrayQuotes, walkRecords } from '../../../src/ingest/records';
import { guessEncoding } from '../../../src/ingest/decode';
import { headerSignature } from '../../../src/ingest/mapping';
import { rejectedRowsCsv } from '../../../src/ingest/report';
import { sniffContainer, sniffJson } from '../../../src/ingest/sniff';

// The JS side of reading a file: finding the header, splitting records, following lines,
// recognising containers and encodings. Pure functions, no engine.

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('findHeader', () => {
  it.each<[string, string, string, string[], number, number]>([
    ['comma', 'a,b,c\n1,2,3\n', ',', ['a', 'b', 'c'], 1, 2],
    ['semicolon', 'a;b;c\n1;2;3\n', ';', ['a', 'b', 'c'], 1, 2],
    ['tab', 'a\tb\tc\n1\t2\t3\n', '\t', ['a', 'b', 'c'], 1, 2],
    ['pipe', 'a|b|c\n1|2|3\n', '|', ['a', 'b', 'c'], 1, 2],
    ['UTF-8 BOM and spaces around names', '\uFEFF a , b \r\n1,2\r\n', ',', ['a', 'b'], 1, 2],
    ['a quoted name holding the delimiter', '"x,y";z\n1;2\n', ';', ['x,y', 'z'], 1, 2],
    ['a quoted name holding a newline', '"two\nlines",b\n1,2\n', ',', ['two\nlines', 'b'], 1, 3],
    [
      'GA4 comment lines and a blank line first',
      '# Account: x\n# \n\n# Start date: 20250101\nDate,Sessions\n20250101,5\n',
      ',',
      ['Date', 'Sessions'],
      5,
      6,
    ],
  ])('%s', (_label, text, delimiter, header, headerLine, dataLine) => {
    const layout = findHeader(bytes(text), true);
    expect(layout).toMatchObject({ delimiter, header, headerLine, dataLine });
    expect(
      new TextDecoder()
        .decode(bytes(text).subarray(layout!.dataStart))
        .startsWith(text.includes('20250101,5') ? '20250101' : '1'),
    ).toBe(true);
  });

  it('counts the comment lines it skipped', () => {
    expect(findHeader(bytes('# a\n# b\nx,y\n'), true)?.commentLines).toBe(2);
  });

  it('asks for more bytes when the head ends inside the header, unless that is the whole file', () => {
    expect(findHeader(bytes('a,b,"c'), false)).toBeNull();
    expect(findHeader(bytes('a,b,c'), true)).toMatchObject({ header: ['a', 'b', 'c'], dataStart: 5 });
    expect(findHeader(bytes('\n\n'), true)).toBeNull();
  });
});

describe('findHeader and a header quote that never closes (issue 19, item 12)', () => {
  it('flags a quote open to the end of the file', () => {
    expect(findHeader(bytes('a,"b,c\n1,2,3\n'), true)).toMatchObject({ unclosedQuote: true, headerLine: 1 });
  });

  it('flags a quote that a later line closes mid-field', () => {
    expect(findHeader(bytes('a,"b,c\n1,"2",3\n'), true)).toMatchObject({ unclosedQuote: true });
  });

  it('flags a quote still open after MAX_QUOTED_RECORD_BYTES without asking for more', () => {
    const text = `a,"b,c\n${'1,2,3\n'.repeat(200_000)}`; // 1.2 MB
    expect(findHeader(bytes(text), false)).toMatchObject({ unclosedQuote: true });
  });

  it('accepts a quoted name that holds a line end and closes as a field should', () => {
    expect(findHeader(bytes('"two\nlines",b\n1,2\n'), true)).toMatchObject({
      unclosedQuote: false,
      header: ['two\nlines', 'b'],
    });
    expect(findHeader(bytes('a,"say ""hi""",c\n1,2,3\n'), true)).toMatchObject({ unclosedQuote: false });
  });
});

describe('splitRecord', () => {
  it('undoes CSV quoting', () => {
    expect(splitRecord(bytes('a,"b,c","say ""hi""",,"x\ny"\r\n'), ',')).toEqual(['a', 'b,c', 'say "hi"', '', 'x\ny']);
  });
});

describe('walkRecords', () => {
  const text = 'r0,a\n"r1\nstill r1",b\n\nr2,c\r\n\r\nr3,"d"\n';
  // r0 on line 1; r1 on lines 2-3; line 4 blank; r2 on line 5; line 6 blank; r3 on line 7.
  const expected = [
    [0, 1],
    [1, 2],
    [2, 5],
    [3, 7],
  ];
  const walk = async (
    t: string | Uint8Array | Blob,
    columns = 2,
    stop = false,
  ): Promise<{ seen: [number, number, boolean][]; sectionEnd: number | null; records: number }> => {
    const data = typeof t === 'string' ? bytes(t) : t;
    const seen: [number, number, boolean][] = [];
    const r = await walkRecords(
      { data, start: 0, line: 1, end: null, delimiter: ',', columns },
      (rec) => (seen.push([rec.index, rec.line, rec.unterminated]), true),
      stop,
    );
    return { seen, ...r };
  };

  it('finds the line each record starts on, skipping blank lines and counting quoted newlines', async () => {
    const { seen, records } = await walk(text);
    expect(seen.map(([i, line]) => [i, line])).toEqual(expected);
    expect(records).toBe(4);
  });

  it('gives the same answer when the text is a Blob read in windows', async () => {
    const { seen } = await walk(new Blob([text]));
    expect(seen.map(([i, line]) => [i, line])).toEqual(expected);
  });

  it('treats a quote inside an unquoted field as text, as DuckDB does', async () => {
    const { seen } = await walk('a,5" screen\nb,c\n');
    expect(seen).toEqual([
      [0, 1, false],
      [1, 2, false],
    ]);
  });

  it('stops when asked', async () => {
    const seen: number[] = [];
    const r = await walkRecords(
      { data: bytes(text), start: 0, line: 10, end: null, delimiter: ',', columns: 2 },
      (rec) => (seen.push(rec.index), rec.index < 1),
    );
    expect(seen).toEqual([0, 1]);
    expect(r.records).toBe(2);
  });

  it('ends a section at a blank line or a comment line (GA4)', async () => {
    expect((await walk('x,1\ny,2\n\n# Next table\nDate,Users\n', 2, true)).sectionEnd).toBe('x,1\ny,2\n'.length);
    expect((await walk('x,1\r\n# totals\n', 2, true)).sectionEnd).toBe('x,1\r\n'.length);
  });

  // Stray quotes (issue 19, item 1): a quote that does not close as a field should rejects
  // its first line only, and the next line is a record again.
  it.each<[string, string, [number, number, boolean][]]>([
    [
      'a quote that never closes',
      'a,"oops\nb,c\nd,e\n',
      [
        [0, 1, true],
        [1, 2, false],
        [2, 3, false],
      ],
    ],
    [
      'a stray quote closed by a later field (junk after the closing quote)',
      'a,"oops\nb,c\nd,"e"\n',
      [
        [0, 1, true],
        [1, 2, false],
        [2, 3, false],
      ],
    ],
    [
      'a stray quote whose record would have more fields than the header',
      'a,"oops\nb,c\nd",e,f,g\nh,i\n',
      [
        [0, 1, true],
        [1, 2, false],
        [2, 3, false],
        [3, 4, false],
      ],
    ],
    [
      'a quoted newline that closes properly is one record',
      'a,"two\nlines"\nb,c\n',
      [
        [0, 1, false],
        [1, 3, false],
      ],
    ],
    [
      'an open quote on the last line without a line end',
      'a,b\nc,"cut',
      [
        [0, 1, false],
        [1, 2, true],
      ],
    ],
  ])('%s', async (_label, t, rows) => {
    expect((await walk(t)).seen).toEqual(rows);
  });

  it('does not let an open quote reach further than MAX_QUOTED_RECORD_BYTES', async () => {
    const filler = 'x,y\n'.repeat(Math.ceil(MAX_QUOTED_RECORD_BYTES / 4) + 10);
    const t = `a,"far\n${filler}b,c"\n`;
    const { seen } = await walk(new Blob([t]));
    expect(seen[0]).toEqual([0, 1, true]);
    expect(seen[1]).toEqual([1, 2, false]);
    // every line is a record of its own: the first, the filler lines and the last
    expect(seen).toHaveLength(1 + filler.length / 4 + 1);
  });

  it('neutralises the quotes of a stray line only, keeping every offset', async () => {
    const t = 'a,"oops\nb,"c"\n';
    const { data, stray } = await neutraliseStrayQuotes(
      { data: bytes(t), start: 0, line: 1, end: null, delimiter: ',', columns: 2 },
      10,
    );
    expect(new TextDecoder().decode(data as Uint8Array)).toBe('a,\'oops\nb,"c"\n');
    expect(stray.records).toEqual([0]);
    expect(stray.texts.get(0)).toBe('a,"oops');
    const fromBlob = await neutraliseStrayQuotes(
      { data: new Blob([t]), start: 0, line: 1, end: null, delimiter: ',', columns: 2 },
      10,
    );
    expect(await (fromBlob.data as Blob).text()).toBe('a,\'oops\nb,"c"\n');
  });
});

describe('sniffContainer', () => {
  it.each<[string, number[] | string, string, string]>([
    ['empty', [], 'a.csv', 'empty'],
    ['gzip', [0x1f, 0x8b, 0x08, 0x00], 'a.csv.gz', 'gzip'],
    ['a workbook', 'PK\u0003\u0004....[Content_Types].xml....xl/workbook.xml', 'book.xlsx', 'xlsx'],
    ['a zip', 'PK\u0003\u0004....orders.csv', 'export.zip', 'zip'],
    ['parquet', 'PAR1....', 'a.parquet', 'parquet'],
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a], 'a.csv', 'image'],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0], 'a.csv', 'image'],
    ['PDF', '%PDF-1.7', 'a.csv', 'pdf'],
    ['UTF-16LE with BOM', [0xff, 0xfe, 0x61, 0x00], 'a.csv', 'utf16le'],
    ['UTF-16BE with BOM', [0xfe, 0xff, 0x00, 0x61], 'a.csv', 'utf16be'],
    ['UTF-16LE without BOM', [0x61, 0x00, 0x2c, 0x00, 0x62, 0x00, 0x0a, 0x00], 'a.csv', 'utf16le'],
    ['binary', [0x00, 0x13, 0xfe, 0x00, 0x99, 0x00, 0x01, 0x02, 0x00, 0x00], 'a.bin', 'binary'],
    ['text', 'a,b\n1,2\n', 'a.csv', 'text'],
  ])('%s', (_label, content, name, expected) => {
    const head = typeof content === 'string' ? bytes(content) : new Uint8Array(content);
    expect(sniffContainer(head, name)).toBe(expected);
  });

  it('tells a JSON array, NDJSON and CSV apart', () => {
    expect(sniffJson(' [{"a":1}]')).toBe('json');
    expect(sniffJson('{"orders":[\n{"a":1}]}')).toBe('json');
    expect(sniffJson('{"a":1}\n{"a":2}\n')).toBe('ndjson');
    expect(sniffJson('a,b\n1,2')).toBeNull();
  });
});

describe('guessEncoding', () => {
  it('believes valid UTF-8, falls back to GB18030, then Windows-1252', () => {
    expect(guessEncoding(bytes('订单编号,金额\n'), 'text')).toBe('utf-8');
    // 订单 in GBK: B6 A9 B5 A5
    expect(guessEncoding(new Uint8Array([0xb6, 0xa9, 0xb5, 0xa5, 0x2c, 0x61, 0x0a, 0x61, 0x0a]), 'text')).toBe(
      'gb18030',
    );
    // "Café\n" in Windows-1252 followed by text: 0xE9 then a newline cannot be GBK.
    expect(guessEncoding(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0a, 0x78, 0x79, 0x7a, 0x0a, 0x0a]), 'text')).toBe(
      'windows-1252',
    );
    expect(guessEncoding(new Uint8Array([0xff, 0xfe]), 'utf16le')).toBe('utf-16le');
  });
});

describe('ChunkSink', () => {
  it('folds a large Blob-bound output into Blob parts and keeps every byte in order', async () => {
    const sink = new ChunkSink(new Blob([]));
    for (let i = 0; i < 10; i++) sink.push(new Uint8Array(1024 * 1024).fill(i));
    const out = sink.finish();
    expect(out).toBeInstanceOf(Blob);
    const all = new Uint8Array(await (out as Blob).arrayBuffer());
    // 10 chunks of 1 MiB, chunk i filled with byte i
    expect(all.length).toBe(10 * 1024 * 1024);
    expect([all[0], all[1024 * 1024], all[9 * 1024 * 1024 + 5]]).toEqual([0, 1, 9]);
  });

  it('returns contiguous bytes when the file came as bytes', () => {
    const sink = new ChunkSink(new Uint8Array(0));
    sink.push(bytes('ab'));
    sink.push(bytes('c'));
    expect(sink.finish()).toEqual(bytes('abc'));
  });
});

describe('report helpers', () => {
  it('writes rejected rows as CSV with the file, line, reason and the row', () => {
    const csv = rejectedRowsCsv({
      file: 'a.csv',
      table: 'orders',
      source: 'canonical',
      rowsRead: 2,
      rowsLoaded: 0,
      rowsRejected: 2,
      duplicates: 0,
      reasons: { x: 2 },
      dateRange: null,
      rejected: [
        { line: 2, reason: 'missing customer_id', raw: 'A,,2025-01-01' },
        { line: 3, reason: 'unparseable order_total', raw: 'B,"x\ny",z' },
      ],
    });
    expect(csv).toBe(
      'file,line,reason,row\r\na.csv,2,missing customer_id,"A,,2025-01-01"\r\na.csv,3,unparseable order_total,"B,""x\ny"",z"\r\n',
    );
  });

  it('gives a header signature that survives reordering of nothing and spacing of everything', () => {
    expect(headerSignature(['a', 'b'])).toBe(headerSignature([' A', 'b ']));
  });
});
