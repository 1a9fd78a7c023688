import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { dropDerived, rebuildDerived } from '../../../src/metrics/derived';
import {
  campaignWindows,
  computeCampaignDays,
  computeMarketing,
  computeMarketingComparison,
  computeMarketingSeries,
  computeNearbyCampaigns,
} from '../../../src/metrics/queries/marketing';
import { MARKETING_REGISTRY } from '../../../src/metrics/registry/marketing';
import { ENGINES } from '../../fixtures/metrics/tables';
import { postedBeforeAnyResult } from '../../fixtures/metrics/held-statements';
import { FULL_MARKETING_SHOP, loadMarketingShop } from '../../fixtures/metrics/marketing-shop';

/**
 * Every marketing figure of METRICS.md "Marketing" on the shop of fixtures/metrics/marketing-shop.ts,
 * each expected number worked out by hand below from the fixture's rows.
 *
 * Period 2025-02-01..2025-03-31. Paid orders in it: o4 150, o5 60, o7 140 (refunded, still paid),
 * o8 90, o9 56 → gmv 496, orders 5, discounts 10 + 5 = 15. o6 is cancelled.
 * New buyers: d (o5), f (o8), g (o9) → 3 (a and b bought in January, e never paid).
 * Spend in the period: 40 + 20 + 30 + 30 + 50 + 25 = 195 (999 on 01-31 and 10 on 04-02 are outside).
 */
const FEB_MAR = { from: '2025-02-01', to: '2025-03-31' };
const Q1 = { from: '2025-01-01', to: '2025-03-31' };

