import { describe, expect, it } from 'vitest';
import { attributeGap, logMean, solveDriver, type DriverValues } from '../../../src/targets/driver-tree';

describe('solveDriver', () => {
  it.each([
    // 1 000 000 ÷ (500 000 × 0.025 = 12 500) = 80
    { known: { sessions: 500_000, conversion_rate: 0.025 }, solved: 'aov', value: 80 },
    // 1 000 000 ÷ (500 000 × 80 = 40 000 000) = 0.025
    { known: { sessions: 500_000, aov: 80 }, solved: 'conversion_rate', value: 0.025 },
    // 1 000 000 ÷ (0.025 × 80 = 2) = 500 000
    { known: { conversion_rate: 0.025, aov: 80 }, solved: 'sessions', value: 500_000 },
    // 1 000 000 ÷ (200 000 × 0.04 = 8 000) = 125 (客单价)
    { known: { visitors: 200_000, buyer_conversion_rate: 0.04 }, solved: 'revenue_per_buyer', value: 125 },
  ] as { known: DriverValues; solved: string; value: number }[])('solves $solved', ({ known, solved, value }) => {
    const result = solveDriver(known, 1_000_000);
    expect(result.ok && result.solved).toBe(solved);
    expect(result.ok && (result.drivers as Record<string, number>)[solved]).toBeCloseTo(value, 9);
  });

  it.each([
    { known: { sessions: 1 }, reason: /two drivers/ },
    { known: { sessions: 1, conversion_rate: 0.1, aov: 3 }, reason: /leave one driver open/ },
    { known: { sessions: 1, buyer_conversion_rate: 0.1 }, reason: /two trees/ },
    { known: { sessions: 0, conversion_rate: 0.1 }, reason: /above 0/ },
    { known: {}, reason: /no driver/ },
  ] as { known: DriverValues; reason: RegExp }[])('refuses $known', ({ known, reason }) => {
    const result = solveDriver(known, 1_000);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });
});

describe('logMean', () => {
  it('is the logarithmic mean, a at a = b, smooth near it', () => {
    // L(e², e) = (e² − e) ÷ (2 − 1) = 4.670774…
    expect(logMean(Math.E ** 2, Math.E)).toBeCloseTo(4.670774, 6);
    expect(logMean(7, 7)).toBe(7);
    // L(1 + ε, 1) ≈ 1 + ε/2
    expect(logMean(1 + 1e-9, 1)).toBeCloseTo(1 + 0.5e-9, 15);
    expect(logMean(1, 1 + 1e-9)).toBeCloseTo(1 + 0.5e-9, 15);
  });
});

describe('attributeGap', () => {
  const base = { sessions: 10_000, conversion_rate: 0.02, aov: 50 };

  it('splits the change between the drivers that moved; the one that did not gets 0', () => {
    // GMV₀ = 10 000 × 0.02 × 50 = 10 000; GMV₁ = 12 000 × 0.02 × 55 = 13 200; gap 3 200.
    // L(13 200, 10 000) = 3 200 ÷ ln 1.32 = 11 526.06
    // sessions: 3 200 × ln 1.2 ÷ ln 1.32 = 3 200 × 0.182322 ÷ 0.277632 = 2 101.449
    // aov:      3 200 × ln 1.1 ÷ ln 1.32 = 3 200 × 0.095310 ÷ 0.277632 = 1 098.551
    // (ln 1.2 + ln 1.1 = ln 1.32, so they add up to 3 200.)
    const result = attributeGap(base, { sessions: 12_000, conversion_rate: 0.02, aov: 55 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.baseGmv).toBeCloseTo(10_000, 9);
    expect(result.currentGmv).toBeCloseTo(13_200, 9);
    expect(result.parts.map((p) => p.driver)).toEqual(['sessions', 'conversion_rate', 'aov']);
    expect(result.parts[0]?.contribution).toBeCloseTo(2_101.449, 3);
    expect(result.parts[1]?.contribution).toBe(0);
    expect(result.parts[2]?.contribution).toBeCloseTo(1_098.551, 3);
    expect(result.parts.reduce((sum, p) => sum + p.contribution, 0)).toBe(result.gap);
  });

  it('gives equal and opposite parts when GMV did not change', () => {
    // 12 500 × 0.02 × 40 = 10 000 = GMV₀: L = 10 000; sessions 10 000 × ln 1.25 = 2 231.436, aov 10 000 × ln 0.8 = −2 231.436
    const result = attributeGap(base, { sessions: 12_500, conversion_rate: 0.02, aov: 40 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.parts[0]?.contribution).toBeCloseTo(2_231.436, 3);
    expect(result.parts[2]?.contribution).toBeCloseTo(-2_231.436, 3);
    expect(result.parts[1]?.contribution).toBe(0);
    expect(result.parts.reduce((sum, p) => sum + p.contribution, 0)).toBe(result.gap);
  });

  it('is all zeros when nothing moved', () => {
    const result = attributeGap(base, { ...base });
    expect(result.ok && result.parts.map((p) => p.contribution)).toEqual([0, 0, 0]);
    expect(result.ok && result.gap).toBe(0);
  });

  it.each([
    { current: { sessions: 9_000, conversion_rate: 0.021, aov: 47.3 } },
    { current: { sessions: 31_337, conversion_rate: 0.0137, aov: 123.45 } },
    { current: { sessions: 10_000.000001, conversion_rate: 0.02, aov: 50.0000003 } },
    { current: { sessions: 1, conversion_rate: 0.9, aov: 0.01 } },
  ])('adds up exactly to the gap: $current', ({ current }) => {
    const result = attributeGap(base, current);
    if (!result.ok) throw new Error(result.reason);
    expect(result.parts.reduce((sum, p) => sum + p.contribution, 0)).toBe(result.gap);
    // The waterfall runs base → three steps → current, each step starting where the last ended.
    expect(result.waterfall.map((s) => s.key)).toEqual(['base', 'sessions', 'conversion_rate', 'aov', 'current']);
    for (let i = 2; i < 4; i += 1) expect(result.waterfall[i]?.start).toBe(result.waterfall[i - 1]?.end);
    expect(result.waterfall[3]?.end).toBe(result.currentGmv);
    expect(result.waterfall[4]).toEqual({
      key: 'current',
      kind: 'total',
      start: 0,
      end: result.currentGmv,
      value: result.currentGmv,
    });
  });

  it('works on the visitors tree', () => {
    // 1 000 × 0.05 × 100 = 5 000 → 1 000 × 0.06 × 100 = 6 000: only the conversion moved, so it takes the whole 1 000
    const result = attributeGap(
      { visitors: 1_000, buyer_conversion_rate: 0.05, revenue_per_buyer: 100 },
      { visitors: 1_000, buyer_conversion_rate: 0.06, revenue_per_buyer: 100 },
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.parts.map((p) => p.contribution)).toEqual([0, result.gap, 0]);
    expect(result.gap).toBeCloseTo(1_000, 9);
  });

  it('refuses a driver at 0, which has no logarithm', () => {
    expect(attributeGap(base, { sessions: 0, conversion_rate: 0.02, aov: 50 })).toEqual({
      ok: false,
      reason: 'current sessions must be above 0 for a log decomposition, not 0',
    });
  });
});
