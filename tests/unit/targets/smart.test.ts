import { describe, expect, it } from 'vitest';
import type { Target } from '../../../src/targets/schema';
import { bestYearOverYearGrowth, signedPercent, smartCheck } from '../../../src/targets/smart';
import { everyDay, fakeSource, merge } from './fake-source';

function target(overrides: Partial<Target> & Pick<Target, 'metric'>): Target {
  return {
    id: 't',
    period: { from: '2026-01-01', to: '2026-12-31' },
    filters: {},
    ladder: { target: 1 },
    phasing: 'linear',
    milestones: [],
    owner: 'Growth',
    why: 'Win share in paid search',
    ...overrides,
  };
}

// Orders 2024-01-01..2026-03-31. GMV a day: 2024 100; 2025 110 except November 131; 2026 120.
// Year-over-year by month: 2025 months +10 % (110/100), November +31 % (131/100), February
// 110×28 / (100×29) − 1 = +6.2 % (2024 was a leap year); 2026 months 120/110 − 1 = +9.1 %.
// So the best growth is +31 % in 2025-11. Last year (2025) totals 110 × 365 + 21 × 30 = 40 780.
const history = {
  tables: { orders: { first: '2024-01-01', last: '2026-03-31' } },
  sums: {
    gmv: merge(
      everyDay('2024-01-01', '2024-12-31', 100),
      everyDay('2025-01-01', '2025-12-31', 110),
      everyDay('2025-11-01', '2025-11-30', 131),
      everyDay('2026-01-01', '2026-03-31', 120),
    ),
  },
};
const known = { dimensionValues: { channel: ['email', 'paid_search'] } };

describe('Achievable', () => {
  it('fails when the growth needed is beyond the best in the history', async () => {
    // 60 354.4 ÷ 40 780 = 1.48 → +48 %
    const check = await smartCheck(target({ metric: 'gmv', ladder: { target: 60_354.4 } }), fakeSource(history), known);
    expect(check.achievable).toEqual({
      pass: false,
      reason: {
        en: 'needs +48 % over the same months last year; the best year-over-year growth in your history is +31 % (2025-11)',
        'zh-CN': '需要比去年同期增长 +48%；历史上最好的同比增长为 +31%（2025-11）',
      },
    });
  });

  it('passes within the best growth seen', async () => {
    // 44 858 ÷ 40 780 = 1.10 → +10 % ≤ +31 %
    const check = await smartCheck(target({ metric: 'gmv', ladder: { target: 44_858 } }), fakeSource(history), known);
    expect(check.achievable.pass).toBe(true);
    expect(check.achievable.reason.en).toMatch(/^needs \+10 % over/);
  });

  it('passes a target below last year', async () => {
    // 40 000 ÷ 40 780 − 1 = −1.9 %
    const check = await smartCheck(target({ metric: 'gmv', ladder: { target: 40_000 } }), fakeSource(history), known);
    expect(check.achievable).toMatchObject({
      pass: true,
      reason: { en: expect.stringMatching(/^needs −1.9 % against/) },
    });
  });

  it('cannot judge without last year in the history', async () => {
    // 2027 needs 2026 whole; the data stops on 2026-03-31
    const check = await smartCheck(
      target({ metric: 'gmv', period: { from: '2027-01-01', to: '2027-12-31' } }),
      fakeSource(history),
      known,
    );
    expect(check.achievable.pass).toBeNull();
    expect(check.achievable.reason.en).toBe(
      'the history does not cover the same span last year (2026-01-01 to 2026-12-31)',
    );
  });

  describe('lower is better', () => {
    // refund_rate: 2024 refunds 5 per 100 a day (0.05); 2025 4.5 per 100 (0.045) except June 4 (0.04);
    // 2026 4.5. YoY: 2025 months 0.045/0.05 − 1 = −10 %, June 0.04/0.05 − 1 = −20 % (the largest drop).
    // Last year's rate = (4.5 × 335 + 4 × 30) ÷ (100 × 365) = 1 627.5 / 36 500 = 0.044589
    const refunds = {
      tables: history.tables,
      ratios: {
        refund_rate: {
          numerator: merge(
            everyDay('2024-01-01', '2024-12-31', 5),
            everyDay('2025-01-01', '2025-12-31', 4.5),
            everyDay('2025-06-01', '2025-06-30', 4),
            everyDay('2026-01-01', '2026-03-31', 4.5),
          ),
          denominator: everyDay('2024-01-01', '2026-03-31', 100),
        },
      },
    };

    it('passes a drop within the largest drop seen', async () => {
      // 0.036 ÷ 0.044589 − 1 = −19.3 % ≥ −20 %
      const check = await smartCheck(
        target({ metric: 'refund_rate', ladder: { target: 0.036 } }),
        fakeSource(refunds),
        known,
      );
      expect(check.achievable.pass).toBe(true);
      expect(check.achievable.reason.en).toBe(
        'needs −19 % against the same months last year; the largest year-over-year drop in your history is −20 % (2025-06)',
      );
    });

    it('fails a drop beyond it', async () => {
      // 0.03 × 36 500 / 1 627.5 = 0.6728 → −32.7 % < −20 %
      const check = await smartCheck(
        target({ metric: 'refund_rate', ladder: { target: 0.03 } }),
        fakeSource(refunds),
        known,
      );
      expect(check.achievable.pass).toBe(false);
      expect(check.achievable.reason['zh-CN']).toBe('需要比去年同期 −33%；历史上最大的同比降幅为 −20%（2025-06）');
    });
  });

  it('uses a best growth it is given instead of asking the source', async () => {
    const source = fakeSource(history);
    const check = await smartCheck(target({ metric: 'gmv', ladder: { target: 60_354.4 } }), source, {
      ...known,
      bestGrowth: { growth: 0.5, month: '2025-03' },
    });
    expect(check.achievable.pass).toBe(true);
    // only last year's total was asked for
    expect(source.calls).toHaveLength(1);
  });
});

