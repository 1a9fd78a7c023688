/** The users metrics of METRICS.md "Users". */
import { metric } from './types';

const common = { module: 'users', spec: 'METRICS.md#users' } as const;
/** Activation looks the first paid order up in orders, so it needs orders too. */
const activation = { ...common, sources: ['users', 'orders'], additive: false, direction: 'higher' } as const;

export const registrations = metric({
  ...common,
  id: 'registrations',
  kind: 'count',
  scope: 'registrations',
  rollup: 'daily',
  sources: ['users'],
  additive: true,
  direction: 'higher',
  unit: 'count',
  report: 'kpis',
  label: { en: 'Registrations', zh: '注册用户数' },
  description: { en: 'Users whose registration date is in the period.', zh: '注册日期在周期内的用户数。' },
});

export const activated_30d = metric({
  ...activation,
  id: 'activated_30d',
  kind: 'count',
  scope: 'registrations',
  where: "date_diff('day', registered_date, first_paid_date) BETWEEN 0 AND 30",
  rollup: 'daily',
  unit: 'count',
  report: 'part',
  label: { en: 'Activated within 30 days', zh: '30 天内激活用户数' },
  description: {
    en: 'Users registered in the period whose first paid order is 0 to 30 days after the registration date.',
    zh: '周期内注册、且首笔已付款订单在注册日期后 0 到 30 天内的用户数。',
  },
});

export const activation_rate_30d = metric({
  ...activation,
  id: 'activation_rate_30d',
  kind: 'ratio',
  num: activated_30d,
  den: [registrations],
  unit: 'rate',
  report: 'kpis',
  label: { en: '30-day activation rate', zh: '30 天激活率' },
  description: {
    en: 'Of the users registered in the period, the share whose first paid order in the whole dataset (after the period too) is 0 to 30 days after the registration date; user_id matches customer_id trimmed and case-insensitively.',
    zh: '周期内注册的用户中，全部数据里首笔已付款订单（含周期之后）在注册日期后 0 到 30 天内的比例；user_id 与 customer_id 去除首尾空格并忽略大小写匹配。',
  },
});
