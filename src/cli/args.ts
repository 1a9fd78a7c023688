import type { ReportFormat } from './format';
import { OPERATIONS_TABLES, type OperationsTable } from '../model/tables';
import { COMPARISON_MODES, GRAINS, isDay, type ComparisonMode, type Grain, type Period } from '../metrics/periods';
import type { Filters } from '../metrics/filters';
import { DEFAULT_GUNZIP_LIMIT, type GunzipLimit } from '../ingest/decode';
import type { DateOrder, DecimalStyle } from '../ingest/types';
import { periodRefusal } from './period-bounds';

export const ENGINES = ['wasm', 'native'] as const;
export type EngineChoice = (typeof ENGINES)[number];

/** Everything `yardstick report` was asked to do. */
export interface ReportArgs {
  orders: string[];
  orderItems: string[];
  traffic: string[];
  users: string[];
  /** The optional operations tables (DATA.md "Operations tables"), by table. */
  operations: Record<OperationsTable, string[]>;
  period: Period;
  compare: ComparisonMode;
  grain: Grain;
  targets: string | null;
  engine: EngineChoice;
  format: ReportFormat;
  out: string | null;
  filters: Filters;
  quiet: boolean;
  /** `--check`: exit 3 when a critical alert falls on the period's last day, so cron or CI can page someone. */
  check: boolean;
  /** How far a gzip input may expand (`--max-gzip-ratio`; the floor stays DEFAULT_GUNZIP_LIMIT's). */
  gunzipLimit: GunzipLimit;
  /** Reading decisions the user makes instead of the data (`--date-order`, `--decimal`). */
  reading: { dateOrder?: DateOrder; decimal?: DecimalStyle };
  /** `--sla MINUTES`: the first-response service level of the service section (default 60). */
  slaMinutes: number;
  /** `--memory-limit SIZE` (native only): DuckDB's memory limit, past which it spills to a temporary folder. */
  memoryLimit: string | null;
}

export type ParsedArgs =
  { ok: true; command: 'report'; args: ReportArgs } | { ok: true; command: 'help' } | { ok: false; reason: string };

export const USAGE = `Usage: yardstick report --orders FILE… [--traffic FILE…] [--users FILE…] [--order-items FILE…]
                        [--products FILE…] [--inventory FILE…] [--spend FILE…] [--campaigns FILE…]
                        [--tickets FILE…] [--reviews FILE…]
                        --from YYYY-MM-DD --to YYYY-MM-DD
                        [--sla MINUTES] [--compare previous|yoy|none] [--grain day|week|month|quarter|year]
                        [--targets FILE] [--engine wasm|native|chdb] [--json | --format md|html|csv|json]
                        [--out FILE] [--currency CODE]
                        [--channel V…] [--category V…] [--region V…] [--device V…] [--campaign V…] [--quiet]
                        [--date-order dmy|mdy] [--decimal point|comma] [--max-gzip-ratio N] [--check]
                        [--memory-limit SIZE]
       yardstick report --engine clickhouse --url URL --from YYYY-MM-DD --to YYYY-MM-DD [the options above]
       yardstick load --engine clickhouse --url URL --orders FILE… [the other file flags]

Engines: wasm (default) and native are DuckDB in this process; chdb is ClickHouse in this process
on the same local files; clickhouse is a ClickHouse server at --url (http://host:8123, or https://
for TLS): load writes the files into its tables, report reads them. chdb and clickhouse need
"npm run clickhouse:install" once. The server's user and password come from the environment
variables CLICKHOUSE_USER (default: default) and CLICKHOUSE_PASSWORD, never from the command line.

--memory-limit SIZE (with --engine native) caps DuckDB's memory (at least 1.5GiB), e.g. 3GB; past it DuckDB
works through a temporary folder: slower, but a large export fits a small machine.

A flag that takes files or values takes one or more of them and may be repeated.
A FILE may be a folder (every file in it, by name) or a pattern such as 'exports/orders-2025-*.csv'.
A period lies between 2000-01-01 and a year after today; a series has at most 3,660 buckets.
Exit status: 0 on success, 2 on bad arguments or input (the reason on stderr), 1 on anything else;
with --check, 3 when a critical alert falls on the period's last day (the report is still written).`;

/** The flag that loads each operations table. */
export const OPERATIONS_FLAGS: Record<OperationsTable, string> = {
  products: 'products',
  inventory: 'inventory',
  marketing_spend: 'spend',
  campaigns: 'campaigns',
  service_tickets: 'tickets',
  reviews: 'reviews',
};

