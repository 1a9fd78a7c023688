import type { Unit } from '../../lib/format';
import {
  buildLadder,
  filterableDimensions,
  isIsoDate,
  CURRENT_FILE_VERSION,
  isKpiId,
  KPI_FACTS,
  parseTargetsFile,
  type CheckIn,
  type Direction,
  type KpiId,
  type LadderGrain,
  type Milestone,
  type Phasing,
  type Target,
  type TargetsFileError,
} from '../../targets';
import { targetUnit } from './goal-format';
import { amountToInput, parseAmount } from './units';

/** A target while it is being edited: amounts are kept as typed, so half-typed numbers survive. */
export interface Draft {
  id: string;
  source: 'kpi' | 'checkin';
  metric: KpiId;
  checkin: {
    id: string;
    label: string;
    unit: string;
    aggregation: CheckIn['aggregation'];
    direction: Direction;
  };
  from: string;
  to: string;
  filters: Record<string, string[]>;
  floor: string;
  target: string;
  stretch: string;
  phasing: Phasing;
  milestones: { to: string; amount: string }[];
  owner: string;
  why: string;
  /** Values already entered for a check-in; the editor keeps them as they are. */
  entries: CheckIn['entries'];
  /**
   * The target's ladder tree, kept through an edit (issue 18, item 9): its quarters, and its
   * months' own floors and stretches. The editor shows the months as milestones.
   */
  tree?: { groups: Milestone[]; leaves: Milestone[] };
}

export type BuildResult = { ok: true; target: Target } | { ok: false; errors: TargetsFileError[] };

/** Lower-case words joined by `_`, as check-in metric ids are written. */
export function snakeCase(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, 'm_$1');
}

/** `gmv-2026`, then `gmv-2026-2`… : an id no other target has. */
export function suggestId(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}

/** The metric id the draft is about: the KPI, or the check-in's own id. */
export function draftMetric(draft: Draft): string {
  return draft.source === 'kpi' ? draft.metric : draft.checkin.id || snakeCase(draft.checkin.label) || 'checkin';
}

function draftCheckIn(draft: Draft): CheckIn | undefined {
  if (draft.source !== 'checkin') return undefined;
  const { label, unit, aggregation, direction } = draft.checkin;
  return { label, unit, aggregation, direction, entries: draft.entries };
}

/** How the draft's amounts are typed: money, %, counts, or plain numbers for a check-in. */
export function draftUnit(draft: Draft): Unit {
  const checkin = draftCheckIn(draft);
  return targetUnit(checkin ? { metric: draftMetric(draft), checkin } : { metric: draft.metric });
}

/** A new target for the year the data ends in, on GMV, paced linearly. */
export function newDraft(lastDate: string | null, takenIds: readonly string[]): Draft {
  const year = (lastDate ?? new Date().toISOString()).slice(0, 4);
  return {
    id: suggestId(`gmv-${year}`, takenIds),
    source: 'kpi',
    metric: 'gmv',
    checkin: { id: '', label: '', unit: '', aggregation: 'sum', direction: 'higher_is_better' },
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    filters: {},
    floor: '',
    target: '',
    stretch: '',
    phasing: 'linear',
    milestones: [],
    owner: '',
    why: '',
    entries: [],
  };
}

/** A saved target back in the editor, amounts in the units people type. */
export function draftFromTarget(target: Target): Draft {
  const unit = targetUnit(target);
  const checkin = target.checkin;
  return {
    id: target.id,
    source: checkin ? 'checkin' : 'kpi',
    metric: isKpiId(target.metric) ? target.metric : 'gmv',
    checkin: checkin
      ? {
          id: target.metric,
          label: checkin.label,
          unit: checkin.unit,
          aggregation: checkin.aggregation,
          direction: checkin.direction,
        }
      : { id: '', label: '', unit: '', aggregation: 'sum', direction: 'higher_is_better' },
    from: target.period.from,
    to: target.period.to,
    filters: Object.fromEntries(Object.entries(target.filters).map(([k, v]) => [k, [...v]])),
    floor: amountToInput(target.ladder.floor, unit),
    target: amountToInput(target.ladder.target, unit),
    stretch: amountToInput(target.ladder.stretch, unit),
    phasing: target.phasing,
    milestones: target.milestones.map((m) => ({ to: m.to, amount: amountToInput(m.target, unit) })),
    owner: target.owner ?? '',
    why: target.why ?? '',
    entries: checkin ? checkin.entries.map((e) => ({ period: { ...e.period }, value: e.value })) : [],
    ...(target.groups ? { tree: { groups: target.groups, leaves: target.milestones } } : {}),
  };
}

/** Filters the metric can take, without the ones left empty. */
function cleanFilters(draft: Draft): Record<string, string[]> {
  if (draft.source !== 'kpi') return {};
  const allowed = filterableDimensions(draft.metric);
  return Object.fromEntries(
    Object.entries(draft.filters).filter(([dimension, values]) => allowed.includes(dimension) && values.length > 0),
  );
}

interface Amounts {
  floor: number | null;
  target: number | null;
  stretch: number | null;
  milestones: (number | null)[];
  errors: TargetsFileError[];
}

function readAmounts(draft: Draft): Amounts {
  const unit = draftUnit(draft);
  const errors: TargetsFileError[] = [];
  const read = (text: string, field: string): number | null => {
    const parsed = parseAmount(text, unit);
    if (parsed.ok) return parsed.value;
    errors.push({ target: draft.id, field, message: `"${text}" is not a number` });
    return null;
  };
  return {
    floor: read(draft.floor, 'ladder.floor'),
    target: read(draft.target, 'ladder.target'),
    stretch: read(draft.stretch, 'ladder.stretch'),
    milestones:
      draft.phasing === 'custom' ? draft.milestones.map((m, i) => read(m.amount, `milestones[${i}].target`)) : [],
    errors,
  };
}

