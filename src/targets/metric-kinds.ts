/**
 * What targets need to know about each KPI of METRICS.md "Report JSON": how it is paced
 * (METRICS.md "Targets": additive metrics are paced like sums, every other KPI like a ratio),
 * which way is better, its unit, and the tables it is computed from (for `as_of`).
 *
 * Kept here, apart from the metric definitions, so targets stay a pure module; the lists
 * follow METRICS.md word for word. Note that `returning_buyers` and `cancelled_orders` are
 * counts but not in the spec's additive list, so they are paced like ratios (their level over
 * the period is compared with the target).
 */

export type MetricKind = 'additive' | 'ratio';
export type Direction = 'higher_is_better' | 'lower_is_better';
export type MetricUnit = 'money' | 'count' | 'rate';
export type SourceTable = 'orders' | 'traffic' | 'users';

export interface MetricFacts {
  kind: MetricKind;
  direction: Direction;
  unit: MetricUnit;
  /** Tables the metric reads; `as_of` is the earliest of their last dates. */
  tables: readonly SourceTable[];
}

const orders = ['orders'] as const;
const traffic = ['traffic'] as const;
const users = ['users'] as const;
const ordersAndTraffic = ['orders', 'traffic'] as const;

const sum = (unit: MetricUnit, tables: readonly SourceTable[]): MetricFacts => ({
  kind: 'additive',
  direction: 'higher_is_better',
  unit,
  tables,
});
const ratio = (
  unit: MetricUnit,
  tables: readonly SourceTable[],
  direction: Direction = 'higher_is_better',
): MetricFacts => ({
  kind: 'ratio',
  direction,
  unit,
  tables,
});

/** The 21 KPIs, in the order of the report's `kpis` object. */
export const KPI_FACTS = {
  gmv: sum('money', orders),
  refunds: sum('money', orders),
  net_revenue: sum('money', orders),
  discounts: sum('money', orders),
  orders: sum('count', orders),
  buyers: sum('count', orders),
  aov: ratio('money', orders),
  revenue_per_buyer: ratio('money', orders),
  new_buyers: sum('count', orders),
  returning_buyers: ratio('count', orders),
  returning_customer_rate: ratio('rate', orders),
  repeat_purchase_rate: ratio('rate', orders),
  refund_rate: ratio('rate', orders, 'lower_is_better'),
  cancelled_orders: ratio('count', orders),
  cancellation_rate: ratio('rate', orders, 'lower_is_better'),
  sessions: sum('count', traffic),
  visitors: sum('count', traffic),
  conversion_rate: ratio('rate', ordersAndTraffic),
  buyer_conversion_rate: ratio('rate', ordersAndTraffic),
  registrations: sum('count', users),
  // Activation looks up first paid orders, so it is only complete as far as orders reach.
  activation_rate_30d: ratio('rate', ['users', 'orders']),
} as const satisfies Record<string, MetricFacts>;

export type KpiId = keyof typeof KPI_FACTS;

export const KPI_IDS = Object.keys(KPI_FACTS) as KpiId[];

export function isKpiId(value: unknown): value is KpiId {
  return typeof value === 'string' && Object.hasOwn(KPI_FACTS, value);
}

/**
 * Filter dimensions each table has, as the metrics layer filters them (`category` reaches
 * orders through their items). `currency` picks the orders of one currency (METRICS.md
 * "Orders") and leaves the other tables as they are.
 */
export const TABLE_DIMENSIONS: Record<SourceTable, readonly string[]> = {
  orders: ['channel', 'category', 'region', 'device', 'campaign', 'currency'],
  traffic: ['channel', 'device', 'campaign'],
  users: ['channel', 'region'],
};

/** Dimensions a metric can be filtered by: those every one of its tables has, and `currency` where it reads orders. */
export function filterableDimensions(metric: KpiId): string[] {
  const tables = KPI_FACTS[metric].tables;
  const shared = ['channel', 'category', 'region', 'device', 'campaign'].filter((dimension) =>
    tables.every((table) => TABLE_DIMENSIONS[table].includes(dimension)),
  );
  return tables.some((table) => table === 'orders') ? [...shared, 'currency'] : shared;
}
