import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNodeWasmEngine } from '../../../src/engine/node';
import { detectFile, ensureTables, importFile } from '../../../src/ingest/import';
import { fixture, textFile } from './helpers';

/**
 * Ad reports for marketing_spend (issue 14), each recognised from its header in its own layout:
 * a Google Ads campaign report by day, a Meta Ads report by day and a Chinese ad report. The
 * expected sums are added up by hand from the fixture rows; totals rows are skipped, platform
 * channel names land on the taxonomy with the name as written kept in channel_raw.
 */
let engine: Engine;
beforeAll(async () => {
  engine = await createNodeWasmEngine();
}, 60_000);
afterAll(async () => {
  await engine?.close();
});
beforeEach(async () => {
  await engine.run('DROP TABLE IF EXISTS marketing_spend');
  await ensureTables(engine);
});

const rows = () =>
  engine.query(
    `SELECT CAST(date AS VARCHAR) AS date, channel, channel_raw, campaign, spend::DOUBLE AS spend, impressions, clicks
     FROM marketing_spend ORDER BY date, campaign`,
  );

describe('Google Ads campaign report by day', () => {
  it('reads the report below its title lines (Day, Campaign, Campaign type, Cost, Impr., Clicks) and skips the Total rows', async () => {
    const file = fixture('google_ads_campaign_report.csv');
    expect(await detectFile(engine, file)).toMatchObject({ table: 'marketing_spend', source: 'google_ads' });
    const r = await importFile(engine, file);
    // 4 days-by-campaign rows; "Total: Account" and "Total: Search" are not days.
    expect(r).toMatchObject({ rowsLoaded: 4, rowsRejected: 0 });
    expect(await rows()).toEqual([
      {
        date: '2025-11-01',
        channel: 'paid_search',
        channel_raw: 'Google Ads Search',
        campaign: 'Brand - Search',
        spend: 1204.5,
        impressions: 12300,
        clicks: 410,
      },
      {
        date: '2025-11-01',
        channel: 'display',
        channel_raw: 'Google Ads Display',
        campaign: 'Home decor - Display',
        spend: 380,
        impressions: 95000,
        clicks: 120,
      },
      {
        date: '2025-11-02',
        channel: 'paid_search',
        channel_raw: 'Google Ads Search',
        campaign: 'Brand - Search',
        spend: 1100,
        impressions: 11000,
        clicks: 400,
      },
      {
        date: '2025-11-02',
        channel: 'paid_search',
        channel_raw: 'Google Ads Performance Max',
        campaign: 'Performance Max - All',
        spend: 520.25,
        impressions: 30000,
        clicks: 300,
      },
    ]);
  });
});

describe('Meta Ads report by day', () => {
  it('reads Day, Campaign name, Amount spent (CNY), Impressions and Link clicks', async () => {
    const file = fixture('meta_ads_campaigns_by_day.csv');
    expect(await detectFile(engine, file)).toMatchObject({ table: 'marketing_spend', source: 'meta_ads' });
    const r = await importFile(engine, file);
    expect(r).toMatchObject({ rowsLoaded: 3, rowsRejected: 0 });
    const all = await rows();
    // 850.40 + 910.60 + 300.00 = 2061; link clicks 520 + 560 and one blank.
    expect(all.reduce((a, x) => a + Number(x.spend), 0)).toBeCloseTo(2061, 9);
    expect(all.map((x) => [x.channel, x.channel_raw, x.clicks])).toEqual([
      ['paid_social', 'Meta Ads', 520],
      ['paid_social', 'Meta Ads', 560],
      ['paid_social', 'Meta Ads', null],
    ]);
  });
});

