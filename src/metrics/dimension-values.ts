import type { Engine } from '../engine/engine';
import { channelSql, type FilterDimension } from './filters';

export type DimensionValues = Record<Exclude<FilterDimension, 'currency'>, string[]>;

/** Every value each filter dimension takes anywhere in the loaded data, for filter pickers and the SMART check. */
export function dimensionValuesSql(): string {
  const values = (dimension: string, sql: string) => `SELECT '${dimension}' AS dimension, v FROM (${sql}) WHERE v IS NOT NULL AND trim(v) <> ''`;
  return [
    values('channel', `SELECT DISTINCT ${channelSql('channel')} AS v FROM orders UNION SELECT DISTINCT ${channelSql('channel')} FROM traffic`),
    values('category', 'SELECT DISTINCT category AS v FROM order_items'),
    values('region', 'SELECT DISTINCT region AS v FROM orders UNION SELECT DISTINCT region FROM users'),
    values('device', 'SELECT DISTINCT device AS v FROM orders UNION SELECT DISTINCT device FROM traffic'),
    values('campaign', 'SELECT DISTINCT campaign AS v FROM orders UNION SELECT DISTINCT campaign FROM traffic'),
  ].join('\nUNION ALL\n') + '\nORDER BY dimension, v';
}

export function parseDimensionValues(rows: { dimension: unknown; v: unknown }[]): DimensionValues {
  const out: DimensionValues = { channel: [], category: [], region: [], device: [], campaign: [] };
  for (const r of rows) {
    const list = out[r.dimension as keyof DimensionValues];
    if (list && !list.includes(String(r.v))) list.push(String(r.v));
  }
  return out;
}

export async function dimensionValues(engine: Engine): Promise<DimensionValues> {
  return parseDimensionValues(await engine.query<{ dimension: string; v: string }>(dimensionValuesSql()));
}

/** A SKU a target can be filtered by, with its product name (null when neither file names it). */
export interface SkuOption {
  sku: string;
  name: string | null;
}

/**
 * Every SKU of the loaded products, and those sold without a products row (they count in every
 * total too), once per match key (trimmed, case-folded, as the metrics match them), with the
 * products file's name first, else the line items'.
 */
export function skuOptionsSql(): string {
  return `WITH p AS (SELECT sku_key, min(trim(sku)) AS sku, any_value(product_name) AS name FROM products GROUP BY sku_key),
  i AS (SELECT lower(trim(sku)) AS sku_key, min(trim(sku)) AS sku, any_value(product_name) AS name
    FROM order_items WHERE sku IS NOT NULL AND trim(sku) <> '' GROUP BY 1)
SELECT coalesce(p.sku, i.sku) AS sku, coalesce(nullif(trim(p.name), ''), nullif(trim(i.name), '')) AS name
FROM p FULL JOIN i ON i.sku_key = p.sku_key
ORDER BY 1`;
}

export async function skuOptions(engine: Engine): Promise<SkuOption[]> {
  const rows = await engine.query(skuOptionsSql());
  return rows.map((r) => ({ sku: String(r.sku), name: r.name === null || r.name === undefined ? null : String(r.name) }));
}
