import { formatValue, MISSING, type Unit } from '../lib/format';
import type { MarketingSection } from '../metrics/queries/marketing';
import { MARKETING_ENTRIES, MARKETING_TOTAL_IDS } from '../metrics/registry/marketing';

type Align = 'l' | 'r';
export type MarkdownTable = (head: string[], align: Align[], rows: string[][]) => string;

/** The report's `marketing` totals as CSV rows (metric, label, unit, value): the report has no marketing comparison. */
export function marketingCsvRows(section: MarketingSection | null): Record<string, string | number | null>[] {
  if (!section) return [];
  return MARKETING_TOTAL_IDS.map((id) => {
    const entry = MARKETING_ENTRIES[id];
    return { metric: id, label: entry.label.en, unit: entry.unit, value: section[id], comparison: null, change: null };
  });
}

/** The Markdown part of the report for the marketing section (METRICS.md "Marketing"). */
export function renderMarketingMarkdown(
  section: MarketingSection,
  currency: string | null,
  table: MarkdownTable,
): string {
  const show = (v: number | null, unit: Unit) =>
    formatValue(v, unit === 'money' && currency === null ? 'number' : unit, 'en', currency, false);
  const money = (v: number | null) => show(v, 'money');
  const count = (v: number | null) => show(v, 'count');
  const rate = (v: number | null) => show(v, 'rate');
  const times = (v: number | null) => (v === null ? MISSING : `${v.toFixed(2)}×`);
  const parts: string[] = ['## Marketing'];

  const totals = MARKETING_TOTAL_IDS.map((id) => {
    const entry = MARKETING_ENTRIES[id];
    return [entry.label.en, id === 'roas' ? times(section[id]) : show(section[id], entry.unit)];
  });
  parts.push(table(['Metric', 'Value'], ['l', 'r'], totals));

  if (section.by_channel.length) {
    const rows = section.by_channel.map((c) => [
      c.channel,
      money(c.spend),
      count(c.sessions),
      count(c.new_buyers),
      money(c.cac),
      money(c.gmv),
      times(c.roas),
      rate(c.ctr),
      money(c.cpc),
      money(c.cost_per_session),
    ]);
    const head = ['Channel', 'Spend', 'Sessions', 'New buyers', 'CAC', 'GMV', 'ROAS', 'CTR', 'CPC', 'Cost/session'];
    parts.push(`### Spend by channel\n\n${table(head, ['l', ...head.slice(1).map((): Align => 'r')], rows)}`);
  }
  if (section.by_campaign.length) {
    const rows = section.by_campaign.map((c) => [
      c.campaign,
      money(c.spend),
      money(c.gmv),
      count(c.orders),
      times(c.roas),
    ]);
    parts.push(
      `### Spend by campaign\n\n${table(['Campaign', 'Spend', 'GMV', 'Orders', 'ROAS'], ['l', 'r', 'r', 'r', 'r'], rows)}`,
    );
  }
  if (section.coupons.length) {
    const rows = section.coupons.map((c) => [
      c.code,
      count(c.orders),
      money(c.gmv),
      money(c.discounts),
      count(c.buyers),
      count(c.new_buyers),
    ]);
    parts.push(
      `### Coupons\n\n${table(['Code', 'Orders', 'GMV', 'Discounts', 'Buyers', 'New buyers'], ['l', 'r', 'r', 'r', 'r', 'r'], rows)}`,
    );
  }
  if (section.campaigns.length) {
    const rows = section.campaigns.map((c) => [
      c.name ?? c.campaign,
      `${c.starts_on} – ${c.ends_on}`,
      money(c.baseline_daily_gmv),
      money(c.daily_gmv),
      rate(c.uplift),
      rate(c.after_dip),
      money(c.tagged_gmv),
      money(c.spend),
      times(c.roas),
    ]);
    const head = [
      'Campaign',
      'Dates',
      'Baseline/day',
      'During/day',
      'Uplift',
      'After dip',
      'Tagged GMV',
      'Spend',
      'ROAS',
    ];
    parts.push(
      `### Campaign calendar\n\nGMV per day during each campaign and in the 14 days after, against the 28 days before.\n\n${table(
        head,
        ['l', 'l', ...head.slice(2).map((): Align => 'r')],
        rows,
      )}`,
    );
  }
  return parts.join('\n\n');
}
