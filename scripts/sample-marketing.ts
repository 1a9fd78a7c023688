/**
 * The sample shop's marketing tables (issue 14): daily spend by paid channel and ad campaign,
 * and the promotion calendar. Drawn from a seeded stream of its own, so the orders, items,
 * traffic and users keep their bytes; the spend follows each channel's own GMV (a week's
 * average over a target ROAS, with noise), so ROAS and CAC read like a real shop's.
 */
import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Paid channels: target ROAS, cost per thousand impressions (CNY), click-through rate, ad campaigns. */
const PAID = [
  ['paid_search', 4.2, 38, 0.042, ['brand_search', 'generic_search']],
  ['paid_social', 2.6, 22, 0.011, ['spring_lookbook', 'retargeting']],
  ['display', 1.5, 9, 0.0035, ['prospecting']],
  ['affiliate', 7.5, 15, 0.009, ['partner_blogs']],
  ['email', 30, 2, 0.028, ['newsletter', 'winback']],
] as const;

/** The promotion calendar: 618, Double 11, Black Friday, 12.12 and two smaller promotions. */
export const SAMPLE_CAMPAIGNS = [
  ['double11_2024', 'Double 11 2024 (双11)', 'holiday', '2024-11-01', '2024-11-11', 60000],
  ['black_friday_2024', 'Black Friday 2024', 'holiday', '2024-11-29', '2024-12-02', 20000],
  ['d1212_2024', '12.12 2024 (双12)', 'threshold_discount', '2024-12-10', '2024-12-12', 15000],
  ['spring_refresh_2025', 'Spring home refresh', 'coupon', '2025-03-14', '2025-03-20', 8000],
  ['f618_2025', '618 2025', 'holiday', '2025-06-01', '2025-06-18', 50000],
  ['double11_2025', 'Double 11 2025 (双11)', 'holiday', '2025-11-01', '2025-11-11', 80000],
  ['black_friday_2025', 'Black Friday 2025', 'holiday', '2025-11-28', '2025-12-01', 25000],
  ['d1212_2025', '12.12 2025 (双12)', 'threshold_discount', '2025-12-10', '2025-12-12', 18000],
  ['lamp_launch_2026', 'Rattan lamp launch (新品)', 'new_product', '2026-04-10', '2026-04-16', 6000],
  ['f618_2026', '618 2026', 'holiday', '2026-06-01', '2026-06-18', 65000],
  ['double11_2026', 'Double 11 2026 (双11)', 'holiday', '2026-11-01', '2026-11-11', 100000],
] as const;

const PAID_STATUSES = new Set(['paid', 'partially_refunded', 'refunded']);

/**
 * The two files, as CSV text (header first). `orderRows` are the sample's order lines in its
 * canonical layout (order_id, customer_id, ordered_at, paid_at, status, order_total, …, channel
 * at 11, campaign at 12).
 */
export function sampleMarketing(orderRows: readonly string[], firstDay: string, lastDay: string) {
  const rand = rng(20261414);
  const first = parseISO(firstDay);
  const days = differenceInCalendarDays(parseISO(lastDay), first) + 1;
  const gmv = new Map<string, number[]>(PAID.map(([c]) => [c, new Array<number>(days).fill(0)]));
  for (const row of orderRows) {
    const f = row.split(',');
    const series = gmv.get(f[11] ?? '');
    if (!series || !PAID_STATUSES.has(f[4] ?? '')) continue;
    const i = differenceInCalendarDays(parseISO((f[2] ?? '').slice(0, 10)), first);
    series[i] = (series[i] ?? 0) + Number(f[5]);
  }
  const festival = (day: string) => SAMPLE_CAMPAIGNS.find(([, , , s, e]) => s <= day && day <= e);

  const spendRows: string[] = [];
  for (let i = 0; i < days; i++) {
    const day = format(addDays(first, i), 'yyyy-MM-dd');
    for (const [channel, roas, cpm, ctr, campaigns] of PAID) {
      const series = gmv.get(channel)!;
      const week = series.slice(Math.max(0, i - 6), i + 1);
      const average = week.reduce((a, b) => a + b, 0) / week.length;
      const budget = (average / roas) * (0.8 + rand() * 0.4);
      campaigns.forEach((campaign, k) => {
        const share = campaigns.length === 1 ? 1 : k === 0 ? 0.55 : 0.45;
        spendRows.push(line(day, channel, campaign, budget * share * (0.9 + rand() * 0.2), cpm, ctr, rand));
      });
    }
    // A festival's own boost on the paid channels, tagged with the festival's id.
    const f = festival(day);
    if (f) {
      const [id, , , s, e, budget] = f;
      const length = differenceInCalendarDays(parseISO(e), parseISO(s)) + 1;
      const perDay = (budget / length) * (0.85 + rand() * 0.3);
      spendRows.push(line(day, 'paid_social', id, perDay * 0.6, 26, 0.013, rand));
      spendRows.push(line(day, 'paid_search', id, perDay * 0.4, 45, 0.05, rand));
    }
  }
  const campaignRows = SAMPLE_CAMPAIGNS.map(([id, name, type, s, e, budget]) =>
    [id, `"${name}"`, type, s, e, budget.toFixed(2)].join(','),
  );
  return {
    spend: { header: 'date,channel,campaign,spend,impressions,clicks', rows: spendRows },
    campaigns: { header: 'campaign,name,type,starts_on,ends_on,budget', rows: campaignRows },
  };
}

function line(
  day: string,
  channel: string,
  campaign: string,
  spend: number,
  cpm: number,
  ctr: number,
  rand: () => number,
): string {
  const impressions = Math.round((spend / cpm) * 1000 * (0.9 + rand() * 0.2));
  const clicks = Math.round(impressions * ctr * (0.85 + rand() * 0.3));
  return [day, channel, campaign, spend.toFixed(2), impressions, clicks].join(',');
}
