import { describe, expect, it } from 'vitest';
import { progressPercent } from '../../src/features/data/PendingFileCard';

describe('the load progress bar', () => {
  it('moves through the phases and, while decoding, with the bytes', () => {
    expect(progressPercent('read', 0, 100)).toBe(0);
    expect(progressPercent('decode', 50, 100)).toBe(15); // 5 + (25 − 5) × 0.5
    expect(progressPercent('parse', 0, 100)).toBe(25);
    expect(progressPercent('merge', 100, 100)).toBe(85);
    expect(progressPercent('done', 100, 100)).toBe(100);
  });
});
