import { describe, expect, it } from 'vitest';
import { parseArgs, USAGE } from '../../../src/cli/args';
import { main } from '../../../src/cli/main';

/** Issue 20: `yardstick --help` says how to reach ClickHouse, and where its credentials come from. */
async function help(argv: string[]): Promise<{ status: number; out: string }> {
  let out = '';
  const status = await main(argv, {
    stdout: async (text: string) => {
      out += text;
    },
    stderr: () => undefined,
  });
  return { status, out };
}

describe('yardstick --help', () => {
  it('names the ClickHouse engines, --url and the credential variables', () => {
    for (const name of [
      '--engine wasm|native|chdb',
      '--engine clickhouse --url URL',
      'yardstick load --engine clickhouse',
      'CLICKHOUSE_USER',
      'CLICKHOUSE_PASSWORD',
      'https://',
    ])
      expect(USAGE).toContain(name);
  });

  it.each([[['--help']], [['report', '--help']], [['report', '--engine', 'chdb', '--help']], [['load', '--help']]])(
    '%j prints it and exits 0',
    async (argv) => {
      expect(await help(argv)).toEqual({ status: 0, out: `${USAGE}\n` });
    },
  );

  it('load --help is help, not an unknown command', () => {
    expect(parseArgs(['load', '--help'])).toEqual({ ok: true, command: 'help' });
  });
});
