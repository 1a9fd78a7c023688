import type { SourceId } from '../../ingest/types';
import type { Locale } from '../../lib/format';

/** Each recognised source's name in both languages (the Data page's cards, the load report). */
const SOURCE_LABELS: Record<SourceId, { en: string; zh: string }> = {
  canonical: { en: 'Yardstick canonical layout', zh: 'Yardstick 标准格式' },
  shopify_orders: { en: 'Shopify orders export', zh: 'Shopify 订单导出' },
  woocommerce_orders: { en: 'WooCommerce orders export', zh: 'WooCommerce 订单导出' },
  taobao_orders: { en: 'Taobao / Tmall order report', zh: '淘宝 / 天猫订单报表' },
  ga4_traffic: { en: 'Google Analytics 4 export', zh: 'Google Analytics 4 导出' },
  cn_traffic: { en: 'Chinese traffic export', zh: '中文流量报表' },
  google_ads: { en: 'Google Ads campaign report', zh: 'Google Ads 广告系列报告' },
  meta_ads: { en: 'Meta Ads report', zh: 'Meta 广告报告' },
  cn_ads: { en: 'Chinese ad report', zh: '中文推广报表' },
  zendesk_tickets: { en: 'Zendesk tickets export', zh: 'Zendesk 工单导出' },
  cn_tickets: { en: 'Chinese service tickets export', zh: '中文客服工单导出' },
  cn_reviews: { en: 'Chinese reviews export', zh: '中文评价导出' },
  shopify_products: { en: 'Shopify products export', zh: 'Shopify 商品导出' },
  shopify_inventory: { en: 'Shopify inventory export', zh: 'Shopify 库存导出' },
  cn_products: { en: 'Chinese product list', zh: '中文商品表' },
  cn_inventory: { en: 'Chinese stock sheet', zh: '中文库存表' },
  custom: { en: 'Mapped by hand', zh: '手动映射' },
};

export function sourceLabel(source: SourceId, locale: Locale): string {
  const l = SOURCE_LABELS[source];
  return locale === 'zh-CN' ? l.zh : l.en;
}
