import { describe, expect, it } from 'vitest';
import { evaluateTarget } from '../../../src/targets/evaluate';
import { migrateTargetsStore } from '../../../src/targets/persisted';
import {
  applyLadderTree,
  buildLadderTree,
  editTreeRung,
  setTreeBand,
  treeLocks,
} from '../../../src/targets/ladder-tree';
import { parseTargetsFile, parseTargetsText, serializeTargetsFile, type Target } from '../../../src/targets/schema';
import { everyDay, fakeSource } from './fake-source';

/**
 * Issue 18, item 9: year → quarters → months as one ladder, each rung with its own target,
 * floor and stretch, saved in the targets file (version 2) and read back by the report.
 */
const months2026 = [
  '2026-01-31',
  '2026-02-28',
  '2026-03-31',
  '2026-04-30',
  '2026-05-31',
  '2026-06-30',
  '2026-07-31',
  '2026-08-31',
  '2026-09-30',
  '2026-10-31',
  '2026-11-30',
  '2026-12-31',
];

// 100 000 a month, 1 200 000 a year; floor 80 % and stretch 120 % of the target.
const gmv: Target = {
  id: 'gmv-2026',
  metric: 'gmv',
  period: { from: '2026-01-01', to: '2026-12-31' },
  filters: {},
  ladder: { floor: 960_000, target: 1_200_000, stretch: 1_440_000 },
  phasing: 'custom',
  milestones: months2026.map((to) => ({ to, target: 100_000 })),
};

const values = (tree: ReturnType<typeof buildLadderTree>) =>
  tree.quarters.map((q) => [q.value, q.months.map((m) => m.value)]);

