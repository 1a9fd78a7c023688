import { addDays, isIsoDate, type IsoDate, type Period } from './dates';
import { migrateFile } from './file-versions';
import { NonFiniteNumber, readJsonText } from './json-text';
import { filterableDimensions, isKpiId, isReportKpiId, KPI_FACTS, type Direction } from './metric-kinds';
import { fileVersionFor, isRawTree, milestonesJson } from './milestone-tree';
import { parsePlanSections, planSectionsJson, type PlannedCampaign, type SkuRoles } from './plan-sections';

/** How a target is spread over its period (METRICS.md "Targets"). */
export type Phasing = 'linear' | 'seasonal' | 'custom';
export const PHASINGS: readonly Phasing[] = ['linear', 'seasonal', 'custom'];

/** The `ladder` of a target: the level that must be reached, with an optional floor and stretch. */
export interface LadderSpec {
  floor?: number;
  target: number;
  stretch?: number;
}

/**
 * A consecutive rung ending on `to`. For additive metrics `target` is the rung's amount; for
 * ratio metrics it is the rung's level. Only custom phasing paces by milestones; with other
 * phasings they are kept as written.
 */
export interface Milestone {
  to: IsoDate;
  target: number;
  /** The rung's own floor and stretch (file version 2); without them they keep the ratio of the rung above. */
  floor?: number;
  stretch?: number;
}

/** A value entered by hand for one span of a check-in metric. */
export interface CheckInEntry {
  period: Period;
  value: number;
}

/**
 * A KPI the data files do not hold (brand mentions, satisfaction, response time): the user
 * enters a value per span. `sum` values add up over the period (paced like additive KPIs);
 * a `level` reads as its latest entry (paced like ratios; issue 18, item 10).
 */
export interface CheckIn {
  label: string;
  unit: string;
  aggregation: 'sum' | 'level';
  direction: Direction;
  entries: CheckInEntry[];
}

export type TargetFilters = Record<string, string[]>;

/** One target of the targets file (METRICS.md "Targets"). */
export interface Target {
  id: string;
  /** A KPI id, or the id of a check-in metric when `checkin` is set. */
  metric: string;
  period: Period;
  /** Empty when the file has none. */
  filters: TargetFilters;
  ladder: LadderSpec;
  phasing: Phasing;
  /** Empty when the file has none. With a ladder tree, the lower rungs (months). */
  milestones: Milestone[];
  /** A ladder tree's upper rungs (quarters), each ending where one of `milestones` ends (milestone-tree.ts). */
  groups?: Milestone[];
  owner?: string;
  why?: string;
  checkin?: CheckIn;
}

export interface TargetsFile {
  /** Written as the oldest version that holds the targets (`fileVersionFor`), whatever this says. */
  version: 1 | 2;
  targets: Target[];
  /** SKU roles set by the planner (plan-sections.ts); absent when none. */
  sku_roles?: SkuRoles;
  /** Campaigns added by the planner (plan-sections.ts); absent when none. */
  campaigns?: PlannedCampaign[];
}

/** A problem found in a targets file: which target (by id when it has one) and which field. */
export interface TargetsFileError {
  target?: string;
  field: string;
  message: string;
}

export type ParseTargetsResult = { ok: true; file: TargetsFile } | { ok: false; errors: TargetsFileError[] };

/** Amounts are compared to the cent: milestones may differ from the target by rounding only. */
const SUM_TOLERANCE = 0.005;
const CHECKIN_METRIC_ID = /^[a-z][a-z0-9_]*$/;

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value instanceof NonFiniteNumber) return value.describe();
  // JSON.stringify writes Infinity and NaN as null, which is not what the file held.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value);
}

/** What a number field expects, and what it found instead. */
function notANumber(value: unknown): string {
  return value instanceof NonFiniteNumber || typeof value === 'number'
    ? `must be a finite number, found ${show(value)}`
    : `must be a number, found ${show(value)}`;
}

/** Collects problems for one target, naming it by id once the id is known. */
class Problems {
  constructor(
    private readonly targetId: string | undefined,
    private readonly prefix: string,
    readonly list: TargetsFileError[] = [],
  ) {}

