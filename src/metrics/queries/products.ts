import type { Engine, Row } from '../../engine/engine';
import { literal, literalList } from '../../engine/sql';
import { channelSql, ordersFilterSql, type Filters } from '../filters';
import { periodDays, shiftDay, type Period } from '../periods';
import { CUSTOMERS_TABLE, derivedGeneration, hasDerived } from '../derived-state';
import { runMetricSql } from '../result-cache';
import { paidSql } from '../relations';
import { ITEM_SQL } from '../registry/operations';
import { toNumberOrNull as num } from './kpis';

/**
 * Products and inventory (METRICS.md "Products", "Inventory", issue 13). Decisions where
 * METRICS.md is silent (also in src/metrics/README.md):
 * - SKUs are matched on their key (trimmed, lower-cased); a row shows the SKU as the products
 *   file writes it, else as the items do. Items without a SKU form one row with sku null.
 * - The view's order filters (channel, region, device, campaign, currency) choose the orders
 *   whose items count; a category filter keeps only items of that category.
 * - A role set in the app wins over the products file's; no role is `unassigned`.
 * - Inventory rows: every SKU with a snapshot on or before D, and every SKU sold in the period
 *   (one without a snapshot shows on_hand null). Stock is not filtered by the order filters.
 * - `gross_margin` in the totals is null when no sold SKU has a cost; `cost_coverage` is null
 *   when nothing sold.
 */

export const PRODUCT_ROLES = ['star', 'traffic', 'profit', 'strategic', 'unassigned'] as const;
export type ProductRole = (typeof PRODUCT_ROLES)[number];
export const ABC_A = 0.8;
export const ABC_B = 0.95;
export const BUNDLE_MIN_ORDERS = 5;
export const DAILY_UNITS_DAYS = 28;
export const DEFAULT_LEAD_TIME_DAYS = 14;
export const OVERSTOCK_DAYS = 180;

export interface ProductRow {
  sku: string | null;
  product_name: string | null;
  category: string | null;
  role: ProductRole;
  units: number;
  item_revenue: number;
  orders: number;
  buyers: number;
  revenue_share: number | null;
  gross_margin: number | null;
  margin_rate: number | null;
  discount_depth: number | null;
  new_buyer_share: number | null;
  growth: number | null;
  abc: 'A' | 'B' | 'C' | null;
}

export interface RoleRow {
  role: ProductRole;
  skus: number;
  item_revenue: number;
  revenue_share: number | null;
  margin_rate: number | null;
  new_buyer_share: number | null;
  growth: number | null;
}

export interface BundleRow {
  sku_a: string;
  sku_b: string;
  orders_together: number;
  support: number;
  confidence: number;
  lift: number;
}

export interface ProductsSection {
  totals: { units: number; item_revenue: number; gross_margin: number | null; cost_coverage: number | null };
  rows: ProductRow[];
  roles: RoleRow[];
  bundles: BundleRow[];
}

export type StockAlert = 'stockout' | 'reorder' | 'overstock' | 'oversold';

export interface InventoryRow {
  sku: string;
  on_hand: number | null;
  daily_units: number;
  days_of_cover: number | null;
  stockout_days: number | null;
  sell_through: number | null;
  alerts: StockAlert[];
}

export interface InventorySection {
  as_of: string;
  inventory_value: number | null;
  inventory_turnover: number | null;
  days_of_inventory: number | null;
  rows: InventoryRow[];
}

export interface ProductOptions {
  /** The comparison period (growth); null: growth is null. */
  comparison?: Period | null;
  /** Roles set in the app, by SKU as written (matched on the key). */
  roles?: Readonly<Record<string, string>>;
}

const day = (d: string) => `DATE ${literal(d)}`;
const key = (c: string) => `lower(trim(${c}))`;

async function tableRows(engine: Engine, table: string): Promise<number> {
  // Through the result cache: the answer only changes with a load, which starts a new build.
  const [r] = await runMetricSql(
    engine,
    `SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = ${literal(table)} AND schema_name = 'main'`,
  );
  if (Number(r?.['n'] ?? 0) === 0) return 0;
  const [c] = await runMetricSql(engine, `SELECT count(*) AS n FROM ${table}`);
  return Number(c?.['n'] ?? 0);
}

