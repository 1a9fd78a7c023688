/**
 * The product and inventory figures of METRICS.md "Products" and "Inventory" (商品管理, issue 13):
 * what each means, its unit, direction and additivity, in both languages. Read by the report's
 * `products` and `inventory` sections (Markdown, CSV), the Products page's column headings and
 * their explanations, and the targets on product metrics. The numbers come from
 * queries/products.ts, which the KPI compiler does not read, so these entries are not in REGISTRY.
 * `days` and `units` figures are plain numbers: they use unit `count`.
 */
import type { Direction, Texts, Unit } from './types';

export interface ProductEntry<Id extends string = string> {
  id: Id;
  module: 'products' | 'inventory';
  unit: Unit;
  /** Null when neither way is better in itself (days of cover: too few and too many are both bad). */
  direction: Direction | null;
  additive: boolean;
  label: Texts;
  description: Texts;
  spec: string;
}

/** An entry builder for one module of METRICS.md ("Products" or "Inventory"). */
function entryOf(module: 'products' | 'inventory') {
  return <const Id extends string>(
    id: Id,
    unit: Unit,
    direction: Direction | null,
    additive: boolean,
    label: Texts,
    description: Texts,
  ): ProductEntry<Id> => ({ id, module, unit, direction, additive, label, description, spec: `METRICS.md#${module}` });
}
const p = entryOf('products');
const inv = entryOf('inventory');

export const PRODUCT_ENTRIES = {
  units: p(
    'units',
    'count',
    'higher',
    true,
    { en: 'Units', zh: '销量' },
    {
      en: 'Units of the SKU in paid orders placed in the period.',
      zh: '期间内下单且已付款订单中该 SKU 的件数。',
    },
  ),
  item_revenue: p(
    'item_revenue',
    'money',
    'higher',
    true,
    { en: 'Item revenue', zh: '商品销售额' },
    {
      en: 'Quantity × unit price over the SKU’s items in paid orders placed in the period.',
      zh: '期间内已付款订单中该 SKU 的 数量 × 单价 之和。',
    },
  ),
  orders: p(
    'orders',
    'count',
    'higher',
    false,
    { en: 'Orders', zh: '订单数' },
    {
      en: 'Distinct paid orders of the period containing the SKU.',
      zh: '期间内包含该 SKU 的已付款订单数（去重）。',
    },
  ),
  buyers: p(
    'buyers',
    'count',
    'higher',
    false,
    { en: 'Buyers', zh: '买家数' },
    {
      en: 'Distinct customers of those orders.',
      zh: '这些订单的不同客户数。',
    },
  ),
  revenue_share: p(
    'revenue_share',
    'rate',
    'higher',
    false,
    { en: 'Revenue share', zh: '销售额占比' },
    {
      en: 'The SKU’s item revenue ÷ item revenue of all SKUs.',
      zh: '该 SKU 销售额 ÷ 全部 SKU 销售额。',
    },
  ),
  gross_margin: p(
    'gross_margin',
    'money',
    'higher',
    true,
    { en: 'Gross margin', zh: '毛利' },
    {
      en: 'Item revenue − units × unit cost; — when the SKU has no cost.',
      zh: '销售额 − 销量 × 成本价；无成本价时为 —。',
    },
  ),
  margin_rate: p(
    'margin_rate',
    'rate',
    'higher',
    false,
    { en: 'Margin rate', zh: '毛利率' },
    {
      en: 'Gross margin ÷ item revenue; — when the SKU has no cost.',
      zh: '毛利 ÷ 销售额；无成本价时为 —。',
    },
  ),
  discount_depth: p(
    'discount_depth',
    'rate',
    'lower',
    false,
    { en: 'Discount depth', zh: '折扣深度' },
    {
      en: '1 − item revenue ÷ (units × list price): how far below list price it sold; — without a list price.',
      zh: '1 − 销售额 ÷（销量 × 吊牌价）：实际成交低于吊牌价多少；无吊牌价时为 —。',
    },
  ),
  new_buyer_share: p(
    'new_buyer_share',
    'rate',
    'higher',
    false,
    { en: 'New-buyer share', zh: '新客占比' },
    {
      en: 'Buyers whose first paid order ever is a period order containing the SKU ÷ buyers: its power to bring new customers (引流).',
      zh: '首笔已付款订单即为期间内包含该 SKU 的订单的买家 ÷ 买家数：引流能力。',
    },
  ),
  growth: p(
    'growth',
    'rate',
    'higher',
    false,
    { en: 'Growth', zh: '增长' },
    {
      en: 'Item revenue ÷ item revenue in the comparison period − 1; — when that was 0.',
      zh: '销售额 ÷ 对比期销售额 − 1；对比期为 0 时为 —。',
    },
  ),
  abc: p(
    'abc',
    'count',
    null,
    false,
    { en: 'ABC class', zh: 'ABC 分类' },
    {
      en: 'By item revenue, highest first: A while the share of the SKUs before it is under 80 %, B under 95 %, then C.',
      zh: '按销售额从高到低：之前 SKU 的累计占比低于 80% 为 A，低于 95% 为 B，其余为 C。',
    },
  ),
  cost_coverage: p(
    'cost_coverage',
    'rate',
    'higher',
    false,
    { en: 'Cost coverage', zh: '成本覆盖率' },
    {
      en: 'Share of item revenue whose SKU has a cost: how much of the margin is known.',
      zh: '有成本价的 SKU 销售额占比：毛利可知的程度。',
    },
  ),
  skus: p(
    'skus',
    'count',
    null,
    true,
    { en: 'SKUs', zh: 'SKU 数' },
    {
      en: 'SKUs of the role sold in the period.',
      zh: '期间内有销量的该角色 SKU 数。',
    },
  ),
  orders_together: p(
    'orders_together',
    'count',
    'higher',
    false,
    { en: 'Orders together', zh: '同单次数' },
    {
      en: 'Paid orders of the period with both SKUs (pairs with at least 5).',
      zh: '期间内同时包含两个 SKU 的已付款订单数（至少 5 单）。',
    },
  ),
  support: p(
    'support',
    'rate',
    'higher',
    false,
    { en: 'Support', zh: '支持度' },
    {
      en: 'Orders together ÷ paid orders of the period with items.',
      zh: '同单次数 ÷ 期间内有商品明细的已付款订单数。',
    },
  ),
  confidence: p(
    'confidence',
    'rate',
    'higher',
    false,
    { en: 'Confidence', zh: '置信度' },
    {
      en: 'Orders together ÷ orders containing the first SKU.',
      zh: '同单次数 ÷ 包含第一个 SKU 的订单数。',
    },
  ),
  lift: p(
    'lift',
    'count',
    'higher',
    false,
    { en: 'Lift', zh: '提升度' },
    {
      en: 'Confidence ÷ share of orders containing the second SKU; above 1, bought together more than by chance.',
      zh: '置信度 ÷ 包含第二个 SKU 的订单占比；大于 1 表示比随机更常一起购买。',
    },
  ),
  on_hand: inv(
    'on_hand',
    'count',
    null,
    true,
    { en: 'On hand', zh: '库存' },
    {
      en: 'Stock of the latest snapshot on or before the period’s end, all locations summed; negative: oversold.',
      zh: '截至期末最近一次盘点的库存（各仓合计）；负数表示超卖。',
    },
  ),
  daily_units: inv(
    'daily_units',
    'count',
    null,
    false,
    { en: 'Daily units', zh: '日均销量' },
    {
      en: 'Units sold in the 28 days ending the period’s end ÷ 28.',
      zh: '截至期末 28 天的销量 ÷ 28。',
    },
  ),
  days_of_cover: inv(
    'days_of_cover',
    'count',
    null,
    false,
    { en: 'Days of cover', zh: '可售天数' },
    {
      en: 'On hand ÷ daily units; 0 when out of stock, — when nothing sells.',
      zh: '库存 ÷ 日均销量；缺货为 0，无销量为 —。',
    },
  ),
  stockout_days: inv(
    'stockout_days',
    'count',
    'lower',
    false,
    { en: 'Stock-out days', zh: '缺货天数' },
    {
      en: 'Days of the period, from the SKU’s first snapshot on, with nothing on hand.',
      zh: '期间内（自首次盘点起）库存 ≤ 0 的天数。',
    },
  ),
  sell_through: inv(
    'sell_through',
    'rate',
    'higher',
    false,
    { en: 'Sell-through', zh: '售罄率' },
    {
      en: 'Units of the period ÷ (units + stock on hand at the end).',
      zh: '期间销量 ÷（期间销量 + 期末库存）。',
    },
  ),
  inventory_value: inv(
    'inventory_value',
    'money',
    null,
    true,
    { en: 'Inventory value', zh: '库存金额' },
    {
      en: 'Stock on hand × unit cost at the period’s end, over SKUs with a cost.',
      zh: '期末库存 × 成本价（有成本价的 SKU）。',
    },
  ),
  inventory_turnover: inv(
    'inventory_turnover',
    'count',
    'higher',
    false,
    { en: 'Inventory turnover', zh: '库存周转次数' },
    {
      en: 'Cost of the units sold in the period ÷ the mean daily inventory value.',
      zh: '期间销售成本 ÷ 期间日均库存金额。',
    },
  ),
  days_of_inventory: inv(
    'days_of_inventory',
    'count',
    'lower',
    false,
    { en: 'Days of inventory', zh: '库存周转天数' },
    {
      en: 'Days of the period ÷ inventory turnover.',
      zh: '期间天数 ÷ 库存周转次数。',
    },
  ),
} as const;