  /** The same list, with fields named inside `prefix` (a quarter's months). */
  within(prefix: string): Problems {
    return new Problems(this.targetId, this.prefix + prefix, this.list);
  }

  add(field: string, message: string): void {
    const located = this.prefix + field;
    this.list.push(
      this.targetId === undefined ? { field: located, message } : { target: this.targetId, field: located, message },
    );
  }
}

interface MetricView {
  kind: 'additive' | 'ratio';
  direction: Direction;
  isRate: boolean;
}

function parsePeriod(raw: unknown, field: string, problems: Problems): Period | undefined {
  if (!isRecord(raw)) {
    problems.add(field, `needs { "from": "YYYY-MM-DD", "to": "YYYY-MM-DD" }, found ${show(raw)}`);
    return undefined;
  }
  const { from, to } = raw;
  let valid = true;
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!isIsoDate(value)) {
      problems.add(`${field}.${name}`, `must be a calendar date written YYYY-MM-DD, found ${show(value)}`);
      valid = false;
    }
  }
  if (!valid || !isIsoDate(from) || !isIsoDate(to)) return undefined;
  if (to < from) {
    problems.add(`${field}.to`, `${to} is before ${field}.from ${from}`);
    return undefined;
  }
  return { from, to };
}

function parseLevel(
  value: unknown,
  field: string,
  view: MetricView,
  problems: Problems,
  allowZero: boolean,
): number | undefined {
  if (!isFiniteNumber(value)) {
    problems.add(field, notANumber(value));
    return undefined;
  }
  if (value < 0 || (!allowZero && value === 0)) {
    problems.add(field, allowZero ? `must not be negative, found ${value}` : `must be above 0, found ${value}`);
    return undefined;
  }
  if (view.isRate && value > 1) {
    problems.add(field, `rates are fractions (0.031 for 3.1 %), found ${value}`);
    return undefined;
  }
  return value;
}

function parseLadder(raw: unknown, view: MetricView, problems: Problems): LadderSpec | undefined {
  if (!isRecord(raw)) {
    problems.add('ladder', `needs { "target": number, "floor"?: number, "stretch"?: number }, found ${show(raw)}`);
    return undefined;
  }
  const target = parseLevel(raw['target'], 'ladder.target', view, problems, false);
  const floor = raw['floor'] === undefined ? undefined : parseLevel(raw['floor'], 'ladder.floor', view, problems, true);
  const stretch =
    raw['stretch'] === undefined ? undefined : parseLevel(raw['stretch'], 'ladder.stretch', view, problems, true);
  if (target === undefined) return undefined;
  const higher = view.direction === 'higher_is_better';
  const way = higher ? 'higher is better' : 'lower is better';
  if (floor !== undefined && (higher ? floor > target : floor < target)) {
    problems.add(
      'ladder.floor',
      `${floor} is ${higher ? 'above' : 'below'} the target ${target}; ${way}, so the floor must be ${higher ? 'at most' : 'at least'} the target`,
    );
  }
  if (stretch !== undefined && (higher ? stretch < target : stretch > target)) {
    problems.add(
      'ladder.stretch',
      `${stretch} is ${higher ? 'below' : 'above'} the target ${target}; ${way}, so the stretch must be ${higher ? 'at least' : 'at most'} the target`,
    );
  }
  const ladder: LadderSpec = { target };
  if (floor !== undefined) ladder.floor = floor;
  if (stretch !== undefined) ladder.stretch = stretch;
  return ladder;
}

function parseFilters(raw: unknown, metric: string, isCheckIn: boolean, problems: Problems): TargetFilters {
  if (raw === undefined) return {};
  if (!isRecord(raw)) {
    problems.add('filters', `needs { "dimension": ["value", …] }, found ${show(raw)}`);
    return {};
  }
  if (isCheckIn && Object.keys(raw).length > 0) {
    problems.add('filters', 'a check-in metric is entered by hand and cannot be filtered');
    return {};
  }
  const allowed = isKpiId(metric) ? filterableDimensions(metric) : [];
  const filters: TargetFilters = {};
  for (const [dimension, values] of Object.entries(raw)) {
    if (isKpiId(metric) && !allowed.includes(dimension)) {
      problems.add(
        `filters.${dimension}`,
        allowed.length === 0
          ? `${metric} cannot be filtered: it is computed over the whole shop`
          : `${metric} cannot be filtered by ${dimension}; it can by ${allowed.join(', ')}`,
      );
      continue;
    }
    if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === 'string' && v.length > 0)) {
      problems.add(`filters.${dimension}`, `needs a list of one or more values, found ${show(values)}`);
      continue;
    }
    if (dimension === 'currency' && values.length !== 1) {
      problems.add(
        'filters.currency',
        `money is never summed across currencies: give one currency, found ${show(values)}`,
      );
      continue;
    }
    filters[dimension] = values as string[];
  }
  return filters;
}

