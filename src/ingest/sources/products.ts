import { ident, literal } from '../../engine/sql';
import { CLEAN_TABLE } from '../raw';
import type { HeaderIndex, SourceDefinition, SourcePlan } from './source';

/**
 * Product and stock exports for the products and inventory tables (issue 13).
 *
 * Shopify's products export (Admin › Products › Export) has one row per variant plus rows
 * that only add an image; product-level columns (Title, Type, Status) are written on a
 * product's first row only, so they are read per handle. Older exports prefix the variant
 * columns ("Variant SKU", "Variant Price", "Variant Compare At Price"), newer ones do not
 * ("SKU", "Price", "Compare-at price", "URL handle"). The list price is the compare-at price
 * where one is set, else the price; draft products count as active, archived as discontinued.
 *
 * Shopify's inventory export (Admin › Products › Inventory › Export) has one row per variant
 * and location with Incoming / Committed / Available / On hand and no date: it is read as a
 * snapshot of the day it is imported. A location where the variant is "not stocked" is no
 * snapshot and is skipped.
 *
 * Chinese product lists and stock sheets: 商品编码/货号 (the SKU), 商品名称, 类目, 成本价,
 * 吊牌价, 库存 and 日期; a sheet with 日期 and 库存 is stock snapshots, one without is a product list.
 */

const HANDLE = ['Handle', 'URL handle'];
const SKU = ['Variant SKU', 'SKU'];

/** Product-level text written on a handle's first row only, for every row of the handle. */
const perHandle = (h: HeaderIndex, column: string, alias: string): string | null => {
  const handle = h.first(...HANDLE);
  return h.has(column) ? `max(${h.text(column)}) OVER (PARTITION BY ${handle}) AS ${ident(alias)}` : null;
};

function shopifyProducts(h: HeaderIndex): SourcePlan {
  const sku = h.first(...SKU);
  const price = h.first('Variant Price', 'Price');
  const compareAt = h.first('Variant Compare At Price', 'Compare-at price', 'Compare At Price');
  const option = h.first('Option1 Value', 'Option1 value');
  const windows = [
    perHandle(h, 'Title', '_ys_title'),
    perHandle(h, 'Type', '_ys_type'),
    perHandle(h, 'Product Category', '_ys_category'),
    perHandle(h, 'Status', '_ys_status'),
  ];
  const got = (alias: string) => windows.some((w) => w?.endsWith(ident(alias)));
  const title = got('_ys_title') ? ident('_ys_title') : 'NULL::VARCHAR';
  // "Default Title" is Shopify's option value of a product without variants.
  const name = `CASE WHEN ${option} IS NULL OR ${option} = 'Default Title' THEN ${title} ELSE ${title} || ' / ' || ${option} END`;
  // The last step of "Apparel & Accessories > Clothing > Shirts".
  const category = got('_ys_category')
    ? `nullif(trim(regexp_extract(${ident('_ys_category')}, '[^>]*$')), '')`
    : 'NULL::VARCHAR';
  return {
    source: 'shopify_products',
    table: 'products',
    from: `(SELECT *, ${windows.filter((w) => w !== null).join(', ')} FROM ${ident(CLEAN_TABLE)})`,
    // Image-only rows carry neither a SKU nor a price: they are not variants.
    where: `${sku} IS NOT NULL OR ${price} IS NOT NULL`,
    fields: {
      sku,
      product_name: name,
      category: got('_ys_type') ? `coalesce(${ident('_ys_type')}, ${category})` : category,
      unit_cost: h.first('Cost per item'),
      list_price: `coalesce(${compareAt}, ${price})`,
      status: got('_ys_status')
        ? `CASE lower(${ident('_ys_status')}) WHEN 'draft' THEN 'active' WHEN 'archived' THEN 'discontinued' ELSE ${ident('_ys_status')} END`
        : 'NULL::VARCHAR',
    },
  };
}

