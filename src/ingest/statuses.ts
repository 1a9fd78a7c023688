import { oneOfSql } from './values-sql';
import type { OrderStatus } from '../model/tables';

/**
 * Status words accepted in a canonical (or hand-mapped) file, lower-cased, spaces and
 * hyphens as `_`. Source-specific rules (Shopify, WooCommerce, Taobao) live with their
 * source because they need other columns (METRICS.md "Source statuses").
 */
export const STATUS_SYNONYMS: Record<OrderStatus, readonly string[]> = {
  paid: [
    'paid',
    'completed',
    'complete',
    'success',
    'succeeded',
    'partially_paid',
    'authorized',
    'processing',
    'fulfilled',
    'shipped',
    'delivered',
    '已付款',
    '已支付',
    '交易成功',
  ],
  partially_refunded: ['partially_refunded', 'partial_refund', 'partially_refund', '部分退款'],
  refunded: ['refunded', 'refund', '已退款', '全额退款'],
  pending: ['pending', 'unpaid', 'awaiting_payment', 'pending_payment', 'on_hold', 'open', '等待买家付款', '待付款'],
  cancelled: ['cancelled', 'canceled', 'voided', 'void', 'expired', 'failed', 'closed', '已取消', '交易关闭'],
};

/** SQL turning a status word (cleaned text) into a canonical status, NULL when unknown. */
export function statusSql(raw: string): string {
  const key = `regexp_replace(lower(${raw}), '[\\s\\-]+', '_', 'g')`;
  const arms = Object.entries(STATUS_SYNONYMS)
    .map(([status, words]) => `WHEN ${oneOfSql(key, words)} THEN '${status}'`)
    .join('\n    ');
  return `CASE ${arms} END`;
}
