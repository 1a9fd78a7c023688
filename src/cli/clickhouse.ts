import type { Engine } from '../engine/engine';
import { createNativeEngine } from '../engine/native';
import { MixedCurrencyError } from '../metrics/context';
import { dataQualityFrom } from '../metrics/data-quality';
import { rebuildDerived } from '../metrics/derived';
import { computeReport, type TargetsHook } from '../metrics/report';
import type { ReportJson } from '../metrics/report-types';
import { CORE_TABLES, OPERATIONS_TABLES } from '../model/tables';
import type { ReportArgs } from './args';
import { UsageError } from './errors';
import { loadFiles, type Progress } from './run-report';
import { readTargets, targetsHook } from './targets';

/** `--engine chdb` (ClickHouse in this process, on local files) or `--engine clickhouse --url URL` (a server). */
export interface ClickHouseChoice {
  command: 'report' | 'load';
  engine: 'chdb' | 'clickhouse';
  url: string | null;
  /** The arguments left for the report's parser. */
  argv: string[];
}

const TABLES = [...CORE_TABLES, ...OPERATIONS_TABLES];
// A server's report reads the tables already there: the report's parser still checks the rest.
const NO_FILES = ['--orders', '(on the server)'];
// A load has no period: the parser's one is a placeholder, unused.
const NO_PERIOD = ['--from', '2000-01-01', '--to', '2000-01-01'];

/** Takes `--engine chdb|clickhouse` and `--url` out of the arguments; null for the DuckDB engines. */
export function clickHouseChoice(argv: readonly string[]): ClickHouseChoice | null {
  // Help is the report parser's to give, whatever else is on the line.
  if (argv.some((t) => t === '--help' || t === '-h')) return null;
  const rest: string[] = [];
  let engine: string | null = null;
  let url: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    const [name, inline] = token.startsWith('--') && token.includes('=') ? token.split(/=(.*)/s) : [token, undefined];
    if (name === '--engine' || name === '--url') {
      const value = inline ?? argv[++i] ?? '';
      if (name === '--engine') engine = value;
      else url = value;
    } else rest.push(token);
  }
  const command = rest[0];
  if (command === 'load' && engine !== 'clickhouse')
    throw new UsageError(
      'load writes to a ClickHouse server: yardstick load --engine clickhouse --url URL --orders FILE…',
    );
  if (engine !== 'chdb' && engine !== 'clickhouse') {
    if (url !== null) throw new UsageError('--url is for --engine clickhouse');
    return null;
  }
  if (engine === 'clickhouse' && url === null)
    throw new UsageError('--engine clickhouse needs --url URL (e.g. https://host:8443)');
  if (engine === 'chdb' && url !== null) throw new UsageError('--engine chdb reads local files and takes no --url');
  if (command === 'load') return { command, engine, url, argv: ['report', ...rest.slice(1), ...NO_PERIOD] };
  const hasFiles = rest.some((t) => t === '--orders' || t.startsWith('--orders='));
  if (engine === 'clickhouse' && hasFiles)
    throw new UsageError(
      "a server report reads the server's tables: load files first with yardstick load --engine clickhouse",
    );
  return { command: 'report', engine, url, argv: engine === 'clickhouse' ? [...rest, ...NO_FILES] : rest };
}

async function clickHouseModule() {
  try {
    return await import('../../packages/clickhouse/src/index');
  } catch (e) {
    throw new Error(
      `the ClickHouse engine is not installed (run: npm run clickhouse:install): ${(e as Error).message.split('\n')[0]}`,
      { cause: e },
    );
  }
}

/** A server failure (wrong URL or password…) as the one line the CLI prints. */
function serverFailure(e: unknown): never {
  if (e instanceof Error && e.name === 'ServerError') throw new ServerFailure(e.message);
  throw e;
}

/** Exit 1 with this line, not as an unexpected failure. */
export class ServerFailure extends Error {}

