/** The orders metrics of METRICS.md "Orders": one entry per metric, everything else reads them. */
import { metric } from './types';

const PAID = 'Paid orders are those with status paid, partially_refunded or refunded.';
const PAID_ZH = '已付款订单指状态为 paid、partially_refunded 或 refunded 的订单。';
const common = { module: 'orders', sources: ['orders'], spec: 'METRICS.md#orders' } as const;
/** Families of entries: what their metrics share is said once. */
const paidMoney = {
  ...common,
  kind: 'sum',
  scope: 'paid_orders',
  rollup: 'daily',
  additive: true,
  unit: 'money',
} as const;
const buyerCount = {
  ...common,
  kind: 'buyers',
  rollup: { notFromRollup: 'distinct customers do not add up across days or dimension values' },
  direction: 'higher',
  unit: 'count',
} as const;
const ordersRatio = { ...common, kind: 'ratio', additive: false } as const;

export const gmv = metric({
  ...paidMoney,
  id: 'gmv',
  measure: 'order_total',
  direction: 'higher',
  report: 'kpis',
  label: { en: 'GMV', zh: '成交总额 (GMV)' },
  short: { en: 'GMV', zh: 'GMV' },
  description: {
    en: `Sum of order_total of paid orders placed in the period: what customers were charged, after discounts, with shipping and tax. ${PAID}`,
    zh: `周期内下单的已付款订单的 order_total 之和：顾客实际支付的金额（扣除优惠，含运费和税）。${PAID_ZH}`,
  },
});

export const refunds = metric({
  ...paidMoney,
  id: 'refunds',
  measure: 'refund_amount',
  direction: 'lower',
  report: 'kpis',
  label: { en: 'Refunds', zh: '退款金额' },
  description: {
    en: `Sum of refund_amount of paid orders placed in the period (refunds count on the order date). ${PAID}`,
    zh: `周期内下单的已付款订单的 refund_amount 之和（退款计入下单日期）。${PAID_ZH}`,
  },
});

export const net_revenue = metric({
  ...paidMoney,
  id: 'net_revenue',
  measure: 'order_total - refund_amount',
  direction: 'higher',
  report: 'kpis',
  label: { en: 'Net revenue', zh: '净收入' },
  description: { en: 'GMV minus refunds.', zh: 'GMV 减去退款金额。' },
});

export const discounts = metric({
  ...paidMoney,
  id: 'discounts',
  measure: 'discount_amount',
  direction: 'lower',
  report: 'kpis',
  label: { en: 'Discounts', zh: '优惠金额' },
  description: {
    en: `Sum of discount_amount of paid orders placed in the period. ${PAID}`,
    zh: `周期内下单的已付款订单的 discount_amount 之和。${PAID_ZH}`,
  },
});

export const orders = metric({
  ...common,
  id: 'orders',
  kind: 'count',
  scope: 'paid_orders',
  rollup: 'daily',
  additive: true,
  direction: 'higher',
  unit: 'count',
  report: 'kpis',
  label: { en: 'Orders', zh: '订单数' },
  description: {
    en: `Number of paid orders placed in the period. ${PAID}`,
    zh: `周期内下单的已付款订单数。${PAID_ZH}`,
  },
});

export const buyers = metric({
  ...buyerCount,
  id: 'buyers',
  additive: true,
  report: 'kpis',
  label: { en: 'Buyers', zh: '买家数' },
  description: {
    en: 'Distinct customers with at least one paid order in the period; customer ids are compared trimmed and case-insensitively.',
    zh: '周期内至少有一笔已付款订单的不同顾客数；顾客 ID 去除首尾空格并忽略大小写后比较。',
  },
});

export const aov = metric({
  ...ordersRatio,
  id: 'aov',
  num: gmv,
  den: [orders],
  direction: 'higher',
  unit: 'money',
  report: 'kpis',
  label: { en: 'Average order value', zh: '笔单价 (AOV)' },
  short: { en: 'AOV', zh: '笔单价' },
  description: { en: 'GMV ÷ orders.', zh: 'GMV ÷ 订单数。' },
});