describe('bestYearOverYearGrowth', () => {
  it('takes the best month over the same month a year earlier, on whole months only', async () => {
    const best = await bestYearOverYearGrowth('gmv', {}, fakeSource(history));
    expect(best?.month).toBe('2025-11');
    // 131 × 30 / (100 × 30) − 1 = 0.31
    expect(best?.growth).toBeCloseTo(0.31, 12);
  });

  it('is null without two years of whole months', async () => {
    const short = { ...history, tables: { orders: { first: '2025-06-15', last: '2026-03-31' } } };
    expect(await bestYearOverYearGrowth('gmv', {}, fakeSource(short))).toBeNull();
  });
});

describe('Specific', () => {
  it('passes a known metric whose filter values are in the data', async () => {
    const check = await smartCheck(
      target({ metric: 'gmv', filters: { channel: ['paid_search'] } }),
      fakeSource(history),
      known,
    );
    expect(check.specific).toEqual({
      pass: true,
      reason: {
        en: 'gmv where channel = paid_search; every value appears in the data',
        'zh-CN': 'gmv，筛选 channel = paid_search；所有筛选值都在数据中',
      },
    });
  });

  it('fails filter values the data does not have, and dimensions it knows no values of', async () => {
    const check = await smartCheck(
      target({ metric: 'gmv', filters: { channel: ['paid_serch', 'email'], region: ['north'] } }),
      fakeSource(history),
      known,
    );
    expect(check.specific).toMatchObject({
      pass: false,
      reason: { en: 'not in the data: channel "paid_serch", region "north"' },
    });
  });

  it('fails an unknown metric', async () => {
    const check = await smartCheck(target({ metric: 'gvm' }), fakeSource(history), known);
    expect(check.specific.pass).toBe(false);
    expect(check.measurable.pass).toBeNull();
    expect(check.achievable.pass).toBeNull();
  });
});