/**
 * The products module's own derived tables (issue 13's speed goal: a view change at 1M orders
 * and 5,000 SKUs in ≤ 300 ms), built in DuckDB from the canonical tables on the first products
 * or inventory view of each build of the derived tables (a load starts a new build):
 * - `ys_product_items`: every item of a paid order with its order's date, filter columns, an
 *   integer order and customer id and whether the order is the customer's first paid order ever;
 *   in date order, so a period reads only the row groups of its dates;
 * - `ys_product_stock`: per SKU and snapshot date, on_hand summed over locations and the last day
 *   it stands for (the day before the next snapshot), so stock over a period is interval sums
 *   instead of one row per SKU and day;
 * - `ys_product_info` (products one row per key, PRODUCT_SQL) and `ys_product_firsts` (each SKU's
 *   first snapshot): every view read them; a table instead of a grouping saves each statement
 *   planning and running it (DuckDB-WASM plans a statement in tens of ms).
 * Without the derived tables (tests that skip them) the queries read the canonical tables.
 */
const ITEMS_TABLE = 'ys_product_items';
const STOCK_TABLE = 'ys_product_stock';
const INFO_TABLE = 'ys_product_info';
const FIRSTS_TABLE = 'ys_product_firsts';

/** The products file one row per SKU key (a key written twice: any of its values). */
const PRODUCT_SQL = `SELECT sku_key, any_value(sku) AS sku, any_value(product_name) AS product_name, any_value(category) AS category,
      any_value(unit_cost) AS unit_cost, any_value(list_price) AS list_price, any_value(role) AS role,
      any_value(lead_time_days) AS lead FROM products GROUP BY sku_key`;
/**
 * Each SKU's lead time from the products file, by the SKU as the inventory rows name it: the
 * days a reorder alert expects. Through the result cache: only a load changes it.
 */
export async function skuLeadTimes(engine: Engine): Promise<ReadonlyMap<string, number>> {
  const rows = await runMetricSql(engine, `SELECT sku, lead FROM (${PRODUCT_SQL}) WHERE lead IS NOT NULL`);
  // One map per result: every view's alerts ask, and a cached result is the same rows each time.
  let map = leadTimeMaps.get(rows);
  if (!map) leadTimeMaps.set(rows, (map = new Map(rows.map((r) => [String(r['sku']), Number(r['lead'])]))));
  return map;
}
const leadTimeMaps = new WeakMap<readonly Row[], ReadonlyMap<string, number>>();
const productSql = (fast: boolean) => (fast ? `SELECT * FROM ${INFO_TABLE}` : PRODUCT_SQL);
const built = new WeakMap<Engine, { generation: number; ready: Promise<void> }>();

function productItemsTableSql(): string {
  return `CREATE OR REPLACE TABLE ${ITEMS_TABLE} AS
  WITH po AS (
    SELECT o.order_id, o.order_date, o.customer_key, ${channelSql('o.channel')} AS channel, o.region, o.device, o.campaign,
      o.currency, row_number() OVER (PARTITION BY o.customer_key ORDER BY o.ordered_at, o.order_id) = 1 AS first_order
    FROM orders o WHERE ${paidSql('o')}),
  ids AS (
    -- Any distinct integer per order will do (it is only counted): no sort of the order ids.
    SELECT po.*, CAST(row_number() OVER () AS INTEGER) AS oid, c.cid
    FROM po JOIN ${CUSTOMERS_TABLE} c ON c.customer_key = po.customer_key)
  SELECT ids.order_date, ids.oid, ids.cid, ids.first_order, ${key('i.sku')} AS sku_key, i.sku, i.product_name, i.category,
    ${ITEM_SQL.units} AS q, ${ITEM_SQL.revenue} AS rev, ids.channel, ids.region, ids.device, ids.campaign, ids.currency
  FROM order_items i JOIN ids ON ids.order_id = i.order_id
  ORDER BY ids.order_date, ids.oid`;
}

function productStockTableSql(): string {
  return `CREATE OR REPLACE TABLE ${STOCK_TABLE} AS
  SELECT sku_key, sku, date, on_hand, min(date) OVER (PARTITION BY sku_key) AS first_date,
    coalesce(lead(date) OVER (PARTITION BY sku_key ORDER BY date) - 1, DATE '9999-12-31') AS until
  FROM (SELECT sku_key, any_value(sku) AS sku, date, sum(on_hand) AS on_hand FROM inventory GROUP BY sku_key, date)
  ORDER BY date`;
}

