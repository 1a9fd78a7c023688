import { describe, expect, it } from 'vitest';
import { estimate, progressPercent, startClock, tick } from '../../src/features/data/load-progress';

describe('the load progress bar', () => {
  it('moves through the phases and, while reading or decoding, with the bytes', () => {
    expect(progressPercent('read', 0, 100)).toBe(0);
    expect(progressPercent('read', 50, 100)).toBe(4); // 0 + (8 − 0) × 0.5
    expect(progressPercent('decode', 25, 100)).toBe(2); // 0 + 8 × 0.25
    expect(progressPercent('parse', 100, 100)).toBe(8);
    expect(progressPercent('validate', 100, 100)).toBe(35);
    expect(progressPercent('merge', 100, 100)).toBe(72);
    expect(progressPercent('done', 100, 100)).toBe(88);
  });

  it('never moves back: reading after decoding counts the bytes from 0 again', () => {
    let clock = startClock(0);
    clock = tick(clock, { phase: 'decode', bytes: 100, totalBytes: 100 }, 1000);
    clock = tick(clock, { phase: 'read', bytes: 10, totalBytes: 100 }, 1100);
    expect(clock.percent).toBe(8);
  });

  it('gives the time left at the pace kept so far, and moves on between events up to the end of the phase', () => {
    // 8 % after 2 s: 4 % a second, so 92 % left take 23 s.
    const clock = tick(startClock(0), { phase: 'parse', bytes: 100, totalBytes: 100 }, 2000);
    expect(estimate(clock, 2000)).toEqual({ percent: 8, secondsLeft: 23 });
    // 3 s later at that pace: 8 + 12 = 20 %, 80 % left = 20 s.
    expect(estimate(clock, 5000)).toEqual({ percent: 20, secondsLeft: 20 });
    // Never past the phase's end (35): held at 34 %, 66 % left = 16.5 s.
    expect(estimate(clock, 60_000)).toEqual({ percent: 34, secondsLeft: 17 });
  });

  it('says no time left until there is a pace to go on', () => {
    const early = tick(startClock(0), { phase: 'read', bytes: 1, totalBytes: 100 }, 500);
    expect(estimate(early, 500).secondsLeft).toBeNull();
  });

  it('gives the time left during a long silent statement, a second after the start', () => {
    // The walk reached 8 % at 0.6 s, then DuckDB reads in one statement with no events.
    const clock = tick(startClock(0), { phase: 'parse', bytes: 100, totalBytes: 100 }, 600);
    expect(estimate(clock, 600).secondsLeft).toBeNull(); // under a second in
    // 1.5 s: 13.33 % a second; 8 + 13.33 × 0.9 = 20 %; 80 % left take 6 s.
    expect(estimate(clock, 1500)).toEqual({ percent: 20, secondsLeft: 6 });
  });
});
