/**
 * The operations metrics a target can be set on (issues 13 item 4, 14 item 4, 15 item 5), each
 * written once as data: which rows it aggregates (a scope), the SQL aggregate over them, and for
 * a ratio its denominator. Names, units and directions are the module entries' (products.ts,
 * marketing.ts, service.ts, lifecycle.ts), read here, not restated; the module queries read the
 * aggregates below where they compute the same number (queries/service.ts, queries/products.ts).
 * The operations compiler (metrics/operations.ts) turns an entry into SQL for any period and the
 * filters its scopes take.
 */
import { cac, COUPON_CODE_SQL, coupon_order_share, roas, spend } from './marketing';
import { gmv } from './orders';
import { LIFECYCLE_ENTRIES } from './lifecycle';
import { PRODUCT_ENTRIES } from './products';
import { SERVICE_ENTRIES, type ServiceUnit } from './service';
import type { Direction, Texts } from './types';

/** Tables the operations metrics read, and the date their rows are counted on (DATA.md "Operations tables"). */
export const OPS_DATE_COLUMN = {
  orders: 'order_date',
  marketing_spend: 'date',
  service_tickets: 'opened_date',
  reviews: 'created_date',
  inventory: 'date',
} as const;
export type OpsTable = keyof typeof OPS_DATE_COLUMN;

/** Dimensions a target on an operations metric can name: the view's, plus a product's role and SKU. */
export const OPS_FILTERS = ['channel', 'category', 'region', 'device', 'campaign', 'currency', 'role', 'sku'] as const;
export type OpsFilter = (typeof OPS_FILTERS)[number];

/**
 * The row sets, each restricted to a span of dates and the filters it takes, under a fixed alias:
 * - `paid_items` (i): items of paid orders placed in the span, with the product's unit_cost and
 *   role (products file; none: `unassigned`) beside them; order filters choose the orders,
 *   category the item's own category.
 * - `stock_skus` (s): one row per SKU with an inventory snapshot on or before the span's end:
 *   `units` sold in the span (items as above) and `on_hand` at the end (all locations of the
 *   latest snapshot date). Stock itself is not filtered by order dimensions.
 * - `paid_orders` (o): paid orders placed in the span. `all_paid_orders` (o): the same, no filter.
 * - `first_orders` (o): each customer's first paid order ever (by time, ties by order_id), placed in the span.
 * - `spend_rows` (m): marketing_spend rows of the span, by their channel and campaign.
 * - `opened_tickets` (t): tickets opened in the span, `response_minutes` beside each.
 * - `created_reviews` (r): reviews created in the span.
 */
export const OPS_SCOPES = {
  paid_items: {
    alias: 'i',
    day: 'order_date',
    tables: ['orders'],
    filters: ['channel', 'category', 'region', 'device', 'campaign', 'currency', 'role', 'sku'],
  },
  stock_skus: {
    alias: 's',
    day: null,
    tables: ['orders', 'inventory'],
    filters: ['channel', 'category', 'region', 'device', 'campaign', 'currency', 'role', 'sku'],
  },
  paid_orders: {
    alias: 'o',
    day: 'order_date',
    tables: ['orders'],
    filters: ['channel', 'region', 'device', 'campaign', 'currency'],
  },
  all_paid_orders: { alias: 'o', day: 'order_date', tables: ['orders'], filters: [] },
  first_orders: {
    alias: 'o',
    day: 'order_date',
    tables: ['orders'],
    filters: ['channel', 'region', 'device', 'campaign', 'currency'],
  },
  spend_rows: { alias: 'm', day: 'date', tables: ['marketing_spend'], filters: ['channel', 'campaign'] },
  opened_tickets: { alias: 't', day: 'opened_date', tables: ['service_tickets'], filters: [] },
  created_reviews: { alias: 'r', day: 'created_date', tables: ['reviews'], filters: [] },
} as const satisfies Record<
  string,
  { alias: string; day: string | null; tables: readonly OpsTable[]; filters: readonly OpsFilter[] }