describe('Chinese ad report', () => {
  it('reads 日期, 计划名称, 推广平台, 展现量, 点击量, 花费 and skips 合计', async () => {
    const file = fixture('cn_ads_report.csv');
    expect(await detectFile(engine, file)).toMatchObject({ table: 'marketing_spend', source: 'cn_ads' });
    const r = await importFile(engine, file);
    expect(r).toMatchObject({ rowsLoaded: 3, rowsRejected: 0 });
    expect((await rows()).map((x) => [x.date, x.channel, x.channel_raw, x.spend, x.impressions, x.clicks])).toEqual([
      ['2025-11-01', 'paid_social', '巨量千川', 2400, 150000, 1500],
      ['2025-11-01', 'paid_search', '直通车', 1600, 20000, 800],
      ['2025-11-02', 'paid_search', '直通车', 1800, 22000, 900],
    ]);
  });

  it('takes 消耗 for the spend and, without a platform column, a search-ad report', async () => {
    const file = textFile('cn_ads_消耗.csv', '日期,计划名称,消耗,展现量,点击量\n2025-11-03,新品推广,99.5,1000,20\n');
    expect(await detectFile(engine, file)).toMatchObject({ source: 'cn_ads' });
    await importFile(engine, file);
    expect(await rows()).toEqual([
      {
        date: '2025-11-03',
        channel: 'paid_search',
        channel_raw: '付费搜索',
        campaign: '新品推广',
        spend: 99.5,
        impressions: 1000,
        clicks: 20,
      },
    ]);
  });
});

describe('bad marketing rows', () => {
  it('refuses spend in another currency than the orders, and counts it', async () => {
    await importFile(
      engine,
      textFile(
        'orders.csv',
        'order_id,customer_id,ordered_at,status,order_total,currency\n1,a,2025-11-01,paid,100,CNY\n',
      ),
    );
    const usd = fixture('google_ads_campaign_report.csv');
    const text = new TextDecoder().decode(usd.data as Uint8Array).replace(/,CNY,/g, ',USD,');
    const r = await importFile(engine, textFile('google_ads_usd.csv', text));
    // The four day rows are in USD; the orders are in CNY: none is summed.
    expect(r).toMatchObject({
      rowsLoaded: 0,
      rowsRejected: 4,
      reasons: { 'spend currency is not the orders’ currency': 4 },
    });
    // Meta names its currency in the spend column's header: CNY matches.
    const meta = await importFile(engine, fixture('meta_ads_campaigns_by_day.csv'));
    expect(meta).toMatchObject({ rowsLoaded: 3, rowsRejected: 0 });
    const metaUsd = textFile(
      'meta_usd.csv',
      'Day,Campaign name,Amount spent (USD),Impressions,Link clicks\n2025-11-01,x,12.5,1000,10\n',
    );
    expect(await importFile(engine, metaUsd)).toMatchObject({ rowsLoaded: 0, rowsRejected: 1 });
    await engine.run('DELETE FROM orders');
  });

  it('rejects a campaign that ends before it starts, keeps overlapping ones', async () => {
    await engine.run('DROP TABLE IF EXISTS campaigns');
    await ensureTables(engine);
    const file = textFile(
      'calendar.csv',
      'campaign,name,type,starts_on,ends_on\na,A,满减,2025-11-10,2025-11-01\nb,B,coupon,2025-11-01,2025-11-05\nc,C,flash_sale,2025-11-03,2025-11-04\n',
    );
    const r = await importFile(engine, file);
    expect(r).toMatchObject({ rowsLoaded: 2, rowsRejected: 1, reasons: { 'ends_on before starts_on': 1 } });
    expect(await engine.query('SELECT campaign, type FROM campaigns ORDER BY campaign')).toEqual([
      { campaign: 'b', type: 'coupon' },
      { campaign: 'c', type: 'flash_sale' },
    ]);
  });

  it('rejects a negative spend with its reason and loads the rest', async () => {
    const file = textFile(
      'spend.csv',
      'date,channel,campaign,spend\n2025-11-01,paid_search,a,10\n2025-11-02,paid_search,a,-5\n',
    );
    const r = await importFile(engine, file);
    expect(r).toMatchObject({ rowsLoaded: 1, rowsRejected: 1 });
    expect(Object.keys(r.reasons ?? {}).join(' ')).toMatch(/negative/);
  });
});