describe('ladder tree, additive metric', () => {
  it('splits the year into quarters and the quarters into months that sum to them, bands in ratio', () => {
    const tree = buildLadderTree(gmv, null, [], '2026-05-15');
    expect(tree.quarters.map((q) => q.label)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(values(tree)).toEqual([
      [300_000, [100_000, 100_000, 100_000]],
      [300_000, [100_000, 100_000, 100_000]],
      [300_000, [100_000, 100_000, 100_000]],
      [300_000, [100_000, 100_000, 100_000]],
    ]);
    // Q1 and January..April have ended before 2026-05-15.
    expect(tree.quarters.map((q) => q.finished)).toEqual([true, false, false, false]);
    expect(tree.quarters[1]?.months.map((m) => m.finished)).toEqual([true, false, false]);
    // Quarter floor 300 000 × 960 000 / 1 200 000 = 240 000; month 100 000 × 240 000 / 300 000 = 80 000.
    expect(tree.quarters[0]?.floor).toBe(240_000);
    expect(tree.quarters[0]?.stretch).toBe(360_000);
    expect(tree.quarters[0]?.months[0]?.floor).toBe(80_000);
    expect(tree.quarters[0]?.months[0]?.stretch).toBe(120_000);
  });

  it('setting Q4 re-balances the future quarters and re-spreads their months; finished rungs hold', () => {
    const tree = buildLadderTree(gmv, null, [], '2026-05-15');
    const edited = editTreeRung(tree, { quarter: 3 }, 450_000);
    if (!edited.ok) throw new Error(edited.reason);
    // Rest 1 200 000 − Q1 300 000 − Q4 450 000 = 450 000 over Q2 and Q3 (300 000 each) → 225 000 each.
    // Q2 keeps finished April (100 000): May and June share 125 000 → 62 500 each. Q3: 75 000 a month.
    expect(values(edited.tree)).toEqual([
      [300_000, [100_000, 100_000, 100_000]],
      [225_000, [100_000, 62_500, 62_500]],
      [225_000, [75_000, 75_000, 75_000]],
      [450_000, [150_000, 150_000, 150_000]],
    ]);
    // Q4 floor 450 000 × 0.8 = 360 000; October 150 000 × 360 000 / 450 000 = 120 000.
    expect(edited.tree.quarters[3]?.floor).toBe(360_000);
    expect(edited.tree.quarters[3]?.months[0]?.floor).toBe(120_000);
  });

  it('setting a month re-balances its quarter only; a finished month cannot be set', () => {
    const tree = buildLadderTree(gmv, null, [], '2026-05-15');
    const july = editTreeRung(tree, { quarter: 2, month: 0 }, 150_000);
    if (!july.ok) throw new Error(july.reason);
    // Q3 stays 300 000: August and September share 150 000 → 75 000 each.
    expect(values(july.tree)[2]).toEqual([300_000, [150_000, 75_000, 75_000]]);
    expect(values(july.tree)[3]).toEqual([300_000, [100_000, 100_000, 100_000]]);
    expect(editTreeRung(tree, { quarter: 0, month: 1 }, 50_000).ok).toBe(false);
    expect(editTreeRung(tree, { quarter: 0 }, 50_000).ok).toBe(false);
  });

  it("keeps a rung's own floor, and its months' floors follow it in ratio", () => {
    const tree = buildLadderTree(gmv, null, [], '2026-05-15');
    const set = setTreeBand(tree, { quarter: 3 }, 'floor', 270_000);
    if (!set.ok) throw new Error(set.reason);
    expect(set.tree.quarters[3]?.floor).toBe(270_000);
    // October 100 000 × 270 000 / 300 000 = 90 000
    expect(set.tree.quarters[3]?.months[0]?.floor).toBe(90_000);
    // A floor above the rung's target is refused (higher is better).
    expect(setTreeBand(tree, { quarter: 3 }, 'floor', 310_000).ok).toBe(false);
  });

  it('saves as a version 2 file of nested milestones and reads back; the report paces by the months', async () => {
    const tree = buildLadderTree(gmv, null, [], '2026-05-15');
    const edited = editTreeRung(tree, { quarter: 3 }, 450_000);
    if (!edited.ok) throw new Error(edited.reason);
    const banded = setTreeBand(edited.tree, { quarter: 3 }, 'stretch', 500_000);
    if (!banded.ok) throw new Error(banded.reason);
    const applied = applyLadderTree(gmv, banded.tree);
    const text = serializeTargetsFile({ version: 1, targets: [applied] });
    const json = JSON.parse(text) as { version: number; targets: { milestones: unknown[] }[] };
    expect(json.version).toBe(2);
    expect(json.targets[0]?.milestones[3]).toEqual({
      to: '2026-12-31',
      target: 450_000,
      stretch: 500_000,
      milestones: [
        { to: '2026-10-31', target: 150_000 },
        { to: '2026-11-30', target: 150_000 },
        { to: '2026-12-31', target: 150_000 },
      ],
    });
    const read = parseTargetsText(text);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.file.targets[0]).toEqual(applied);
    expect(buildLadderTree(read.file.targets[0]!, null, [], '2026-05-15').quarters[3]?.stretch).toBe(500_000);
    // report --json: through June 30, share = (Q1 300 000 + Q2 225 000) ÷ 1 200 000 = 0.4375;
    // actual 1 000 a day × 181 days = 181 000; projected 181 000 ÷ 0.4375 = 413 714.29.
    const status = await evaluateTarget(
      read.file.targets[0]!,
      fakeSource({
        tables: { orders: { first: '2025-01-01', last: '2026-06-30' } },
        sums: { gmv: everyDay('2026-01-01', '2026-06-30', 1_000) },
      }),
    );
    expect(status.share).toBeCloseTo(0.4375, 12);
    expect(status.expected_to_date).toBeCloseTo(525_000, 6);
    expect(status.projected).toBeCloseTo(181_000 / 0.4375, 6);
  });

  it('refuses a tree whose months do not add up to their quarter, naming the field', () => {
    const parsed = parseTargetsFile({
      version: 2,
      targets: [
        {
          ...gmv,
          milestones: [
            {
              to: '2026-06-30',
              target: 600_000,
              milestones: [
                { to: '2026-03-31', target: 250_000 },
                { to: '2026-06-30', target: 300_000 },
              ],
            },
            { to: '2026-12-31', target: 600_000, milestones: [{ to: '2026-12-31', target: 600_000, floor: 700_000 }] },
          ],
        },
      ],
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => e.field)).toEqual([
      'milestones[0].milestones',
      'milestones[1].milestones[0].floor',
    ]);
    expect(parsed.errors[0]?.message).toMatch(/add up to 550000, but milestones\[0\]\.target is 600000/);
  });

  it('locks months by date and quarters by label', () => {
    const tree = buildLadderTree(gmv, null, ['2026-Q3', '2026-11-30'], '2026-05-15');
    expect(treeLocks(tree)).toEqual(['2026-Q3', '2026-11-30']);
    // Q3 locked: setting Q4 to 450 000 leaves Q2 to take the rest: 1 200 000 − 300 000 − 300 000 − 450 000 = 150 000.
    const edited = editTreeRung(tree, { quarter: 3 }, 450_000);
    if (!edited.ok) throw new Error(edited.reason);
    expect(values(edited.tree)[1]).toEqual([150_000, [100_000, 25_000, 25_000]]);
    // Q4's November is locked at 100 000: October and December share 350 000.
    expect(values(edited.tree)[3]).toEqual([450_000, [175_000, 100_000, 175_000]]);
  });
});