/** Whether the fast tables can be read (building them once per build of the derived tables). */
async function productTables(engine: Engine): Promise<boolean> {
  if (!hasDerived(engine)) return false;
  const generation = derivedGeneration(engine);
  let entry = built.get(engine);
  if (!entry || entry.generation !== generation) {
    const build = async () => {
      await engine.run(productItemsTableSql());
      await engine.run(`CREATE OR REPLACE TABLE ${INFO_TABLE} AS ${PRODUCT_SQL}`);
      if ((await tableRows(engine, 'inventory')) > 0) {
        await engine.run(productStockTableSql());
        await engine.run(
          `CREATE OR REPLACE TABLE ${FIRSTS_TABLE} AS SELECT sku_key, first_date, sku FROM ${STOCK_TABLE} WHERE date = first_date`,
        );
      }
    };
    entry = { generation, ready: build() };
    built.set(engine, entry);
    entry.ready.catch(() => built.delete(engine));
  }
  await entry.ready;
  return hasDerived(engine) && derivedGeneration(engine) === generation;
}

/**
 * The SKUs given roles (the targets file's `sku_roles`) that neither the products table nor any
 * order item names, as written: their role applies to nothing, most likely a typo.
 */
export async function unknownSkus(engine: Engine, skus: readonly string[]): Promise<string[]> {
  if (skus.length === 0) return [];
  const known: string[] = [];
  if ((await tableRows(engine, 'products')) > 0) known.push(`SELECT sku_key AS k FROM products`);
  if ((await tableRows(engine, 'order_items')) > 0) known.push(`SELECT ${key('sku')} AS k FROM order_items`);
  const given = `SELECT s, ${key('s')} AS k FROM (VALUES ${skus.map((s) => `(${literal(s)})`).join(', ')}) v(s)`;
  const sql = known.length
    ? `SELECT s FROM (${given}) g WHERE k NOT IN (SELECT k FROM (${known.join(' UNION ')}) WHERE k IS NOT NULL) ORDER BY s`
    : `SELECT s FROM (${given}) g ORDER BY s`;
  return (await engine.query(sql)).map((r) => String(r['s']));
}

/**
 * Items of paid orders placed in `p` that the view keeps: sku_key, sku, quantity, revenue, order,
 * customer and (fast tables only) first_order. `fast`: from ys_product_items.
 */
function itemsSql(p: Period, filters: Filters, fast: boolean): string {
  const { category: _dropped, ...orderFilters } = filters;
  if (fast) {
    const category =
      filters.category && filters.category.length > 0 ? `AND it.category IN ${literalList(filters.category)}` : '';
    return `SELECT it.sku_key, it.sku, it.product_name, it.category, it.q, it.rev, it.oid AS order_id, it.cid AS customer_key,
      it.order_date, it.first_order
    FROM ${ITEMS_TABLE} it
    WHERE it.order_date BETWEEN ${day(p.from)} AND ${day(p.to)}
      AND ${ordersFilterSql(orderFilters, 'it', { channelNormalised: true })} ${category}`;
  }
  const category =
    filters.category && filters.category.length > 0 ? `AND i.category IN ${literalList(filters.category)}` : '';
  return `SELECT ${key('i.sku')} AS sku_key, i.sku, i.product_name, i.category, ${ITEM_SQL.units} AS q,
      ${ITEM_SQL.revenue} AS rev, o.order_id, o.customer_key, o.order_date
    FROM order_items i JOIN orders o ON o.order_id = i.order_id
    WHERE ${paidSql('o')} AND o.order_date BETWEEN ${day(p.from)} AND ${day(p.to)}
      AND ${ordersFilterSql(orderFilters, 'o')} ${category}`;
}

/** The app's roles as a VALUES list keyed like products. */
function rolesSql(roles: Readonly<Record<string, string>> | undefined): string {
  const entries = Object.entries(roles ?? {}).filter(([, r]) => (PRODUCT_ROLES as readonly string[]).includes(r));
  if (entries.length === 0) return `SELECT NULL::VARCHAR AS sku_key, NULL::VARCHAR AS role WHERE FALSE`;
  return `SELECT ${key('s')} AS sku_key, r AS role FROM (VALUES ${entries
    .map(([s, r]) => `(${literal(s)}, ${literal(r)})`)
    .join(', ')}) v(s, r)`;
}