>;
export type OpsScope = keyof typeof OPS_SCOPES;

/** Settings a metric's SQL depends on (METRICS.md "Customer service": the SLA is a setting). */
export interface OpsSettings {
  slaMinutes: number;
}

/** An aggregate over a scope's rows, written over the scope's alias (from the settings where one matters). */
export interface OpsAggregate {
  scope: OpsScope;
  sql: string | ((settings: OpsSettings) => string);
  /**
   * The aggregate over a span is the sum of its values over the span's days (a sum or a count of
   * rows dated by the scope's `day`): running values and seasonal shapes come from one query by day.
   */
  adds?: true;
}

/** What the module entries hold about a metric: names, unit, direction. */
interface ModuleEntry {
  unit: ServiceUnit;
  direction: Direction | null;
  label: Texts;
  short?: Texts;
  description: Texts;
  spec: string;
}

interface OpsCommon<Id extends string> {
  id: Id;
  module: 'products' | 'marketing' | 'service' | 'lifecycle';
  /** The module's entry: the metric's names, unit and direction. */
  entry: ModuleEntry;
  /** METRICS.md "Targets": additive metrics are paced as sums, every other one as a level. */
  additive: boolean;
  /** A ratio that is a multiple rather than a share, so above 1 is normal (ROAS 5 = 500 %). */
  multiple?: true;
}

/** One aggregate is the value (a sum, a count, a median, a mean). */
export interface OpsValueEntry<Id extends string = string> extends OpsCommon<Id> {
  kind: 'value';
  value: OpsAggregate;
}

/** `scale × num / NULLIF(den₁ + den₂ …, 0)`, each part over its own scope. */
export interface OpsRatioEntry<Id extends string = string> extends OpsCommon<Id> {
  kind: 'ratio';
  num: OpsAggregate;
  den: readonly OpsAggregate[];
  scale?: number;
}

/**
 * The pooled monthly churn rate over the month ends inside the span (METRICS.md "Customer
 * lifecycle"): Σ customers leaving (new or active at the previous month end, dormant or churned
 * at this one) ÷ Σ customers new or active at the previous month ends; for one month, that
 * month's churn rate. Null until a month end falls inside the span. Computed from the lifecycle's
 * stage timeline (queries/lifecycle.ts), the one place stages are defined.
 */
export interface OpsChurnEntry<Id extends string = string> extends OpsCommon<Id> {
  kind: 'churn';
}

export type OpsEntry<Id extends string = string> = OpsValueEntry<Id> | OpsRatioEntry<Id> | OpsChurnEntry<Id>;

/** Item measures over `paid_items` (alias i): the products module reads them too. */
export const ITEM_SQL = {
  units: 'coalesce(i.quantity, 0)',
  revenue: 'coalesce(i.quantity, 0) * coalesce(i.unit_price, 0)',
} as const;

/** Minutes from a ticket's opening to its first response, wall-clock (METRICS.md "Service"). */
export const RESPONSE_MINUTES_SQL = (alias: string) =>
  `(epoch(${alias}.first_response_at) - epoch(${alias}.opened_at)) / 60.0`;
/** METRICS.md "Service": the SLA is a setting, 60 minutes unless set. */
export const DEFAULT_SLA_MINUTES = 60;

const items = (sql: string): OpsAggregate => ({ scope: 'paid_items', sql, adds: true });
const costed = 'i.unit_cost IS NOT NULL';
const marginSql = `sum(${ITEM_SQL.revenue} - ${ITEM_SQL.units} * i.unit_cost) FILTER (WHERE ${costed})`;
const tickets = (sql: string): OpsAggregate => ({ scope: 'opened_tickets', sql, adds: true });

