import type { HeaderIndex, SourceDefinition, SourcePlan } from './source';

/**
 * Daily ad reports for `marketing_spend` (DATA.md "Sources to recognise without help", issue 14):
 * Google Ads and Meta Ads campaign reports by day, and a Chinese ad report (日期, 计划名称,
 * 花费 or 消耗, 展现量, 点击量). Each gives the day, the campaign, the spend, impressions and
 * clicks; the channel is the platform's name for it (kept as channel_raw), mapped onto the
 * taxonomy by src/ingest/channels.ts. Totals rows ("Total: …", 合计 / 总计) are not days and
 * are skipped.
 */

/** The first header starting with `prefix` (Meta names its spend column "Amount spent (USD)"). */
function startingWith(h: HeaderIndex, prefix: string): string | null {
  const p = prefix.toLowerCase();
  return h.names.find((n) => n.trim().toLowerCase().startsWith(p)) ?? null;
}

/** The currency a header names in parentheses ("Amount spent (USD)"), as a SQL literal; NULL when none. */
function currencyIn(header: string | null): string {
  const code = header ? /\(([A-Za-z]{3})\)\s*$/.exec(header)?.[1] : undefined;
  return code ? `'${code.toUpperCase()}'` : 'NULL::VARCHAR';
}

const notTotal = (column: string) =>
  `coalesce(lower(trim(${column})), '') NOT LIKE 'total%' AND coalesce(trim(${column}), '') NOT IN ('合计', '总计', '汇总', '--')`;

function googlePlan(h: HeaderIndex): SourcePlan {
  const day = h.first('Day', 'Date');
  const type = h.first('Campaign type', 'Advertising channel type');
  return {
    source: 'google_ads',
    table: 'marketing_spend',
    where: `${notTotal(day)} AND ${notTotal(h.first('Campaign'))}`,
    fields: {
      date: day,
      // "Google Ads Search", "Google Ads Display"…: the platform and its campaign type, kept as written.
      channel: `'Google Ads ' || coalesce(${type}, 'Search')`,
      campaign: h.first('Campaign'),
      spend: h.first('Cost', 'Cost (converted currency)'),
      impressions: h.first('Impr.', 'Impressions'),
      clicks: h.first('Clicks', 'Interactions'),
      currency: h.first('Currency code', 'Currency'),
    },
  };
}

export const GOOGLE_ADS: SourceDefinition = {
  id: 'google_ads',
  table: 'marketing_spend',
  recognises: (h) =>
    (h.has('Day') || h.has('Date')) && h.has('Campaign') && h.has('Cost') && (h.has('Impr.') || h.has('Impressions')),
  plan: googlePlan,
};

function metaPlan(h: HeaderIndex): SourcePlan {
  const day = h.first('Day', 'Reporting starts');
  const spend = startingWith(h, 'Amount spent');
  return {
    source: 'meta_ads',
    table: 'marketing_spend',
    where: notTotal(day),
    fields: {
      date: day,
      channel: `'Meta Ads'`,
      campaign: h.first('Campaign name', 'Campaign'),
      spend: spend ? h.text(spend) : h.first('Spend'),
      impressions: h.text('Impressions'),
      clicks: h.first('Link clicks', 'Clicks (all)', 'Clicks'),
      currency: h.has('Currency') ? h.text('Currency') : currencyIn(spend),
    },
  };
}

export const META_ADS: SourceDefinition = {
  id: 'meta_ads',
  table: 'marketing_spend',
  recognises: (h) =>
    (h.has('Day') || h.has('Reporting starts')) &&
    (h.has('Campaign name') || h.has('Campaign')) &&
    startingWith(h, 'Amount spent') !== null,
  plan: metaPlan,
};

function cnPlan(h: HeaderIndex): SourcePlan {
  const day = h.first('日期', '时间');
  const platform = h.first('推广平台', '平台', '推广渠道', '渠道', '推广工具');
  return {
    source: 'cn_ads',
    table: 'marketing_spend',
    where: notTotal(day),
    fields: {
      date: day,
      // Without a platform column the report is taken to be a search-ad one (直通车, 百度推广).
      channel: `coalesce(${platform}, '付费搜索')`,
      campaign: h.first('计划名称', '推广计划', '计划'),
      spend: h.first('花费', '消耗', '总花费', '消费'),
      impressions: h.first('展现量', '展示数', '展现数'),
      clicks: h.first('点击量', '点击数'),
      currency: h.first('币种', '货币'),
    },
  };
}

export const CN_ADS: SourceDefinition = {
  id: 'cn_ads',
  table: 'marketing_spend',
  recognises: (h) =>
    (h.has('日期') || h.has('时间')) &&
    (h.has('计划名称') || h.has('推广计划')) &&
    (h.has('花费') || h.has('消耗') || h.has('总花费')),
  plan: cnPlan,
};

export const AD_REPORT_SOURCES: readonly SourceDefinition[] = [GOOGLE_ADS, META_ADS, CN_ADS];
