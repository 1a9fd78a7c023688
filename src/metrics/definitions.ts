import type { TableName } from '../model/tables';
import type { OptionalTrafficColumn } from './describe';

/** The KPI ids of the report JSON `kpis` object, in its order (METRICS.md "Report JSON"). */
export const KPI_IDS = [
  'gmv',
  'refunds',
  'net_revenue',
  'discounts',
  'orders',
  'buyers',
  'aov',
  'revenue_per_buyer',
  'new_buyers',
  'returning_buyers',
  'returning_customer_rate',
  'repeat_purchase_rate',
  'refund_rate',
  'cancelled_orders',
  'cancellation_rate',
  'sessions',
  'visitors',
  'conversion_rate',
  'buyer_conversion_rate',
  'registrations',
  'activation_rate_30d',
] as const;
export type MetricId = (typeof KPI_IDS)[number];

/** Building blocks that are not KPIs themselves: ratio parts and funnel steps. */
export const HELPER_IDS = ['repeat_buyers', 'activated_30d', 'product_views', 'add_to_cart', 'checkouts'] as const;
export type HelperId = (typeof HELPER_IDS)[number];
export type ComponentId = MetricId | HelperId;

/**
 * The row sets metrics aggregate over, each restricted to the period and the filters:
 * paid_orders (status paid, partially_refunded or refunded), period_buyers (one row per buyer
 * with a paid order in the period: paid_orders, first_paid_date over the whole dataset),
 * cancelled_orders, traffic_rows, registrations (users registered in the period with the
 * first_paid_date of the same person).
 */
export type ScopeId = 'paid_orders' | 'period_buyers' | 'cancelled_orders' | 'traffic_rows' | 'registrations';

export type Direction = 'higher' | 'lower';
export type Unit = 'money' | 'count' | 'rate';

interface Texts {
  en: string;
  zh: string;
}

interface CommonDefinition {
  id: ComponentId;
  /** METRICS.md "Targets": additive metrics are paced as sums; every other KPI as a level. */
  additive: boolean;
  direction: Direction;
  unit: Unit;
  sources: TableName[];
  label: Texts;
  description: Texts;
}

/** An aggregate over the rows of one scope. `{from}` / `{to}` stand for the period's dates. */
export interface AggregateDefinition extends CommonDefinition {
  kind: 'sum' | 'count' | 'count_distinct';
  scope: ScopeId;
  expr: string;
  /** The value is null when this optional traffic column is empty in the whole table. */
  requiresColumn?: OptionalTrafficColumn;
  /** Tables that must be loaded besides the scope's own (activation reads orders). */
  alsoNeedsLoaded?: TableName[];
  /**
   * The same aggregate over rows of the daily rollup (ys_daily), whose rows carry order_count
   * orders and the sums of their money columns; absent when it cannot be computed from sums.
   */
  rollup?: string;
}

/** `num / NULLIF(den, 0)`; a denominator of several parts is their sum. */
export interface RatioDefinition extends CommonDefinition {
  kind: 'ratio';
  num: ComponentId;
  den: ComponentId[];
}

export type MetricDefinition = AggregateDefinition | RatioDefinition;

const PAID = 'Paid orders are those with status paid, partially_refunded or refunded.';
const PAID_ZH = '已付款订单指状态为 paid、partially_refunded 或 refunded 的订单。';

