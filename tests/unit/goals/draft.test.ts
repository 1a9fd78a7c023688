import { describe, expect, it } from 'vitest';
import {
  buildTarget,
  draftFromTarget,
  draftUnit,
  looseTarget,
  milestoneSum,
  newDraft,
  snakeCase,
  spreadMilestones,
  suggestId,
  type Draft,
} from '../../../src/features/goals/draft';
import type { Target } from '../../../src/targets';

const gmv2026 = (patch: Partial<Draft> = {}): Draft => ({
  ...newDraft('2026-10-31', []),
  floor: '23,000,000',
  target: '25000000',
  stretch: '2800万',
  owner: 'Growth',
  why: 'Keep last year’s growth',
  ...patch,
});

describe('a new draft', () => {
  it('targets GMV over the year the data ends in, with an id no other target has', () => {
    const draft = newDraft('2026-10-31', ['gmv-2026']);
    expect(draft).toMatchObject({
      id: 'gmv-2026-2',
      metric: 'gmv',
      from: '2026-01-01',
      to: '2026-12-31',
      phasing: 'linear',
    });
    expect(suggestId('gmv-2026', ['gmv-2026', 'gmv-2026-2'])).toBe('gmv-2026-3');
  });

  it('names a check-in metric in snake case', () => {
    expect(snakeCase('Brand mentions (Weibo)')).toBe('brand_mentions_weibo');
    expect(snakeCase('  CSAT score ')).toBe('csat_score');
    expect(snakeCase('24h response')).toBe('m_24h_response');
    expect(snakeCase('品牌提及')).toBe('');
  });
});

describe('building a target from the editor', () => {
  it('reads money in currency units, 万 included', () => {
    const built = buildTarget(gmv2026());
    expect(built).toEqual({
      ok: true,
      target: {
        id: 'gmv-2026',
        metric: 'gmv',
        period: { from: '2026-01-01', to: '2026-12-31' },
        filters: {},
        ladder: { floor: 23_000_000, target: 25_000_000, stretch: 28_000_000 },
        phasing: 'linear',
        milestones: [],
        owner: 'Growth',
        why: 'Keep last year’s growth',
      },
    });
  });

  it('reads rates in percent and stores fractions', () => {
    const draft = gmv2026({ metric: 'conversion_rate', floor: '2.2', target: '2.5 %', stretch: '' });
    expect(draftUnit(draft)).toBe('rate');
    const built = buildTarget(draft);
    expect(built.ok && built.target.ladder).toEqual({ floor: 0.022, target: 0.025 });
  });

  it('keeps only the filters the metric takes, and only those with values', () => {
    const draft = gmv2026({ filters: { channel: ['email'], region: [], device: ['mobile'] } });
    const built = buildTarget(draft);
    expect(built.ok && built.target.filters).toEqual({ channel: ['email'], device: ['mobile'] });
    const sessions = buildTarget(gmv2026({ metric: 'sessions', filters: { channel: ['email'], region: ['East'] } }));
    expect(sessions.ok && sessions.target.filters).toEqual({ channel: ['email'] }); // traffic has no region
  });

  it('names the field of every problem, as an imported file would', () => {
    const typo = buildTarget(gmv2026({ target: 'lots' }));
    expect(typo.ok).toBe(false);
    expect(!typo.ok && typo.errors).toContainEqual({
      target: 'gmv-2026',
      field: 'ladder.target',
      message: '"lots" is not a number',
    });
    // Only the typo is reported for that field, not also "must be a number, found nothing".
    expect(!typo.ok && typo.errors.filter((e) => e.field === 'ladder.target')).toHaveLength(1);

    const floorAbove = buildTarget(gmv2026({ floor: '26,000,000' }));
    expect(!floorAbove.ok && floorAbove.errors.map((e) => [e.target, e.field])).toEqual([['gmv-2026', 'ladder.floor']]);

    const backwards = buildTarget(gmv2026({ from: '2026-12-31', to: '2026-01-01' }));
    expect(!backwards.ok && backwards.errors.map((e) => e.field)).toEqual(['period.to']);

    const tooHigh = buildTarget(gmv2026({ metric: 'refund_rate', target: '150', floor: '', stretch: '' }));
    expect(!tooHigh.ok && tooHigh.errors.map((e) => e.field)).toEqual(['ladder.target']);
  });

  it('refuses custom milestones that do not add up to the target', () => {
    const draft = gmv2026({
      phasing: 'custom',
      milestones: [
        { to: '2026-06-30', amount: '10,000,000' },
        { to: '2026-12-31', amount: '14,000,000' },
      ],
    });
    expect(milestoneSum(draft)).toBe(24_000_000);
    const built = buildTarget(draft);
    expect(!built.ok && built.errors.map((e) => e.field)).toEqual(['milestones']);
    const fixed = buildTarget({ ...draft, milestones: [draft.milestones[0]!, { to: '2026-12-31', amount: '1500万' }] });
    expect(fixed.ok && fixed.target.milestones).toEqual([
      { to: '2026-06-30', target: 10_000_000 },
      { to: '2026-12-31', target: 15_000_000 },
    ]);
  });

  it('spreads the target over quarters by days, in cents that add up', () => {
    // 1,200 over 2026: Q1 90 days, Q2 91, Q3 92, Q4 92 (365). Running totals rounded to the cent:
    // 1200·90/365 = 295.89; 1200·181/365 = 595.07 → 299.18; 1200·273/365 = 897.53 → 302.46; 1200 − 897.53 = 302.47.
    const milestones = spreadMilestones(gmv2026({ floor: '', stretch: '', target: '1200' }), 'quarter');
    expect(milestones).toEqual([
      { to: '2026-03-31', amount: '295.89' },
      { to: '2026-06-30', amount: '299.18' },
      { to: '2026-09-30', amount: '302.46' },
      { to: '2026-12-31', amount: '302.47' },
    ]);
    expect(milestoneSum(gmv2026({ phasing: 'custom', milestones }))).toBeCloseTo(1200, 10);
  });

  it('builds a check-in target with its own metric id and no filters', () => {
    const draft = gmv2026({
      source: 'checkin',
      checkin: { id: '', label: 'Brand mentions', unit: 'mentions', aggregation: 'sum', direction: 'higher_is_better' },
      floor: '',
      target: '12k',
      stretch: '',
      filters: { channel: ['email'] },
    });
    expect(draftUnit(draft)).toBe('number');
    const built = buildTarget(draft);
    expect(built.ok && built.target).toMatchObject({
      metric: 'brand_mentions',
      filters: {},
      ladder: { target: 12_000 },
      checkin: {
        label: 'Brand mentions',
        unit: 'mentions',
        aggregation: 'sum',
        direction: 'higher_is_better',
        entries: [],
      },
    });
  });

  it('comes back into the editor as it was typed, in the same units', () => {
    const built = buildTarget(gmv2026({ metric: 'conversion_rate', floor: '2.2', target: '2.5', stretch: '3.1' }));
    if (!built.ok) throw new Error('expected a target');
    const draft = draftFromTarget(built.target);
    expect(draft).toMatchObject({
      metric: 'conversion_rate',
      floor: '2.2',
      target: '2.5',
      stretch: '3.1',
      owner: 'Growth',
    });
    expect(buildTarget(draft)).toEqual(built);
  });

  it('gives the SMART check what it can read while the rest is still being typed', () => {
    expect(looseTarget(gmv2026({ target: '' }))).toBeNull();
    expect(looseTarget(gmv2026({ target: 'soon' }))).toBeNull();
    expect(looseTarget(gmv2026({ floor: 'x', owner: '', why: '' }))).toMatchObject({ ladder: { target: 25_000_000 } });
  });
});

