import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, yardstick } from '../cli/run-cli';

/** Issue 20, item 3: the `yardstick` command with --engine chdb and --engine clickhouse. */
const S = path.join(ROOT, 'sample-data');
const FILES = [
  '--orders',
  path.join(S, 'orders.csv.gz'),
  '--traffic',
  path.join(S, 'traffic.csv.gz'),
  '--users',
  path.join(S, 'users.csv.gz'),
];
const VIEW = ['--from', '2026-10-01', '--to', '2026-10-31', '--grain', 'week', '--json', '--quiet'];
const SECRET = 'zz-never-print-me';

afterEach(() => {
  delete process.env.CLICKHOUSE_PASSWORD;
});

describe('yardstick --engine chdb / clickhouse', () => {
  it('report --engine chdb on local files prints the report --engine native prints', async () => {
    const [chdb, native] = [
      await yardstick(['report', ...FILES, ...VIEW, '--engine', 'chdb']),
      await yardstick(['report', ...FILES, ...VIEW, '--engine', 'native']),
    ];
    expect(chdb.stderr).toBe('');
    expect(chdb.status).toBe(0);
    expect(native.status).toBe(0);
    expect(JSON.parse(chdb.stdout)).toEqual(JSON.parse(native.stdout));
    expect(JSON.parse(chdb.stdout).kpis.orders).toBeGreaterThan(0);
  }, 240_000);

  it('a server that is not there: one line naming it and what failed, exit 1, no password anywhere', async () => {
    process.env.CLICKHOUSE_PASSWORD = SECRET;
    for (const args of [
      ['load', '--engine', 'clickhouse', '--url', 'http://127.0.0.1:9', ...FILES],
      ['report', '--engine', 'clickhouse', '--url', 'http://127.0.0.1:9', ...VIEW],
    ]) {
      const run = await yardstick(args);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/^yardstick: ClickHouse at http:\/\/127\.0\.0\.1:9: connection refused[^\n]*\n$/);
      expect(run.stdout + run.stderr).not.toContain(SECRET);
    }
  }, 120_000);

  it('bad combinations are refused with the reason, exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['load', ...FILES], /load writes to a ClickHouse server/],
      [['report', ...VIEW, '--engine', 'clickhouse'], /needs --url URL/],
      [['report', ...FILES, ...VIEW, '--engine', 'chdb', '--url', 'http://x:8123'], /takes no --url/],
      [['report', ...FILES, ...VIEW, '--engine', 'clickhouse', '--url', 'http://x:8123'], /load files first/],
    ];
    for (const [args, reason] of cases) {
      const run = await yardstick(args);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(reason);
    }
  }, 120_000);
});
