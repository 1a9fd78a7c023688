/**
 * The customer-service and review figures of METRICS.md "Customer service" (客户服务, issue 15):
 * unit, direction and names in both languages, read by the report's `service` section (Markdown,
 * CSV). The numbers come from queries/service.ts over service_tickets and reviews, which the KPI
 * compiler does not read, so these entries are not in REGISTRY.
 */
import type { Direction, Texts, Unit } from './types';

export type ServiceUnit = Unit | 'minutes' | 'hours' | 'per_1000' | 'score';

export interface ServiceEntry<Id extends string = string> {
  id: Id;
  module: 'service';
  unit: ServiceUnit;
  direction: Direction;
  sources: readonly ('service_tickets' | 'reviews' | 'orders')[];
  label: Texts;
  description: Texts;
  spec: string;
}

const spec = 'METRICS.md#customer-service';
const tickets = ['service_tickets'] as const;

function entry<const Id extends string>(e: Omit<ServiceEntry<Id>, 'module' | 'spec'>): ServiceEntry<Id> {
  return { module: 'service', spec, ...e };
}

export const SERVICE_ENTRIES = {
  tickets: entry({
    id: 'tickets',
    unit: 'count',
    direction: 'lower',
    sources: tickets,
    label: { en: 'Tickets', zh: '工单数' },
    description: { en: 'Tickets opened in the period.', zh: '周期内创建的工单数。' },
  }),
  first_response_median: entry({
    id: 'first_response_median',
    unit: 'minutes',
    direction: 'lower',
    sources: tickets,
    label: { en: 'First response, median', zh: '首次响应时长中位数' },
    description: {
      en: 'Median minutes from opening to the first response, over answered tickets (quantile_cont).',
      zh: '已响应工单从创建到首次响应的分钟数中位数（线性插值分位数）。',
    },
  }),
  first_response_p90: entry({
    id: 'first_response_p90',
    unit: 'minutes',
    direction: 'lower',
    sources: tickets,
    label: { en: 'First response, p90', zh: '首次响应时长 P90' },
    description: {
      en: '90th percentile of the minutes to a first response, over answered tickets (quantile_cont).',
      zh: '已响应工单首次响应分钟数的第 90 百分位（线性插值分位数）。',
    },
  }),
  response_within_sla: entry({
    id: 'response_within_sla',
    unit: 'rate',
    direction: 'higher',
    sources: tickets,
    label: { en: 'Response within SLA', zh: 'SLA 内响应率' },
    description: {
      en: 'Tickets with a first response within the SLA (default 60 minutes, inclusive) ÷ all tickets.',
      zh: '在 SLA（默认 60 分钟，含）内首次响应的工单 ÷ 全部工单。',
    },
  }),
  resolution_rate: entry({
    id: 'resolution_rate',
    unit: 'rate',
    direction: 'higher',
    sources: tickets,
    label: { en: 'Resolution rate', zh: '解决率' },
    description: { en: 'Tickets with a resolution time ÷ tickets.', zh: '有解决时间的工单 ÷ 工单数。' },
  }),
  resolution_hours: entry({
    id: 'resolution_hours',
    unit: 'hours',
    direction: 'lower',
    sources: tickets,
    label: { en: 'Resolution time, median', zh: '解决时长中位数' },
    description: {
      en: 'Median hours from opening to resolution, over resolved tickets.',
      zh: '已解决工单从创建到解决的小时数中位数。',
    },
  }),
  complaint_rate: entry({
    id: 'complaint_rate',
    unit: 'per_1000',
    direction: 'lower',
    sources: ['service_tickets', 'orders'],
    label: { en: 'Complaints per 1,000 orders', zh: '每千单投诉数' },
    description: {
      en: 'Complaint tickets per 1,000 paid orders of the period.',
      zh: '周期内每 1000 笔已付款订单对应的投诉工单数。',
    },
  }),
  csat: entry({
    id: 'csat',
    unit: 'rate',
    direction: 'higher',
    sources: tickets,
    label: { en: 'CSAT', zh: '满意度' },
    description: {
      en: 'Rated tickets with a score of 4 or 5 ÷ rated tickets.',
      zh: '评分为 4 或 5 的已评价工单 ÷ 已评价工单。',
    },
  }),
  csat_avg: entry({
    id: 'csat_avg',
    unit: 'score',
    direction: 'higher',
    sources: tickets,
    label: { en: 'Mean CSAT score', zh: '平均满意度评分' },
    description: { en: 'Mean score (1–5) of rated tickets.', zh: '已评价工单的平均评分（1–5）。' },
  }),
  inquiry_conversion: entry({
    id: 'inquiry_conversion',
    unit: 'rate',
    direction: 'higher',
    sources: ['service_tickets', 'orders'],
    label: { en: 'Inquiry conversion', zh: '询单转化率' },
    description: {
      en: 'Customers with a pre-sale ticket in the period who placed a paid order within 72 hours after opening it (both ends inclusive) ÷ customers with a pre-sale ticket.',
      zh: '周期内有售前工单、且在工单创建后 72 小时内（含两端）下了已付款订单的客户 ÷ 有售前工单的客户。',
    },
  }),
  reviews: entry({
    id: 'reviews',
    unit: 'count',
    direction: 'higher',
    sources: ['reviews'],
    label: { en: 'Reviews', zh: '评价数' },
    description: { en: 'Reviews created in the period.', zh: '周期内创建的评价数。' },
  }),
  avg_rating: entry({
    id: 'avg_rating',
    unit: 'score',
    direction: 'higher',
    sources: ['reviews'],
    label: { en: 'Average rating', zh: '平均评分' },
    description: { en: 'Mean rating (1–5) of the reviews.', zh: '评价的平均评分（1–5）。' },
  }),
  positive_rate: entry({
    id: 'positive_rate',
    unit: 'rate',
    direction: 'higher',
    sources: ['reviews'],
    label: { en: 'Positive reviews', zh: '好评率' },
    description: { en: 'Reviews rated 4 or 5 ÷ reviews.', zh: '评分 4 或 5 的评价 ÷ 评价数。' },
  }),
  negative_rate: entry({
    id: 'negative_rate',
    unit: 'rate',
    direction: 'lower',
    sources: ['reviews'],
    label: { en: 'Negative reviews', zh: '差评率' },
    description: { en: 'Reviews rated 1 or 2 ÷ reviews.', zh: '评分 1 或 2 的评价 ÷ 评价数。' },
  }),
  review_rate: entry({
    id: 'review_rate',
    unit: 'rate',
    direction: 'higher',
    sources: ['reviews', 'orders'],
    label: { en: 'Review rate', zh: '评价率' },
    description: {
      en: 'Reviews ÷ paid orders of the period (per SKU: paid orders holding the SKU).',
      zh: '评价数 ÷ 周期内已付款订单数（按 SKU：含该 SKU 的已付款订单）。',
    },
  }),
} as const;

export type ServiceId = keyof typeof SERVICE_ENTRIES;
