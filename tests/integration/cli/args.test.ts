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

  it('shows help when asked, and refuses to run without a command', () => {
    expect(parseArgs(['--help'])).toEqual({ ok: true, command: 'help' });
    expect(parseArgs([])).toMatchObject({ ok: false, reason: expect.stringMatching(/no command/) });
    expect(parseArgs(['report', '--help'])).toEqual({ ok: true, command: 'help' });
  });
});
