import { oneOfSql } from './values-sql';
import type { Channel } from '../model/tables';

/**
 * How channel names written by the sources map onto the one taxonomy (DATA.md "Values").
 * Keys are compared after lower-casing and turning spaces, hyphens and slashes into `_`.
 * GA4 default channel groups, common UTM mediums, Shopify/WooCommerce attribution and the
 * Chinese platform traffic sources are all listed here, so every file lands in one vocabulary.
 */
export const CHANNEL_SYNONYMS: Record<Exclude<Channel, 'other'>, readonly string[]> = {
  organic_search: [
    'organic_search',
    'organic',
    'seo',
    'search',
    'organic_shopping',
    'free_search',
    '自然搜索',
    '搜索',
    '免费搜索',
    '手淘搜索',
    '淘内免费',
  ],
  paid_search: [
    'paid_search',
    'cpc',
    'ppc',
    'sem',
    'paidsearch',
    'google_ads',
    'adwords',
    'paid_shopping',
    'shopping_ads',
    // Google Ads campaign types as the ad report names them ("Google Ads Search"…).
    'google_ads_search',
    'google_ads_shopping',
    'google_ads_performance_max',
    'google_ads_smart',
    'baidu_ads',
    '百度推广',
    '百度竞价',
    '淘宝直通车',
    '付费搜索',
    '直通车',
    '搜索推广',
    '付费流量',
  ],
  organic_social: [
    'organic_social',
    'social',
    'social_network',
    'social_media',
    'sm',
    'organic_video',
    '社交',
    '社交媒体',
    '内容',
    '逛逛',
    '短视频',
    '直播',
  ],
  paid_social: [
    'paid_social',
    'paidsocial',
    'social_paid',
    'social_ads',
    'facebook_ads',
    'meta_ads',
    'tiktok_ads',
    '巨量引擎',
    '巨量千川',
    '千川',
    '抖音广告',
    '广点通',
    '腾讯广告',
    '小红书聚光',
    '社交广告',
    '信息流',
  ],
  email: ['email', 'e_mail', 'mail', 'newsletter', 'edm', 'crm', '邮件', '短信', 'sms'],
  direct: [
    'direct',
    '(direct)',
    '(none)',
    'none',
    'typein',
    '直接访问',
    '自主访问',
    '直接',
    '收藏',
    '购物车',
    '我的淘宝',
  ],
  referral: ['referral', 'referrer', 'link', 'partner_site', '外部链接', '站外', '淘外流量', '站外引流'],
  affiliate: ['affiliate', 'affiliates', 'partner', 'partners', '淘宝客', '淘客', '联盟', '推广联盟'],
  display: [
    'display',
    'banner',
    'cpm',
    'programmatic',
    'paid_video',
    'video',
    'retargeting',
    'google_ads_display',
    'google_ads_video',
    'google_ads_demand_gen',
    'google_ads_discovery',
    '钻展',
    '引力魔方',
    '展示广告',
    '超级推荐',
  ],
  unattributed: ['unattributed', 'unassigned', '(not_set)', '(not set)', 'not_set', 'unknown', '(other)', '未知'],
};

/** Normalises a channel name as written into the lookup key used by `channelSql`. */
export function channelKeySql(raw: string): string {
  return `regexp_replace(lower(${raw}), '[\\s\\-/]+', '_', 'g')`;
}

/**
 * SQL mapping a source's channel text (already cleaned) onto the taxonomy: absent →
 * 'unattributed', known synonym → its channel, anything else → 'other'.
 */
export function channelSql(raw: string): string {
  // GA4 "source / medium" values: the medium says the channel.
  const key = channelKeySql(`CASE WHEN contains(${raw}, ' / ') THEN split_part(${raw}, ' / ', 2) ELSE ${raw} END`);
  const arms = Object.entries(CHANNEL_SYNONYMS)
    .map(
      ([channel, names]) =>
        `WHEN ${oneOfSql(key, names.map((n) => n.replace(/[\s\-/]+/g, '_')))} THEN '${channel}'`,
    )
    .join('\n    ');
  return `CASE WHEN ${raw} IS NULL THEN 'unattributed'
    ${arms}
    ELSE 'other' END`;
}
