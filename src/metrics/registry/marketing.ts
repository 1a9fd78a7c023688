/**
 * The marketing metrics of METRICS.md "Marketing" (issue 14): one entry per metric, read by the
 * marketing runner (queries/marketing.ts), the report's `marketing` section, the Marketing page's
 * names and the targets on marketing metrics. Ratios name their parts as entries: the spend side
 * here, the orders and traffic side from the KPI registry (gmv, orders, discounts, new_buyers,
 * sessions), so what GMV or a new buyer means is still said once.
 *
 * These entries are not in REGISTRY (the KPI registry the compiler and the daily rollups walk):
 * their rows come from marketing_spend and campaigns, grouped by the spend's own channel and
 * campaign, which the KPI compiler does not read.
 */
import { discounts, gmv, new_buyers, orders } from './orders';
import { sessions } from './traffic';
import type { Direction, MetricEntry, Texts, Unit } from './types';

export type MarketingTable = 'marketing_spend' | 'campaigns' | 'orders' | 'traffic';

interface MarketingCommon<Id extends string> {
  id: Id;
  module: 'marketing';
  unit: Unit;
  direction: Direction;
  /** METRICS.md "Targets": additive metrics are paced as sums, every other one as a level. */
  additive: boolean;
  sources: readonly MarketingTable[];
  label: Texts;
  short?: Texts;
  description: Texts;
  spec: string;
}

/** Σ `measure` over spend rows of the period (marketing_spend.date in the period, the view's filters). */
export interface SpendSumEntry<Id extends string = string> extends MarketingCommon<Id> {
  kind: 'spend_sum';
  measure: string;
}

/** Paid orders of the period meeting `where` (an expression over the orders table's columns). */
export interface OrderCountEntry<Id extends string = string> extends MarketingCommon<Id> {
  kind: 'order_count';
  where: string;
}

export type MarketingPart = SpendSumEntry | OrderCountEntry | MetricEntry;

/** `num / NULLIF(den₁ + den₂ …, 0)` over other entries' values (null in, null out). */
export interface MarketingRatioEntry<Id extends string = string> extends MarketingCommon<Id> {
  kind: 'ratio';
  num: MarketingPart;
  den: readonly MarketingPart[];
}

/** A figure of one campaign of the calendar (METRICS.md "Per campaign of the calendar"). */
export interface CampaignFigureEntry<Id extends string = string> extends MarketingCommon<Id> {
  kind: 'campaign';
}

export type MarketingEntry<Id extends string = string> =
  SpendSumEntry<Id> | OrderCountEntry<Id> | MarketingRatioEntry<Id> | CampaignFigureEntry<Id>;

const common = { module: 'marketing', spec: 'METRICS.md#marketing' } as const;
const spendSide = { ...common, kind: 'spend_sum', sources: ['marketing_spend'], additive: true } as const;
const ratio = { ...common, kind: 'ratio', additive: false } as const;
const campaign = { ...common, kind: 'campaign', additive: false, sources: ['campaigns', 'orders'] } as const;

export const spend = {
  ...spendSide,
  id: 'spend',
  measure: 'spend',
  unit: 'money',
  // A budget: less spent for the same result is better; a target on it is a ceiling.
  direction: 'lower',
  label: { en: 'Marketing spend', zh: '推广花费' },
  short: { en: 'Spend', zh: '花费' },
  description: {
    en: 'Sum of spend in marketing_spend over the days of the period (ad platforms’ cost, in the orders’ currency).',
    zh: '周期内每日推广花费 (marketing_spend.spend) 之和，币种与订单相同。',
  },
} as const satisfies SpendSumEntry;

export const impressions = {
  ...spendSide,
  id: 'impressions',
  measure: 'impressions',
  unit: 'count',
  direction: 'higher',
  label: { en: 'Impressions', zh: '展现量' },
  description: { en: 'Sum of ad impressions of the period.', zh: '周期内广告展现量之和。' },
} as const satisfies SpendSumEntry;

export const clicks = {
  ...spendSide,
  id: 'clicks',
  measure: 'clicks',
  unit: 'count',
  direction: 'higher',
  label: { en: 'Clicks', zh: '点击量' },
  description: { en: 'Sum of ad clicks of the period.', zh: '周期内广告点击量之和。' },
} as const satisfies SpendSumEntry;

/** A coupon code as compared: trimmed and upper-cased (codes are typed by people; `welcome10` is `WELCOME10`). */
export const COUPON_CODE_SQL = (alias: string) => `upper(nullif(trim(${alias}.coupon_code), ''))`;

export const coupon_orders = {
  ...common,
  kind: 'order_count',
  id: 'coupon_orders',
  where: `${COUPON_CODE_SQL('o')} IS NOT NULL`,
  sources: ['orders'],
  additive: true,
  unit: 'count',
  direction: 'higher',
  label: { en: 'Coupon orders', zh: '用券订单数' },
  description: {
    en: 'Paid orders of the period with a coupon code.',
    zh: '周期内使用了优惠券码的已付款订单数。',
  },
} as const satisfies OrderCountEntry;

