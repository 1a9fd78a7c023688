import { openAsBlob } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Engine } from '../engine/engine';
import { createNativeEngine } from '../engine/native';
import { createNodeWasmEngine } from '../engine/node';
import { GunzipLimitError } from '../ingest/decode';
import { ensureTables, importFile } from '../ingest/import';
import { readingNotes } from '../ingest/report';
import { ImportError, type ImportProgress, type LoadReport } from '../ingest/types';
import { MixedCurrencyError } from '../metrics/context';
import { dataQualityFrom } from '../metrics/data-quality';
import { rebuildDerived } from '../metrics/derived';
import { unknownSkus } from '../metrics/queries/products';
import { computeReport, type TargetsHook } from '../metrics/report';
import type { ReportJson } from '../metrics/report-types';
import { OPERATIONS_TABLES, type TableName } from '../model/tables';
import { OPERATIONS_FLAGS, type ReportArgs } from './args';
import { UsageError } from './errors';
import { expandInput } from './expand-inputs';
import { readTargets, targetsHook } from './targets';

export type Progress = (line: string) => void;

/**
 * One input file for the engine. Native DuckDB reads a file: it gets a Blob backed by the file,
 * which the import reads in slices and streams to the engine's folder, so a 10M-order export is
 * never held whole in Node's memory (issue 17). DuckDB-WASM reads registered files from memory:
 * it gets the bytes (a Blob would only add copies on the way).
 */
async function openInput(engine: Engine, path: string, role: string): Promise<Uint8Array | Blob> {
  const refuse = (why: string) => new UsageError(`${path}: ${why} (given as ${role})`);
  try {
    if ((await stat(path)).isDirectory()) throw refuse('is a folder, not a file');
    return engine.kind === 'wasm-node' ? new Uint8Array(await readFile(path)) : await openAsBlob(path);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw refuse(code === 'ENOENT' ? 'file not found' : (e as Error).message);
  }
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

function throttled(progress: Progress, file: string): (p: ImportProgress) => void {
  let last = Date.now();
  return (p) => {
    const now = Date.now();
    if (now - last < 2000) return;
    last = now;
    const share = p.totalBytes > 0 ? ` ${Math.round((100 * p.bytes) / p.totalBytes)} %` : '';
    progress(`  ${file}: ${p.phase}${share}${p.rows !== undefined ? `, ${p.rows} rows` : ''}`);
  };
}

/**
 * Loads every file into its table, in the order given; a file that cannot be used stops the
 * run (exit 2). Each file's reading decisions and warnings go to `warn` (stderr even with
 * --quiet: they can change what the numbers mean).
 */
export async function loadFiles(
  engine: Engine,
  args: ReportArgs,
  progress: Progress,
  warn: Progress = progress,
): Promise<LoadReport[]> {
  await ensureTables(engine);
  const plan: [TableName, string[], string][] = [
    ['orders', args.orders, '--orders'],
    ['order_items', args.orderItems, '--order-items'],
    ['traffic', args.traffic, '--traffic'],
    ['users', args.users, '--users'],
    ...OPERATIONS_TABLES.map((t): [TableName, string[], string] => [t, args.operations[t], `--${OPERATIONS_FLAGS[t]}`]),
  ];
  const reports: LoadReport[] = [];
  for (const [table, given, flag] of plan) {
    const files: string[] = [];
    for (const arg of given) files.push(...(await expandInput(arg, flag)));
    for (const path of files) {
      const data = await openInput(engine, path, flag);
      const started = Date.now();
      progress(`Loading ${path} (${mb(data instanceof Blob ? data.size : data.byteLength)}) into ${table}…`);
      try {
        const report = await importFile(
          engine,
          { name: path, data },
          { table, onProgress: throttled(progress, path), gunzipLimit: args.gunzipLimit, ...args.reading },
        );
        reports.push(report);
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        progress(
          `  ${report.rowsLoaded} rows loaded, ${report.rowsRejected} rejected, ${report.duplicates} duplicates (${report.source}, ${seconds} s)`,
        );
        for (const note of readingNotes(report)) warn(`Warning: ${path}: ${note}`);
      } catch (e) {
        if (e instanceof GunzipLimitError)
          throw new UsageError(`${e.message} If the file is genuine, allow more with --max-gzip-ratio N.`);
        if (e instanceof ImportError) throw new UsageError(e.message.replace(/\s*\n\s*/g, ' '));
        throw e;
      }
    }
  }
  return reports;
}

export async function createEngine(args: Pick<ReportArgs, 'engine' | 'memoryLimit'>): Promise<Engine> {
  return args.engine === 'native'
    ? createNativeEngine(args.memoryLimit === null ? {} : { memoryLimit: args.memoryLimit })
    : createNodeWasmEngine();
}

/** The whole `report` run: load, build derived tables, compute; the engine is closed whatever happens. */
export async function buildReport(
  args: ReportArgs,
  progress: Progress,
  warn: Progress = progress,
): Promise<ReportJson> {
  const targetsFile = args.targets === null ? null : await readTargets(args.targets);
  const engine = await createEngine(args);
  try {
    const reports = await loadFiles(engine, args, progress, warn);
    await rebuildDerived(engine);
    const hook: TargetsHook | undefined = targetsFile ? targetsHook(targetsFile) : undefined;
    const roles = targetsFile?.sku_roles ?? {};
    for (const sku of await unknownSkus(engine, Object.keys(roles)))
      warn(
        `Warning: ${args.targets}: sku_roles.${sku}: no SKU ${sku} in the products or the order items; its role applies to nothing`,
      );
    progress('Computing the report…');
    try {
      return await computeReport(engine, {
        period: args.period,
        compare: args.compare,
        grain: args.grain,
        filters: args.filters,
        slaMinutes: args.slaMinutes,
        dataQuality: dataQualityFrom(reports),
        ...(hook ? { targets: hook } : {}),
        roles,
        campaigns: targetsFile?.campaigns ?? [],
        onNotice: (m) => progress(`Note: ${m}`),
      });
    } catch (e) {
      if (e instanceof MixedCurrencyError) {
        throw new UsageError(`${args.orders.join(', ')}: ${e.message} with --currency ${e.currencies[0] ?? 'CODE'}`);
      }
      throw e;
    }
  } finally {
    await engine.close();
  }
}
