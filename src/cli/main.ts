import { writeFile } from 'node:fs/promises';
import { parseArgs, USAGE } from './args';
import { UsageError } from './errors';
import { renderReport } from './format';
import { buildReport } from './run-report';
import { buildClickHouseReport, clickHouseChoice, runLoad, ServerFailure, type ClickHouseChoice } from './clickhouse';
import { hasCriticalOn } from '../metrics/alerts';

/** `--check` found a critical alert on the period's last day. */
export const CHECK_FAILED = 3;

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
 * Returns the exit status: 0 success, 2 bad arguments or input, 1 anything else, 3 `--check` found a
 * critical alert on the period's last day.
 */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let choice: ClickHouseChoice | null;
  try {
    choice = clickHouseChoice(argv);
  } catch (e) {
    io.stderr(`yardstick: ${(e as Error).message}`);
    return 2;
  }
  const parsed = parseArgs(choice ? choice.argv : argv);
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
    if (choice?.command === 'load') {
      await runLoad(choice, args, progress, io.stderr);
      progress('Loaded.');
      return 0;
    }
    const report = choice
      ? await buildClickHouseReport(choice, args, progress, io.stderr)
      : await buildReport(args, progress, io.stderr);
    const text = renderReport(report, args.format);
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
    if (args.check && hasCriticalOn(report.alerts, args.period.to)) {
      const critical = report.alerts.filter((a) => a.severity === 'critical' && a.date === args.period.to);
      io.stderr(
        `yardstick: ${critical.length} critical alert(s) on ${args.period.to}: ${critical.map((a) => `${a.kind} ${a.metric ?? a.sku}`).join(', ')}`,
      );
      return CHECK_FAILED;
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`yardstick: ${oneLine(e.message)}`);
      return 2;
    }
    if (e instanceof ServerFailure) {
      io.stderr(`yardstick: ${oneLine(e.message)}`);
      return 1;
    }
    io.stderr(`yardstick: unexpected failure: ${oneLine(e instanceof Error ? e.message : String(e))}`);
    return 1;
  }
}