describe('a ladder tree through the editor (issue 18, item 9)', () => {
  const months = [
    '01-31',
    '02-28',
    '03-31',
    '04-30',
    '05-31',
    '06-30',
    '07-31',
    '08-31',
    '09-30',
    '10-31',
    '11-30',
    '12-31',
  ];
  const gmv: Target = {
    id: 'gmv-2026',
    metric: 'gmv',
    period: { from: '2026-01-01', to: '2026-12-31' },
    filters: {},
    ladder: { target: 1_200_000 },
    phasing: 'custom',
    // Quarters of 300 000, months of 100 000; Q4 has its own stretch, December its own floor.
    milestones: months.map((m) => ({ to: `2026-${m}`, target: 100_000, ...(m === '12-31' ? { floor: 90_000 } : {}) })),
    groups: ['03-31', '06-30', '09-30', '12-31'].map((m) => ({
      to: `2026-${m}`,
      target: 300_000,
      ...(m === '12-31' ? { stretch: 330_000 } : {}),
    })),
  };

  it('saves the tree as it was when nothing of it was touched', () => {
    const built = buildTarget(draftFromTarget(gmv));
    expect(built).toEqual({ ok: true, target: gmv });
  });

  it('keeps the quarters when a month is typed over, an additive quarter becoming the sum of its months', () => {
    const draft = draftFromTarget(gmv);
    draft.target = '1,250,000';
    draft.milestones[0] = { to: '2026-01-31', amount: '150,000' };
    const built = buildTarget(draft);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    // Q1 = 150 000 + 100 000 + 100 000 = 350 000; the others stay 300 000; Q4 keeps its stretch.
    expect(built.target.groups?.map((g) => g.target)).toEqual([350_000, 300_000, 300_000, 300_000]);
    expect(built.target.groups?.[3]?.stretch).toBe(330_000);
    expect(built.target.milestones[11]).toEqual({ to: '2026-12-31', target: 100_000, floor: 90_000 });
  });
});
