import { describe, expect, it } from 'vitest';
import { sparklineSegments } from '../../../src/components/charts/Sparkline';

describe('sparklineSegments', () => {
  it('spreads x evenly and puts the max at the top, the min at the bottom', () => {
    // box 100 × 32, pad 2: x = 2, 50, 98; y(max=30) = 2, y(min=10) = 30, y(20) = 16
    expect(sparklineSegments([10, 30, 20])).toEqual(['2.00,30.00 50.00,2.00 98.00,16.00']);
  });

  it('breaks the line at a null and drops a lone value', () => {
    // 5 points: x = 2, 26, 50, 74, 98; min 1, max 4: y(v) = 2 + (4 - v) × 28 / 3
    const segments = sparklineSegments([1, 4, null, 2, null]);
    expect(segments).toEqual(['2.00,30.00 26.00,2.00']);
  });

  it('draws a flat series across the middle', () => {
    expect(sparklineSegments([5, 5])).toEqual(['2.00,16.00 98.00,16.00']);
  });

  it('draws nothing with fewer than two known values', () => {
    expect(sparklineSegments([null, 3, null])).toEqual([]);
    expect(sparklineSegments([])).toEqual([]);
  });
});