/** The DuckDB import of the given files: the same recognition, rejects and reports as `report`. */
async function importFiles(
  args: ReportArgs,
  progress: Progress,
  warn: Progress,
): Promise<[Engine, Awaited<ReturnType<typeof loadFiles>>]> {
  const duck = await createNativeEngine();
  try {
    return [duck, await loadFiles(duck, args, progress, warn)];
  } catch (e) {
    await duck.close();
    throw e;
  }
}

/** `yardstick load --engine clickhouse --url URL …`: the files, imported, written to the server. */
export async function runLoad(
  choice: ClickHouseChoice,
  args: ReportArgs,
  progress: Progress,
  warn: Progress,
): Promise<void> {
  const ch = await clickHouseModule();
  const target = await ch.connectServer(choice.url as string).catch(serverFailure);
  try {
    const [duck] = await importFiles(args, progress, warn);
    try {
      progress(`Writing to ClickHouse…`);
      await ch.loadIntoClickHouse(duck, target, TABLES, progress).catch((e: unknown) => {
        if (e instanceof ch.ForeignTableError) throw new ServerFailure(e.message);
        return serverFailure(e);
      });
    } finally {
      await duck.close();
    }
    progress('Building the derived tables on ClickHouse…');
    await ch.buildDerived(target.engine, TABLES).catch(serverFailure);
  } finally {
    await target.engine.close();
  }
}

/** `report --engine chdb` (local files through ClickHouse in process) or `--engine clickhouse --url` (the server's tables). */
export async function buildClickHouseReport(
  choice: ClickHouseChoice,
  args: ReportArgs,
  progress: Progress,
  warn: Progress,
): Promise<ReportJson> {
  const targetsFile = args.targets === null ? null : await readTargets(args.targets);
  const ch = await clickHouseModule();
  let engine: Engine;
  let reports: Awaited<ReturnType<typeof loadFiles>> = [];
  if (choice.engine === 'chdb') {
    const [duck, loaded] = await importFiles(args, progress, warn);
    reports = loaded;
    engine = ch.createChdbEngine();
    try {
      await ch.copyCanonicalTables(duck, engine, TABLES);
    } finally {
      await duck.close();
    }
    // As the DuckDB report does after its load: rollups and per-customer tables, read instead of orders.
    progress('Building the derived tables…');
    await rebuildDerived(engine);
  } else {
    engine = (await ch.connectServer(choice.url as string).catch(serverFailure)).engine;
    await ch.prepareTables(engine, TABLES).catch(async (e: unknown) => {
      await engine.close();
      if (e instanceof ch.ForeignTableError) throw new ServerFailure(e.message);
      return serverFailure(e);
    });
    // Those the last load built, when the tables are still as they were; a user who may not write
    // gets the report from the canonical tables (same numbers, slower).
    const derived = await ch.useDerived(engine, TABLES).catch((e: unknown) => {
      progress(
        `Note: reading the canonical tables, the derived tables could not be built (${(e as Error).message.split('\n')[0]})`,
      );
      return null;
    });
    if (derived === 'built')
      progress('Built the derived tables on ClickHouse (the tables changed since the last load built them)');
  }
  try {
    const hook: TargetsHook | undefined = targetsFile ? targetsHook(targetsFile) : undefined;
    progress('Computing the report…');
    return await computeReport(engine, {
      period: args.period,
      compare: args.compare,
      grain: args.grain,
      filters: args.filters,
      slaMinutes: args.slaMinutes,
      dataQuality: dataQualityFrom(reports),
      ...(hook ? { targets: hook } : {}),
      onNotice: (m) => progress(`Note: ${m}`),
    }).catch((e: unknown) => {
      if (e instanceof MixedCurrencyError)
        throw new UsageError(`${e.message} with --currency ${e.currencies[0] ?? 'CODE'}`);
      return serverFailure(e);
    });
  } finally {
    await engine.close();
  }
}
