/**
 * The customer-lifecycle figures of METRICS.md "Customer lifecycle" (用户运营, issue 15): what each
 * stage and the churn rate mean, in both languages, read by the report's `lifecycle` section, the
 * Customers page's lifecycle panel and its CSV. The numbers come from queries/lifecycle.ts (a
 * running sum of dated stage changes), which the KPI compiler does not read, so these entries are
 * not in REGISTRY.
 */
import type { Direction, Texts, Unit } from './types';

export interface LifecycleEntry<Id extends string = string> {
  id: Id;
  module: 'lifecycle';
  unit: Unit;
  direction: Direction;
  additive: false;
  sources: readonly ['orders'];
  label: Texts;
  short?: Texts;
  description: Texts;
  spec: string;
}

const common = {
  module: 'lifecycle',
  additive: false,
  sources: ['orders'],
  spec: 'METRICS.md#customer-lifecycle-用户运营',
} as const;

function entry<const Id extends string>(e: Omit<LifecycleEntry<Id>, keyof typeof common>): LifecycleEntry<Id> {
  return { ...common, ...e };
}

export const LIFECYCLE_ENTRIES = {
  new: entry({
    id: 'new',
    unit: 'count',
    direction: 'higher',
    label: { en: 'New', zh: '新客' },
    description: {
      en: 'Customers whose first paid order is 0 to 29 days before the day.',
      zh: '首笔已付款订单在当天之前 0 到 29 天内的客户。',
    },
  }),
  active: entry({
    id: 'active',
    unit: 'count',
    direction: 'higher',
    label: { en: 'Active', zh: '活跃' },
    description: {
      en: 'Customers past their first 29 days whose last paid order is at most 89 days before the day.',
      zh: '已过首购 29 天、最近一笔已付款订单在当天之前 89 天内的客户。',
    },
  }),
  dormant: entry({
    id: 'dormant',
    unit: 'count',
    direction: 'lower',
    label: { en: 'Dormant', zh: '沉睡' },
    description: {
      en: 'Customers whose last paid order is 90 to 179 days before the day.',
      zh: '最近一笔已付款订单在当天之前 90 到 179 天的客户。',
    },
  }),
  churned: entry({
    id: 'churned',
    unit: 'count',
    direction: 'lower',
    label: { en: 'Churned', zh: '流失' },
    description: {
      en: 'Customers whose last paid order is 180 days or more before the day.',
      zh: '最近一笔已付款订单在当天之前 180 天或更早的客户。',
    },
  }),
  churn_rate: entry({
    id: 'churn_rate',
    unit: 'rate',
    direction: 'lower',
    label: { en: 'Monthly churn rate', zh: '月流失率' },
    short: { en: 'Churn', zh: '流失率' },
    description: {
      en: 'Customers new or active at the previous month end who are dormant or churned at this month end, ÷ customers new or active at the previous month end; — when there were none.',
      zh: '上月末为新客或活跃、本月末已沉睡或流失的客户数 ÷ 上月末新客与活跃客户数；上月末没有时为 —。',
    },
  }),
} as const;

export type LifecycleId = keyof typeof LIFECYCLE_ENTRIES;