function parseMilestones(
  raw: unknown,
  period: Period | undefined,
  phasing: Phasing | undefined,
  ladder: LadderSpec | undefined,
  view: MetricView,
  problems: Problems,
  whole = 'ladder.target',
): Milestone[] {
  if (raw === undefined) {
    if (phasing === 'custom')
      problems.add('milestones', 'custom phasing needs milestones: a list of { "to", "target" }');
    return [];
  }
  if (!Array.isArray(raw)) {
    problems.add('milestones', `needs a list of { "to", "target" }, found ${show(raw)}`);
    return [];
  }
  if (phasing === 'custom' && raw.length === 0)
    problems.add('milestones', 'custom phasing needs at least one milestone');
  const milestones: Milestone[] = [];
  let previousTo: IsoDate | undefined;
  let complete = true;
  raw.forEach((item: unknown, index) => {
    const field = `milestones[${index}]`;
    if (!isRecord(item)) {
      problems.add(field, `needs { "to": "YYYY-MM-DD", "target": number }, found ${show(item)}`);
      complete = false;
      return;
    }
    const to = item['to'];
    const amount = parseLevel(item['target'], `${field}.target`, view, problems, view.kind === 'additive');
    if (!isIsoDate(to)) {
      problems.add(`${field}.to`, `must be a calendar date written YYYY-MM-DD, found ${show(to)}`);
      complete = false;
      return;
    }
    if (period !== undefined && (to < period.from || to > period.to)) {
      problems.add(`${field}.to`, `${to} is outside the period ${period.from}..${period.to}`);
      complete = false;
    } else if (previousTo !== undefined && to <= previousTo) {
      problems.add(`${field}.to`, `${to} must come after the previous milestone's ${previousTo}`);
      complete = false;
    }
    previousTo = to;
    if (amount === undefined) {
      complete = false;
      return;
    }
    milestones.push({ to, target: amount, ...parseRungBand(item, field, amount, view, problems) });
  });
  if (phasing !== 'custom' || !complete || period === undefined || milestones.length === 0) return milestones;
  const last = milestones[milestones.length - 1];
  if (last !== undefined && last.to !== period.to) {
    problems.add(
      `milestones[${milestones.length - 1}].to`,
      `the last milestone must end on the period's last day ${period.to}, not ${last.to}`,
    );
  }
  if (view.kind === 'additive' && ladder !== undefined) {
    const sum = milestones.reduce((total, milestone) => total + milestone.target, 0);
    if (Math.abs(sum - ladder.target) > SUM_TOLERANCE) {
      problems.add('milestones', `the milestones add up to ${roundForMessage(sum)}, but ${whole} is ${ladder.target}`);
    }
  }
  return milestones;
}

/** A rung's own floor and stretch, on the right side of its target for the metric's direction. */
function parseRungBand(
  item: Raw,
  field: string,
  target: number,
  view: MetricView,
  problems: Problems,
): Pick<Milestone, 'floor' | 'stretch'> {
  const band: Pick<Milestone, 'floor' | 'stretch'> = {};
  const higher = view.direction === 'higher_is_better';
  for (const key of ['floor', 'stretch'] as const) {
    if (item[key] === undefined) continue;
    const value = parseLevel(item[key], `${field}.${key}`, view, problems, true);
    if (value === undefined) continue;
    const below = (key === 'floor') === higher;
    if (below ? value > target : value < target) {
      problems.add(`${field}.${key}`, `${value} must be ${below ? 'at most' : 'at least'} the rung's target ${target}`);
      continue;
    }
    band[key] = value;
  }
  return band;
}

