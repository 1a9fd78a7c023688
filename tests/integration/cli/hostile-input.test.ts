import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, yardstick, type Run } from './run-cli';

// Issue 19 through the real `yardstick` command: what an adversarial run fed it.

/** The run failed with exit 2, nothing on stdout and exactly one `yardstick:` line: returned. */
function oneLineFailure(run: Run): string {
  expect(run.status, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.split('\n').filter((l) => l.startsWith('yardstick:'));
  expect(lines).toHaveLength(1);
  return lines[0] as string;
}

const MB = 1024 * 1024;
// A run takes seconds; on a loaded machine (two cores, many jobs) a minute is not unusual.
const CLI_TIMEOUT = 180_000;

/** `head` then `row` repeated to about `bytes`, gzipped as a stream (never held whole). */
async function gzipRepeated(head: string, row: string, bytes: number): Promise<Buffer> {
  const chunk = Buffer.from(row.repeat(Math.ceil(MB / row.length)));
  async function* text() {
    yield Buffer.from(head);
    for (let n = 0; n < bytes; n += chunk.byteLength) yield chunk;
  }
  const parts: Buffer[] = [];
  for await (const part of Readable.from(text()).pipe(createGzip({ level: 9 }))) parts.push(part as Buffer);
  return Buffer.concat(parts);
}
const HEADER = 'order_id,customer_id,ordered_at,status,order_total\n';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'yardstick-hostile-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('a gzip bomb (issue 19, item 11)', { timeout: CLI_TIMEOUT }, () => {
  it('is refused early with one line naming the file and the limit', async () => {
    // 300 MB of one repeated order row: about 0.7 MB gzipped, so the default limit is its
    // 256 MB floor. The trailer's checksum is spoilt: inflating to the end would say "damaged".
    const bomb = await gzipRepeated(HEADER, 'B-1,b1,2025-01-01,paid,10\n', 300 * MB);
    bomb[bomb.length - 8]! ^= 0xff;
    const file = path.join(tmp, 'bomb.csv.gz');
    await writeFile(file, bomb);
    const kb = Math.ceil(bomb.byteLength / 1024);

    const line = oneLineFailure(
      await yardstick(['report', '--orders', file, '--from', '2025-01-01', '--to', '2025-01-31']),
    );
    expect(line).toBe(
      `yardstick: ${file}: the gzip data expands to more than 256 MB from ${kb} KB; refused as a likely decompression bomb ` +
        '(the limit is 100 times the compressed size, and at least 256 MB). If the file is genuine, allow more with --max-gzip-ratio N.',
    );
  });
});

describe('reading decisions and warnings (issue 19, item 3)', { timeout: CLI_TIMEOUT }, () => {
  // Both dates could be either order (read day-first: 2 and 3 June); the amounts are written
  // with a decimal comma (12.50 and 7.25, GMV 19.75).
  const ambiguous = `${HEADER.trim()},currency\nW-1,w1,02/06/2025,paid,"12,50",EUR\nW-2,w2,03/06/2025,paid,"7,25",EUR\n`;
  let file: string;
  beforeAll(async () => {
    file = path.join(tmp, 'ambiguous.csv');
    await writeFile(file, ambiguous);
  });

  it('go to stderr, even with --quiet, and into data_quality', async () => {
    const run = await yardstick([
      'report',
      '--orders',
      file,
      '--from',
      '2025-06-01',
      '--to',
      '2025-06-30',
      '--json',
      '--quiet',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const warnings = run.stderr.split('\n').filter((l) => l.startsWith('Warning: '));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(
      new RegExp(`^Warning: ${escape(file)}: Dates like .* could be day-first or month-first; read as day-first`),
    );
    expect(warnings[1]).toMatch(new RegExp(`^Warning: ${escape(file)}: Amounts are written with a decimal comma`));

    const report = JSON.parse(run.stdout);
    expect(report.data_quality.orders.warnings).toEqual(warnings.map((w) => w.slice('Warning: '.length)));
    expect(report.kpis).toMatchObject({ gmv: 19.75, orders: 2 }); // 2 and 3 June, 12.50 + 7.25
  });

  it('can be made by the user instead: --date-order mdy reads 6 February and 6 March', async () => {
    const run = await yardstick([
      'report',
      '--orders',
      file,
      '--from',
      '2025-02-01',
      '--to',
      '2025-03-31',
      '--date-order',
      'mdy',
      '--decimal',
      'comma',
      '--json',
      '--quiet',
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/Warning:/);
    const report = JSON.parse(run.stdout);
    expect(report.data_quality.orders.warnings).toEqual([]);
    expect(report.kpis).toMatchObject({ gmv: 19.75, orders: 2 });
  });

  it('include the encoding of a file that is not UTF-8', async () => {
    const taobao = path.join(ROOT, 'tests/fixtures/ingest/taobao_orders_gbk.csv');
    const run = await yardstick([
      'report',
      '--orders',
      taobao,
      '--from',
      '2025-01-01',
      '--to',
      '2025-12-31',
      '--json',
      '--quiet',
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`Warning: ${taobao}: Read as GB18030 (GBK) text (not UTF-8).`);
    expect(JSON.parse(run.stdout).data_quality.orders.warnings).toContain(
      `${taobao}: Read as GB18030 (GBK) text (not UTF-8).`,
    );
  });

  it('are listed under the data quality table of the Markdown report', async () => {
    const run = await yardstick(['report', '--orders', file, '--from', '2025-06-01', '--to', '2025-06-30', '--quiet']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`How the files were read:\n\n- ${file}: Dates like`);
  });
});

describe('a period too far or too fine (issue 19, item 5)', { timeout: CLI_TIMEOUT }, () => {
  it('--from 1900-01-01 --to 2999-12-31 --grain day is refused at once, saying what is allowed', async () => {
    const orders = path.join(ROOT, 'tests/fixtures/metrics/cli/orders-feb.csv');
    const run = await yardstick([
      'report',
      '--orders',
      orders,
      '--from',
      '1900-01-01',
      '--to',
      '2999-12-31',
      '--grain',
      'day',
      '--json',
    ]);
    expect(oneLineFailure(run)).toMatch(
      /^yardstick: --from 1900-01-01 is outside the dates Yardstick reads: a period must lie between 2000-01-01 and \d{4}-\d{2}-\d{2} \(a year after today\)$/,
    );
    expect(run.stderr).not.toMatch(/Loading/); // refused before any file was read
  });

  it('a day series of more than ten years is refused with the bound', async () => {
    const orders = path.join(ROOT, 'tests/fixtures/metrics/cli/orders-feb.csv');
    const run = await yardstick([
      'report',
      '--orders',
      orders,
      '--from',
      '2005-01-01',
      '--to',
      '2024-12-31',
      '--grain',
      'day',
    ]);
    expect(oneLineFailure(run)).toMatch(/makes 7,305 buckets, more than the 3,660 a report may have/); // 20 × 365 + 5 leap days
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