export const revenue_per_buyer = metric({
  ...ordersRatio,
  id: 'revenue_per_buyer',
  num: gmv,
  den: [buyers],
  direction: 'higher',
  unit: 'money',
  report: 'kpis',
  label: { en: 'Revenue per buyer', zh: '客单价' },
  description: { en: 'GMV ÷ buyers (客单价 as many Chinese platforms define it).', zh: 'GMV ÷ 买家数。' },
});

export const new_buyers = metric({
  ...buyerCount,
  id: 'new_buyers',
  firstPaid: 'in_span',
  additive: true,
  report: 'kpis',
  label: { en: 'New buyers', zh: '新买家数' },
  short: { en: 'New buyers', zh: '新买家' },
  description: {
    en: 'Buyers of the period whose first paid order in the whole dataset falls in the period.',
    zh: '周期内的买家中，全部数据里首笔已付款订单落在本周期内的人数。',
  },
});

export const returning_buyers = metric({
  ...buyerCount,
  id: 'returning_buyers',
  firstPaid: 'before_span',
  additive: false,
  report: 'kpis',
  label: { en: 'Returning buyers', zh: '老买家数' },
  short: { en: 'Returning buyers', zh: '老买家' },
  description: {
    en: 'Buyers of the period whose first paid order is before the start of the period.',
    zh: '周期内的买家中，首笔已付款订单早于周期开始的人数。',
  },
});

export const returning_customer_rate = metric({
  ...ordersRatio,
  id: 'returning_customer_rate',
  num: returning_buyers,
  den: [buyers],
  direction: 'higher',
  unit: 'rate',
  report: 'kpis',
  label: { en: 'Returning customer rate', zh: '老客占比' },
  description: { en: 'Returning buyers ÷ buyers.', zh: '老买家数 ÷ 买家数。' },
});

export const repeat_buyers = metric({
  ...buyerCount,
  id: 'repeat_buyers',
  minOrders: 2,
  additive: false,
  report: 'part',
  label: { en: 'Repeat buyers', zh: '复购买家数' },
  description: {
    en: 'Buyers with two or more paid orders inside the period.',
    zh: '周期内有两笔及以上已付款订单的买家数。',
  },
});

export const repeat_purchase_rate = metric({
  ...ordersRatio,
  id: 'repeat_purchase_rate',
  num: repeat_buyers,
  den: [buyers],
  direction: 'higher',
  unit: 'rate',
  report: 'kpis',
  label: { en: 'Repeat purchase rate', zh: '复购率' },
  description: {
    en: 'Buyers with two or more paid orders inside the period ÷ buyers.',
    zh: '周期内有两笔及以上已付款订单的买家数 ÷ 买家数。',
  },
});

export const refund_rate = metric({
  ...ordersRatio,
  id: 'refund_rate',
  num: refunds,
  den: [gmv],
  direction: 'lower',
  unit: 'rate',
  report: 'kpis',
  label: { en: 'Refund rate', zh: '退款率' },
  description: { en: 'Refunds ÷ GMV (lower is better).', zh: '退款金额 ÷ GMV（越低越好）。' },
});

export const cancelled_orders = metric({
  ...common,
  id: 'cancelled_orders',
  kind: 'count',
  scope: 'cancelled_orders',
  rollup: 'daily',
  additive: false,
  direction: 'lower',
  unit: 'count',
  report: 'kpis',
  label: { en: 'Cancelled orders', zh: '取消订单数' },
  description: {
    en: 'Number of orders with status cancelled placed in the period.',
    zh: '周期内下单且状态为 cancelled 的订单数。',
  },
});

export const cancellation_rate = metric({
  ...ordersRatio,
  id: 'cancellation_rate',
  num: cancelled_orders,
  den: [orders, cancelled_orders],
  direction: 'lower',
  unit: 'rate',
  report: 'kpis',
  label: { en: 'Cancellation rate', zh: '取消率' },
  description: {
    en: 'Cancelled orders ÷ (paid orders + cancelled orders); pending orders are left out (lower is better).',
    zh: '取消订单数 ÷（已付款订单数 + 取消订单数）；待付款订单不计（越低越好）。',
  },
});
