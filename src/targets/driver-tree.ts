/**
 * The GMV driver tree (METRICS.md "Traffic": `gmv = sessions × conversion_rate × aov`, and
 * `gmv = visitors × buyer_conversion_rate × revenue_per_buyer`; issue 5, item 5): solving
 * the third driver of a GMV target from two, and attributing a GMV change to the drivers.
 */

export const DRIVER_TREES = {
  sessions: ['sessions', 'conversion_rate', 'aov'],
  visitors: ['visitors', 'buyer_conversion_rate', 'revenue_per_buyer'],
} as const;

export type DriverTree = keyof typeof DRIVER_TREES;
export type DriverId = (typeof DRIVER_TREES)[DriverTree][number];
export type DriverValues = Partial<Record<DriverId, number>>;

export type SolveResult =
  { ok: true; tree: DriverTree; solved: DriverId; drivers: DriverValues } | { ok: false; reason: string };

function treeOf(values: DriverValues): { ok: true; tree: DriverTree } | { ok: false; reason: string } {
  const given = (Object.keys(values) as DriverId[]).filter((id) => values[id] !== undefined);
  const trees = (Object.keys(DRIVER_TREES) as DriverTree[]).filter((tree) =>
    given.some((id) => (DRIVER_TREES[tree] as readonly string[]).includes(id)),
  );
  const [tree, other] = trees;
  if (tree === undefined) return { ok: false, reason: 'no driver given' };
  if (other !== undefined) return { ok: false, reason: `drivers of two trees mixed: ${given.join(', ')}` };
  return { ok: true, tree };
}

/**
 * Given any two drivers of one tree, the third that makes `gmvTarget`:
 * e.g. `aov = gmv ÷ (sessions × conversion_rate)`.
 */
export function solveDriver(known: DriverValues, gmvTarget: number): SolveResult {
  if (!Number.isFinite(gmvTarget) || gmvTarget < 0)
    return { ok: false, reason: `the GMV target must be 0 or more, not ${gmvTarget}` };
  const found = treeOf(known);
  if (!found.ok) return found;
  const ids = DRIVER_TREES[found.tree];
  const missing = ids.filter((id) => known[id] === undefined);
  const [solved] = missing;
  if (missing.length !== 1 || solved === undefined) {
    return {
      ok: false,
      reason: missing.length === 0 ? 'leave one driver open to solve it' : 'give two drivers to solve the third',
    };
  }
  let product = 1;
  for (const id of ids) {
    if (id === solved) continue;
    const value = known[id] as number;
    if (!Number.isFinite(value) || value <= 0)
      return { ok: false, reason: `${id} must be above 0 to solve ${solved}, not ${value}` };
    product *= value;
  }
  const drivers: DriverValues = {};
  for (const id of ids) drivers[id] = id === solved ? gmvTarget / product : (known[id] as number);
  return { ok: true, tree: found.tree, solved, drivers };
}

/** One driver's part of a GMV change. */
export interface DriverPart {
  driver: DriverId;
  base: number;
  current: number;
  contribution: number;
}

/** A bar of the waterfall: the totals at both ends, each driver's step between. */
export interface WaterfallStep {
  key: 'base' | DriverId | 'current';
  kind: 'total' | 'step';
  /** Where the bar starts and ends on the GMV axis (a total starts at 0). */
  start: number;
  end: number;
  /** The total, or the driver's contribution. */
  value: number;
}

export interface GapAttribution {
  tree: DriverTree;
  baseGmv: number;
  currentGmv: number;
  gap: number;
  parts: DriverPart[];
  waterfall: WaterfallStep[];
}

export type AttributionResult = ({ ok: true } & GapAttribution) | { ok: false; reason: string };

/**
 * The logarithmic mean L(a, b) = (a − b) ÷ (ln a − ln b), with L(a, a) = a. Near a = b the
 * quotient loses its digits, so there it uses the series b·(1 + x/2 − x²/12 + x³/24), x = a/b − 1.
 */
export function logMean(a: number, b: number): number {
  if (a === b) return a;
  const x = a / b - 1;
  if (Math.abs(x) < 1e-4) return b * (1 + x / 2 - (x * x) / 12 + (x * x * x) / 24);
  return (a - b) / (Math.log(a) - Math.log(b));
}

function sumInOrder(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0);
}

/**
 * Attributes the change from `base` to `current` GMV to the three drivers by the additive
 * LMDI: driver i's part is L(GMV₁, GMV₀) × ln(x₁ ÷ x₀). The parts add up to the whole change
 * with no residual term; a driver that did not move gets exactly 0. What floating-point
 * rounding leaves over is given to the largest part, so the parts, added in order, equal the gap.
 * For the gap to a target, pass the actual drivers as `base` and the target's as `current`.
 */
export function attributeGap(base: DriverValues, current: DriverValues): AttributionResult {
  const found = treeOf({ ...base, ...current });
  if (!found.ok) return found;
  const ids = DRIVER_TREES[found.tree];
  for (const [name, values] of [
    ['base', base],
    ['current', current],
  ] as const) {
    for (const id of ids) {
      const value = values[id];
      if (value === undefined || !Number.isFinite(value) || value <= 0) {
        return { ok: false, reason: `${name} ${id} must be above 0 for a log decomposition, not ${value}` };
      }
    }
  }
  const baseGmv = ids.reduce((product, id) => product * (base[id] as number), 1);
  const currentGmv = ids.reduce((product, id) => product * (current[id] as number), 1);
  const gap = currentGmv - baseGmv;
  const weight = logMean(currentGmv, baseGmv);
  const parts: DriverPart[] = ids.map((id) => {
    const from = base[id] as number;
    const to = current[id] as number;
    return { driver: id, base: from, current: to, contribution: from === to ? 0 : weight * Math.log(to / from) };
  });

  const moved = parts.filter((part) => part.base !== part.current);
  const largest = moved.reduce<DriverPart | undefined>(
    (best, part) => (best === undefined || Math.abs(part.contribution) > Math.abs(best.contribution) ? part : best),
    undefined,
  );
  if (largest !== undefined) {
    // A few passes are enough: each moves the sum to within the last bit of the gap.
    for (let pass = 0; pass < 4; pass += 1) {
      const leftOver = gap - sumInOrder(parts.map((part) => part.contribution));
      if (leftOver === 0) break;
      largest.contribution += leftOver;
    }
  }

  const waterfall: WaterfallStep[] = [{ key: 'base', kind: 'total', start: 0, end: baseGmv, value: baseGmv }];
  let level = baseGmv;
  parts.forEach((part, index) => {
    const end = index === parts.length - 1 ? currentGmv : level + part.contribution;
    waterfall.push({ key: part.driver, kind: 'step', start: level, end, value: part.contribution });
    level = end;
  });
  waterfall.push({ key: 'current', kind: 'total', start: 0, end: currentGmv, value: currentGmv });
  return { ok: true, tree: found.tree, baseGmv, currentGmv, gap, parts, waterfall };
}