describe('ladder tree, ratio metric', () => {
  const conversion: Target = {
    id: 'cr-2026',
    metric: 'conversion_rate',
    period: { from: '2026-01-01', to: '2026-12-31' },
    filters: {},
    ladder: { target: 0.03 },
    phasing: 'linear',
    milestones: [],
  };

  it('gives each rung its own level; a quarter passes its level to its free months; the report reads the month', async () => {
    const tree = buildLadderTree(conversion, null, [], '2026-02-10');
    expect(values(tree)[0]).toEqual([0.03, [0.03, 0.03, 0.03]]);
    const q3 = editTreeRung(tree, { quarter: 2 }, 0.035);
    if (!q3.ok) throw new Error(q3.reason);
    const august = editTreeRung(q3.tree, { quarter: 2, month: 1 }, 0.04);
    if (!august.ok) throw new Error(august.reason);
    expect(values(august.tree)[2]).toEqual([0.035, [0.035, 0.04, 0.035]]);
    expect(values(august.tree)[1]).toEqual([0.03, [0.03, 0.03, 0.03]]);
    const read = parseTargetsText(
      serializeTargetsFile({ version: 1, targets: [applyLadderTree(conversion, august.tree)] }),
    );
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.file.targets[0]?.groups?.[2]?.target).toBe(0.035);
    // As of 2026-08-15 the current rung is August: its level 0.04 stands in for the target.
    // Conversion 0.038 → 0.038 / 0.04 = 0.95 ≥ 0.9 (floor 0.03 × 0.9 scaled to 0.036) → at_risk.
    const status = await evaluateTarget(
      read.file.targets[0]!,
      fakeSource({
        tables: {
          orders: { first: '2025-01-01', last: '2026-08-15' },
          traffic: { first: '2025-01-01', last: '2026-08-15' },
        },
        ratios: {
          conversion_rate: {
            numerator: everyDay('2026-01-01', '2026-08-15', 38),
            denominator: everyDay('2026-01-01', '2026-08-15', 1_000),
          },
        },
      }),
    );
    expect(status.target).toBe(0.04);
    expect(status.status).toBe('at_risk');
  });
});

describe('file versions', () => {
  it('a tree saved in the app reads back after a reload, own floors and stretches kept', () => {
    const tree = setTreeBand(buildLadderTree(gmv, null, [], '2026-05-15'), { quarter: 1, month: 2 }, 'floor', 70_000);
    if (!tree.ok) throw new Error(tree.reason);
    const applied = applyLadderTree(gmv, tree.tree);
    // What the store writes is the app's objects as JSON, read back at store version 2.
    const saved = JSON.parse(JSON.stringify({ file: { version: 1, targets: [applied] }, lockedRungs: {} })) as unknown;
    const state = migrateTargetsStore(saved, 2);
    expect(state.unreadable).toEqual([]);
    expect(state.file.targets[0]).toEqual(applied);
    expect(state.file.targets[0]?.milestones[5]).toEqual({ to: '2026-06-30', target: 100_000, floor: 70_000 });
  });

  it('reads a version 1 file as it always meant: keys a version 1 reader ignored stay ignored', () => {
    const parsed = parseTargetsFile({
      version: 1,
      targets: [
        {
          ...gmv,
          milestones: [
            { to: '2026-06-30', target: 600_000, floor: 9, milestones: 'ignored' },
            { to: '2026-12-31', target: 600_000 },
          ],
        },
      ],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.file.targets[0]?.milestones).toEqual([
      { to: '2026-06-30', target: 600_000 },
      { to: '2026-12-31', target: 600_000 },
    ]);
    expect(parsed.file.targets[0]?.groups).toBeUndefined();
    // Nothing of version 2 in it: it is written back as version 1.
    expect(JSON.parse(serializeTargetsFile(parsed.file)).version).toBe(1);
  });
});
