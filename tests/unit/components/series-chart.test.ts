import { describe, expect, it } from 'vitest';
import { labelStride, linePaths, niceTicks, placeLabels } from '../../../src/components/charts/svg-axes';

describe('value axis ticks', () => {
  it('runs from 0 in round steps of 1, 2, 2.5 or 5 × a power of ten up to at least the highest value', () => {
    // (16000 − 0) / 4 = 4000 → the next round step is 5000.
    expect(niceTicks(0, 16000)).toEqual([0, 5000, 10000, 15000, 20000]);
    // 100 / 4 = 25 exactly: the top tick is the highest value.
    expect(niceTicks(0, 100)).toEqual([0, 25, 50, 75, 100]);
    // Rates: 0.031 / 4 = 0.00775 → step 0.01, without float noise.
    expect(niceTicks(0.012, 0.031)).toEqual([0, 0.01, 0.02, 0.03, 0.04]);
  });

  it('reaches below 0 for negative values and gives an empty series an axis', () => {
    // 150 / 4 = 37.5 → step 50, from −50.
    expect(niceTicks(-50, 100)).toEqual([-50, 0, 50, 100]);
    expect(niceTicks(0, 0)).toEqual([0, 1]);
  });
});

describe('bucket labels', () => {
  it('labels every bucket when there is room and thins them when not', () => {
    // 12 months, 80 px each, labels 45 px + 12 px gap: all of them.
    expect(labelStride(12, 80, 45)).toBe(1);
    // 31 days, 20 px each, labels 62 px + 12: every 4th.
    expect(labelStride(31, 20, 62)).toBe(4);
    expect(labelStride(1, 10, 100)).toBe(1);
  });
});

describe('label placement', () => {
  it('keeps the last label inside the chart and drops labels that would touch the next one', () => {
    // "AAAA" is 4 × 6.8 = 27.2 px wide; buckets centred at 10, 30, 50, 70, 90 in a 100 px chart.
    const placed = placeLabels(['AAAA', 'AAAA', 'AAAA', 'AAAA', 'AAAA'], (i) => i * 20 + 10, 100, 1);
    // Last: centre 90 moved in to 100 − 13.6 − 2 = 84.4, so its left edge with the gap is 64.8.
    // 70 (right edge 89.6) and 50 (69.6) would touch it; 30 (49.6) fits; 0 is moved to 15.6 and touches 30.
    expect(placed.map((p) => p.index)).toEqual([1, 4]);
    expect(placed[0]!.x).toBeCloseTo(30, 9);
    expect(placed[1]!.x).toBeCloseTo(84.4, 9);
  });

  it('places every stride-th label counted back from the last', () => {
    const placed = placeLabels(['a', 'b', 'c', 'd', 'e'], (i) => i * 100 + 50, 500, 2);
    expect(placed).toEqual([
      { index: 0, x: 50 },
      { index: 2, x: 250 },
      { index: 4, x: 450 },
    ]);
  });
});

describe('line paths', () => {
  it('breaks the line at a missing value and drops a lone point between gaps', () => {
    expect(linePaths([1, null, 2, 3], (i) => i * 10, (v) => v)).toEqual(['M20,2L30,3']);
    expect(linePaths([1, 2, undefined, 4, 5], (i) => i, (v) => 10 - v)).toEqual(['M0,9L1,8', 'M3,6L4,5']);
  });
});