/** Per SKU sold in the period, with the products file and the comparison revenue. */
/** The first-paid-order CTE, its join and the condition a new buyer's item meets (the fast table carries it). */
function firstOrder(fast: boolean): { cte: string; join: string; isFirst: string } {
  return fast
    ? { cte: '', join: '', isFirst: 'it.first_order' }
    : {
        cte: `firsts AS (
    SELECT customer_key, first(order_id ORDER BY ordered_at, order_id) AS first_order
    FROM orders WHERE ${paidSql()} GROUP BY customer_key),`,
        join: 'LEFT JOIN firsts f ON f.customer_key = it.customer_key',
        isFirst: 'it.order_id = f.first_order',
      };
}

function skuSql(period: Period, filters: Filters, options: ProductOptions, fast: boolean): string {
  const comparison = options.comparison ?? null;
  const first = firstOrder(fast);
  return `WITH it AS (${itemsSql(period, filters, fast)}),
  ${first.cte}
  prod AS (${productSql(fast)}),
  app AS (${rolesSql(options.roles)}),
  cmp AS (${
    comparison
      ? `SELECT sku_key, sum(rev) AS rev FROM (${itemsSql(comparison, filters, fast)}) GROUP BY sku_key`
      : `SELECT NULL::VARCHAR AS sku_key, NULL::DECIMAL(38,4) AS rev WHERE FALSE`
  }),
  per AS (
    SELECT it.sku_key, any_value(it.sku) AS item_sku, any_value(it.product_name) AS item_name, any_value(it.category) AS item_category,
      sum(q) AS units, sum(rev) AS rev, count(DISTINCT it.order_id) AS orders, count(DISTINCT it.customer_key) AS buyers,
      count(DISTINCT it.customer_key) FILTER (WHERE ${first.isFirst}) AS new_buyers
    FROM it ${first.join}
    GROUP BY it.sku_key),
  joined AS (
    -- per's columns by name: past two joins ClickHouse names per.* columns the other sides share per.rev, per.sku_key (issue 20).
    SELECT per.sku_key AS sku_key, per.item_sku, per.item_name, per.item_category, per.units, per.rev AS rev, per.orders, per.buyers,
      per.new_buyers, coalesce(p.sku, per.item_sku) AS sku, coalesce(p.product_name, per.item_name) AS product_name,
      coalesce(p.category, per.item_category) AS category, coalesce(app.role, p.role, 'unassigned') AS role,
      p.unit_cost, p.list_price, cmp.rev AS cmp_rev, sum(per.rev) OVER () AS total_rev
    FROM per LEFT JOIN prod p ON p.sku_key = per.sku_key LEFT JOIN app ON app.sku_key = per.sku_key
      LEFT JOIN cmp ON cmp.sku_key IS NOT DISTINCT FROM per.sku_key),
  ranked AS (
    SELECT *, coalesce(sum(rev) FILTER (WHERE rev > 0) OVER (ORDER BY rev DESC, sku_key ASC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS cum_before
    FROM joined)
  SELECT sku_key, sku, product_name, category, role, units::DOUBLE AS units, rev::DOUBLE AS item_revenue, orders, buyers,
    CASE WHEN total_rev = 0 THEN NULL ELSE rev::DOUBLE / total_rev::DOUBLE END AS revenue_share,
    CASE WHEN unit_cost IS NULL THEN NULL ELSE (rev - units * unit_cost)::DOUBLE END AS gross_margin,
    CASE WHEN unit_cost IS NULL OR rev = 0 THEN NULL ELSE (rev - units * unit_cost)::DOUBLE / rev::DOUBLE END AS margin_rate,
    CASE WHEN list_price IS NULL OR units * list_price = 0 THEN NULL ELSE 1 - rev::DOUBLE / (units * list_price)::DOUBLE END AS discount_depth,
    CASE WHEN buyers = 0 THEN NULL ELSE new_buyers / buyers END AS new_buyer_share,
    cmp_rev::DOUBLE AS cmp_rev,
    CASE WHEN coalesce(cmp_rev, 0) = 0 THEN NULL ELSE rev::DOUBLE / cmp_rev::DOUBLE - 1 END AS growth,
    CASE WHEN rev <= 0 THEN NULL WHEN cum_before < ${ABC_A} * total_rev THEN 'A' WHEN cum_before < ${ABC_B} * total_rev THEN 'B' ELSE 'C' END AS abc
  FROM ranked ORDER BY rev DESC, sku_key`;
}

