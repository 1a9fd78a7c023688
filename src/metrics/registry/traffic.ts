/** The traffic metrics of METRICS.md "Traffic", and the funnel steps between sessions and orders. */
import { buyers, orders } from './orders';
import { metric } from './types';

const common = { module: 'traffic', spec: 'METRICS.md#traffic' } as const;
/** Families of entries: what their metrics share is said once. */
const trafficSum = {
  ...common,
  kind: 'sum',
  scope: 'traffic_rows',
  rollup: 'daily',
  sources: ['traffic'],
  additive: true,
  direction: 'higher',
  unit: 'count',
} as const;
const conversion = {
  ...common,
  kind: 'ratio',
  sources: ['orders', 'traffic'],
  additive: false,
  direction: 'higher',
  unit: 'rate',
  report: 'kpis',
} as const;

export const sessions = metric({
  ...trafficSum,
  id: 'sessions',
  measure: 'sessions',
  report: 'kpis',
  label: { en: 'Sessions', zh: '访问次数' },
  description: { en: 'Sum of daily sessions in the period.', zh: '周期内每日访问次数之和。' },
});

export const visitors = metric({
  ...trafficSum,
  id: 'visitors',
  measure: 'visitors',
  requiresColumn: 'visitors',
  report: 'kpis',
  label: { en: 'Visitors', zh: '访客数' },
  description: {
    en: 'Sum of the exported daily visitors in the period (a sum, not a de-duplicated count).',
    zh: '周期内导出的每日访客数之和（直接相加，不去重）。',
  },
});

export const conversion_rate = metric({
  ...conversion,
  id: 'conversion_rate',
  num: orders,
  den: [sessions],
  label: { en: 'Conversion rate', zh: '转化率' },
  short: { en: 'Conversion', zh: '转化率' },
  description: { en: 'Paid orders ÷ sessions.', zh: '已付款订单数 ÷ 访问次数。' },
});

export const buyer_conversion_rate = metric({
  ...conversion,
  id: 'buyer_conversion_rate',
  num: buyers,
  den: [visitors],
  label: { en: 'Buyer conversion rate', zh: '支付转化率' },
  short: { en: 'Buyer conversion', zh: '支付转化率' },
  description: { en: 'Buyers ÷ visitors.', zh: '买家数 ÷ 访客数。' },
});

export const product_views = metric({
  ...trafficSum,
  id: 'product_views',
  measure: 'product_views',
  requiresColumn: 'product_views',
  report: 'funnel',
  label: { en: 'Product views', zh: '商品浏览量' },
  description: { en: 'Sum of daily product views in the period.', zh: '周期内每日商品浏览量之和。' },
});

export const add_to_cart = metric({
  ...trafficSum,
  id: 'add_to_cart',
  measure: 'add_to_cart',
  requiresColumn: 'add_to_cart',
  report: 'funnel',
  label: { en: 'Add to cart', zh: '加购数' },
  description: { en: 'Sum of daily add-to-cart counts in the period.', zh: '周期内每日加购数之和。' },
});

export const checkouts = metric({
  ...trafficSum,
  id: 'checkouts',
  measure: 'checkouts',
  requiresColumn: 'checkouts',
  report: 'funnel',
  label: { en: 'Checkouts', zh: '结算数' },
  description: { en: 'Sum of daily checkouts in the period.', zh: '周期内每日结算数之和。' },
});
