import type { HeaderIndex, SourceDefinition, SourcePlan } from './source';

/**
 * Service tickets and reviews from the tools shops export them from (DATA.md "Sources to
 * recognise without help", issue 15):
 * - a **Zendesk** tickets CSV export (Id, Requester id, Via, Created at, Solved at, Satisfaction
 *   Score, First reply time in minutes, Tags …). Zendesk gives the first reply as minutes after
 *   creation, so first_response_at is Created at (its wall clock, an offset dropped) plus those
 *   minutes; a satisfaction of Good is 5, Bad is 1, Offered / Not Offered / Unoffered mean not
 *   rated; Via becomes the ticket channel; the category comes from a tag naming one (pre_sale,
 *   售前 …), else other.
 * - tickets with Chinese headers (工单号, 客户ID / 买家昵称, 订单号, 创建时间, 首次响应时间,
 *   解决时间, 渠道, 类型 / 分类, 满意度); 满意度 may be 1–5 or 非常满意 … 非常不满意, 满意 / 不满意.
 * - reviews with Chinese headers (评价ID, 订单号, 商品编码 / SKU, 买家, 评价时间, 评分 / 星级).
 * Values are parsed afterwards like any other source's: a CSAT of 7 is rejected, a ticket id seen
 * again replaces the earlier row (counted).
 */

/** Satisfaction as a 1–5 number's text; words that mean "not rated" give NULL. */
function csatText(column: string): string {
  const v = `lower(trim(${column}))`;
  return `CASE WHEN ${v} IN ('good', '满意', '好评') THEN '5'
    WHEN ${v} IN ('bad', '不满意', '差评') THEN '1'
    WHEN ${v} = '非常满意' THEN '5' WHEN ${v} = '一般' THEN '3' WHEN ${v} = '非常不满意' THEN '1'
    WHEN ${v} IN ('offered', 'not offered', 'unoffered', '未评价', '') THEN NULL
    ELSE ${column} END`;
}

/** A Zendesk "Via" as a ticket channel. */
function viaText(column: string): string {
  const v = `lower(trim(${column}))`;
  return `CASE WHEN ${v} IN ('mail', 'email', 'web form', 'web', 'web service', 'api') THEN 'email'
    WHEN ${v} IN ('chat', 'messaging', 'native messaging', 'whatsapp', 'facebook messenger', 'sms') THEN 'chat'
    WHEN ${v} IN ('voice', 'phone', 'phone call (incoming)', 'phone call (outgoing)', 'voicemail') THEN 'phone'
    WHEN ${v} IS NULL THEN NULL ELSE 'other' END`;
}

/** The category a tag list names (Zendesk tags are space-separated words), else other. */
function categoryFromTags(column: string): string {
  const tags = `(' ' || lower(coalesce(${column}, '')) || ' ')`;
  const has = (...words: string[]) => words.map((w) => `${tags} LIKE '% ${w} %'`).join(' OR ');
  return `CASE WHEN ${has('complaint', '投诉')} THEN 'complaint'
    WHEN ${has('return', 'returns', 'refund', '退换货', '退货')} THEN 'return'
    WHEN ${has('pre_sale', 'presale', 'pre-sale', '售前')} THEN 'pre_sale'
    WHEN ${has('after_sale', 'aftersale', 'after-sale', '售后')} THEN 'after_sale'
    ELSE 'other' END`;
}

function zendeskPlan(h: HeaderIndex): SourcePlan {
  const created = h.text('Created at');
  const minutes = h.first('First reply time in minutes');
  // The wall clock as written: the first 19 characters, 'T' or space between date and time.
  const createdAt = `try_cast(replace(substr(trim(${created}), 1, 19), 'T', ' ') AS TIMESTAMP)`;
  return {
    source: 'zendesk_tickets',
    table: 'service_tickets',
    fields: {
      ticket_id: h.first('Id', 'Ticket ID'),
      customer_id: h.first('Requester id', 'Requester external id', 'Requester email', 'Requester'),
      order_id: h.first('Order ID', 'Order id', 'Order number'),
      opened_at: created,
      first_response_at: `strftime(${createdAt} + to_minutes(CAST(try_cast(${minutes} AS DOUBLE) AS BIGINT)), '%Y-%m-%d %H:%M:%S')`,
      resolved_at: h.first('Solved at'),
      channel: viaText(h.first('Via')),
      category: categoryFromTags(h.first('Tags')),
      csat: csatText(h.first('Satisfaction Score', 'Satisfaction score', 'Satisfaction')),
    },
  };
}

export const ZENDESK_TICKETS: SourceDefinition = {
  id: 'zendesk_tickets',
  table: 'service_tickets',
  recognises: (h) =>
    h.has('Id') && h.has('Created at') && (h.has('Via') || h.has('Satisfaction Score') || h.has('Requester')),
  plan: zendeskPlan,
};

/** A Chinese channel name as a ticket channel (在线客服 / 旺旺 / 千牛 chat, 电话 phone, 邮件 email). */
function cnChannelText(column: string): string {
  const v = `trim(${column})`;
  return `CASE WHEN ${v} IN ('在线客服', '在线', '旺旺', '千牛', '聊天', '微信', 'IM') THEN 'chat'
    WHEN ${v} IN ('电话', '热线', '400电话') THEN 'phone' WHEN ${v} IN ('邮件', '邮箱', '电子邮件') THEN 'email'
    ELSE ${column} END`;
}

function cnTicketsPlan(h: HeaderIndex): SourcePlan {
  return {
    source: 'cn_tickets',
    table: 'service_tickets',
    fields: {
      ticket_id: h.first('工单号', '工单编号', '工单ID'),
      customer_id: h.first('客户ID', '客户编号', '买家ID', '买家昵称', '买家会员名', '客户'),
      order_id: h.first('订单号', '订单编号'),
      opened_at: h.first('创建时间', '提交时间'),
      first_response_at: h.first('首次响应时间', '首响时间'),
      resolved_at: h.first('解决时间', '完结时间', '关闭时间'),
      channel: cnChannelText(h.first('渠道', '来源渠道', '接入渠道')),
      category: h.first('类型', '分类', '工单类型', '问题类型'),
      csat: csatText(h.first('满意度', '满意度评分', '评价')),
    },
  };
}

export const CN_TICKETS: SourceDefinition = {
  id: 'cn_tickets',
  table: 'service_tickets',
  recognises: (h) =>
    (h.has('工单号') || h.has('工单编号') || h.has('工单ID')) && (h.has('创建时间') || h.has('提交时间')),
  plan: cnTicketsPlan,
};

function cnReviewsPlan(h: HeaderIndex): SourcePlan {
  return {
    source: 'cn_reviews',
    table: 'reviews',
    fields: {
      review_id: h.first('评价ID', '评价编号', '评价id'),
      order_id: h.first('订单号', '订单编号'),
      sku: h.first('商品编码', 'SKU', '商家编码', '商品ID'),
      customer_id: h.first('买家', '买家昵称', '客户ID', '会员名'),
      created_at: h.first('评价时间', '评论时间'),
      rating: h.first('评分', '星级', '评价分数'),
    },
  };
}

export const CN_REVIEWS: SourceDefinition = {
  id: 'cn_reviews',
  table: 'reviews',
  recognises: (h) => (h.has('评价时间') || h.has('评论时间')) && (h.has('评分') || h.has('星级') || h.has('评价分数')),
  plan: cnReviewsPlan,
};

export const SERVICE_SOURCES: readonly SourceDefinition[] = [ZENDESK_TICKETS, CN_TICKETS, CN_REVIEWS];
