import { describe, expect, it } from 'vitest';
import { driverChange } from '../../src/features/overview/driver-summary';
import type { Kpis } from '../../src/metrics/queries/kpis';

const kpis = (sessions: number | null, conversion_rate: number | null, aov: number | null) => ({ sessions, conversion_rate, aov }) as Kpis;

describe('the driver tree summary of the overview', () => {
  it('splits the GMV change between sessions, conversion and AOV so the parts add up', () => {
    // Previous: 1000 × 0.02 × 50 = 1000. Current: 1200 × 0.02 × 60 = 1440. Change 440.
    // Conversion did not move, so its part is exactly 0; L(1440, 1000) = 440 / ln 1.44 = 1205.0…;
    // sessions: L × ln 1.2 = 219.7…, AOV: L × ln 1.2 = 219.7… — the two equal halves of 440.
    const result = driverChange(kpis(1200, 0.02, 60), kpis(1000, 0.02, 50));
    expect(result?.ok).toBe(true);
    if (!result?.ok) return;
    expect(result.gap).toBeCloseTo(440, 9);
    const part = (d: string) => result.parts.find((p) => p.driver === d)!.contribution;
    expect(part('conversion_rate')).toBe(0);
    expect(part('sessions')).toBeCloseTo(220, 9);
    expect(part('aov')).toBeCloseTo(220, 9);
    expect(part('sessions') + part('conversion_rate') + part('aov')).toBeCloseTo(440, 9);
  });

  it('has nothing to say without traffic or with an empty period', () => {
    expect(driverChange(kpis(null, null, 60), kpis(1000, 0.02, 50))).toBeNull();
    expect(driverChange(kpis(1000, 0, null), kpis(1000, 0.02, 50))).toBeNull();
    expect(driverChange(undefined, kpis(1000, 0.02, 50))).toBeNull();
  });
});

describe('a zoomed waterfall axis', () => {
  it('spans the step ends with a margin instead of starting at 0', async () => {
    const { zoomedDomain } = await import('../../src/components/charts/Waterfall');
    // Totals 1000 and 1100, steps 1000→1060→1100: ends 1000..1100, range 100, pad 60 below and 24 above.
    const [lo, hi] = zoomedDomain([
      { key: 'base', label: 'a', range: [0, 1000], value: 1000, tone: 'total' },
      { key: 's', label: 'b', range: [1000, 1060], value: 60, tone: 'up' },
      { key: 'c', label: 'c', range: [1060, 1100], value: 40, tone: 'up' },
      { key: 'current', label: 'd', range: [0, 1100], value: 1100, tone: 'total' },
    ]);
    expect(lo).toBeCloseTo(940, 9);
    expect(hi).toBeCloseTo(1124, 9);
  });
});