/** The aggregates the service section and the targets share, over `opened_tickets` (alias t) and `created_reviews` (alias r). */
export const SERVICE_SQL = {
  tickets: 'count(*)',
  answered: 't.first_response_at IS NOT NULL',
  withinSla: (slaMinutes: number) => `count(*) FILTER (WHERE ${RESPONSE_MINUTES_SQL('t')} <= ${Number(slaMinutes)})`,
  resolved: 'count(t.resolved_at)',
  complaints: `count(*) FILTER (WHERE trim(t.category) = 'complaint')`,
  rated: 'count(t.csat)',
  satisfied: 'count(*) FILTER (WHERE t.csat >= 4)',
  responseMedian: `quantile_cont(${RESPONSE_MINUTES_SQL('t')}, 0.5) FILTER (WHERE t.first_response_at IS NOT NULL)`,
  avgRating: 'avg(r.rating)',
} as const;

function ops<const E extends OpsEntry>(entry: E): E {
  if (entry.kind === 'ratio' && entry.den.length === 0) throw new Error(`${entry.id}: a ratio needs a denominator`);
  return entry;
}

const P = PRODUCT_ENTRIES;
const S = SERVICE_ENTRIES;

export const OPS_REGISTRY = [
  ops({
    id: 'item_revenue',
    module: 'products',
    entry: P.item_revenue,
    additive: true,
    kind: 'value',
    value: items(`coalesce(sum(${ITEM_SQL.revenue}), 0)`),
  }),
  ops({
    id: 'units',
    module: 'products',
    entry: P.units,
    additive: true,
    kind: 'value',
    value: items(`coalesce(sum(${ITEM_SQL.units}), 0)`),
  }),
  // Null when no item sold has a cost: a margin over unknown costs is unknown (the products totals say the same).
  ops({
    id: 'gross_margin',
    module: 'products',
    entry: P.gross_margin,
    additive: true,
    kind: 'value',
    value: items(marginSql),
  }),
  ops({
    id: 'margin_rate',
    module: 'products',
    entry: P.margin_rate,
    additive: false,
    kind: 'ratio',
    num: items(marginSql),
    den: [items(`sum(${ITEM_SQL.revenue}) FILTER (WHERE ${costed})`)],
  }),
  ops({
    id: 'sell_through',
    module: 'products',
    entry: P.sell_through,
    additive: false,
    kind: 'ratio',
    num: { scope: 'stock_skus', sql: 'sum(s.units)' },
    den: [
      { scope: 'stock_skus', sql: 'sum(s.units)' },
      { scope: 'stock_skus', sql: 'sum(greatest(s.on_hand, 0))' },
    ],
  }),
  ops({
    id: 'spend',
    module: 'marketing',
    entry: spend,
    additive: spend.additive,
    kind: 'value',
    value: { scope: 'spend_rows', sql: `coalesce(sum(m.${spend.measure}), 0)`, adds: true },
  }),
  ops({
    id: 'roas',
    module: 'marketing',
    entry: roas,
    additive: roas.additive,
    multiple: true,
    kind: 'ratio',
    num: { scope: 'paid_orders', sql: `coalesce(sum(o.${gmv.measure}), 0)`, adds: true },
    den: [{ scope: 'spend_rows', sql: `coalesce(sum(m.${spend.measure}), 0)`, adds: true }],
  }),
  ops({
    id: 'cac',
    module: 'marketing',
    entry: cac,
    additive: cac.additive,
    kind: 'ratio',
    num: { scope: 'spend_rows', sql: `coalesce(sum(m.${spend.measure}), 0)`, adds: true },
    den: [{ scope: 'first_orders', sql: 'count(*)', adds: true }],
  }),
  ops({
    id: 'coupon_order_share',
    module: 'marketing',
    entry: coupon_order_share,
    additive: coupon_order_share.additive,
    kind: 'ratio',
    num: { scope: 'paid_orders', sql: `count(*) FILTER (WHERE ${COUPON_CODE_SQL('o')} IS NOT NULL)`, adds: true },
    den: [{ scope: 'paid_orders', sql: 'count(*)', adds: true }],
  }),
  ops({
    id: 'csat',
    module: 'service',
    entry: S.csat,
    additive: false,
    kind: 'ratio',
    num: tickets(SERVICE_SQL.satisfied),
    den: [tickets(SERVICE_SQL.rated)],
  }),
  ops({
    id: 'avg_rating',
    module: 'service',
    entry: S.avg_rating,
    additive: false,
    kind: 'value',
    value: { scope: 'created_reviews', sql: SERVICE_SQL.avgRating },
  }),
  ops({
    id: 'response_within_sla',
    module: 'service',
    entry: S.response_within_sla,
    additive: false,
    kind: 'ratio',
    num: { scope: 'opened_tickets', sql: (settings) => SERVICE_SQL.withinSla(settings.slaMinutes), adds: true },
    den: [tickets(SERVICE_SQL.tickets)],
  }),
  ops({
    id: 'resolution_rate',
    module: 'service',
    entry: S.resolution_rate,
    additive: false,
    kind: 'ratio',
    num: tickets(SERVICE_SQL.resolved),
    den: [tickets(SERVICE_SQL.tickets)],
  }),
  ops({
    id: 'first_response_median',
    module: 'service',
    entry: S.first_response_median,
    additive: false,
    kind: 'value',
    value: { scope: 'opened_tickets', sql: SERVICE_SQL.responseMedian },
  }),
  ops({
    id: 'complaint_rate',
    module: 'service',
    entry: S.complaint_rate,
    additive: false,
    kind: 'ratio',
    num: tickets(SERVICE_SQL.complaints),
    den: [{ scope: 'all_paid_orders', sql: 'count(*)', adds: true }],
    scale: 1000,
  }),
  ops({ id: 'churn_rate', module: 'lifecycle', entry: LIFECYCLE_ENTRIES.churn_rate, additive: false, kind: 'churn' }),
] as const;