function isLevel(draft: Draft): boolean {
  return draft.source === 'checkin' ? draft.checkin.aggregation === 'level' : KPI_FACTS[draft.metric].kind === 'ratio';
}

function bandOf(rung: Milestone | undefined): Record<string, number> {
  return {
    ...(rung?.floor === undefined ? {} : { floor: rung.floor }),
    ...(rung?.stretch === undefined ? {} : { stretch: rung.stretch }),
  };
}

/**
 * The draft's milestones as the file writes them: nested under the tree's quarters when the
 * target had a tree and its quarters still end where milestones end (an additive quarter is
 * then the sum of its months as typed); flat otherwise.
 */
function milestonesRaw(draft: Draft, amounts: Amounts): unknown[] {
  const leaves = draft.milestones.map((m, i) => ({
    to: m.to,
    target: amounts.milestones[i] ?? undefined,
    ...bandOf(draft.tree?.leaves.find((l) => l.to === m.to)),
  }));
  const groups = draft.tree?.groups ?? [];
  const ends = new Set(leaves.map((l) => l.to));
  if (groups.length === 0 || !groups.every((g) => ends.has(g.to)) || leaves.at(-1)?.to !== groups.at(-1)?.to)
    return leaves;
  let from = '';
  return groups.map((group) => {
    const children = leaves.filter((l) => l.to > from && l.to <= group.to);
    from = group.to;
    const sum = children.reduce((total, l) => total + (l.target ?? Number.NaN), 0);
    const target = isLevel(draft) || !Number.isFinite(sum) ? group.target : sum;
    return { to: group.to, target, ...(target === group.target ? bandOf(group) : {}), milestones: children };
  });
}

/**
 * Levels are not phased (issue 18, item 10): a level metric keeps linear (one level held) or
 * the custom levels its ladder was given, never seasonal.
 */
function draftPhasing(draft: Draft): Phasing {
  return isLevel(draft) && draft.phasing === 'seasonal' ? 'linear' : draft.phasing;
}

/** The draft as a target of the file, before any check (for the live SMART check). */
function rawTarget(draft: Draft, amounts: Amounts): Record<string, unknown> {
  const raw: Record<string, unknown> = {
    id: draft.id.trim(),
    metric: draftMetric(draft),
    period: { from: draft.from, to: draft.to },
    filters: cleanFilters(draft),
    ladder: {
      target: amounts.target ?? undefined,
      ...(amounts.floor === null ? {} : { floor: amounts.floor }),
      ...(amounts.stretch === null ? {} : { stretch: amounts.stretch }),
    },
    phasing: draftPhasing(draft),
  };
  if (draft.phasing === 'custom') raw['milestones'] = milestonesRaw(draft, amounts);
  if (draft.owner.trim() !== '') raw['owner'] = draft.owner.trim();
  if (draft.why.trim() !== '') raw['why'] = draft.why.trim();
  const checkin = draftCheckIn(draft);
  if (checkin) raw['checkin'] = { ...checkin, label: checkin.label.trim(), unit: checkin.unit.trim() };
  return raw;
}

/**
 * The draft as a target, checked exactly as an imported file is (METRICS.md "Targets"), so
 * the editor can never save what the file would refuse. Every problem names its field.
 */
export function buildTarget(draft: Draft): BuildResult {
  const amounts = readAmounts(draft);
  const parsed = parseTargetsFile({ version: CURRENT_FILE_VERSION, targets: [rawTarget(draft, amounts)] });
  const fieldsWithTypos = new Set(amounts.errors.map((e) => e.field));
  const errors = [...amounts.errors, ...(parsed.ok ? [] : parsed.errors.filter((e) => !fieldsWithTypos.has(e.field)))];
  const target = parsed.ok ? parsed.file.targets[0] : undefined;
  if (errors.length > 0 || target === undefined) return { ok: false, errors };
  return { ok: true, target };
}

/**
 * The draft as far as it can be read, for the SMART check while typing: it needs a metric,
 * a period and a target amount; the rest may still be missing or wrong.
 */
export function looseTarget(draft: Draft): Target | null {
  const amounts = readAmounts(draft);
  if (amounts.target === null || !(amounts.target > 0)) return null;
  const checkin = draftCheckIn(draft);
  const target: Target = {
    id: draft.id.trim() || 'draft',
    metric: draftMetric(draft),
    period: { from: draft.from, to: draft.to },
    filters: cleanFilters(draft),
    ladder: { target: amounts.target },
    phasing: draft.phasing,
    milestones: [],
  };
  if (draft.owner.trim() !== '') target.owner = draft.owner.trim();
  if (draft.why.trim() !== '') target.why = draft.why.trim();
  if (checkin) target.checkin = checkin;
  return target;
}

/** Milestones one per quarter or month, the target spread over them by days (a start for custom phasing). */
export function spreadMilestones(draft: Draft, grain: Extract<LadderGrain, 'quarter' | 'month'>): Draft['milestones'] {
  const target = looseTarget({ ...draft, phasing: 'linear' });
  if (target === null || !isIsoDate(draft.from) || !isIsoDate(draft.to) || draft.to < draft.from)
    return draft.milestones;
  const unit = draftUnit(draft);
  return buildLadder(target, grain).rungs.map((rung) => ({ to: rung.to, amount: amountToInput(rung.value, unit) }));
}

/** What the milestones add up to, against the target (additive metrics). */
export function milestoneSum(draft: Draft): number | null {
  const amounts = readAmounts({ ...draft, phasing: 'custom' });
  if (amounts.milestones.some((m) => m === null)) return null;
  return amounts.milestones.reduce<number>((sum, m) => sum + (m ?? 0), 0);
}