/** Every KPI and helper, as data (METRICS.md "Orders", "Traffic", "Users"). */
export const DEFINITIONS: Record<ComponentId, MetricDefinition> = {
  gmv: {
    id: 'gmv',
    kind: 'sum',
    scope: 'paid_orders',
    expr: 'sum(order_total)',
    rollup: 'sum(order_total)',
    additive: true,
    direction: 'higher',
    unit: 'money',
    sources: ['orders'],
    label: { en: 'GMV', zh: '成交总额 (GMV)' },
    description: {
      en: `Sum of order_total of paid orders placed in the period: what customers were charged, after discounts, with shipping and tax. ${PAID}`,
      zh: `周期内下单的已付款订单的 order_total 之和：顾客实际支付的金额（扣除优惠，含运费和税）。${PAID_ZH}`,
    },
  },
  refunds: {
    id: 'refunds',
    kind: 'sum',
    scope: 'paid_orders',
    expr: 'sum(refund_amount)',
    rollup: 'sum(refund_amount)',
    additive: true,
    direction: 'lower',
    unit: 'money',
    sources: ['orders'],
    label: { en: 'Refunds', zh: '退款金额' },
    description: {
      en: `Sum of refund_amount of paid orders placed in the period (refunds count on the order date). ${PAID}`,
      zh: `周期内下单的已付款订单的 refund_amount 之和（退款计入下单日期）。${PAID_ZH}`,
    },
  },
  net_revenue: {
    id: 'net_revenue',
    kind: 'sum',
    scope: 'paid_orders',
    expr: 'sum(order_total - refund_amount)',
    rollup: 'sum(order_total - refund_amount)',
    additive: true,
    direction: 'higher',
    unit: 'money',
    sources: ['orders'],
    label: { en: 'Net revenue', zh: '净收入' },
    description: { en: 'GMV minus refunds.', zh: 'GMV 减去退款金额。' },
  },
  discounts: {
    id: 'discounts',
    kind: 'sum',
    scope: 'paid_orders',
    expr: 'sum(discount_amount)',
    rollup: 'sum(discount_amount)',
    additive: true,
    direction: 'lower',
    unit: 'money',
    sources: ['orders'],
    label: { en: 'Discounts', zh: '优惠金额' },
    description: {
      en: `Sum of discount_amount of paid orders placed in the period. ${PAID}`,
      zh: `周期内下单的已付款订单的 discount_amount 之和。${PAID_ZH}`,
    },
  },
  orders: {
    id: 'orders',
    kind: 'count',
    scope: 'paid_orders',
    expr: 'count(*)',
    rollup: 'sum(order_count)',
    additive: true,
    direction: 'higher',
    unit: 'count',
    sources: ['orders'],
    label: { en: 'Orders', zh: '订单数' },
    description: {
      en: `Number of paid orders placed in the period. ${PAID}`,
      zh: `周期内下单的已付款订单数。${PAID_ZH}`,
    },
  },
  buyers: {
    id: 'buyers',
    kind: 'count_distinct',
    // One row per customer with a paid order in the period: counting rows counts distinct customers.
    scope: 'period_buyers',
    expr: 'count(*)',
    additive: true,
    direction: 'higher',
    unit: 'count',
    sources: ['orders'],
    label: { en: 'Buyers', zh: '买家数' },
    description: {
      en: 'Distinct customers with at least one paid order in the period; customer ids are compared trimmed and case-insensitively.',
      zh: '周期内至少有一笔已付款订单的不同顾客数；顾客 ID 去除首尾空格并忽略大小写后比较。',
    },
  },
  aov: {
    id: 'aov',
    kind: 'ratio',
    num: 'gmv',
    den: ['orders'],
    additive: false,
    direction: 'higher',
    unit: 'money',
    sources: ['orders'],
    label: { en: 'Average order value', zh: '笔单价 (AOV)' },
    description: { en: 'GMV ÷ orders.', zh: 'GMV ÷ 订单数。' },
  },
  revenue_per_buyer: {
    id: 'revenue_per_buyer',
    kind: 'ratio',
    num: 'gmv',
    den: ['buyers'],
    additive: false,
    direction: 'higher',
    unit: 'money',
    sources: ['orders'],
    label: { en: 'Revenue per buyer', zh: '客单价' },
    description: { en: 'GMV ÷ buyers (客单价 as many Chinese platforms define it).', zh: 'GMV ÷ 买家数。' },
  },
  new_buyers: {
    id: 'new_buyers',
    kind: 'count',
    scope: 'period_buyers',
    expr: 'count(*) FILTER (WHERE first_paid_date >= {from})',
    additive: true,
    direction: 'higher',
    unit: 'count',
    sources: ['orders'],
    label: { en: 'New buyers', zh: '新买家数' },
    description: {
      en: 'Buyers of the period whose first paid order in the whole dataset falls in the period.',
      zh: '周期内的买家中，全部数据里首笔已付款订单落在本周期内的人数。',
    },
  },
  returning_buyers: {
    id: 'returning_buyers',
    kind: 'count',
    scope: 'period_buyers',
    expr: 'count(*) FILTER (WHERE first_paid_date < {from})',
    additive: false,
    direction: 'higher',
    unit: 'count',
    sources: ['orders'],
    label: { en: 'Returning buyers', zh: '老买家数' },
    description: {
      en: 'Buyers of the period whose first paid order is before the start of the period.',
      zh: '周期内的买家中，首笔已付款订单早于周期开始的人数。',
    },
  },
  returning_customer_rate: {
    id: 'returning_customer_rate',
    kind: 'ratio',
    num: 'returning_buyers',
    den: ['buyers'],
    additive: false,
    direction: 'higher',
    unit: 'rate',
    sources: ['orders'],
    label: { en: 'Returning customer rate', zh: '老客占比' },
    description: { en: 'Returning buyers ÷ buyers.', zh: '老买家数 ÷ 买家数。' },
  },
  repeat_purchase_rate: {
    id: 'repeat_purchase_rate',
    kind: 'ratio',
    num: 'repeat_buyers',
    den: ['buyers'],
    additive: false,
    direction: 'higher',
    unit: 'rate',
    sources: ['orders'],
    label: { en: 'Repeat purchase rate', zh: '复购率' },
    description: {
      en: 'Buyers with two or more paid orders inside the period ÷ buyers.',
      zh: '周期内有两笔及以上已付款订单的买家数 ÷ 买家数。',
    },
  },
  refund_rate: {
    id: 'refund_rate',
    kind: 'ratio',
    num: 'refunds',
    den: ['gmv'],
    additive: false,
    direction: 'lower',
    unit: 'rate',
    sources: ['orders'],
    label: { en: 'Refund rate', zh: '退款率' },
    description: { en: 'Refunds ÷ GMV (lower is better).', zh: '退款金额 ÷ GMV（越低越好）。' },
  },
  cancelled_orders: {
    id: 'cancelled_orders',
    kind: 'count',
    scope: 'cancelled_orders',
    expr: 'count(*)',
    rollup: 'sum(order_count)',
    additive: false,
    direction: 'lower',
    unit: 'count',
    sources: ['orders'],
    label: { en: 'Cancelled orders', zh: '取消订单数' },
    description: {
      en: 'Number of orders with status cancelled placed in the period.',
      zh: '周期内下单且状态为 cancelled 的订单数。',
    },
  },
  cancellation_rate: {
    id: 'cancellation_rate',
    kind: 'ratio',
    num: 'cancelled_orders',
    den: ['orders', 'cancelled_orders'],
    additive: false,
    direction: 'lower',
    unit: 'rate',
    sources: ['orders'],
    label: { en: 'Cancellation rate', zh: '取消率' },
    description: {
      en: 'Cancelled orders ÷ (paid orders + cancelled orders); pending orders are left out (lower is better).',
      zh: '取消订单数 ÷（已付款订单数 + 取消订单数）；待付款订单不计（越低越好）。',
    },
  },
  sessions: {
    id: 'sessions',
    kind: 'sum',
    scope: 'traffic_rows',
    expr: 'sum(sessions)',
    additive: true,
    direction: 'higher',
    unit: 'count',
    sources: ['traffic'],
    label: { en: 'Sessions', zh: '访问次数' },
    description: { en: 'Sum of daily sessions in the period.', zh: '周期内每日访问次数之和。' },
  },
  visitors: {
    id: 'visitors',
    kind: 'sum',
    scope: 'traffic_rows',
    expr: 'sum(visitors)',
    requiresColumn: 'visitors',
    additive: true,
    direction: 'higher',
    unit: 'count',
    sources: ['traffic'],
    label: { en: 'Visitors', zh: '访客数' },
    description: {
      en: 'Sum of the exported daily visitors in the period (a sum, not a de-duplicated count).',
      zh: '周期内导出的每日访客数之和（直接相加，不去重）。',
    },
  },
  conversion_rate: {
    id: 'conversion_rate',
    kind: 'ratio',
    num: 'orders',
    den: ['sessions'],
    additive: false,
    direction: 'higher',
    unit: 'rate',
    sources: ['orders', 'traffic'],
    label: { en: 'Conversion rate', zh: '转化率' },
    description: { en: 'Paid orders ÷ sessions.', zh: '已付款订单数 ÷ 访问次数。' },
  },
  buyer_conversion_rate: {
    id: 'buyer_conversion_rate',
    kind: 'ratio',
    num: 'buyers',
    den: ['visitors'],
    additive: false,
    direction: 'higher',
    unit: 'rate',
    sources: ['orders', 'traffic'],
    label: { en: 'Buyer conversion rate', zh: '支付转化率' },
    description: { en: 'Buyers ÷ visitors.', zh: '买家数 ÷ 访客数。' },
  },
  registrations: {
    id: 'registrations',
    kind: 'count',
    scope: 'registrations',
    expr: 'count(*)',
    additive: true,
    direction: 'higher',
    unit: 'count',
    sources: ['users'],
    label: { en: 'Registrations', zh: '注册用户数' },
    description: { en: 'Users whose registration date is in the period.', zh: '注册日期在周期内的用户数。' },
  },
  activation_rate_30d: {
    id: 'activation_rate_30d',
    kind: 'ratio',
    num: 'activated_30d',
    den: ['registrations'],
    additive: false,
    direction: 'higher',
    unit: 'rate',
    sources: ['users', 'orders'],
    label: { en: '30-day activation rate', zh: '30 天激活率' },
    description: {
      en: 'Of the users registered in the period, the share whose first paid order in the whole dataset (after the period too) is 0 to 30 days after the registration date; user_id matches customer_id trimmed and case-insensitively.',
      zh: '周期内注册的用户中，全部数据里首笔已付款订单（含周期之后）在注册日期后 0 到 30 天内的比例；user_id 与 customer_id 去除首尾空格并忽略大小写匹配。',
    },
  },
  repeat_buyers: {
    id: 'repeat_buyers',
    kind: 'count',
    scope: 'period_buyers',
    expr: 'count(*) FILTER (WHERE paid_orders >= 2)',
    additive: false,
    direction: 'higher',
    unit: 'count',
    sources: ['orders'],
    label: { en: 'Repeat buyers', zh: '复购买家数' },
    description: {
      en: 'Buyers with two or more paid orders inside the period.',
      zh: '周期内有两笔及以上已付款订单的买家数。',
    },
  },
  activated_30d: {
    id: 'activated_30d',
    kind: 'count',
    scope: 'registrations',
    expr: "count(*) FILTER (WHERE date_diff('day', registered_date, first_paid_date) BETWEEN 0 AND 30)",
    alsoNeedsLoaded: ['orders'],
    additive: false,
    direction: 'higher',
    unit: 'count',
    sources: ['users', 'orders'],
    label: { en: 'Activated within 30 days', zh: '30 天内激活用户数' },
    description: {
      en: 'Users registered in the period whose first paid order is 0 to 30 days after the registration date.',
      zh: '周期内注册、且首笔已付款订单在注册日期后 0 到 30 天内的用户数。',
    },
  },
  product_views: {
    id: 'product_views',
    kind: 'sum',
    scope: 'traffic_rows',
    expr: 'sum(product_views)',
    requiresColumn: 'product_views',
    additive: true,
    direction: 'higher',
    unit: 'count',
    sources: ['traffic'],
    label: { en: 'Product views', zh: '商品浏览量' },
    description: { en: 'Sum of daily product views in the period.', zh: '周期内每日商品浏览量之和。' },
  },
  add_to_cart: {
    id: 'add_to_cart',
    kind: 'sum',
    scope: 'traffic_rows',
    expr: 'sum(add_to_cart)',
    requiresColumn: 'add_to_cart',
    additive: true,
    direction: 'higher',
    unit: 'count',
    sources: ['traffic'],
    label: { en: 'Add to cart', zh: '加购数' },
    description: { en: 'Sum of daily add-to-cart counts in the period.', zh: '周期内每日加购数之和。' },
  },
  checkouts: {
    id: 'checkouts',
    kind: 'sum',
    scope: 'traffic_rows',
    expr: 'sum(checkouts)',
    requiresColumn: 'checkouts',
    additive: true,
    direction: 'higher',
    unit: 'count',
    sources: ['traffic'],
    label: { en: 'Checkouts', zh: '结算数' },
    description: { en: 'Sum of daily checkouts in the period.', zh: '周期内每日结算数之和。' },
  },
};

export function isMetricId(value: string): value is MetricId {
  return (KPI_IDS as readonly string[]).includes(value);
}

export function metricDefinition(id: ComponentId): MetricDefinition {
  return DEFINITIONS[id];
}

/** The definitions a set of metrics needs, parts of ratios included, each once, in dependency order. */
export function withDependencies(ids: readonly ComponentId[]): MetricDefinition[] {
  const seen = new Set<ComponentId>();
  const out: MetricDefinition[] = [];
  const visit = (id: ComponentId) => {
    if (seen.has(id)) return;
    seen.add(id);
    const def = DEFINITIONS[id];
    if (def.kind === 'ratio') {
      visit(def.num);
      def.den.forEach(visit);
    }
    out.push(def);
  };
  ids.forEach(visit);
  return out;
}