const MULTI = [
  'orders',
  'order-items',
  'traffic',
  'users',
  'products',
  'inventory',
  'spend',
  'campaigns',
  'tickets',
  'reviews',
  'channel',
  'category',
  'region',
  'device',
  'campaign',
] as const;
const SINGLE = [
  'from',
  'to',
  'compare',
  'grain',
  'targets',
  'engine',
  'format',
  'out',
  'currency',
  'date-order',
  'decimal',
  'max-gzip-ratio',
  'sla',
  'memory-limit',
] as const;
const SWITCHES = ['json', 'quiet', 'help', 'check'] as const;
type Multi = (typeof MULTI)[number];
type Single = (typeof SINGLE)[number];
type Switch = (typeof SWITCHES)[number];

const isFlag = (token: string) => token.startsWith('--');
/** A size DuckDB's memory_limit takes: a number and a unit of 1000^i (KB…TB) or 1024^i (KiB…TiB) bytes. */
const MEMORY_SIZE = /^(\d+(?:\.\d+)?)\s*([KMGT])(i?)B$/i;
/**
 * The least --memory-limit taken: DuckDB's CSV reader reserves a 1 GiB buffer (16 × the 64 MB
 * longest line, raw.ts), so a smaller limit fails every load with "Out of Memory".
 */
const MIN_MEMORY_BYTES = 1.5 * 2 ** 30;

function memoryBytes(size: string): number | null {
  const m = MEMORY_SIZE.exec(size);
  if (!m) return null;
  const power = 'KMGT'.indexOf(m[2]!.toUpperCase()) + 1;
  return Number(m[1]) * (m[3] ? 1024 : 1000) ** power;
}
const FORMATS: readonly ReportFormat[] = ['md', 'html', 'csv', 'json'];

/**
 * Parses `report …` arguments: `--flag value`, `--flag=value`, and several values after a
 * multi-value flag. `today` decides the latest period allowed (see period-bounds.ts).
 */
