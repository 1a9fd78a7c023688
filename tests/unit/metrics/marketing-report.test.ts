import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../../src/cli/format';
import type { Engine } from '../../../src/engine/engine';
import { createNativeEngine } from '../../../src/engine/native';
import { createNodeWasmEngine } from '../../../src/engine/node';
import { rebuildDerived } from '../../../src/metrics/derived';
import { computeReport } from '../../../src/metrics/report';
import type { ReportJson } from '../../../src/metrics/report-types';
import { FULL_MARKETING_SHOP, loadMarketingShop } from '../../fixtures/metrics/marketing-shop';

/**
 * The report's `marketing` section (METRICS.md "Report JSON") as JSON, Markdown and CSV, and the
 * same on DuckDB-WASM and native DuckDB. The figures are those worked out in marketing.test.ts.
 */
const FEB_MAR = { from: '2025-02-01', to: '2025-03-31' };

let wasm: Engine;
let native: Engine;
let fromWasm: ReportJson;
let fromNative: ReportJson;
const notices: string[] = [];

beforeAll(async () => {
  [wasm, native] = await Promise.all([createNodeWasmEngine(), createNativeEngine()]);
  for (const engine of [wasm, native]) {
    await loadMarketingShop(engine, FULL_MARKETING_SHOP);
    await rebuildDerived(engine);
  }
  fromWasm = await computeReport(wasm, { period: FEB_MAR });
  fromNative = await computeReport(native, { period: FEB_MAR });
}, 120_000);
afterAll(async () => {
  await Promise.all([wasm?.close(), native?.close()]);
});

describe('the marketing section of the report', () => {
  it('is the same on DuckDB-WASM and native DuckDB', () => {
    expect(fromWasm.marketing).not.toBeNull();
    expect(fromNative.marketing).toEqual(fromWasm.marketing);
  });

  it('has the keys of METRICS.md in its order', () => {
    const m = fromWasm.marketing!;
    expect(Object.keys(m)).toEqual([
      'spend',
      'roas',
      'cac',
      'marketing_cost_ratio',
      'discount_rate',
      'coupon_order_share',
      'by_channel',
      'by_campaign',
      'coupons',
      'campaigns',
    ]);
    expect(Object.keys(m.by_channel[0]!)).toEqual([
      'channel',
      'spend',
      'sessions',
      'new_buyers',
      'cac',
      'gmv',
      'roas',
      'ctr',
      'cpc',
      'cost_per_session',
    ]);
    expect(Object.keys(m.by_campaign[0]!)).toEqual(['campaign', 'spend', 'gmv', 'orders', 'roas']);
    expect(Object.keys(m.coupons[0]!)).toEqual(['code', 'orders', 'gmv', 'discounts', 'buyers', 'new_buyers']);
    expect(Object.keys(m.campaigns[0]!)).toEqual([
      'campaign',
      'name',
      'type',
      'starts_on',
      'ends_on',
      'baseline_daily_gmv',
      'daily_gmv',
      'uplift',
      'after_dip',
      'tagged_gmv',
      'tagged_orders',
      'discounts',
      'spend',
      'roas',
    ]);
  });

  it('prints in Markdown with rounded values and — for nulls', () => {
    const md = renderReport(fromWasm, 'md');
    expect(md).toContain('## Marketing');
    expect(md).toMatch(/\| Marketing spend \| CN¥195(\.00)? \|/);
    expect(md).toContain('| Return on ad spend (ROAS) | 2.54× |');
    // referral: spend 25, ROAS 0, CAC null.
    expect(md).toMatch(/\| referral \| CN¥25(\.00)? \| 0 \| 0 \| — \| CN¥0(\.00)? \| 0\.00× \|/);
    expect(md).toContain('### Campaign calendar');
    expect(md).toMatch(
      /\| Spring sale \| 2025-02-01 – 2025-02-03 \| CN¥20(\.00)? \| CN¥70(\.00)? \| 250(\.00)?% \| [−-]50(\.00)?% \|/,
    );
  });

  it('adds the marketing totals to the CSV, at full precision', () => {
    const csv = renderReport(fromWasm, 'csv');
    expect(csv).toContain('spend,Marketing spend,money,195,,');
    expect(csv).toContain(`roas,Return on ad spend (ROAS),rate,${496 / 195},,`);
  });

  it('says when a filter leaves spend null', async () => {
    const report = await computeReport(wasm, {
      period: FEB_MAR,
      filters: { region: ['North'] },
      onNotice: (n) => notices.push(n),
    });
    expect(report.marketing?.spend).toBeNull();
    expect(notices).toContain('marketing_spend cannot be filtered by region: spend figures are null');
  });
});
