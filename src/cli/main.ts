import { writeFile } from 'node:fs/promises';
import { parseArgs, USAGE } from './args';
import { UsageError } from './errors';
import { renderReport } from './format';
import { buildReport } from './run-report';

export interface Io {
  stdout: (text: string) => Promise<void>;
  stderr: (line: string) => void;
}

const processIo: Io = {
  stdout: (text) => new Promise((resolve, reject) => process.stdout.write(text, (e) => (e ? reject(e) : resolve()))),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

const oneLine = (message: string) => message.replace(/\s*\n\s*/g, ' ').trim();

/**
 * `yardstick report …`: the report on stdout (or in --out), progress and errors on stderr.
 * Returns the exit status: 0 success, 2 bad arguments or input, 1 anything else.
 */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr(`yardstick: ${parsed.reason}`);
    io.stderr('Run "yardstick --help" for usage.');
    return 2;
  }
  if (parsed.command === 'help') {
    await io.stdout(`${USAGE}\n`);
    return 0;
  }
  const { args } = parsed;
  const progress = args.quiet ? () => undefined : io.stderr;
  try {
    const text = renderReport(await buildReport(args, progress, io.stderr), args.format);
    if (args.out !== null) {
      try {
        await writeFile(args.out, text);
      } catch (e) {
        throw new UsageError(`${args.out}: cannot write the report (${(e as Error).message})`);
      }
      progress(`Report written to ${args.out}`);
    } else {
      await io.stdout(text);
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`yardstick: ${oneLine(e.message)}`);
      return 2;
    }
    io.stderr(`yardstick: unexpected failure: ${oneLine(e instanceof Error ? e.message : String(e))}`);
    return 1;
  }
}
