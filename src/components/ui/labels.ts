import type { Locale } from '../../lib/format';

/** Display names of the channel taxonomy (DATA.md "Values") and of devices; data values stay as they are. */
const CHANNELS: Record<string, { en: string; zh: string }> = {
  organic_search: { en: 'Organic search', zh: '自然搜索' },
  paid_search: { en: 'Paid search', zh: '付费搜索' },
  organic_social: { en: 'Organic social', zh: '社交媒体（自然）' },
  paid_social: { en: 'Paid social', zh: '社交媒体（付费）' },
  email: { en: 'Email', zh: '电子邮件' },
  direct: { en: 'Direct', zh: '直接访问' },
  referral: { en: 'Referral', zh: '推荐' },
  affiliate: { en: 'Affiliate', zh: '联盟推广' },
  display: { en: 'Display', zh: '展示广告' },
  other: { en: 'Other', zh: '其他' },
  unattributed: { en: 'Unattributed', zh: '未归因' },
};

const DEVICES: Record<string, { en: string; zh: string }> = {
  mobile: { en: 'Mobile', zh: '手机' },
  desktop: { en: 'Desktop', zh: '电脑' },
  tablet: { en: 'Tablet', zh: '平板' },
};

const pick = (texts: { en: string; zh: string } | undefined, locale: Locale, fallback: string) =>
  texts ? (locale === 'zh-CN' ? texts.zh : texts.en) : fallback;

export function channelLabel(value: string, locale: Locale): string {
  return pick(CHANNELS[value], locale, value);
}

export function deviceLabel(value: string, locale: Locale): string {
  return pick(DEVICES[value], locale, value);
}

/** A filter value as people read it: channels and devices named, the rest as in the data. */
export function valueLabel(key: string, value: string, locale: Locale): string {
  if (key === 'channel') return channelLabel(value, locale);
  if (key === 'device') return deviceLabel(value, locale);
  return value;
}
