import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/cli/args';

const base = ['report', '--orders', 'a.csv', '--from', '2025-01-01', '--to', '2025-03-31'];

describe('yardstick report arguments', () => {
  it('takes several files after one flag and the same flag repeated', () => {
    const parsed = parseArgs([
      'report',
      '--orders',
      'a.csv',
      'b.csv',
      '--traffic',
      't1.csv',
      '--orders',
      'c.csv',
      '--from',
      '2025-01-01',
      '--to',
      '2025-03-31',
      '--traffic=t2.csv',
    ]);
    expect(parsed.ok && parsed.command === 'report' && [parsed.args.orders, parsed.args.traffic]).toEqual([
      ['a.csv', 'b.csv', 'c.csv'],
      ['t1.csv', 't2.csv'],
    ]);
  });

  it('defaults: compare previous, grain month, engine wasm, Markdown', () => {
    const parsed = parseArgs(base);
    expect(parsed).toMatchObject({
      ok: true,
      args: {
        compare: 'previous',
        grain: 'month',
        engine: 'wasm',
        format: 'md',
        out: null,
        targets: null,
        filters: {},
      },
    });
  });

  it('reads --json, formats, filters and currency', () => {
    expect(parseArgs([...base, '--json'])).toMatchObject({ args: { format: 'json' } });
    expect(parseArgs([...base, '--format', 'csv'])).toMatchObject({ args: { format: 'csv' } });
    expect(
      parseArgs([...base, '--channel', 'email,paid_search', '--channel', 'direct', '--currency', 'EUR']),
    ).toMatchObject({
      args: { filters: { channel: ['email', 'paid_search', 'direct'], currency: 'EUR' } },
    });
  });

  it.each([
    [['reprot'], /unknown command "reprot"/],
    [['report', '--from', '2025-01-01', '--to', '2025-01-31'], /--orders FILE… is required/],
    [[...base, '--json', '--format', 'md'], /contradict/],
    [[...base, '--compare', 'last'], /--compare "last" must be one of previous, yoy, none/],
    [[...base, '--engine', 'spark'], /--engine "spark"/],
    [[...base, '--wat'], /unknown option --wat/],
    [[...base, '--orders'], /--orders needs at least one value/],
    [[...base, '--out'], /--out needs a value/],
    [['report', '--orders', 'a.csv', '--from', '2025-03-01', '--to', '2025-01-31'], /after --to/],
    [['report', 'a.csv'], /unexpected argument "a.csv"/],
    [[...base, '--from', '2025-01-02'], /--from given twice/],
  ])('refuses %j', (argv, reason) => {
    const parsed = parseArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  describe('refuses a period the series cannot be drawn for (issue 19, item 5)', () => {
    const today = new Date(2025, 11, 4); // 4 December 2025: the latest day allowed is 2026-12-04
    const period = (from: string, to: string, grain = 'month') =>
      parseArgs(['report', '--orders', 'a.csv', '--from', from, '--to', to, '--grain', grain], today);

    it('refuses --from 1900-01-01 --to 2999-12-31 --grain day, saying what is allowed', () => {
      expect(period('1900-01-01', '2999-12-31', 'day')).toEqual({
        ok: false,
        reason:
          '--from 1900-01-01 is outside the dates Yardstick reads: a period must lie between 2000-01-01 and 2026-12-04 (a year after today)',
      });
    });

    it('allows 2000-01-01 to a year after today, and not a day beyond either', () => {
      expect(period('2000-01-01', '2026-12-04')).toMatchObject({ ok: true });
      expect(period('1999-12-31', '2025-01-31')).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/^--from 1999-12-31 is outside/),
      });
      expect(period('2025-01-01', '2026-12-05')).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/^--to 2026-12-05 is outside/),
      });
    });

    it('allows 3,660 buckets and refuses 3,661', () => {
      // 2010-01-01..2019-12-31 is 10 × 365 + 2 leap days = 3,652 days; 8 more into 2020 make 3,660.
      expect(period('2010-01-01', '2020-01-08', 'day')).toMatchObject({ ok: true });
      expect(period('2010-01-01', '2020-01-09', 'day')).toEqual({
        ok: false,
        reason:
          '--grain day from 2010-01-01 to 2020-01-09 makes 3,661 buckets, more than the 3,660 a report may have (ten years of days); choose a coarser --grain or a shorter period',
      });
      // The whole window at any coarser grain is well inside the bound.
      expect(period('2000-01-01', '2026-12-04', 'week')).toMatchObject({ ok: true });
    });
  });

  it('shows help when asked, and refuses to run without a command', () => {
    expect(parseArgs(['--help'])).toEqual({ ok: true, command: 'help' });
    expect(parseArgs([])).toMatchObject({ ok: false, reason: expect.stringMatching(/no command/) });
    expect(parseArgs(['report', '--help'])).toEqual({ ok: true, command: 'help' });
  });

  it('takes --memory-limit as a size of at least 1.5GiB, for the native engine only', () => {
    const given = (size: string, engine = 'native') => parseArgs([...base, '--engine', engine, '--memory-limit', size]);
    for (const size of ['3GB', '2.5GiB', '1700MB', '1536 mib', '0.002TB'])
      expect(given(size)).toMatchObject({ ok: true, args: { memoryLimit: size } });
    expect(parseArgs(base)).toMatchObject({ ok: true, args: { memoryLimit: null } });
    for (const size of ['3', 'lots', '3 bananas', '-1GB', '1.GB', '2GiBs'])
      expect(given(size)).toEqual({
        ok: false,
        reason: `--memory-limit "${size}" must be a size such as 3GB, 2.5GiB or 1700MB`,
      });
    // 1.5 GiB = 1,610,612,736 bytes: 1,610 MB is just below it, 1.5GB (1,500,000,000) too.
    for (const size of ['1610MB', '1.5GB', '512MiB'])
      expect(given(size)).toEqual({
        ok: false,
        reason: `--memory-limit "${size}" is below 1.5GiB, the least that loads a file (the CSV reader alone reserves 1 GiB)`,
      });
    expect(given('1611MB')).toMatchObject({ ok: true });
    expect(given('3GB', 'wasm')).toEqual({
      ok: false,
      reason: '--memory-limit applies to --engine native (DuckDB in this process, reading files)',
    });
  });
});