describe('Measurable', () => {
  it('passes when the sources are loaded from before the start', async () => {
    const check = await smartCheck(target({ metric: 'gmv' }), fakeSource(history), known);
    expect(check.measurable).toMatchObject({ pass: true, reason: { en: 'loaded: orders 2024-01-01 to 2026-03-31' } });
  });

  it('fails when a table the metric needs is not loaded', async () => {
    const check = await smartCheck(
      target({ metric: 'conversion_rate', ladder: { target: 0.03 } }),
      fakeSource(history),
      known,
    );
    expect(check.measurable).toMatchObject({
      pass: false,
      reason: { en: 'needs traffic data, which is not loaded', 'zh-CN': '需要流量数据，尚未载入' },
    });
  });

  it('fails when the data starts after the target does', async () => {
    const check = await smartCheck(
      target({ metric: 'gmv', period: { from: '2023-07-01', to: '2024-06-30' } }),
      fakeSource(history),
      known,
    );
    expect(check.measurable.pass).toBe(false);
    expect(check.measurable.reason.en).toBe('orders data starts on 2024-01-01, after the target starts on 2023-07-01');
  });
});

describe('Relevant and Time-bound', () => {
  it('needs an owner and a why', async () => {
    const source = fakeSource(history);
    expect((await smartCheck(target({ metric: 'gmv' }), source, known)).relevant).toMatchObject({
      pass: true,
      reason: { en: 'owner Growth: Win share in paid search' },
    });
    const { owner: _owner, ...withoutOwner } = target({ metric: 'gmv' });
    expect((await smartCheck(withoutOwner, source, known)).relevant).toMatchObject({
      pass: false,
      reason: { en: 'no owner' },
    });
    expect((await smartCheck(target({ metric: 'gmv', owner: ' ', why: '' }), source, known)).relevant.reason.en).toBe(
      'no owner and no why',
    );
  });

  it('needs a period that ends after it starts', async () => {
    const source = fakeSource(history);
    // 2026 has 365 days
    expect((await smartCheck(target({ metric: 'gmv' }), source, known)).timeBound.reason.en).toBe(
      '2026-01-01 to 2026-12-31, 365 days',
    );
    const backwards = await smartCheck(
      target({ metric: 'gmv', period: { from: '2026-12-31', to: '2026-01-01' } }),
      source,
      known,
    );
    expect(backwards.timeBound).toMatchObject({
      pass: false,
      reason: { en: 'the period ends (2026-01-01) before it starts (2026-12-31)' },
    });
    expect(
      (await smartCheck(target({ metric: 'gmv', period: { from: '', to: '2026-01-01' } }), source, known)).timeBound
        .pass,
    ).toBe(false);
  });
});

it('checks a check-in target without history', async () => {
  const check = await smartCheck(
    target({
      metric: 'csat',
      ladder: { target: 4.5 },
      checkin: {
        label: 'Customer satisfaction',
        unit: 'score',
        aggregation: 'level',
        direction: 'higher_is_better',
        entries: [],
      },
    }),
    fakeSource({ tables: {} }),
    known,
  );
  expect(check.specific.pass).toBe(true);
  expect(check.measurable).toMatchObject({
    pass: true,
    reason: { en: 'entered by hand each period; 0 values so far' },
  });
  expect(check.achievable.pass).toBeNull();
});

it.each([
  { fraction: 0.48, en: '+48 %', zh: '+48%' },
  { fraction: -0.045, en: '−4.5 %', zh: '−4.5%' },
  { fraction: 0.0001, en: '±0 %', zh: '±0%' },
])('writes $fraction as $en', ({ fraction, en, zh }) => {
  expect(signedPercent(fraction, 'en')).toBe(en);
  expect(signedPercent(fraction, 'zh-CN')).toBe(zh);
});