/**
 * Per SKU sold in a period: units, revenue and gross margin as skuSql gives them, in its order, so
 * that summing them gives its totals to the last bit; without the distinct counts, ranks and joins
 * the SKU rows need (a fifth of their time at 1M orders).
 */
function skuSumsSql(period: Period, filters: Filters, fast: boolean): string {
  return `WITH per AS (SELECT sku_key, sum(q) AS units, sum(rev) AS rev FROM (${itemsSql(period, filters, fast)}) GROUP BY sku_key),
  prod AS (${productSql(fast)})
  SELECT per.units::DOUBLE AS units, per.rev::DOUBLE AS item_revenue,
    CASE WHEN p.unit_cost IS NULL THEN NULL ELSE (per.rev - per.units * p.unit_cost)::DOUBLE END AS gross_margin
  FROM per LEFT JOIN prod p ON p.sku_key = per.sku_key ORDER BY per.rev DESC, per.sku_key`;
}

/** Per role: buyers and new buyers over the role's SKUs (a buyer once per role). */
function roleBuyersSql(period: Period, filters: Filters, options: ProductOptions, fast: boolean): string {
  const first = firstOrder(fast);
  return `WITH it AS (${itemsSql(period, filters, fast)}),
  ${first.cte}
  prod AS (${productSql(fast)}),
  app AS (${rolesSql(options.roles)})
  SELECT coalesce(app.role, p.role, 'unassigned') AS role, count(DISTINCT it.customer_key) AS buyers,
    count(DISTINCT it.customer_key) FILTER (WHERE ${first.isFirst}) AS new_buyers
  FROM it ${first.join}
    LEFT JOIN prod p ON p.sku_key = it.sku_key LEFT JOIN app ON app.sku_key = it.sku_key
  GROUP BY ALL`;
}