describe.each(ENGINES)('marketing on $name', ({ create }) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await create();
    await loadMarketingShop(engine, FULL_MARKETING_SHOP);
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
  });

  describe.each([
    ['canonical tables', false],
    ['derived tables', true],
  ] as const)('over the %s', (_name, derived) => {
    beforeAll(async () => {
      if (derived) await rebuildDerived(engine);
      else await dropDerived(engine);
    });

    it('gives the shop-wide figures', async () => {
      const m = await computeMarketing(engine, FEB_MAR);
      expect(m).not.toBeNull();
      expect(m!.spend).toBe(195);
      expect(m!.roas).toBeCloseTo(496 / 195, 12); // 2.5436
      expect(m!.cac).toBe(65); // 195 ÷ 3 new buyers
      expect(m!.marketing_cost_ratio).toBeCloseTo(195 / 496, 12); // 0.3931
      expect(m!.discount_rate).toBeCloseTo(15 / 511, 12); // 15 ÷ (496 + 15)
      // o4 "spring5" and o5 " SPRING5 " have a code; o8's "  " is blank; o6 is cancelled.
      expect(m!.coupon_order_share).toBe(0.4); // 2 ÷ 5
    });

    it('gives one row per channel with spend in the period, in taxonomy order', async () => {
      const m = await computeMarketing(engine, FEB_MAR);
      expect(m!.by_channel).toEqual([
        // paid_search: spend 40 + 20; impressions 2000, clicks 80; GMV o4 150 (o6 cancelled); sessions 300;
        // its only buyer a first bought in January → 0 new buyers, CAC null.
        {
          channel: 'paid_search',
          spend: 60,
          sessions: 300,
          new_buyers: 0,
          cac: null,
          gmv: 150,
          roas: 2.5,
          ctr: 0.04,
          cpc: 0.75,
          cost_per_session: 0.2,
        },
        // paid_social: spend 30 + 30; impressions 2000 (the flash row has none), clicks 20; GMV o5 60;
        // d's first order is o5 → 1 new buyer; sessions 120.
        {
          channel: 'paid_social',
          spend: 60,
          sessions: 120,
          new_buyers: 1,
          cac: 60,
          gmv: 60,
          roas: 1,
          ctr: 0.01,
          cpc: 3,
          cost_per_session: 0.5,
        },
        // referral: spend and nothing else: ROAS 0, not null; CAC null; no impressions or clicks; 0 sessions.
        {
          channel: 'referral',
          spend: 25,
          sessions: 0,
          new_buyers: 0,
          cac: null,
          gmv: 0,
          roas: 0,
          ctr: null,
          cpc: null,
          cost_per_session: null,
        },
        // affiliate: spend 50, clicks 10, no impressions; GMV o9 56; g is new.
        {
          channel: 'affiliate',
          spend: 50,
          sessions: 0,
          new_buyers: 1,
          cac: 50,
          gmv: 56,
          roas: 1.12,
          ctr: null,
          cpc: 5,
          cost_per_session: null,
        },
      ]);
    });

    it('gives one row per campaign id of the spend rows', async () => {
      const m = await computeMarketing(engine, FEB_MAR);
      expect(m!.by_campaign).toEqual([
        // flash: spend 30, no order carries it → ROAS 0.
        { campaign: 'flash', spend: 30, gmv: 0, orders: 0, roas: 0 },
        // spring: spend 40 + 20 + 30 = 90; paid orders o4 150 + o5 60 = 210.
        { campaign: 'spring', spend: 90, gmv: 210, orders: 2, roas: 210 / 90 },
      ]);
    });

    it('gives the coupons, codes compared trimmed and case-folded', async () => {
      const m = await computeMarketing(engine, FEB_MAR);
      // SPRING5: o4 (a, 150, discount 10) and o5 (d, 60, discount 5); d is a new buyer, a is not.
      // WELCOME10 (o2) is in January.
      expect(m!.coupons).toEqual([{ code: 'SPRING5', orders: 2, gmv: 210, discounts: 15, buyers: 2, new_buyers: 1 }]);
    });

    it('measures each campaign of the calendar over its own dates', async () => {
      const m = await computeMarketing(engine, Q1);
      const byId = Object.fromEntries(m!.campaigns.map((c) => [c.campaign, c]));
      // xmas (December 2024) does not overlap the period; the rest come in start order.
      expect(m!.campaigns.map((c) => c.campaign)).toEqual(['newyear', 'spring', 'flash', 'launch', 'autumn']);

      // newyear 01-15..01-16: its baseline would start 2024-12-18, before the first order (2025-01-01) → null,
      // so uplift and after_dip are null; no order on those days → 0 a day; its dates are before the first
      // spend date (01-31) → spend and ROAS null.
      expect(byId.newyear).toEqual({
        campaign: 'newyear',
        name: 'New year',
        type: 'holiday',
        starts_on: '2025-01-15',
        ends_on: '2025-01-16',
        baseline_daily_gmv: null,
        daily_gmv: 0,
        uplift: null,
        after_dip: null,
        tagged_gmv: 0,
        tagged_orders: 0,
        discounts: 0,
        spend: null,
        roas: null,
      });

      // spring 02-01..02-03: baseline 01-04..01-31 = o2 280 + o3 280 = 560 ÷ 28 = 20 a day;
      // during o4 150 + o5 60 = 210 ÷ 3 = 70 → uplift 2.5; after 02-04..02-17 = o7 140 ÷ 14 = 10 → dip −0.5;
      // tagged o4 + o5 (o6 cancelled): 210, 2 orders, discounts 15; spend 90 → ROAS 2.333.
      expect(byId.spring).toMatchObject({
        baseline_daily_gmv: 20,
        daily_gmv: 70,
        uplift: 2.5,
        after_dip: -0.5,
        tagged_gmv: 210,
        tagged_orders: 2,
        discounts: 15,
        spend: 90,
      });
      expect(byId.spring!.roas).toBeCloseTo(210 / 90, 12);

      // flash 02-02..02-05 overlaps spring (both shown): baseline 01-05..02-01 = 280 + 280 + 150 = 710 ÷ 28;
      // during o5 60 ÷ 4 = 15 → uplift 15 × 28 ÷ 710 − 1; after 02-06..02-19 = 140 ÷ 14 = 10 → 10 × 28 ÷ 710 − 1;
      // no order carries "flash": tagged 0; spend 30 → ROAS 0.
      expect(byId.flash!.baseline_daily_gmv).toBeCloseTo(710 / 28, 12);
      expect(byId.flash!.daily_gmv).toBe(15);
      expect(byId.flash!.uplift).toBeCloseTo(420 / 710 - 1, 12); // −0.4085
      expect(byId.flash!.after_dip).toBeCloseTo(280 / 710 - 1, 12); // −0.6056
      expect(byId.flash).toMatchObject({ tagged_gmv: 0, tagged_orders: 0, spend: 30, roas: 0 });

      // launch 03-25..03-28: baseline 02-25..03-24 = o9 56 ÷ 28 = 2; nothing during → uplift −1;
      // its 14 days after run to 04-11, past the last order date (03-31) → after_dip null; spend 0 → ROAS null.
      expect(byId.launch).toMatchObject({
        baseline_daily_gmv: 2,
        daily_gmv: 0,
        uplift: -1,
        after_dip: null,
        spend: 0,
        roas: null,
      });

      // autumn 03-30..04-10 is still running: its days in the data are 03-30..03-31, o8 90 ÷ 2 = 45;
      // baseline 03-02..03-29 = 56 ÷ 28 = 2 → uplift 21.5; after null.
      expect(byId.autumn).toMatchObject({ baseline_daily_gmv: 2, daily_gmv: 45, uplift: 21.5, after_dip: null });
    });

    it('applies the view’s channel filter to spend and orders alike', async () => {
      const m = await computeMarketing(engine, FEB_MAR, { channel: ['paid_social'] });
      // Spend 30 + 30; GMV o5 60; new buyers d → CAC 60; discounts 5 → 5 ÷ 65; coupon orders 1 of 1.
      expect(m).toMatchObject({ spend: 60, roas: 1, cac: 60, coupon_order_share: 1 });
      expect(m!.discount_rate).toBeCloseTo(5 / 65, 12);
      expect(m!.by_channel.map((r) => r.channel)).toEqual(['paid_social']);
    });

    it('leaves spend figures null under a filter spend rows cannot honour', async () => {
      const m = await computeMarketing(engine, FEB_MAR, { region: ['North'] });
      // Region North: o5 only (gmv 60, discount 5, coupon). Spend has no region → null, and so ROAS, CAC, cost ratio.
      expect(m).toMatchObject({
        spend: null,
        roas: null,
        cac: null,
        marketing_cost_ratio: null,
        coupon_order_share: 1,
      });
      expect(m!.by_channel).toEqual([]);
      expect(m!.by_campaign).toEqual([]);
    });

    it('gives null spend for a period outside the spend’s dates, 0 inside without rows', async () => {
      const january = await computeMarketing(engine, { from: '2025-01-01', to: '2025-01-20' });
      expect(january!.spend).toBeNull(); // spend starts 01-31
      expect(january!.roas).toBeNull();
      const quiet = await computeMarketing(engine, { from: '2025-03-03', to: '2025-03-31' });
      expect(quiet!.spend).toBe(0); // inside 01-31..04-02, no rows
      expect(quiet!.roas).toBeNull(); // 146 ÷ 0
      expect(quiet!.marketing_cost_ratio).toBe(0); // 0 ÷ (o8 90 + o9 56)
    });
  });

  it('gives spend by channel and ROAS per month', async () => {
    await rebuildDerived(engine);
    const rows = await computeMarketingSeries(engine, FEB_MAR, 'month');
    // February: spend 40 + 20 (paid_search) and 30 + 30 (paid_social); GMV o4 150 + o5 60 + o7 140 = 350.
    // March: affiliate 50, referral 25; GMV o9 56 + o8 90 = 146.
    expect(rows).toEqual([
      { period: '2025-02', spend: { paid_search: 60, paid_social: 60 }, total_spend: 120, gmv: 350, roas: 350 / 120 },
      { period: '2025-03', spend: { affiliate: 50, referral: 25 }, total_spend: 75, gmv: 146, roas: 146 / 75 },
    ]);
  });

  it('gives spend and GMV per day, GMV null on days outside the orders', async () => {
    await rebuildDerived(engine);
    const rows = await computeMarketingSeries(engine, { from: '2025-03-30', to: '2025-04-02' }, 'day');
    // Orders run to 03-31 (o8 90 that day), spend to 04-02 (display 10): inside spend's dates a day
    // without rows spends 0, and ROAS over 0 spend or no GMV is null.
    expect(rows).toEqual([
      { period: '2025-03-30', spend: {}, total_spend: 0, gmv: 0, roas: null },
      { period: '2025-03-31', spend: {}, total_spend: 0, gmv: 90, roas: null },
      { period: '2025-04-01', spend: {}, total_spend: 0, gmv: null, roas: null },
      { period: '2025-04-02', spend: { display: 10 }, total_spend: 10, gmv: null, roas: null },
    ]);
  });

  it('reads the calendar’s daily GMV once a filter: a campaign’s days and a day chart run no GMV statement of their own', async () => {
    await rebuildDerived(engine);
    await computeMarketing(engine, FEB_MAR);
    const spy = vi.spyOn(engine, 'query');
    try {
      const days = await computeCampaignDays(engine, { starts_on: '2025-03-25', ends_on: '2025-03-28' });
      expect(days.filter((d) => d.phase === 'during').map((d) => d.gmv)).toEqual([0, 0, 0, 0]);
      expect(spy).not.toHaveBeenCalled();
      const series = await computeMarketingSeries(engine, { from: '2025-02-01', to: '2025-02-02' }, 'day');
      expect(series.map((r) => r.gmv)).toEqual([150, 60]); // o4, o5
      expect(spy.mock.calls.map(([sql]) => sql).filter((sql) => !sql.includes('marketing_spend'))).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  it('gives the comparison period its totals and channel rows, without reading the campaigns', async () => {
    await rebuildDerived(engine);
    const full = await computeMarketing(engine, FEB_MAR);
    const { by_campaign: _campaignSpend, coupons: _coupons, campaigns: _calendar, ...shown } = full!;
    const spy = vi.spyOn(engine, 'query');
    try {
      await rebuildDerived(engine); // nothing from the result cache
      spy.mockClear();
      expect(await computeMarketingComparison(engine, FEB_MAR)).toEqual(shown);
      // Past the description of the marketing tables, no statement names a campaign.
      const statements = spy.mock.calls
        .map(([sql]) => sql)
        .filter((sql) => !sql.includes('duckdb_tables()') && !sql.includes('AS campaign_rows'));
      expect(statements.length).toBeGreaterThan(0);
      expect(statements.filter((sql) => sql.includes('campaign'))).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  it('posts every statement of a period at once: none waits for another’s rows', async () => {
    await rebuildDerived(engine);
    await computeMarketing(engine, FEB_MAR); // what names no period: the calendar's rows, first channels
    const { posted, result } = await postedBeforeAnyResult(engine, () => computeMarketing(engine, Q1));
    // The KPIs, the spend, GMV by channel, GMV by campaign and the coupon codes of Q1.
    expect(posted).toHaveLength(5);
    // Q1's spend: 999 on 01-31 and the 195 of February and March.
    expect(result?.spend).toBe(1194);
  });

  it('gives a campaign’s days from 28 before to 14 after, by phase', async () => {
    const days = await computeCampaignDays(engine, { starts_on: '2025-02-01', ends_on: '2025-02-03' });
    // 2025-01-04 .. 2025-02-17: 28 + 3 + 14 = 45 days.
    expect(days).toHaveLength(45);
    expect(days[0]).toEqual({ date: '2025-01-04', phase: 'before', gmv: 0 });
    expect(days.find((d) => d.date === '2025-01-10')).toEqual({ date: '2025-01-10', phase: 'before', gmv: 280 });
    expect(days.filter((d) => d.phase === 'during').map((d) => d.gmv)).toEqual([150, 60, 0]);
    expect(days.filter((d) => d.phase === 'after').reduce((a, d) => a + d.gmv, 0)).toBe(140);
    // Clipped to the orders' dates: launch's after-window would run to 04-11, the data ends 03-31.
    const launch = await computeCampaignDays(engine, { starts_on: '2025-03-25', ends_on: '2025-03-28' });
    expect(launch.at(-1)).toEqual({ date: '2025-03-31', phase: 'after', gmv: 90 });
  });

  it('names the campaigns nearest a period no campaign overlaps, planned ones included', async () => {
    // Between flash (ends 02-05) and launch (starts 03-25), nothing runs.
    const between = { from: '2025-02-06', to: '2025-03-24' };
    const near = await computeNearbyCampaigns(engine, between);
    expect(near.before).toEqual({
      campaign: 'flash',
      name: 'Flash sale',
      type: 'flash_sale',
      starts_on: '2025-02-02',
      ends_on: '2025-02-05',
    });
    expect(near.after?.campaign).toBe('launch');
    // Before the first campaign (xmas 2024-12-01) and after the last (autumn ends 2025-04-10).
    expect(await computeNearbyCampaigns(engine, { from: '2024-11-01', to: '2024-11-30' })).toMatchObject({
      before: null,
      after: { campaign: 'xmas' },
    });
    expect(await computeNearbyCampaigns(engine, { from: '2025-04-11', to: '2025-04-30' })).toMatchObject({
      before: { campaign: 'autumn' },
      after: null,
    });
    // A planned campaign starting with launch but ending first comes first; one with flash's id moves
    // flash to January, so the last to end before the period is now spring (02-03).
    const planned = [
      { campaign: 'early', name: 'Early bird', type: 'other', starts_on: '2025-03-25', ends_on: '2025-03-26' },
      { campaign: 'flash', name: 'Flash sale', type: 'flash_sale', starts_on: '2025-01-20', ends_on: '2025-01-21' },
    ];
    const withPlanned = await computeNearbyCampaigns(engine, between, planned);
    expect(withPlanned.before?.campaign).toBe('spring');
    expect(withPlanned.after).toEqual(planned[0]);
  });

  it('is null without a marketing table', async () => {
    await loadMarketingShop(engine, { orders: FULL_MARKETING_SHOP.orders });
    await rebuildDerived(engine); // a load rebuilds the derived tables, and with them the result cache
    expect(await computeMarketing(engine, FEB_MAR)).toBeNull();
    await loadMarketingShop(engine, FULL_MARKETING_SHOP);
  });
});

describe('campaign windows', () => {
  it('clips to the orders’ dates and leaves out windows the data does not hold', () => {
    // Baseline starts exactly on the first order date: kept. After ends exactly on the last: kept.
    expect(campaignWindows('2025-01-29', '2025-02-02', '2025-01-01', '2025-02-16')).toEqual({
      baseline: { from: '2025-01-01', to: '2025-01-28' },
      during: { from: '2025-01-29', to: '2025-02-02' },
      after: { from: '2025-02-03', to: '2025-02-16' },
    });
    // One day later on either side: gone.
    expect(campaignWindows('2025-01-28', '2025-02-02', '2025-01-01', '2025-02-15')).toMatchObject({
      baseline: null,
      after: null,
    });
    expect(campaignWindows('2025-01-28', '2025-02-02', null, null)).toEqual({
      baseline: null,
      during: null,
      after: null,
    });
  });
});

describe('marketing registry', () => {
  it.each(MARKETING_REGISTRY.map((e) => [e.id, e] as const))(
    '%s has names in both languages, a unit and a direction',
    (_id, e) => {
      expect(e.label.en.trim()).not.toBe('');
      expect(e.label.zh).toMatch(/\p{Script=Han}/u);
      expect(e.description.zh).toMatch(/\p{Script=Han}/u);
      expect(['money', 'count', 'rate']).toContain(e.unit);
      expect(['higher', 'lower']).toContain(e.direction);
    },
  );
});
