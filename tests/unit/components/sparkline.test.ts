import { describe, expect, it } from 'vitest';
import { sparklinePath } from '../../../src/components/charts/Sparkline';

describe('sparklinePath', () => {
  it('spreads x evenly and puts the max at the top, the min at the bottom', () => {
    // box 100 × 32, pad 2: x = 2, 50, 98; y(max=30) = 2, y(min=10) = 30, y(20) = 16
    expect(sparklinePath([10, 30, 20])).toBe('M2,30L50,2L98,16');
  });

  it('breaks the line at a null; a lone value between nulls is a point of no length', () => {
    // 5 points: x = 2, 26, 50, 74, 98; min 1, max 4: y(v) = 2 + (4 − v) × 28 / 3, so y(2) = 20.667
    expect(sparklinePath([1, 4, null, 2, null])).toBe('M2,30L26,2M74,20.667Z');
  });

  it('draws a flat series across the middle', () => {
    expect(sparklinePath([5, 5])).toBe('M2,16L98,16');
  });

  it('draws nothing with fewer than two known values', () => {
    expect(sparklinePath([null, 3, null])).toBe('');
    expect(sparklinePath([])).toBe('');
  });
});