function bundlesSql(period: Period, filters: Filters, fast: boolean): string {
  // Order counts and names only for the SKUs of a pair at the floor: the pairs are few, the SKUs thousands.
  return `WITH it AS (${itemsSql(period, filters, fast)}),
  per AS (SELECT DISTINCT order_id, sku_key FROM it WHERE sku_key IS NOT NULL),
  pairs AS (
    SELECT a.sku_key AS a, b.sku_key AS b, count(*) AS together
    FROM per a JOIN per b ON a.order_id = b.order_id AND a.sku_key < b.sku_key
    GROUP BY ALL HAVING count(*) >= ${BUNDLE_MIN_ORDERS}),
  paired AS (SELECT a AS sku_key FROM pairs UNION SELECT b AS sku_key FROM pairs),
  n AS (SELECT count(DISTINCT order_id) AS orders FROM it),
  by_sku AS (
    SELECT sku_key, min(sku) AS sku, count(DISTINCT order_id) AS orders
    FROM it WHERE sku_key IN (SELECT sku_key FROM paired) GROUP BY sku_key)
  SELECT ca.sku AS sku_a, cb.sku AS sku_b, together AS orders_together,
    together / n.orders AS support, together / ca.orders AS confidence,
    (together / ca.orders) / (cb.orders / n.orders) AS lift
  FROM pairs, n, by_sku ca, by_sku cb
  WHERE ca.sku_key = pairs.a AND cb.sku_key = pairs.b
  ORDER BY together DESC, sku_a, sku_b`;
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

const productRow = (r: Row): ProductRow => ({
  sku: r['sku'] === null ? null : String(r['sku']),
  product_name: r['product_name'] === null ? null : String(r['product_name']),
  category: r['category'] === null ? null : String(r['category']),
  role: String(r['role']) as ProductRole,
  units: num(r['units']) ?? 0,
  item_revenue: num(r['item_revenue']) ?? 0,
  orders: num(r['orders']) ?? 0,
  buyers: num(r['buyers']) ?? 0,
  revenue_share: num(r['revenue_share']),
  gross_margin: num(r['gross_margin']),
  margin_rate: num(r['margin_rate']),
  discount_depth: num(r['discount_depth']),
  new_buyer_share: num(r['new_buyer_share']),
  growth: num(r['growth']),
  abc: (r['abc'] ?? null) as ProductRow['abc'],
});

/** The section's totals: sums of its SKU rows (gross margin over the SKUs with a cost). */
function totalsOf(
  rows: readonly Pick<ProductRow, 'units' | 'item_revenue' | 'gross_margin'>[],
): ProductsSection['totals'] {
  const revenue = rows.reduce((a, r) => a + r.item_revenue, 0);
  const withCost = rows.filter((r) => r.gross_margin !== null);
  return {
    units: rows.reduce((a, r) => a + r.units, 0),
    item_revenue: revenue,
    gross_margin: withCost.length === 0 ? null : withCost.reduce((a, r) => a + (r.gross_margin ?? 0), 0),
    cost_coverage: share(
      withCost.reduce((a, r) => a + r.item_revenue, 0),
      revenue,
    ),
  };
}

/**
 * The totals over another period (the KPI cards' comparison): that period's SKU sums, summed as
 * computeProducts sums its rows; null when the products table holds no rows.
 */
export async function computeProductTotals(
  engine: Engine,
  period: Period,
  filters: Filters = {},
): Promise<ProductsSection['totals'] | null> {
  if ((await tableRows(engine, 'products')) === 0) return null;
  const fast = await productTables(engine);
  const sums = await runMetricSql(engine, skuSumsSql(period, filters, fast));
  return totalsOf(
    sums.map((r) => ({
      units: num(r['units']) ?? 0,
      item_revenue: num(r['item_revenue']) ?? 0,
      gross_margin: num(r['gross_margin']),
    })),
  );
}

/** METRICS.md "Products" for a period; null when the products table holds no rows. */
export async function computeProducts(
  engine: Engine,
  period: Period,
  filters: Filters = {},
  options: ProductOptions = {},
): Promise<ProductsSection | null> {
  if ((await tableRows(engine, 'products')) === 0) return null;
  const fast = await productTables(engine);
  // Posted together: none needs another's rows, and the worker runs the next while the page's
  // thread decodes the 5,000 SKU rows of the first (issue 13's 300 ms).
  const [raw, roleRows, bundleRows] = await Promise.all([
    runMetricSql(engine, skuSql(period, filters, options, fast)),
    runMetricSql(engine, roleBuyersSql(period, filters, options, fast)),
    runMetricSql(engine, bundlesSql(period, filters, fast)),
  ]);
  const rows: ProductRow[] = raw.map(productRow);
  const totalRevenue = rows.reduce((a, r) => a + r.item_revenue, 0);
  const roleBuyers = new Map(
    roleRows.map((r: Row) => [String(r['role']), { buyers: num(r['buyers']) ?? 0, new: num(r['new_buyers']) ?? 0 }]),
  );
  // The SKU rows by role, each with its comparison revenue, in one pass (thousands of SKUs, five roles).
  const byRole = new Map<ProductRole, { r: ProductRow; cmp: number }[]>();
  rows.forEach((r, i) => {
    const mine = byRole.get(r.role) ?? [];
    if (mine.length === 0) byRole.set(r.role, mine);
    mine.push({ r, cmp: num(raw[i]!['cmp_rev']) ?? 0 });
  });
  const roles: RoleRow[] = PRODUCT_ROLES.flatMap((role) => {
    const mine = byRole.get(role) ?? [];
    if (mine.length === 0) return [];
    const revenue = mine.reduce((a, { r }) => a + r.item_revenue, 0);
    const costed = mine.filter(({ r }) => r.gross_margin !== null);
    const costedRevenue = costed.reduce((a, { r }) => a + r.item_revenue, 0);
    const cmp = mine.reduce((a, { cmp }) => a + cmp, 0);
    const b = roleBuyers.get(role);
    return [
      {
        role,
        skus: mine.length,
        item_revenue: revenue,
        revenue_share: share(revenue, totalRevenue),
        margin_rate:
          costed.length === 0
            ? null
            : share(
                costed.reduce((a, { r }) => a + (r.gross_margin ?? 0), 0),
                costedRevenue,
              ),
        new_buyer_share: b ? share(b.new, b.buyers) : null,
        growth: cmp === 0 ? null : revenue / cmp - 1,
      },
    ];
  });
  const bundles: BundleRow[] = bundleRows.map((r) => ({
    sku_a: String(r['sku_a']),
    sku_b: String(r['sku_b']),
    orders_together: num(r['orders_together']) ?? 0,
    support: num(r['support']) ?? 0,
    confidence: num(r['confidence']) ?? 0,
    lift: num(r['lift']) ?? 0,
  }));
  return {
    totals: totalsOf(rows),
    rows,
    roles,
    bundles,
  };
}

/** METRICS.md "Inventory" as of the period's `to`; null when the inventory table holds no rows. */
export async function computeInventory(
  engine: Engine,
  period: Period,
  filters: Filters = {},
): Promise<InventorySection | null> {
  if ((await tableRows(engine, 'inventory')) === 0) return null;
  const D = period.to;
  const recent: Period = { from: shiftDay(D, -(DAILY_UNITS_DAYS - 1)), to: D };
  const hasProducts = (await tableRows(engine, 'products')) > 0;
  const fast = await productTables(engine);
  const prod = hasProducts
    ? productSql(fast)
    : `SELECT NULL::VARCHAR AS sku_key, NULL::VARCHAR AS sku, NULL::DECIMAL(18,4) AS unit_cost, NULL::DOUBLE AS lead WHERE FALSE`;
  // Per SKU: stock-out days (null without a snapshot by D) and on_hand at D, as `stock` and `stockJoin` name them.
  const stockout = fast
    ? 'CASE WHEN f.sku_key IS NULL THEN NULL ELSE coalesce(st.stockout_days, 0) END'
    : 'pd.stockout_days';
  const onHand = fast ? 'st.on_hand' : 'at_d.on_hand';
  const stockJoin = fast
    ? 'LEFT JOIN st ON st.sku_key = k.sku_key'
    : 'LEFT JOIN per_day pd ON pd.sku_key = k.sku_key LEFT JOIN at_d ON at_d.sku_key = k.sku_key';
  const stock = fast
    ? // Each snapshot stands for its date up to the day before the next: stock over the period is sums over those spans.
      `firsts AS (SELECT sku_key, first_date, sku FROM ${FIRSTS_TABLE}),
  spans AS (
    SELECT sku_key, on_hand, greatest(date, ${day(period.from)}) AS s, least(until, ${day(D)}) AS e
    FROM ${STOCK_TABLE} WHERE date <= ${day(D)} AND until >= ${day(period.from)}),
  st AS (
    -- The spans tile the days from a SKU's first snapshot on: one of them ends at D.
    SELECT sku_key, sum(e - s + 1) FILTER (WHERE on_hand <= 0) AS stockout_days, any_value(on_hand) FILTER (WHERE e = ${day(D)}) AS on_hand
    FROM spans GROUP BY sku_key),
  values AS (
    SELECT coalesce(sum(greatest(sp.on_hand, 0) * p.unit_cost * (sp.e - sp.s + 1)), 0)::DOUBLE / ${periodDays(period)} AS mean_value,
      coalesce(sum(greatest(sp.on_hand, 0) * p.unit_cost) FILTER (WHERE sp.e = ${day(D)}), 0)::DOUBLE AS value_d
    FROM spans sp JOIN prod p ON p.sku_key = sp.sku_key AND p.unit_cost IS NOT NULL)`
    : `snaps AS (SELECT sku_key, date, sum(on_hand) AS on_hand FROM inventory GROUP BY ALL),
  firsts AS (SELECT sku_key, min(date) AS first_date, any_value(sku) AS sku FROM inventory GROUP BY sku_key),
  days AS (SELECT CAST(d AS DATE) AS d FROM generate_series(${day(period.from)}, ${day(period.to)}, INTERVAL 1 DAY) t(d)),
  daily AS (
    SELECT k.sku_key, days.d, s.on_hand
    FROM (SELECT sku_key FROM firsts) k CROSS JOIN days
    ASOF LEFT JOIN snaps s ON s.sku_key = k.sku_key AND s.date <= days.d),
  per_day AS (
    SELECT d.sku_key, count(*) FILTER (WHERE d.on_hand IS NOT NULL AND d.on_hand <= 0) AS stockout_days
    FROM daily d GROUP BY d.sku_key),
  value_by_day AS (
    SELECT days.d, coalesce(sum(greatest(x.on_hand, 0) * x.unit_cost), 0) AS value
    FROM days LEFT JOIN (
      -- A subquery, not a bracketed join: ClickHouse joins tables and subqueries only (issue 20).
      SELECT x.d, x.on_hand, p.unit_cost FROM daily x JOIN prod p ON p.sku_key = x.sku_key AND p.unit_cost IS NOT NULL
    ) x ON x.d = days.d
    GROUP BY days.d),
  values AS (
    SELECT (SELECT avg(value)::DOUBLE FROM value_by_day) AS mean_value,
      (SELECT value::DOUBLE FROM value_by_day WHERE d = ${day(D)}) AS value_d),
  at_d AS (SELECT d.sku_key, d.on_hand FROM daily d WHERE d.d = ${day(D)})`;
  // The period's and the last 28 days' items in one scan.
  const moves: Period = { from: recent.from < period.from ? recent.from : period.from, to: D };
  const sql = `WITH moved AS (
    SELECT sku_key, any_value(sku) FILTER (WHERE order_date >= ${day(period.from)}) AS sku,
      count(*) FILTER (WHERE order_date >= ${day(period.from)}) AS lines,
      sum(q) FILTER (WHERE order_date >= ${day(period.from)}) AS units, sum(q) FILTER (WHERE order_date >= ${day(recent.from)}) AS recent_units
    FROM (${itemsSql(moves, filters, fast)}) WHERE sku_key IS NOT NULL GROUP BY sku_key),
  prod AS (${prod}),
  ${stock},
  -- COGS of the period: units × unit_cost over SKUs with a cost (all items, not only SKUs with stock).
  period_cogs AS (
    SELECT sum(it.q * p.unit_cost)::DOUBLE AS cogs
    FROM (${itemsSql(period, filters, fast)}) it JOIN prod p ON p.sku_key = it.sku_key WHERE p.unit_cost IS NOT NULL),
  skus AS (SELECT sku_key FROM firsts WHERE first_date <= ${day(D)} UNION SELECT sku_key FROM moved WHERE lines > 0)
  SELECT k.sku_key, coalesce(p.sku, f.sku, m.sku) AS sku, ${onHand} AS on_hand,
    coalesce(m.recent_units, 0) / ${DAILY_UNITS_DAYS} AS daily_units, coalesce(m.units, 0) AS units,
    ${stockout} AS stockout_days, coalesce(p.lead, ${DEFAULT_LEAD_TIME_DAYS}) AS lead,
    v.mean_value, v.value_d, c.cogs
  FROM skus k CROSS JOIN values v CROSS JOIN period_cogs c LEFT JOIN prod p ON p.sku_key = k.sku_key
    LEFT JOIN firsts f ON f.sku_key = k.sku_key LEFT JOIN moved m ON m.sku_key = k.sku_key ${stockJoin}
  ORDER BY k.sku_key`;
  const raw = await runMetricSql(engine, sql);
  const rows: InventoryRow[] = raw.map((r) => {
    const onHand = num(r['on_hand']);
    const daily = num(r['daily_units']) ?? 0;
    const units = num(r['units']) ?? 0;
    const lead = num(r['lead']) ?? DEFAULT_LEAD_TIME_DAYS;
    const cover = onHand === null || daily === 0 ? null : onHand <= 0 ? 0 : onHand / daily;
    const alerts: StockAlert[] = [];
    if (onHand !== null && onHand <= 0 && daily > 0) alerts.push('stockout');
    if (cover !== null && cover < lead) alerts.push('reorder');
    if (cover !== null && cover > OVERSTOCK_DAYS) alerts.push('overstock');
    if (onHand !== null && onHand < 0) alerts.push('oversold');
    const denominator = onHand === null ? 0 : units + Math.max(onHand, 0);
    return {
      sku: String(r['sku']),
      on_hand: onHand,
      daily_units: daily,
      days_of_cover: cover,
      stockout_days: onHand === null && r['stockout_days'] === null ? null : (num(r['stockout_days']) ?? 0),
      sell_through: onHand === null || denominator === 0 ? null : units / denominator,
      alerts,
    };
  });
  const meanValue = num(raw[0]?.['mean_value']) ?? 0;
  const cogs = num(raw[0]?.['cogs']);
  const turnover = meanValue === 0 || cogs === null ? null : cogs / meanValue;
  return {
    as_of: D,
    inventory_value: hasProducts ? (num(raw[0]?.['value_d']) ?? 0) : null,
    inventory_turnover: turnover,
    days_of_inventory: turnover === null || turnover === 0 ? null : periodDays(period) / turnover,
    rows,
  };
}
