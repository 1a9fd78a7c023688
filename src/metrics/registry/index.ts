/**
 * The metric registry (issue 12): one entry per metric, in the order of the report's `kpis`
 * object, each next to its module. Adding a metric is one entry here plus its test; the compiled
 * SQL, the rollups, the dictionary, target pacing, KPI colours and the report's keys follow.
 */
import * as orders from './orders';
import * as traffic from './traffic';
import * as users from './users';
import type { AggregateEntry, MetricEntry, RatioEntry } from './types';

export * from './types';
export * from './sources';

export const REGISTRY = [
  orders.gmv,
  orders.refunds,
  orders.net_revenue,
  orders.discounts,
  orders.orders,
  orders.buyers,
  orders.aov,
  orders.revenue_per_buyer,
  orders.new_buyers,
  orders.returning_buyers,
  orders.returning_customer_rate,
  orders.repeat_buyers,
  orders.repeat_purchase_rate,
  orders.refund_rate,
  orders.cancelled_orders,
  orders.cancellation_rate,
  traffic.sessions,
  traffic.visitors,
  traffic.conversion_rate,
  traffic.buyer_conversion_rate,
  traffic.product_views,
  traffic.add_to_cart,
  traffic.checkouts,
  users.registrations,
  users.activated_30d,
  users.activation_rate_30d,
] as const;

type Registered = (typeof REGISTRY)[number];
/** Every registered metric: KPIs, funnel steps and the parts of ratios. */
export type ComponentId = Registered['id'];
/** The KPI ids of the report JSON `kpis` object (METRICS.md "Report JSON"). */
export type MetricId = Extract<Registered, { report: 'kpis' }>['id'];
export type HelperId = Exclude<ComponentId, MetricId>;

export const ENTRIES = Object.fromEntries(REGISTRY.map((e) => [e.id, e])) as unknown as Record<
  ComponentId,
  MetricEntry<ComponentId>
>;

/** The report's `kpis` keys, in its order: the registry's entries reported there. */
export const KPI_IDS: readonly MetricId[] = REGISTRY.filter((e) => e.report === 'kpis').map((e) => e.id as MetricId);
export const HELPER_IDS: readonly HelperId[] = REGISTRY.filter((e) => e.report !== 'kpis').map((e) => e.id as HelperId);

export function isMetricId(value: unknown): value is MetricId {
  return typeof value === 'string' && (KPI_IDS as readonly string[]).includes(value);
}

export function isComponentId(value: unknown): value is ComponentId {
  return typeof value === 'string' && Object.hasOwn(ENTRIES, value);
}

export function entryOf(id: ComponentId): MetricEntry<ComponentId> {
  return ENTRIES[id];
}

export function isAggregate<Id extends string>(entry: MetricEntry<Id>): entry is AggregateEntry<Id> {
  return entry.kind !== 'ratio';
}

/** The entries a set of metrics needs, parts of ratios included, each once, parts before the ratios. */
export function withDependencies(ids: readonly ComponentId[]): MetricEntry<ComponentId>[] {
  const seen = new Set<string>();
  const out: MetricEntry<ComponentId>[] = [];
  const visit = (entry: MetricEntry) => {
    if (seen.has(entry.id)) return;
    seen.add(entry.id);
    if (entry.kind === 'ratio') {
      visit(entry.num);
      entry.den.forEach(visit);
    }
    out.push(entry as MetricEntry<ComponentId>);
  };
  ids.forEach((id) => visit(ENTRIES[id]));
  return out;
}

/** The ratio's value from its parts' values, as SQL's `num / NULLIF(den₁ + …, 0)` on doubles: null in, null out. */
export function ratioOf(entry: RatioEntry, value: (id: string) => number | null): number | null {
  const num = value(entry.num.id);
  const den = entry.den.map((d) => value(d.id));
  if (num === null || den.some((v) => v === null)) return null;
  const total = (den as number[]).reduce((a, b) => a + b);
  return total === 0 ? null : num / total;
}

/** How a target on the metric is paced (METRICS.md "Targets"): as a sum, or as a level over its period. */
export function pacingOf(entry: MetricEntry): 'additive' | 'ratio' {
  return entry.additive ? 'additive' : 'ratio';
}