/**
 * A ladder tree: the upper rungs checked as milestones are, then each one's lower rungs as
 * custom milestones of its own span (consecutive, the last ending on its `to`, amounts adding
 * up to its amount). The lower rungs pace; the upper ones are returned as `groups`.
 */
function parseTree(
  raw: unknown[],
  period: Period | undefined,
  phasing: Phasing | undefined,
  ladder: LadderSpec | undefined,
  view: MetricView,
  problems: Problems,
): { milestones: Milestone[]; groups: Milestone[] } {
  const groups = parseMilestones(raw, period, phasing, ladder, view, problems);
  const milestones: Milestone[] = [];
  let from = period?.from;
  raw.forEach((item: unknown, index) => {
    const field = `milestones[${index}]`;
    const group = groups.find((g) => isRecord(item) && g.to === item['to']);
    const children = isRecord(item) ? item['milestones'] : undefined;
    if (!Array.isArray(children)) {
      problems.add(
        `${field}.milestones`,
        `in a ladder tree every rung lists its own milestones, found ${show(children)}`,
      );
    } else if (group !== undefined && from !== undefined && from <= group.to) {
      const span = { from, to: group.to };
      milestones.push(
        ...parseMilestones(
          children,
          span,
          'custom',
          { target: group.target },
          view,
          problems.within(`${field}.`),
          `${field}.target`,
        ),
      );
    }
    if (group !== undefined) from = addDays(group.to, 1);
  });
  return { milestones, groups };
}

function roundForMessage(value: number): number {
  return Math.round(value * 100) / 100;
}

function parseCheckIn(
  raw: unknown,
  metric: unknown,
  period: Period | undefined,
  problems: Problems,
): CheckIn | undefined {
  if (!isRecord(raw)) {
    problems.add('checkin', `needs { "label", "unit", "aggregation", "direction", "entries" }, found ${show(raw)}`);
    return undefined;
  }
  // An operations metric's id (csat …) stays free for a check-in: files from before it was computed keep loading.
  if (isReportKpiId(metric))
    problems.add('metric', `${metric} is a KPI of the data files; a check-in needs its own metric id`);
  else if (typeof metric !== 'string' || !CHECKIN_METRIC_ID.test(metric)) {
    problems.add('metric', `a check-in metric id is lower_snake_case, found ${show(metric)}`);
  }
  const { label, unit, aggregation, direction, entries } = raw;
  let valid = true;
  if (typeof label !== 'string' || label.trim() === '') {
    problems.add('checkin.label', `needs a name people recognise, found ${show(label)}`);
    valid = false;
  }
  if (unit !== undefined && typeof unit !== 'string') {
    problems.add('checkin.unit', `must be text such as "mentions" or "minutes", found ${show(unit)}`);
    valid = false;
  }
  if (aggregation !== 'sum' && aggregation !== 'level') {
    problems.add(
      'checkin.aggregation',
      `must be "sum" (values add up) or "level" (values average), found ${show(aggregation)}`,
    );
    valid = false;
  }
  if (direction !== 'higher_is_better' && direction !== 'lower_is_better') {
    problems.add('checkin.direction', `must be "higher_is_better" or "lower_is_better", found ${show(direction)}`);
    valid = false;
  }
  const parsedEntries = parseCheckInEntries(entries, period, problems);
  if (!valid || parsedEntries === undefined) return undefined;
  return {
    label: label as string,
    unit: (unit as string | undefined) ?? '',
    aggregation: aggregation as CheckIn['aggregation'],
    direction: direction as Direction,
    entries: parsedEntries,
  };
}

