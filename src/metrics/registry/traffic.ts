/** The traffic metrics of METRICS.md "Traffic", and the funnel steps between sessions and orders. */
import { buyers, orders } from './orders';
import { metric } from './types';

const common = { module: 'traffic', spec: 'METRICS.md#traffic' } as const;

export const sessions = metric({
  ...common,
  id: 'sessions',
  kind: 'sum',
  scope: 'traffic_rows',
  measure: 'sessions',
  rollup: 'daily',
  sources: ['traffic'],
  additive: true,
  direction: 'higher',
  unit: 'count',
  report: 'kpis',
  label: { en: 'Sessions', zh: '访问次数' },
  description: { en: 'Sum of daily sessions in the period.', zh: '周期内每日访问次数之和。' },
});

export const visitors = metric({
  ...common,
  id: 'visitors',
  kind: 'sum',
  scope: 'traffic_rows',
  measure: 'visitors',
  requiresColumn: 'visitors',
  rollup: 'daily',
  sources: ['traffic'],
  additive: true,
  direction: 'higher',
  unit: 'count',
  report: 'kpis',
  label: { en: 'Visitors', zh: '访客数' },
  description: {
    en: 'Sum of the exported daily visitors in the period (a sum, not a de-duplicated count).',
    zh: '周期内导出的每日访客数之和（直接相加，不去重）。',
  },
});

export const conversion_rate = metric({
  ...common,
  id: 'conversion_rate',
  kind: 'ratio',
  num: orders,
  den: [sessions],
  sources: ['orders', 'traffic'],
  additive: false,
  direction: 'higher',
  unit: 'rate',
  report: 'kpis',
  label: { en: 'Conversion rate', zh: '转化率' },
  description: { en: 'Paid orders ÷ sessions.', zh: '已付款订单数 ÷ 访问次数。' },
});

export const buyer_conversion_rate = metric({
  ...common,
  id: 'buyer_conversion_rate',
  kind: 'ratio',
  num: buyers,
  den: [visitors],
  sources: ['orders', 'traffic'],
  additive: false,
  direction: 'higher',
  unit: 'rate',
  report: 'kpis',
  label: { en: 'Buyer conversion rate', zh: '支付转化率' },
  description: { en: 'Buyers ÷ visitors.', zh: '买家数 ÷ 访客数。' },
});

export const product_views = metric({
  ...common,
  id: 'product_views',
  kind: 'sum',
  scope: 'traffic_rows',
  measure: 'product_views',
  requiresColumn: 'product_views',
  rollup: 'daily',
  sources: ['traffic'],
  additive: true,
  direction: 'higher',
  unit: 'count',
  report: 'funnel',
  label: { en: 'Product views', zh: '商品浏览量' },
  description: { en: 'Sum of daily product views in the period.', zh: '周期内每日商品浏览量之和。' },
});

export const add_to_cart = metric({
  ...common,
  id: 'add_to_cart',
  kind: 'sum',
  scope: 'traffic_rows',
  measure: 'add_to_cart',
  requiresColumn: 'add_to_cart',
  rollup: 'daily',
  sources: ['traffic'],
  additive: true,
  direction: 'higher',
  unit: 'count',
  report: 'funnel',
  label: { en: 'Add to cart', zh: '加购数' },
  description: { en: 'Sum of daily add-to-cart counts in the period.', zh: '周期内每日加购数之和。' },
});

export const checkouts = metric({
  ...common,
  id: 'checkouts',
  kind: 'sum',
  scope: 'traffic_rows',
  measure: 'checkouts',
  requiresColumn: 'checkouts',
  rollup: 'daily',
  sources: ['traffic'],
  additive: true,
  direction: 'higher',
  unit: 'count',
  report: 'funnel',
  label: { en: 'Checkouts', zh: '结算数' },
  description: { en: 'Sum of daily checkouts in the period.', zh: '周期内每日结算数之和。' },
});