/** The per-SKU figures of METRICS.md's `products.rows`, in its order: the SKU table's columns on the page and in the report. */
export const SKU_ROW_METRICS = [
  'units',
  'item_revenue',
  'orders',
  'buyers',
  'revenue_share',
  'gross_margin',
  'margin_rate',
  'discount_depth',
  'new_buyer_share',
  'growth',
] as const satisfies readonly (keyof typeof PRODUCT_ENTRIES)[];

export type ProductMetricId = keyof typeof PRODUCT_ENTRIES;

/** The roles of METRICS.md "Products" and the job each does. */
export const ROLE_TEXTS: Record<
  'star' | 'traffic' | 'profit' | 'strategic' | 'unassigned',
  { label: Texts; job: Texts }
> = {
  star: { label: { en: 'Star', zh: '明星' }, job: { en: 'Revenue share', zh: '销售额占比' } },
  traffic: { label: { en: 'Traffic', zh: '引流' }, job: { en: 'New buyers', zh: '拉新' } },
  profit: { label: { en: 'Profit', zh: '利润' }, job: { en: 'Margin', zh: '毛利' } },
  strategic: { label: { en: 'Strategic', zh: '战略' }, job: { en: 'Growth', zh: '增长' } },
  unassigned: { label: { en: 'Unassigned', zh: '未分配' }, job: { en: '—', zh: '—' } },
};

export const ALERT_TEXTS: Record<'stockout' | 'reorder' | 'overstock' | 'oversold', Texts> = {
  stockout: { en: 'Stock-out', zh: '缺货' },
  reorder: { en: 'Reorder', zh: '需补货' },
  overstock: { en: 'Overstock', zh: '积压' },
  oversold: { en: 'Oversold', zh: '超卖' },
};