export type OpsMetricId = (typeof OPS_REGISTRY)[number]['id'];

export const OPS_ENTRIES = Object.fromEntries(OPS_REGISTRY.map((e) => [e.id, e])) as unknown as Record<
  OpsMetricId,
  OpsEntry<OpsMetricId>
>;

export function isOpsMetricId(value: unknown): value is OpsMetricId {
  return typeof value === 'string' && Object.hasOwn(OPS_ENTRIES, value);
}

/** The aggregates an entry reads, numerator first. */
export function opsParts(entry: OpsEntry): OpsAggregate[] {
  if (entry.kind === 'value') return [entry.value];
  if (entry.kind === 'ratio') return [entry.num, ...entry.den];
  return [];
}

/** Tables whose rows the metric needs: null unless all are loaded; a target's `as_of` is the earliest of their last dates. */
export function opsTables(entry: OpsEntry): OpsTable[] {
  if (entry.kind === 'churn') return ['orders'];
  return [...new Set(opsParts(entry).flatMap((p) => OPS_SCOPES[p.scope].tables))];
}

/** Filters a target on the metric can name: those every scope it reads takes (`currency` only where all read orders). */
export function opsFilters(entry: OpsEntry): OpsFilter[] {
  if (entry.kind === 'churn') return ['channel', 'region', 'device', 'campaign', 'currency'];
  const scopes = opsParts(entry).map((p) => OPS_SCOPES[p.scope].filters as readonly OpsFilter[]);
  return OPS_FILTERS.filter((f) => scopes.every((s) => s.includes(f)));
}

/** The direction that judges a target: the module entry's (every target-able one has one). */
export function opsDirection(entry: OpsEntry): Direction {
  return entry.entry.direction ?? 'higher';
}

/** How a value of the metric reads where only money, counts and rates are drawn: minutes, ‰ and scores as plain numbers. */
export function opsPlainUnit(entry: OpsEntry): 'money' | 'count' | 'rate' | null {
  const { unit } = entry.entry;
  return unit === 'money' || unit === 'count' || unit === 'rate' ? unit : null;
}
