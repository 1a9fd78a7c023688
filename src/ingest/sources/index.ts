import type { TableName } from '../../model/tables';
import { AD_REPORT_SOURCES } from './ad-reports';
import { CANONICAL_SOURCES } from './canonical';
import { CN_TRAFFIC } from './cn-traffic';
import { GA4_TRAFFIC } from './ga4';
import { PRODUCT_SOURCES } from './products';
import { SERVICE_SOURCES } from './service';
import { SHOPIFY_ORDERS } from './shopify';
import { TAOBAO_ORDERS } from './taobao';
import { WOOCOMMERCE_ORDERS } from './woocommerce';
import type { HeaderIndex, SourceDefinition } from './source';

/**
 * Every source recognised without help, most specific first: a platform export is checked
 * before the canonical layouts so a file is never read with the wrong rules.
 */
export const SOURCES: readonly SourceDefinition[] = [
  SHOPIFY_ORDERS,
  WOOCOMMERCE_ORDERS,
  TAOBAO_ORDERS,
  GA4_TRAFFIC,
  CN_TRAFFIC,
  ...PRODUCT_SOURCES,
  ...AD_REPORT_SOURCES,
  ...SERVICE_SOURCES,
  ...CANONICAL_SOURCES,
];

/** The source whose header this is (optionally for a forced table), or null. */
export function recogniseSource(h: HeaderIndex, table?: TableName): SourceDefinition | null {
  return SOURCES.find((s) => (table === undefined || s.table === table) && s.recognises(h)) ?? null;
}