function parseCheckInEntries(raw: unknown, period: Period | undefined, problems: Problems): CheckInEntry[] | undefined {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.add('checkin.entries', `needs a list of { "period", "value" }, found ${show(raw)}`);
    return undefined;
  }
  const entries: CheckInEntry[] = [];
  let valid = true;
  raw.forEach((item: unknown, index) => {
    const field = `checkin.entries[${index}]`;
    if (!isRecord(item)) {
      problems.add(field, `needs { "period": { "from", "to" }, "value": number }, found ${show(item)}`);
      valid = false;
      return;
    }
    const entryPeriod = parsePeriod(item['period'], `${field}.period`, problems);
    const value = item['value'];
    if (!isFiniteNumber(value)) {
      problems.add(`${field}.value`, notANumber(value));
      valid = false;
    }
    if (entryPeriod === undefined) {
      valid = false;
      return;
    }
    if (period !== undefined && (entryPeriod.from < period.from || entryPeriod.to > period.to)) {
      problems.add(
        `${field}.period`,
        `${entryPeriod.from}..${entryPeriod.to} is outside the target's period ${period.from}..${period.to}`,
      );
      valid = false;
    }
    if (isFiniteNumber(value)) entries.push({ period: entryPeriod, value });
  });
  const sorted = [...entries].sort((a, b) => (a.period.from < b.period.from ? -1 : 1));
  for (let i = 1; i < sorted.length; i += 1) {
    const before = sorted[i - 1];
    const after = sorted[i];
    if (before !== undefined && after !== undefined && after.period.from <= before.period.to) {
      problems.add(
        'checkin.entries',
        `${after.period.from}..${after.period.to} overlaps ${before.period.from}..${before.period.to}`,
      );
      valid = false;
    }
  }
  return valid ? sorted : undefined;
}

function metricView(metric: unknown, checkin: CheckIn | undefined, rawCheckIn: unknown): MetricView | undefined {
  if (checkin !== undefined) {
    return { kind: checkin.aggregation === 'sum' ? 'additive' : 'ratio', direction: checkin.direction, isRate: false };
  }
  if (rawCheckIn === undefined && isKpiId(metric)) {
    const facts = KPI_FACTS[metric];
    return { kind: facts.kind, direction: facts.direction, isRate: facts.fraction };
  }
  return undefined;
}

function optionalText(raw: Raw, key: 'owner' | 'why', problems: Problems): string | undefined {
  const value = raw[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    problems.add(key, `must be text, found ${show(value)}`);
    return undefined;
  }
  return value;
}

function parseTarget(
  raw: unknown,
  index: number,
  seenIds: Set<string>,
): { target?: Target; errors: TargetsFileError[] } {
  if (!isRecord(raw)) {
    return { errors: [{ field: `targets[${index}]`, message: `a target is a JSON object, found ${show(raw)}` }] };
  }
  const id = raw['id'];
  const hasId = typeof id === 'string' && id.trim() !== '';
  const problems = new Problems(hasId ? id : undefined, hasId ? '' : `targets[${index}].`);
  if (!hasId) problems.add('id', `every target needs a non-empty text id, found ${show(id)}`);
  else if (seenIds.has(id)) problems.add('id', `another target already has the id ${id}`);
  else seenIds.add(id);

  const metric = raw['metric'];
  const period = parsePeriod(raw['period'], 'period', problems);
  const checkin = raw['checkin'] === undefined ? undefined : parseCheckIn(raw['checkin'], metric, period, problems);
  const view = metricView(metric, checkin, raw['checkin']);
  if (raw['checkin'] === undefined && !isKpiId(metric)) {
    problems.add(
      'metric',
      `unknown metric ${show(metric)}; use a KPI id such as gmv or conversion_rate, an operations metric such as item_revenue, roas, csat or churn_rate, or add a "checkin" block for a metric entered by hand`,
    );
  }

  const rawPhasing = raw['phasing'] ?? 'linear';
  const phasing = PHASINGS.find((p) => p === rawPhasing);
  if (phasing === undefined)
    problems.add('phasing', `unknown phasing ${show(rawPhasing)}; use linear, seasonal or custom`);

  const filters = parseFilters(
    raw['filters'],
    typeof metric === 'string' ? metric : '',
    raw['checkin'] !== undefined,
    problems,
  );
  const ladder = view === undefined ? undefined : parseLadder(raw['ladder'], view, problems);
  const tree =
    view === undefined || !isRawTree(raw['milestones'])
      ? undefined
      : parseTree(raw['milestones'], period, phasing, ladder, view, problems);
  const milestones =
    tree?.milestones ??
    (view === undefined ? [] : parseMilestones(raw['milestones'], period, phasing, ladder, view, problems));
  const owner = optionalText(raw, 'owner', problems);
  const why = optionalText(raw, 'why', problems);

  if (
    problems.list.length > 0 ||
    view === undefined ||
    period === undefined ||
    ladder === undefined ||
    phasing === undefined
  ) {
    return { errors: problems.list };
  }
  const target: Target = { id: id as string, metric: metric as string, period, filters, ladder, phasing, milestones };
  if (tree !== undefined) target.groups = tree.groups;
  if (owner !== undefined) target.owner = owner;
  if (why !== undefined) target.why = why;
  if (checkin !== undefined) target.checkin = checkin;
  return { target, errors: [] };
}