export const roas = {
  ...ratio,
  id: 'roas',
  num: gmv,
  den: [spend],
  sources: ['orders', 'marketing_spend'],
  unit: 'rate',
  direction: 'higher',
  label: { en: 'Return on ad spend (ROAS)', zh: '投入产出比 (ROAS)' },
  short: { en: 'ROAS', zh: 'ROAS' },
  description: {
    en: 'GMV ÷ spend: per channel the channel’s GMV over its spend, per campaign the GMV of orders tagged with it; 0 when there is spend and no GMV.',
    zh: 'GMV ÷ 花费：按渠道为该渠道的 GMV ÷ 其花费，按活动为带该活动标记的订单 GMV ÷ 其花费；有花费无成交时为 0。',
  },
} as const satisfies MarketingRatioEntry;

export const cac = {
  ...ratio,
  id: 'cac',
  num: spend,
  den: [new_buyers],
  sources: ['orders', 'marketing_spend'],
  unit: 'money',
  direction: 'lower',
  label: { en: 'Customer acquisition cost (CAC)', zh: '获客成本 (CAC)' },
  short: { en: 'CAC', zh: '获客成本' },
  description: {
    en: 'Spend ÷ new buyers; per channel, the new buyers whose first paid order ever came through that channel (lower is better).',
    zh: '花费 ÷ 新买家数；按渠道时计首笔已付款订单来自该渠道的新买家（越低越好）。',
  },
} as const satisfies MarketingRatioEntry;

export const marketing_cost_ratio = {
  ...ratio,
  id: 'marketing_cost_ratio',
  num: spend,
  den: [gmv],
  sources: ['orders', 'marketing_spend'],
  unit: 'rate',
  direction: 'lower',
  label: { en: 'Marketing cost ratio', zh: '营销费比' },
  short: { en: 'Cost ratio', zh: '费比' },
  description: { en: 'Spend ÷ GMV (lower is better).', zh: '花费 ÷ GMV（越低越好）。' },
} as const satisfies MarketingRatioEntry;

export const ctr = {
  ...ratio,
  id: 'ctr',
  num: clicks,
  den: [impressions],
  sources: ['marketing_spend'],
  unit: 'rate',
  direction: 'higher',
  label: { en: 'Click-through rate (CTR)', zh: '点击率 (CTR)' },
  short: { en: 'CTR', zh: '点击率' },
  description: { en: 'Clicks ÷ impressions.', zh: '点击量 ÷ 展现量。' },
} as const satisfies MarketingRatioEntry;

export const cpc = {
  ...ratio,
  id: 'cpc',
  num: spend,
  den: [clicks],
  sources: ['marketing_spend'],
  unit: 'money',
  direction: 'lower',
  label: { en: 'Cost per click (CPC)', zh: '平均点击花费 (CPC)' },
  short: { en: 'CPC', zh: 'CPC' },
  description: { en: 'Spend ÷ clicks (lower is better).', zh: '花费 ÷ 点击量（越低越好）。' },
} as const satisfies MarketingRatioEntry;

export const cost_per_session = {
  ...ratio,
  id: 'cost_per_session',
  num: spend,
  den: [sessions],
  sources: ['marketing_spend', 'traffic'],
  unit: 'money',
  direction: 'lower',
  label: { en: 'Cost per session', zh: '单次访问成本' },
  short: { en: 'Cost/session', zh: '访问成本' },
  description: {
    en: 'Spend ÷ sessions of the same channel (lower is better).',
    zh: '花费 ÷ 同渠道访问次数（越低越好）。',
  },
} as const satisfies MarketingRatioEntry;

export const coupon_order_share = {
  ...ratio,
  id: 'coupon_order_share',
  num: coupon_orders,
  den: [orders],
  sources: ['orders'],
  unit: 'rate',
  direction: 'higher',
  label: { en: 'Coupon order share', zh: '用券订单占比' },
  short: { en: 'Coupon share', zh: '用券占比' },
  description: {
    en: 'Paid orders with a coupon code ÷ paid orders.',
    zh: '使用优惠券码的已付款订单数 ÷ 已付款订单数。',
  },
} as const satisfies MarketingRatioEntry;

export const discount_rate = {
  ...ratio,
  id: 'discount_rate',
  num: discounts,
  den: [gmv, discounts],
  sources: ['orders'],
  unit: 'rate',
  direction: 'lower',
  label: { en: 'Discount rate', zh: '折扣率' },
  description: {
    en: 'Discounts ÷ (GMV + discounts): the share of the list value given away (lower is better).',
    zh: '优惠金额 ÷（GMV + 优惠金额）：让利占原价的比例（越低越好）。',
  },
} as const satisfies MarketingRatioEntry;

