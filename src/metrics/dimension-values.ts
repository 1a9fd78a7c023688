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
