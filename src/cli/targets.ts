import { readFile } from 'node:fs/promises';
import { engineMetricSource } from '../metrics/metric-source';
import type { TargetsHook } from '../metrics/report';
import { evaluateTargets, toReportTargetRow } from '../targets/evaluate';
import { parseTargetsText } from '../targets/schema';
import type { TargetsFile } from '../targets/schema';
import { UsageError } from './errors';

/** Reads and checks a targets file; any problem is a usage error naming the file, target and field. */
export async function readTargets(path: string): Promise<TargetsFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      `${path}: ${code === 'ENOENT' ? 'file not found' : (e as Error).message} (given as --targets)`,
    );
  }
  const parsed = parseTargetsText(text);
  if (parsed.ok) return parsed.file;
  const [first] = parsed.errors;
  const where = first ? [first.target ? `target ${first.target}` : null, first.field].filter(Boolean).join(', ') : '';
  const more = parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more problems)` : '';
  throw new UsageError(`${path}: ${where}: ${first?.message ?? 'not a targets file'}${more}`);
}

/** Evaluates each target over its own period and filters, with the report's currency where a target names none. */
export function targetsHook(file: TargetsFile): TargetsHook {
  return async ({ engine, description, currency, slaMinutes, roles }) => {
    const source = engineMetricSource(engine, { defaultCurrency: currency, description, slaMinutes, roles });
    return (await evaluateTargets(file, source)).map(toReportTargetRow);
  };
}
