import { describe, expect, it } from 'vitest';
import { ENTRIES, KPI_IDS } from '../../../src/metrics/registry';
import { evaluateTarget } from '../../../src/targets/evaluate';
import { KPI_FACTS } from '../../../src/targets/metric-kinds';
import type { Target } from '../../../src/targets/schema';
import { everyDay, fakeSource } from './fake-source';

/*
 * Regression (issue 12): the targets module kept its own table of metric facts, which called
 * refunds, discounts and cancelled orders higher-is-better while the KPI cards (the registry)
 * call them lower-is-better. A refunds target running over read "on track" while the card showed
 * the same rise in red.
 */
const refundsTarget = (ladder: Target['ladder']): Target => ({
  id: 'refunds-2026',
  metric: 'refunds',
  period: { from: '2026-01-01', to: '2026-12-31' },
  filters: {},
  ladder,
  phasing: 'linear',
  milestones: [],
});
const ordersThroughMarch = { orders: { first: '2024-01-01', last: '2026-03-31' } };

describe('a refunds target is judged lower-is-better, as its KPI card is coloured', () => {
  it('reads off track when refunds run above the target', async () => {
    // 150 a day over Jan 1..Mar 31 (90 days): actual 13 500, projected 13 500 ÷ (90 / 365) = 54 750.
    // Lower is better: the target 36 500 is not reached (54 750 > 36 500), nor the default floor
    // of 110 % = 40 150, so off track; attainment = target ÷ projected = 36 500 ÷ 54 750 = 2 / 3.
    const source = fakeSource({
      tables: ordersThroughMarch,
      sums: { refunds: everyDay('2026-01-01', '2026-03-31', 150) },
    });
    const status = await evaluateTarget(refundsTarget({ target: 36_500 }), source);
    expect(status.projected).toBeCloseTo(54_750, 6);
    expect(status.direction).toBe('lower_is_better');
    expect(status.floor).toBeCloseTo(40_150, 6);
    expect(status.attainment).toBeCloseTo(2 / 3, 12);
    expect(status.status).toBe('off_track');
  });

  it('reads ahead when refunds stay below the stretch', async () => {
    // 50 a day: projected 50 × 365 = 18 250, at or below the stretch 20 000.
    const source = fakeSource({
      tables: ordersThroughMarch,
      sums: { refunds: everyDay('2026-01-01', '2026-03-31', 50) },
    });
    const status = await evaluateTarget(refundsTarget({ target: 36_500, stretch: 20_000 }), source);
    expect(status.projected).toBeCloseTo(18_250, 6);
    expect(status.status).toBe('ahead');
  });

  it('takes every KPI’s direction, unit, pacing and tables from the registry', () => {
    for (const id of KPI_IDS) {
      const entry = ENTRIES[id];
      expect(KPI_FACTS[id], id).toEqual({
        kind: entry.additive ? 'additive' : 'ratio',
        direction: entry.direction === 'lower' ? 'lower_is_better' : 'higher_is_better',
        unit: entry.unit,
        tables: entry.sources,
        // A KPI rate is a share (0..1); only ROAS among the operations metrics is a multiple.
        fraction: entry.unit === 'rate',
      });
    }
    expect(['refunds', 'discounts', 'cancelled_orders'].map((id) => KPI_FACTS[id as 'refunds'].direction)).toEqual([
      'lower_is_better',
      'lower_is_better',
      'lower_is_better',
    ]);
  });
});