/**
 * Reads a targets file (METRICS.md "Targets"), migrating older versions first. Every problem
 * is reported with the target's id (or its position when it has none) and the field; a file
 * with any problem is refused whole, so nothing already saved gets replaced by half a file.
 */
export function parseTargetsFile(json: unknown): ParseTargetsResult {
  const migrated = migrateFile(json);
  if (!migrated.ok) return { ok: false, errors: [{ field: 'version', message: migrated.message }] };
  const body = migrated.body as Raw;
  const rawTargets = body['targets'];
  if (!Array.isArray(rawTargets)) {
    return { ok: false, errors: [{ field: 'targets', message: `needs a list of targets, found ${show(rawTargets)}` }] };
  }
  const seenIds = new Set<string>();
  const targets: Target[] = [];
  const errors: TargetsFileError[] = [];
  rawTargets.forEach((raw: unknown, index) => {
    const parsed = parseTarget(raw, index, seenIds);
    errors.push(...parsed.errors);
    if (parsed.target !== undefined) targets.push(parsed.target);
  });
  const plan = parsePlanSections(body);
  errors.push(...plan.problems);
  if (errors.length > 0) return { ok: false, errors };
  const file: TargetsFile = { version: fileVersionFor(targets), targets };
  if (Object.keys(plan.sections.sku_roles).length > 0) file.sku_roles = plan.sections.sku_roles;
  if (plan.sections.campaigns.length > 0) file.campaigns = plan.sections.campaigns;
  return { ok: true, file };
}

/** Parses the text of a file, reporting broken JSON like any other problem. */
export function parseTargetsText(text: string): ParseTargetsResult {
  const read = readJsonText(text);
  if (!read.ok) return { ok: false, errors: [{ field: 'file', message: `not valid JSON: ${read.message}` }] };
  const parsed = parseTargetsFile(read.json);
  if (!parsed.ok || read.notJson.length === 0) return parsed;
  // Under a key the file may carry freely, Infinity or NaN still makes the text something other tools cannot read.
  return {
    ok: false,
    errors: read.notJson.map((number) => ({
      field: 'file',
      message: `not valid JSON: found ${number.describe()}; write a finite number`,
    })),
  };
}

function targetToJson(target: Target): Raw {
  const json: Raw = {
    id: target.id,
    metric: target.metric,
    period: { from: target.period.from, to: target.period.to },
  };
  if (Object.keys(target.filters).length > 0) json['filters'] = target.filters;
  const ladder: Raw = {};
  if (target.ladder.floor !== undefined) ladder['floor'] = target.ladder.floor;
  ladder['target'] = target.ladder.target;
  if (target.ladder.stretch !== undefined) ladder['stretch'] = target.ladder.stretch;
  json['ladder'] = ladder;
  json['phasing'] = target.phasing;
  if (target.milestones.length > 0) json['milestones'] = milestonesJson(target);
  if (target.owner !== undefined) json['owner'] = target.owner;
  if (target.why !== undefined) json['why'] = target.why;
  if (target.checkin !== undefined) {
    const { label, unit, aggregation, direction, entries } = target.checkin;
    json['checkin'] = {
      label,
      unit,
      aggregation,
      direction,
      entries: entries.map((e) => ({ period: { ...e.period }, value: e.value })),
    };
  }
  return json;
}

/**
 * Writes the file, keys in the order of METRICS.md, two-space indented, as the oldest version
 * that holds it (version 2 only for ladder trees and rungs with their own floor or stretch).
 */
export function serializeTargetsFile(file: TargetsFile): string {
  const version = fileVersionFor(file.targets);
  return `${JSON.stringify({ version, targets: file.targets.map(targetToJson), ...planSectionsJson(file) }, null, 2)}\n`;
}