export const baseline_daily_gmv = {
  ...campaign,
  id: 'baseline_daily_gmv',
  unit: 'money',
  direction: 'higher',
  label: { en: 'Baseline GMV per day', zh: '基线日均 GMV' },
  short: { en: 'Baseline/day', zh: '基线日均' },
  description: {
    en: 'Shop GMV per day over the 28 days before the campaign starts; empty when those days begin before the first order.',
    zh: '活动开始前 28 天的店铺日均 GMV；这 28 天早于第一笔订单时为空。',
  },
} as const satisfies CampaignFigureEntry;

export const daily_gmv = {
  ...campaign,
  id: 'daily_gmv',
  unit: 'money',
  direction: 'higher',
  label: { en: 'GMV per day during', zh: '活动期日均 GMV' },
  short: { en: 'During/day', zh: '活动日均' },
  description: {
    en: 'Shop GMV per day over the campaign’s own dates (a campaign still running: its days in the data so far).',
    zh: '活动自身日期内的店铺日均 GMV（进行中的活动：按已有数据的天数）。',
  },
} as const satisfies CampaignFigureEntry;

export const uplift = {
  ...campaign,
  id: 'uplift',
  unit: 'rate',
  direction: 'higher',
  label: { en: 'Uplift', zh: '提升幅度' },
  description: {
    en: 'GMV per day during the campaign ÷ baseline − 1.',
    zh: '活动期日均 GMV ÷ 基线日均 GMV − 1。',
  },
} as const satisfies CampaignFigureEntry;

export const after_dip = {
  ...campaign,
  id: 'after_dip',
  unit: 'rate',
  direction: 'higher',
  label: { en: 'After-sale dip', zh: '活动后回落' },
  short: { en: 'After dip', zh: '活动后回落' },
  description: {
    en: 'Shop GMV per day over the 14 days after the campaign ÷ baseline − 1 (orders pulled forward show as a negative value); empty until those 14 days are in the data.',
    zh: '活动结束后 14 天的店铺日均 GMV ÷ 基线 − 1（提前透支的订单表现为负值）；这 14 天数据未齐时为空。',
  },
} as const satisfies CampaignFigureEntry;

export const tagged_gmv = {
  ...campaign,
  id: 'tagged_gmv',
  unit: 'money',
  direction: 'higher',
  label: { en: 'Tagged GMV', zh: '活动标记 GMV' },
  description: {
    en: 'GMV of paid orders placed during the campaign whose campaign is the campaign’s id.',
    zh: '活动期间下单、campaign 为该活动 ID 的已付款订单 GMV。',
  },
} as const satisfies CampaignFigureEntry;

export const tagged_orders = {
  ...campaign,
  id: 'tagged_orders',
  unit: 'count',
  direction: 'higher',
  label: { en: 'Tagged orders', zh: '活动标记订单数' },
  description: {
    en: 'Paid orders placed during the campaign whose campaign is the campaign’s id.',
    zh: '活动期间下单、campaign 为该活动 ID 的已付款订单数。',
  },
} as const satisfies CampaignFigureEntry;

/** Every marketing entry, in the order of the report's `marketing` object and then the per-campaign figures. */
export const MARKETING_REGISTRY = [
  spend,
  impressions,
  clicks,
  coupon_orders,
  roas,
  cac,
  marketing_cost_ratio,
  discount_rate,
  coupon_order_share,
  ctr,
  cpc,
  cost_per_session,
  baseline_daily_gmv,
  daily_gmv,
  uplift,
  after_dip,
  tagged_gmv,
  tagged_orders,
] as const;

export type MarketingMetricId = (typeof MARKETING_REGISTRY)[number]['id'];

/** The shop-wide figures the report's `marketing` object opens with (METRICS.md "Report JSON"). */
export const MARKETING_TOTAL_IDS = [
  'spend',
  'roas',
  'cac',
  'marketing_cost_ratio',
  'discount_rate',
  'coupon_order_share',
] as const satisfies readonly MarketingMetricId[];
export type MarketingTotalId = (typeof MARKETING_TOTAL_IDS)[number];

export const MARKETING_ENTRIES = Object.fromEntries(MARKETING_REGISTRY.map((e) => [e.id, e])) as unknown as Record<
  MarketingMetricId,
  MarketingEntry<MarketingMetricId>
>;

export function isMarketingMetricId(value: unknown): value is MarketingMetricId {
  return typeof value === 'string' && Object.hasOwn(MARKETING_ENTRIES, value);
}

/** A marketing ratio from its parts' values, as SQL's `num / NULLIF(den₁ + …, 0)` on doubles: null in, null out. */
export function marketingRatio(entry: MarketingRatioEntry, value: (id: string) => number | null): number | null {
  const num = value(entry.num.id);
  const den = entry.den.map((d) => value(d.id));
  if (num === null || den.some((v) => v === null)) return null;
  const total = (den as number[]).reduce((a, b) => a + b, 0);
  return total === 0 ? null : num / total;
}