export function parseArgs(argv: readonly string[], today: Date = new Date()): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined) return { ok: false, reason: 'no command given; the command is: yardstick report …' };
  if (command === '--help' || command === '-h' || command === 'help') return { ok: true, command: 'help' };
  if (command === 'load' && rest.some((t) => t === '--help' || t === '-h')) return { ok: true, command: 'help' };
  if (command !== 'report')
    return { ok: false, reason: `unknown command "${command}"; the command is: yardstick report …` };

  const multi = new Map<Multi, string[]>();
  const single = new Map<Single, string>();
  const switches = new Set<Switch>();
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i] as string;
    if (!isFlag(token))
      return { ok: false, reason: `unexpected argument "${token}" (values follow a flag such as --orders)` };
    const eq = token.indexOf('=');
    const name = token.slice(2, eq === -1 ? undefined : eq);
    const inline = eq === -1 ? undefined : token.slice(eq + 1);
    if ((SWITCHES as readonly string[]).includes(name)) {
      if (inline !== undefined) return { ok: false, reason: `--${name} takes no value` };
      switches.add(name as Switch);
    } else if ((MULTI as readonly string[]).includes(name)) {
      const values: string[] = [];
      if (inline !== undefined && inline !== '') values.push(inline);
      else if (inline === undefined)
        while (i + 1 < rest.length && !isFlag(rest[i + 1] as string)) values.push(rest[++i] as string);
      if (values.length === 0) return { ok: false, reason: `--${name} needs at least one value` };
      multi.set(name as Multi, [...(multi.get(name as Multi) ?? []), ...values]);
    } else if ((SINGLE as readonly string[]).includes(name)) {
      const value = inline ?? (i + 1 < rest.length && !isFlag(rest[i + 1] as string) ? rest[++i] : undefined);
      if (value === undefined || value === '') return { ok: false, reason: `--${name} needs a value` };
      if (single.has(name as Single)) return { ok: false, reason: `--${name} given twice` };
      single.set(name as Single, value);
    } else {
      return { ok: false, reason: `unknown option --${name}` };
    }
  }
  if (switches.has('help')) return { ok: true, command: 'help' };

  const orders = multi.get('orders') ?? [];
  if (orders.length === 0) return { ok: false, reason: '--orders FILE… is required' };
  const from = single.get('from');
  const to = single.get('to');
  if (from === undefined || to === undefined) return { ok: false, reason: '--from and --to are required (YYYY-MM-DD)' };
  for (const [flag, day] of [
    ['--from', from],
    ['--to', to],
  ] as const) {
    if (!isDay(day)) return { ok: false, reason: `${flag} "${day}" is not a date (expected YYYY-MM-DD)` };
  }
  if (from > to) return { ok: false, reason: `--from ${from} is after --to ${to}` };

  const compare = single.get('compare') ?? 'previous';
  if (!(COMPARISON_MODES as readonly string[]).includes(compare)) {
    return { ok: false, reason: `--compare "${compare}" must be one of ${COMPARISON_MODES.join(', ')}` };
  }
  const grain = single.get('grain') ?? 'month';
  if (!(GRAINS as readonly string[]).includes(grain))
    return { ok: false, reason: `--grain "${grain}" must be one of ${GRAINS.join(', ')}` };
  const refusal = periodRefusal({ from, to }, grain as Grain, today);
  if (refusal !== null) return { ok: false, reason: refusal };
  const engine = single.get('engine') ?? 'wasm';
  if (!(ENGINES as readonly string[]).includes(engine))
    return { ok: false, reason: `--engine "${engine}" must be wasm or native` };

  const formatFlag = single.get('format');
  if (formatFlag !== undefined && !(FORMATS as readonly string[]).includes(formatFlag)) {
    return { ok: false, reason: `--format "${formatFlag}" must be md, html, csv or json` };
  }
  if (switches.has('json') && formatFlag !== undefined && formatFlag !== 'json') {
    return { ok: false, reason: `--json and --format ${formatFlag} contradict each other` };
  }
  const format: ReportFormat = switches.has('json') ? 'json' : ((formatFlag as ReportFormat | undefined) ?? 'md');

  const filters: Filters = {};
  for (const dim of ['channel', 'category', 'region', 'device', 'campaign'] as const) {
    const values = (multi.get(dim) ?? [])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v !== '');
    if (values.length) filters[dim] = values;
  }
  const currency = single.get('currency');
  if (currency !== undefined) filters.currency = currency.trim();

  const ratioFlag = single.get('max-gzip-ratio');
  const ratio = ratioFlag === undefined ? DEFAULT_GUNZIP_LIMIT.ratio : Number(ratioFlag);
  if (!Number.isFinite(ratio) || ratio < 1)
    return { ok: false, reason: `--max-gzip-ratio "${ratioFlag}" must be a number of at least 1` };

  const slaFlag = single.get('sla');
  const slaMinutes = slaFlag === undefined ? 60 : Number(slaFlag);
  if (!Number.isFinite(slaMinutes) || slaMinutes <= 0)
    return { ok: false, reason: `--sla "${slaFlag}" must be a number of minutes above 0` };

  const reading: ReportArgs['reading'] = {};
  const dateOrder = single.get('date-order');
  if (dateOrder !== undefined) {
    if (dateOrder !== 'dmy' && dateOrder !== 'mdy')
      return { ok: false, reason: `--date-order "${dateOrder}" must be dmy (day first) or mdy (month first)` };
    reading.dateOrder = dateOrder;
  }
  const decimal = single.get('decimal');
  if (decimal !== undefined) {
    if (decimal !== 'point' && decimal !== 'comma')
      return { ok: false, reason: `--decimal "${decimal}" must be point (1,234.50) or comma (1.234,50)` };
    reading.decimal = decimal === 'point' ? 'dot' : 'comma';
  }

  const memoryLimit = single.get('memory-limit') ?? null;
  if (memoryLimit !== null) {
    const bytes = memoryBytes(memoryLimit);
    if (bytes === null)
      return { ok: false, reason: `--memory-limit "${memoryLimit}" must be a size such as 3GB, 2.5GiB or 1700MB` };
    if (bytes < MIN_MEMORY_BYTES)
      return {
        ok: false,
        reason: `--memory-limit "${memoryLimit}" is below 1.5GiB, the least that loads a file (the CSV reader alone reserves 1 GiB)`,
      };
    if (engine !== 'native')
      return { ok: false, reason: '--memory-limit applies to --engine native (DuckDB in this process, reading files)' };
  }

  return {
    ok: true,
    command: 'report',
    args: {
      orders,
      orderItems: multi.get('order-items') ?? [],
      traffic: multi.get('traffic') ?? [],
      users: multi.get('users') ?? [],
      operations: Object.fromEntries(
        OPERATIONS_TABLES.map((t) => [t, multi.get(OPERATIONS_FLAGS[t] as Multi) ?? []]),
      ) as Record<OperationsTable, string[]>,
      period: { from, to },
      compare: compare as ComparisonMode,
      grain: grain as Grain,
      targets: single.get('targets') ?? null,
      engine: engine as EngineChoice,
      format,
      out: single.get('out') ?? null,
      filters,
      quiet: switches.has('quiet'),
      check: switches.has('check'),
      gunzipLimit: { ...DEFAULT_GUNZIP_LIMIT, ratio },
      reading,
      slaMinutes,
      memoryLimit,
    },
  };
}