export const SHOPIFY_PRODUCTS: SourceDefinition = {
  id: 'shopify_products',
  table: 'products',
  recognises: (h) =>
    HANDLE.some((c) => h.has(c)) &&
    h.has('Title') &&
    SKU.some((c) => h.has(c)) &&
    ['Variant Price', 'Price'].some((c) => h.has(c)) &&
    !h.has('Location'),
  plan: shopifyProducts,
};

const ON_HAND = ['On hand', 'On hand (current)', 'Available', 'Available (not editable)'];

function shopifyInventory(h: HeaderIndex): SourcePlan {
  const onHand = h.first(...ON_HAND);
  return {
    source: 'shopify_inventory',
    table: 'inventory',
    where: `lower(coalesce(${onHand}, '')) <> 'not stocked'`,
    fields: {
      date: literal(new Date().toISOString().slice(0, 10)),
      sku: h.first('SKU', 'Variant SKU'),
      on_hand: onHand,
      on_order: h.first('Incoming', 'Incoming (not editable)'),
      location: h.first('Location'),
    },
  };
}

export const SHOPIFY_INVENTORY: SourceDefinition = {
  id: 'shopify_inventory',
  table: 'inventory',
  recognises: (h) =>
    HANDLE.some((c) => h.has(c)) &&
    ['SKU', 'Variant SKU'].some((c) => h.has(c)) &&
    h.has('Location') &&
    ON_HAND.some((c) => h.has(c)),
  plan: shopifyInventory,
};

const CN_SKU = ['商品编码', '货号', '商家编码', 'SKU编码', '商品货号'];
const CN_STOCK = ['库存', '库存数量', '可用库存', '实际库存'];
const CN_DATE = ['日期', '盘点日期', '统计日期'];
const CN_PRODUCT = [
  '商品名称',
  '宝贝名称',
  '类目',
  '商品类目',
  '成本价',
  '成本',
  '吊牌价',
  '市场价',
  '商品角色',
  '角色',
];
/** An orders export names SKUs too: never a product list. */
const CN_ORDER = ['订单编号', '订单号', '主订单编号', '子订单编号'];

const any = (h: HeaderIndex, names: readonly string[]) => names.some((n) => h.has(n));

export const CN_PRODUCTS: SourceDefinition = {
  id: 'cn_products',
  table: 'products',
  recognises: (h) => any(h, CN_SKU) && any(h, CN_PRODUCT) && !any(h, CN_DATE) && !any(h, CN_ORDER),
  plan: (h) => ({
    source: 'cn_products',
    table: 'products',
    fields: {
      sku: h.first(...CN_SKU),
      product_name: h.first('商品名称', '宝贝名称'),
      category: h.first('类目', '商品类目'),
      unit_cost: h.first('成本价', '成本'),
      list_price: h.first('吊牌价', '市场价', '售价'),
      role: h.first('商品角色', '角色'),
      lead_time_days: h.first('采购周期', '备货周期', '采购周期(天)'),
      status: h.first('商品状态', '状态'),
    },
  }),
};

export const CN_INVENTORY: SourceDefinition = {
  id: 'cn_inventory',
  table: 'inventory',
  recognises: (h) => any(h, CN_SKU) && any(h, CN_STOCK) && any(h, CN_DATE) && !any(h, CN_ORDER),
  plan: (h) => ({
    source: 'cn_inventory',
    table: 'inventory',
    fields: {
      date: h.first(...CN_DATE),
      sku: h.first(...CN_SKU),
      on_hand: h.first(...CN_STOCK),
      on_order: h.first('在途', '在途库存', '采购在途'),
      location: h.first('仓库', '仓库名称'),
    },
  }),
};

export const PRODUCT_SOURCES: readonly SourceDefinition[] = [
  SHOPIFY_INVENTORY,
  SHOPIFY_PRODUCTS,
  CN_INVENTORY,
  CN_PRODUCTS,
];
