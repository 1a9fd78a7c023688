import { moneySql } from '../values-sql';
import type { HeaderIndex, SourceDefinition, SourcePlan } from './source';

/**
 * The Taobao / Tmall seller order report (卖家中心 › 已卖出的宝贝 › 批量导出, 订单报表):
 * one row per order, Chinese headers, often GBK, ids wrapped as `="2875012345678901"`
 * (unwrapped for every source when text is cleaned). Always CNY.
 * Status (METRICS.md "Source statuses"): paid when 订单付款时间 is set, then refunded when
 * 退款金额 equals 买家实际支付金额, partially refunded when it is between; otherwise
 * pending (等待买家付款) or cancelled (交易关闭).
 */
function plan(h: HeaderIndex): SourcePlan {
  const paidAt = h.text('订单付款时间');
  const paid = h.text('买家实际支付金额');
  const refund = h.text('退款金额');
  const paidMoney = moneySql(paid, 'dot');
  const refundMoney = `coalesce(${moneySql(refund, 'dot')}, 0)`;
  return {
    source: 'taobao_orders',
    table: 'orders',
    fields: {
      order_id: h.text('订单编号'),
      customer_id: h.text('买家会员名'),
      ordered_at: h.text('订单创建时间'),
      paid_at: paidAt,
      status: `CASE
        WHEN ${paidAt} IS NOT NULL AND ${refundMoney} > 0 AND ${refundMoney} >= ${paidMoney} THEN 'refunded'
        WHEN ${paidAt} IS NOT NULL AND ${refundMoney} > 0 THEN 'partially_refunded'
        WHEN ${paidAt} IS NOT NULL THEN 'paid'
        ELSE ${h.text('订单状态')} END`,
      // Unpaid orders show 0 paid; their order value is the total the buyer was asked for.
      order_total: `CASE WHEN ${paidAt} IS NULL THEN coalesce(${h.text('总金额')}, ${paid}) ELSE ${paid} END`,
      shipping_amount: h.text('买家应付邮费'),
      refund_amount: refund,
      currency: `'CNY'`,
      region: `nullif(split_part(${h.text('收货地址')}, ' ', 1), '')`,
    },
  };
}

export const TAOBAO_ORDERS: SourceDefinition = {
  id: 'taobao_orders',
  table: 'orders',
  recognises: (h) => h.hasAll(['订单编号', '买家会员名', '订单状态', '买家实际支付金额', '订单创建时间']),
  plan,
};
