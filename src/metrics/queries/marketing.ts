/**
 * The marketing section (METRICS.md "Marketing", "Details that decide an operations number",
 * "Report JSON" `marketing`), computed once for the Marketing page and `yardstick report`.
 * Every figure is an entry of registry/marketing.ts; orders-side parts (gmv, orders, discounts,
 * new_buyers, sessions) go through the KPI registry's query, so they equal the KPI cards.
 */
import type { Engine, Row } from '../../engine/engine';
import { literal } from '../../engine/sql';
import { contextFor, queryMetrics, type PreparedContext } from '../context';
import { CUSTOMERS_TABLE, derivedGeneration, hasDerived } from '../derived-state';
import { describeData, type DataDescription } from '../describe';
import { channelSql, ordersFilterSql, type Filters } from '../filters';
import { bucketGrouping, bucketStartSql, compareChannels, dimensionGrouping } from '../groupings';
import { periodBuckets, periodDays, shiftDay, type Grain, type Period } from '../periods';
import {
  cac,
  COUPON_CODE_SQL,
  coupon_order_share,
  cost_per_session,
  cpc,
  ctr,
  discount_rate,
  marketing_cost_ratio,
  marketingRatio,
  roas,
  spend,
  type MarketingRatioEntry,
} from '../registry/marketing';
import { firstPaidSql, paidSql } from '../relations';
import { runMetricSql } from '../result-cache';
import { toNumberOrNull } from './kpis';

/** The marketing tables (DATA.md "Operations tables"). */
export const MARKETING_TABLES = ['marketing_spend', 'campaigns'] as const;
export type MarketingTableName = (typeof MARKETING_TABLES)[number];

/** Days before a campaign its baseline covers, and days after it the dip is measured over. */
export const BASELINE_DAYS = 28;
export const AFTER_DAYS = 14;

export interface MarketingChannelRow {
  channel: string;
  spend: number | null;
  sessions: number | null;
  new_buyers: number | null;
  cac: number | null;
  gmv: number | null;
  roas: number | null;
  ctr: number | null;
  cpc: number | null;
  cost_per_session: number | null;
}

export interface MarketingCampaignSpendRow {
  campaign: string;
  spend: number | null;
  gmv: number | null;
  orders: number | null;
  roas: number | null;
}

export interface CouponRow {
  code: string;
  orders: number;
  gmv: number;
  discounts: number;
  buyers: number;
  new_buyers: number;
}

export interface CampaignRow {
  campaign: string;
  name: string | null;
  type: string | null;
  starts_on: string;
  ends_on: string;
  baseline_daily_gmv: number | null;
  daily_gmv: number | null;
  uplift: number | null;
  after_dip: number | null;
  tagged_gmv: number | null;
  tagged_orders: number | null;
  discounts: number | null;
  spend: number | null;
  roas: number | null;
}

/** `report --json`'s `marketing` object, in its key order. */
export interface MarketingSection {
  spend: number | null;
  roas: number | null;
  cac: number | null;
  marketing_cost_ratio: number | null;
  discount_rate: number | null;
  coupon_order_share: number | null;
  by_channel: MarketingChannelRow[];
  by_campaign: MarketingCampaignSpendRow[];
  coupons: CouponRow[];
  campaigns: CampaignRow[];
}

/** What the marketing tables hold: rows and the spend's first and last dates. */
export interface MarketingDescription {
  spendRows: number;
  spendFirst: string | null;
  spendLast: string | null;
  campaignRows: number;
}

/**
 * A campaign a planner added in the app or the targets file (issue 14, item 3): the columns of
 * DATA.md's `campaigns`. It joins the loaded calendar; one with the id of a loaded campaign
 * replaces it (the planner's edit is the newer word).
 */
export interface CalendarEntry {
  campaign: string;
  name: string | null;
  type: string | null;
  starts_on: string;
  ends_on: string;
}

export interface MarketingOptions {
  /** Campaigns added by the planner, beside the loaded `campaigns` table. */
  campaigns?: readonly CalendarEntry[];
}

/** The calendar: the loaded campaigns (when the table holds rows) and the planner's, as one relation. */
function calendarSql(m: MarketingDescription, planned: readonly CalendarEntry[]): string {
  const ids = planned.map((c) => literal(c.campaign.trim()));
  const loaded =
    m.campaignRows > 0
      ? `SELECT trim(campaign) AS campaign, name, type, starts_on, ends_on FROM campaigns${
          ids.length ? ` WHERE trim(campaign) NOT IN (${ids.join(', ')})` : ''
        }`
      : null;
  const added = planned.length
    ? `SELECT * FROM (VALUES ${planned
        .map(
          (c) =>
            `(${literal(c.campaign.trim())}, CAST(${literal(c.name)} AS VARCHAR), CAST(${literal(c.type)} AS VARCHAR), DATE ${literal(c.starts_on)}, DATE ${literal(c.ends_on)})`,
        )
        .join(', ')}) v(campaign, name, type, starts_on, ends_on)`
    : null;
  const parts = [loaded, added].filter((x): x is string => x !== null);
  return parts.length
    ? parts.join(' UNION ALL ')
    : `SELECT NULL::VARCHAR AS campaign, NULL::VARCHAR AS name, NULL::VARCHAR AS type, NULL::DATE AS starts_on, NULL::DATE AS ends_on WHERE FALSE`;
}

const EMPTY: MarketingDescription = { spendRows: 0, spendFirst: null, spendLast: null, campaignRows: 0 };

/** Dimensions spend rows carry; any other active filter (region, device, category) leaves spend null. */
const SPEND_DIMENSIONS = ['channel', 'campaign'] as const;

/** Reads the marketing tables' facts; tables not created yet count as empty. */
export async function describeMarketing(engine: Engine): Promise<MarketingDescription> {
  const present = await runMetricSql(
    engine,
    `SELECT table_name FROM duckdb_tables() WHERE table_name IN ('marketing_spend', 'campaigns')`,
  );
  const names = new Set(present.map((r) => String(r.table_name)));
  if (names.size === 0) return EMPTY;
  const spend = names.has('marketing_spend')
    ? `(SELECT count(*) FROM marketing_spend) AS spend_rows, (SELECT min(date) FROM marketing_spend) AS spend_first,
       (SELECT max(date) FROM marketing_spend) AS spend_last`
    : `0 AS spend_rows, NULL AS spend_first, NULL AS spend_last`;
  const campaigns = names.has('campaigns') ? '(SELECT count(*) FROM campaigns)' : '0';
  const [row] = await runMetricSql(engine, `SELECT ${spend}, ${campaigns} AS campaign_rows`);
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    spendRows: Number(row?.spend_rows ?? 0),
    spendFirst: str(row?.spend_first),
    spendLast: str(row?.spend_last),
    campaignRows: Number(row?.campaign_rows ?? 0),
  };
}

/** Whether the marketing section exists for this data: either marketing table holds rows. */
export function marketingLoaded(m: MarketingDescription): boolean {
  return m.spendRows > 0 || m.campaignRows > 0;
}

/** Active filters spend rows cannot honour (their figures are then null). */
export function spendUnsupported(filters: Filters): string[] {
  return (['region', 'device', 'category'] as const).filter((d) => (filters[d]?.length ?? 0) > 0);
}

/** WHERE condition for spend rows (alias `m`) under the view's channel and campaign filters. */
export function spendFilterSql(filters: Filters, alias = 'm'): string {
  const parts: string[] = [];
  for (const d of SPEND_DIMENSIONS) {
    const values = filters[d];
    if (!values || values.length === 0) continue;
    const column = d === 'channel' ? channelSql(`${alias}.channel`) : `trim(${alias}.campaign)`;
    parts.push(`${column} IN (${values.map(literal).join(', ')})`);
  }
  return parts.length ? parts.join(' AND ') : 'TRUE';
}

const day = (d: string) => `DATE ${literal(d)}`;
const num = toNumberOrNull;

/** Whether spend figures exist for a span: spend is loaded, the filters apply, and its dates overlap the span. */
function spendCovered(m: MarketingDescription, filters: Filters, span: Period): boolean {
  return (
    m.spendRows > 0 &&
    spendUnsupported(filters).length === 0 &&
    m.spendFirst !== null &&
    m.spendLast !== null &&
    m.spendFirst <= span.to &&
    m.spendLast >= span.from
  );
}

function ratioFrom(entry: MarketingRatioEntry, values: Record<string, number | null>): number | null {
  return marketingRatio(entry, (id) => values[id] ?? null);
}

/** Paid orders (canonical rows, alias `o`) under the applied filters: the rows every orders-side figure here reads. */
function paidOrdersSql(prepared: PreparedContext, where: string): string {
  const blocked = prepared.ctx.blocked.includes('orders') ? 'FALSE' : ordersFilterSql(prepared.ctx.filters, 'o');
  return `SELECT o.* FROM orders o WHERE ${paidSql('o')} AND ${blocked} AND ${where}`;
}

/**
 * New buyers per day and channel of their first paid order ever (the earliest paid order by
 * timestamp, ties by order_id; METRICS.md "Details…"), that first order meeting the filters. The
 * SQL names no period, so a view change reads it from the result cache and sums its days.
 */
function newBuyersByFirstChannelSql(prepared: PreparedContext): string {
  const filter = prepared.ctx.blocked.includes('orders') ? 'FALSE' : ordersFilterSql(prepared.ctx.filters, 'f');
  return `SELECT f.order_date::VARCHAR AS day, ${channelSql('f.channel')} AS channel, count(*) AS new_buyers
  FROM (SELECT o.*, row_number() OVER (PARTITION BY o.customer_key ORDER BY o.ordered_at, o.order_id) AS n
        FROM orders o WHERE ${paidSql('o')}) f
  WHERE f.n = 1 AND ${filter}
  GROUP BY ALL`;
}

/** The index of the first of `sorted` at or after `value` (its length when none is). */
function firstAtOrAfter(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function inSpan(day: unknown, span: Period): boolean {
  const d = String(day).slice(0, 10);
  return d >= span.from && d <= span.to;
}

/** The period's spend: its total, and rows (grp, spend, impressions, clicks) by channel and by campaign. */
interface PeriodSpend {
  total: number | null;
  byChannel: Row[];
  byCampaign: Row[];
}

/**
 * The period's spend figures in one statement (issue 14's speed goal: in DuckDB-WASM each
 * statement costs its planning), each part the aggregate it was on its own; null when spend
 * does not cover the period under the filters.
 */
async function periodSpend(
  engine: Engine,
  m: MarketingDescription,
  filters: Filters,
  period: Period,
  byCampaign: boolean,
): Promise<PeriodSpend | null> {
  if (!spendCovered(m, filters, period)) return null;
  const where = `m.date BETWEEN ${day(period.from)} AND ${day(period.to)} AND ${spendFilterSql(filters)}`;
  const campaignPart = `
     UNION ALL
     SELECT 'campaign', trim(m.campaign), sum(m.${spend.measure})::DOUBLE, NULL, NULL
     FROM marketing_spend m WHERE ${where} AND nullif(trim(m.campaign), '') IS NOT NULL
     GROUP BY 2`;
  const rows = await runMetricSql(
    engine,
    `SELECT 'total' AS part, NULL AS grp, coalesce(sum(m.${spend.measure}), 0)::DOUBLE AS spend,
       NULL AS impressions, NULL AS clicks
     FROM marketing_spend m WHERE ${where}
     UNION ALL
     SELECT 'channel', ${channelSql('m.channel')}, sum(m.${spend.measure})::DOUBLE,
       sum(m.impressions)::DOUBLE, sum(m.clicks)::DOUBLE
     FROM marketing_spend m WHERE ${where}
     GROUP BY 2${byCampaign ? campaignPart : ''}`,
  );
  return {
    total: num(rows.find((r) => r.part === 'total')?.spend),
    byChannel: rows.filter((r) => r.part === 'channel'),
    byCampaign: rows.filter((r) => r.part === 'campaign'),
  };
}

function channelRows(
  spent: PeriodSpend | null,
  orderSide: readonly Row[],
  newBuyerDays: readonly Row[] | null,
  period: Period,
  totals: Row | undefined,
): MarketingChannelRow[] {
  const spendRows = spent?.byChannel ?? [];
  if (spendRows.length === 0) return [];
  const bySide = new Map(orderSide.map((r) => [String(r.grp), r]));
  const newBuyers =
    newBuyerDays === null
      ? null
      : newBuyerDays
          .filter((r) => inSpan(r.day, period))
          .reduce(
            (m, r) => m.set(String(r.channel), (m.get(String(r.channel)) ?? 0) + Number(r.new_buyers)),
            new Map<string, number>(),
          );
  // Inside the covered dates a channel without orders or sessions has 0 of them (its ROAS is 0, not null).
  return spendRows
    .map((r) => {
      const channel = String(r.grp);
      const other: Row | undefined = bySide.get(channel);
      const gmvTotal = num(totals?.gmv);
      const sessionsTotal = num(totals?.sessions);
      const values: Record<string, number | null> = {
        spend: num(r.spend),
        impressions: num(r.impressions),
        clicks: num(r.clicks),
        gmv: gmvTotal === null ? null : (num(other?.gmv) ?? 0),
        sessions: sessionsTotal === null ? null : (num(other?.sessions) ?? 0),
        new_buyers: gmvTotal === null || newBuyers === null ? null : (newBuyers.get(channel) ?? 0),
      };
      return {
        channel,
        spend: values.spend ?? null,
        sessions: values.sessions ?? null,
        new_buyers: values.new_buyers ?? null,
        cac: ratioFrom(cac, values),
        gmv: values.gmv ?? null,
        roas: ratioFrom(roas, values),
        ctr: ratioFrom(ctr, values),
        cpc: ratioFrom(cpc, values),
        cost_per_session: ratioFrom(cost_per_session, values),
      };
    })
    .sort((a, b) => compareChannels(a.channel, b.channel));
}

function campaignSpendRows(
  spent: PeriodSpend | null,
  orderSide: readonly Row[],
  totals: Row | undefined,
): MarketingCampaignSpendRow[] {
  const spendRows = spent?.byCampaign ?? [];
  if (spendRows.length === 0) return [];
  const byCampaign = new Map(orderSide.map((r) => [String(r.grp), r]));
  const covered = num(totals?.gmv) !== null;
  return spendRows
    .map((r) => {
      const campaign = String(r.grp);
      const other = byCampaign.get(campaign);
      const values: Record<string, number | null> = {
        spend: num(r.spend),
        gmv: covered ? (num(other?.gmv) ?? 0) : null,
        orders: covered ? (num(other?.orders) ?? 0) : null,
      };
      return {
        campaign,
        spend: values.spend ?? null,
        gmv: values.gmv ?? null,
        orders: values.orders ?? null,
        roas: ratioFrom(roas, values),
      };
    })
    .sort((a, b) => a.campaign.localeCompare(b.campaign));
}

/**
 * Paid orders with a coupon code, in date order with their customer's integer id and first paid
 * date (issue 14's speed goal): built in DuckDB once per build of the derived tables, on the first
 * marketing view, so a period's coupon rows read only its dates' row groups instead of every order.
 */
const COUPON_TABLE = 'ys_coupon_orders';
const couponTables = new WeakMap<Engine, { generation: number; ready: Promise<void> }>();

async function couponTable(engine: Engine): Promise<boolean> {
  if (!hasDerived(engine)) return false;
  const generation = derivedGeneration(engine);
  let entry = couponTables.get(engine);
  if (!entry || entry.generation !== generation) {
    entry = {
      generation,
      ready: engine.run(`CREATE OR REPLACE TABLE ${COUPON_TABLE} AS
        SELECT o.order_id, o.order_date, ${COUPON_CODE_SQL('o')} AS code, c.cid, o.order_total, o.discount_amount,
          c.first_paid_date, ${channelSql('o.channel')} AS channel, o.region, o.device, o.campaign, o.currency
        FROM orders o JOIN ${CUSTOMERS_TABLE} c ON c.customer_key = o.customer_key
        WHERE ${paidSql('o')} AND ${COUPON_CODE_SQL('o')} IS NOT NULL
        ORDER BY o.order_date`),
    };
    couponTables.set(engine, entry);
    entry.ready.catch(() => couponTables.delete(engine));
  }
  await entry.ready;
  return hasDerived(engine) && derivedGeneration(engine) === generation;
}

async function couponRows(engine: Engine, prepared: PreparedContext, period: Period): Promise<CouponRow[]> {
  if (prepared.description.orders.rows === 0) return [];
  const inPeriod = `o.order_date BETWEEN ${day(period.from)} AND ${day(period.to)}`;
  const fast = await couponTable(engine);
  const filter = prepared.ctx.blocked.includes('orders')
    ? 'FALSE'
    : ordersFilterSql(prepared.ctx.filters, 'o', { channelNormalised: true });
  const rows = await runMetricSql(
    engine,
    fast
      ? `SELECT o.code, count(*) AS orders, sum(o.order_total)::DOUBLE AS gmv, sum(o.discount_amount)::DOUBLE AS discounts,
           count(DISTINCT o.cid) AS buyers, count(DISTINCT o.cid) FILTER (WHERE o.first_paid_date >= ${day(period.from)}) AS new_buyers
         FROM ${COUPON_TABLE} o WHERE ${inPeriod} AND ${filter}
         GROUP BY 1`
      : `WITH first_paid AS (${firstPaidSql(hasDerived(engine))})
     SELECT ${COUPON_CODE_SQL('p')} AS code, count(*) AS orders, sum(p.order_total)::DOUBLE AS gmv,
       sum(p.discount_amount)::DOUBLE AS discounts, count(DISTINCT p.customer_key) AS buyers,
       count(DISTINCT p.customer_key) FILTER (WHERE f.first_paid_date >= ${day(period.from)}) AS new_buyers
     FROM (${paidOrdersSql(prepared, `${inPeriod} AND ${COUPON_CODE_SQL('o')} IS NOT NULL`)}) p
     LEFT JOIN first_paid f ON f.customer_key = p.customer_key
     GROUP BY 1`,
  );
  return rows
    .map((r) => ({
      code: String(r.code),
      orders: Number(r.orders),
      gmv: Number(r.gmv),
      discounts: Number(r.discounts),
      buyers: Number(r.buyers),
      new_buyers: Number(r.new_buyers),
    }))
    .sort((a, b) => b.orders - a.orders || a.code.localeCompare(b.code));
}

type CalendarCampaign = Pick<CampaignRow, 'campaign' | 'name' | 'type' | 'starts_on' | 'ends_on'>;

/**
 * Every campaign of the calendar, in start order (ties by end, then id). The SQL names no period,
 * so a view change reads it from the result cache and keeps the campaigns overlapping its period.
 */
async function calendarCampaigns(engine: Engine, calendar: string): Promise<CalendarCampaign[]> {
  const rows = await runMetricSql(
    engine,
    `SELECT campaign, name, type, starts_on, ends_on FROM (${calendar}) ORDER BY starts_on, ends_on, campaign`,
  );
  const text = (v: unknown) => (v === null || v === undefined || String(v).trim() === '' ? null : String(v));
  return rows.map((r) => ({
    campaign: String(r.campaign),
    name: text(r.name),
    type: text(r.type),
    starts_on: String(r.starts_on),
    ends_on: String(r.ends_on),
  }));
}

/**
 * The windows a campaign is measured over, clipped to the orders' first..last dates: null where
 * METRICS.md says the figure is null (the baseline's 28 days begin before the first order date;
 * the 14 days after end after the last), and the campaign's own days inside the data.
 */
export interface CampaignWindows {
  baseline: Period | null;
  during: Period | null;
  after: Period | null;
}

export function campaignWindows(
  startsOn: string,
  endsOn: string,
  firstOrder: string | null,
  lastOrder: string | null,
): CampaignWindows {
  if (firstOrder === null || lastOrder === null) return { baseline: null, during: null, after: null };
  const baselineFrom = shiftDay(startsOn, -BASELINE_DAYS);
  const afterTo = shiftDay(endsOn, AFTER_DAYS);
  const from = startsOn > firstOrder ? startsOn : firstOrder;
  const to = endsOn < lastOrder ? endsOn : lastOrder;
  return {
    baseline: baselineFrom >= firstOrder ? { from: baselineFrom, to: shiftDay(startsOn, -1) } : null,
    during: from <= to ? { from, to } : null,
    after: afterTo <= lastOrder ? { from: shiftDay(endsOn, 1), to: afterTo } : null,
  };
}

/** Shop GMV of each day of the orders' dates under a filter, in date order (null where no figure exists). */
interface DailyGmv {
  days: readonly string[];
  gmv: readonly (number | null)[];
}

const NO_DAYS: DailyGmv = { days: [], gmv: [] };
const dailyGmvIndexes = new WeakMap<readonly Row[], DailyGmv>();

/**
 * Shop GMV per day over every day of the orders (the registry's gmv by day), under the filters.
 * The same statement for every period and campaign under one filter: the calendar's windows, the
 * shown campaign's chart and a day-grain spend chart slice it, so a view change reads it from the
 * result cache instead of running one statement for each (issue 14's 100 ms).
 */
async function dailyGmv(engine: Engine, data: DataDescription, filters: Filters): Promise<DailyGmv> {
  const { firstDate, lastDate } = data.orders;
  if (firstDate === null || lastDate === null) return NO_DAYS;
  const all = { from: firstDate, to: lastDate };
  const rows = await queryMetrics(
    engine,
    contextFor(data, all, filters, hasDerived(engine)),
    ['gmv'],
    bucketGrouping(all, 'day'),
  );
  let index = dailyGmvIndexes.get(rows);
  if (!index) {
    index = { days: rows.map((r) => String(r.grp)), gmv: rows.map((r) => num(r.gmv)) };
    dailyGmvIndexes.set(rows, index);
  }
  return index;
}

/** The days of `span` in a daily GMV, in date order: those inside the orders' dates. */
function gmvDays(daily: DailyGmv, span: Period): { date: string; gmv: number | null }[] {
  const out: { date: string; gmv: number | null }[] = [];
  for (let i = firstAtOrAfter(daily.days, span.from); i < daily.days.length && daily.days[i]! <= span.to; i++)
    out.push({ date: daily.days[i]!, gmv: daily.gmv[i]! });
  return out;
}

/**
 * A period-free result's rows (tagged orders, spend, by campaign and day) grouped by campaign in
 * their order, kept per result: the result cache hands the same rows to every view, and a view
 * needs the few campaigns of its period out of the calendar's ~36,000 rows at 1M orders.
 */
const campaignIndexes = new WeakMap<readonly Row[], Map<string, Row[]>>();
function rowsByCampaign(rows: readonly Row[]): Map<string, Row[]> {
  let index = campaignIndexes.get(rows);
  if (!index) {
    index = new Map();
    for (const r of rows) {
      if (typeof r.campaign !== 'string') continue;
      const list = index.get(r.campaign);
      if (list) list.push(r);
      else index.set(r.campaign, [r]);
    }
    campaignIndexes.set(rows, index);
  }
  return index;
}

async function campaignRows(
  engine: Engine,
  prepared: PreparedContext,
  m: MarketingDescription,
  period: Period,
  planned: readonly CalendarEntry[],
): Promise<CampaignRow[]> {
  if (m.campaignRows === 0 && planned.length === 0) return [];
  const calendarRelation = calendarSql(m, planned);
  const calendarIds = `(SELECT campaign FROM (${calendarRelation}))`;
  const everyCampaign = await calendarCampaigns(engine, calendarRelation);
  const calendar = everyCampaign.filter((c) => c.starts_on <= period.to && c.ends_on >= period.from);
  if (calendar.length === 0) return [];
  const { firstDate, lastDate } = prepared.description.orders;
  // Orders a filter cannot apply to give no campaign figure at all, as they give no KPI.
  const ordersLoaded = prepared.description.orders.rows > 0 && !prepared.ctx.blocked.includes('orders');
  const windowsOf = (c: CalendarCampaign) =>
    ordersLoaded
      ? campaignWindows(c.starts_on, c.ends_on, firstDate, lastDate)
      : campaignWindows(c.starts_on, c.ends_on, null, null);
  const windows = calendar.map(windowsOf);

  // Three queries for all campaigns, each by day, summed per window here: shop GMV over every day
  // of the orders (dailyGmv), the tagged orders and the campaigns' spend. None names the period, so
  // a view change reads them from the result cache.
  const daily = await dailyGmv(engine, prepared.description, prepared.ctx.filters);
  // Over every campaign of the calendar, whatever the period: the SQL is the same for every view, so
  // a view change reads it from the result cache.
  const tagged = ordersLoaded
    ? await runMetricSql(
        engine,
        `SELECT trim(o.campaign) AS campaign, o.order_date::VARCHAR AS day, count(*) AS orders,
           sum(o.order_total)::DOUBLE AS gmv, sum(o.discount_amount)::DOUBLE AS discounts
         FROM (${paidOrdersSql(prepared, `trim(o.campaign) IN ${calendarIds}`)}) o
         GROUP BY ALL ORDER BY 1, 2`,
      )
    : [];
  const spent =
    m.spendRows > 0 && spendUnsupported(prepared.ctx.filters).length === 0
      ? await runMetricSql(
          engine,
          `SELECT trim(m.campaign) AS campaign, m.date::VARCHAR AS day, sum(m.${spend.measure})::DOUBLE AS spend
           FROM marketing_spend m
           WHERE trim(m.campaign) IN ${calendarIds}
             AND ${spendFilterSql(prepared.ctx.filters)}
           GROUP BY ALL ORDER BY 1, 2`,
        )
      : [];
  // The days come in date order: a window's days are found by binary search, then summed in
  // that order (the same sum as a pass over every day, without ~2 years of days per window).
  const gmvOver = (span: Period | null) =>
    span === null ? null : gmvDays(daily, span).reduce((total, d) => total + (d.gmv ?? 0), 0);
  const rows = calendar.map((c, i) => {
    const w = windows[i]!;
    const own = { from: c.starts_on, to: c.ends_on };
    const mine = (rowsByCampaign(tagged).get(c.campaign) ?? []).filter((r) => inSpan(r.day, own));
    const sum = (xs: readonly Row[], key: string) => xs.reduce((a, r) => a + Number(r[key]), 0);
    return {
      baseline: gmvOver(w.baseline),
      during: gmvOver(w.during),
      after: gmvOver(w.after),
      tagged_orders: ordersLoaded ? sum(mine, 'orders') : null,
      tagged_gmv: ordersLoaded ? sum(mine, 'gmv') : null,
      discounts: ordersLoaded ? sum(mine, 'discounts') : null,
      spend: spendCovered(m, prepared.ctx.filters, own)
        ? sum(
            (rowsByCampaign(spent).get(c.campaign) ?? []).filter((r) => inSpan(r.day, own)),
            'spend',
          )
        : null,
    };
  });
  const perDay = (v: unknown, span: Period | null) => {
    const n = num(v);
    return n === null || span === null ? null : n / periodDays(span);
  };
  const over = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b - 1);
  return calendar.map((c, i) => {
    const r = rows[i]!;
    const w = windows[i]!;
    const baseline = perDay(r.baseline, w.baseline);
    const during = perDay(r.during, w.during);
    const after = perDay(r.after, w.after);
    const values = { gmv: num(r.tagged_gmv), spend: num(r.spend) };
    return {
      ...c,
      baseline_daily_gmv: baseline,
      daily_gmv: during,
      uplift: over(during, baseline),
      after_dip: over(after, baseline),
      tagged_gmv: values.gmv,
      tagged_orders: num(r.tagged_orders),
      discounts: num(r.discounts),
      spend: values.spend,
      roas: ratioFrom(roas, values),
    };
  });
}

/** The calendar's campaigns nearest a period: the last to end before it and the first to start after it. */
export interface NearbyCampaigns {
  before: CalendarEntry | null;
  after: CalendarEntry | null;
}

/**
 * For a period no campaign overlaps, where the calendar's nearest campaigns lie on either side
 * (loaded and planned alike), so the page can offer to show one. Of two ending on the same day
 * before it, the one that started later; of two starting on the same day after it, the one that
 * ends first; then by campaign id.
 */
export async function computeNearbyCampaigns(
  engine: Engine,
  period: Period,
  planned: readonly CalendarEntry[] = [],
): Promise<NearbyCampaigns> {
  const m = await describeMarketing(engine);
  if (m.campaignRows === 0 && planned.length === 0) return { before: null, after: null };
  const columns = `campaign, name, type, strftime(starts_on, '%Y-%m-%d') AS starts_on, strftime(ends_on, '%Y-%m-%d') AS ends_on`;
  const rows = await runMetricSql(
    engine,
    `WITH calendar AS (${calendarSql(m, planned)})
(SELECT 'before' AS side, ${columns} FROM calendar WHERE ends_on < DATE ${literal(period.from)}
  ORDER BY calendar.ends_on DESC, calendar.starts_on DESC, campaign LIMIT 1)
UNION ALL
(SELECT 'after' AS side, ${columns} FROM calendar WHERE starts_on > DATE ${literal(period.to)}
  ORDER BY calendar.starts_on, calendar.ends_on, campaign LIMIT 1)`,
  );
  const entry = (side: string): CalendarEntry | null => {
    const r = rows.find((row) => row.side === side);
    return r
      ? {
          campaign: String(r.campaign),
          name: r.name === null ? null : String(r.name),
          type: r.type === null ? null : String(r.type),
          starts_on: String(r.starts_on),
          ends_on: String(r.ends_on),
        }
      : null;
  };
  return { before: entry('before'), after: entry('after') };
}

/**
 * The whole marketing section for a period under filters; null when neither marketing table
 * holds a row (METRICS.md "Report JSON": a module's section is null without its table). Throws
 * MixedCurrencyError as every runner does when orders mix currencies and none is chosen.
 */
export function computeMarketing(
  engine: Engine,
  period: Period,
  filters: Filters = {},
  description?: DataDescription,
  options: MarketingOptions = {},
): Promise<MarketingSection | null> {
  return marketingFigures(engine, period, filters, description, options, true);
}

/** What the Marketing page shows of the comparison period: the totals and the channel rows. */
export type MarketingComparison = Pick<
  MarketingSection,
  'spend' | 'roas' | 'cac' | 'marketing_cost_ratio' | 'discount_rate' | 'coupon_order_share' | 'by_channel'
>;

/**
 * computeMarketing's totals and channel rows alone, for the period a view is compared with: the
 * campaigns' rows are not read (two statements fewer a view change, issue 14's 100 ms).
 */
export async function computeMarketingComparison(
  engine: Engine,
  period: Period,
  filters: Filters = {},
  description?: DataDescription,
  options: MarketingOptions = {},
): Promise<MarketingComparison | null> {
  const section = await marketingFigures(engine, period, filters, description, options, false);
  if (section === null) return null;
  const { spend, roas, cac, marketing_cost_ratio, discount_rate, coupon_order_share, by_channel } = section;
  return { spend, roas, cac, marketing_cost_ratio, discount_rate, coupon_order_share, by_channel };
}

/** The marketing section; without `byCampaign` its campaign spend rows and calendar are left empty. */
async function marketingFigures(
  engine: Engine,
  period: Period,
  filters: Filters,
  description: DataDescription | undefined,
  options: MarketingOptions,
  byCampaign: boolean,
): Promise<MarketingSection | null> {
  const data = description ?? (await describeData(engine));
  const m = await describeMarketing(engine);
  const planned = options.campaigns ?? [];
  if (!marketingLoaded(m) && planned.length === 0) return null;
  const prepared = contextFor(data, period, filters, hasDerived(engine));
  const ordersLoaded = prepared.description.orders.rows > 0;
  // Every statement posted at once (none needs another's rows), so the worker runs them back to
  // back: between rounds it waited on the page's thread, busy drawing (issue 14's 100 ms). Rows a
  // figure turns out not to need (no spend in the period, no GMV) are left unused.
  const [[kpis], spent, channelSide, newBuyerDays, campaignSide, couponRowsRead, campaigns] = await Promise.all([
    queryMetrics(engine, prepared, ['gmv', 'orders', 'discounts', 'new_buyers', 'sessions']),
    periodSpend(engine, m, prepared.ctx.filters, period, byCampaign),
    queryMetrics(engine, prepared, ['gmv', 'sessions'], dimensionGrouping('channel')),
    // Per day and first channel, no period named: a view change reads it from the result cache.
    ordersLoaded ? runMetricSql(engine, newBuyersByFirstChannelSql(prepared)) : null,
    byCampaign ? queryMetrics(engine, prepared, ['gmv', 'orders'], dimensionGrouping('campaign')) : [],
    couponRows(engine, prepared, period),
    byCampaign ? campaignRows(engine, prepared, m, period, planned) : [],
  ]);
  const spendTotal = spent === null ? null : spent.total;
  const gmv = num(kpis?.gmv);
  const coupons = gmv === null ? [] : couponRowsRead;
  const byChannel = channelRows(spent, channelSide, newBuyerDays, period, kpis);
  const byCampaignRows = campaignSpendRows(spent, campaignSide, kpis);
  const couponOrders = gmv === null ? null : coupons.reduce((a, c) => a + c.orders, 0);
  const values: Record<string, number | null> = {
    spend: spendTotal,
    gmv,
    orders: num(kpis?.orders),
    discounts: num(kpis?.discounts),
    new_buyers: num(kpis?.new_buyers),
    coupon_orders: couponOrders,
  };
  return {
    spend: spendTotal,
    roas: ratioFrom(roas, values),
    cac: ratioFrom(cac, values),
    marketing_cost_ratio: ratioFrom(marketing_cost_ratio, values),
    discount_rate: ratioFrom(discount_rate, values),
    coupon_order_share: ratioFrom(coupon_order_share, values),
    by_channel: byChannel,
    by_campaign: byCampaignRows,
    coupons,
    campaigns,
  };
}

/** One bucket of the spend series: spend per channel, shop GMV, and ROAS (gmv ÷ all spend of the bucket). */
export interface MarketingSeriesRow {
  period: string;
  spend: Record<string, number>;
  total_spend: number | null;
  gmv: number | null;
  roas: number | null;
}

/**
 * Spend by channel and ROAS per date bucket of the period (the Marketing page's chart). Every
 * bucket is a row; spend is null in a bucket wholly outside the spend's dates.
 */
export async function computeMarketingSeries(
  engine: Engine,
  period: Period,
  grain: Grain,
  filters: Filters = {},
  description?: DataDescription,
): Promise<MarketingSeriesRow[]> {
  const data = description ?? (await describeData(engine));
  const m = await describeMarketing(engine);
  const prepared = contextFor(data, period, filters, hasDerived(engine));
  const buckets = periodBuckets(period, grain);
  // By day, the days of the orders' daily GMV the calendar reads too: no statement of its own.
  const gmvBy = new Map(
    grain === 'day'
      ? gmvDays(await dailyGmv(engine, data, filters), period).map((d) => [d.date, d.gmv])
      : (await queryMetrics(engine, prepared, ['gmv'], bucketGrouping(period, grain))).map((r) => [
          String(r.grp),
          num(r.gmv),
        ]),
  );
  const spendBy = new Map<string, Record<string, number>>();
  if (spendCovered(m, prepared.ctx.filters, period)) {
    const rows = await runMetricSql(
      engine,
      `SELECT ${bucketStartSql(grain, 'm.date')}::VARCHAR AS start, ${channelSql('m.channel')} AS channel,
         sum(m.${spend.measure})::DOUBLE AS spend
       FROM marketing_spend m
       WHERE m.date BETWEEN ${day(period.from)} AND ${day(period.to)} AND ${spendFilterSql(prepared.ctx.filters)}
       GROUP BY ALL`,
    );
    for (const r of rows) {
      const key = String(r.start).slice(0, 10);
      const entry = spendBy.get(key) ?? {};
      entry[String(r.channel)] = Number(r.spend);
      spendBy.set(key, entry);
    }
  }
  return buckets.map((b) => {
    const spend = spendBy.get(b.start) ?? {};
    const covered = spendCovered(m, prepared.ctx.filters, { from: b.from, to: b.to });
    const total = covered ? Object.values(spend).reduce((a, v) => a + v, 0) : null;
    const gmv = gmvBy.get(b.label) ?? null;
    return { period: b.label, spend, total_spend: total, gmv, roas: ratioFrom(roas, { gmv, spend: total }) };
  });
}

/** A day of a campaign's before / during / after chart. */
export interface CampaignDay {
  date: string;
  phase: 'before' | 'during' | 'after';
  gmv: number;
}

/**
 * Shop GMV per day from 28 days before a campaign to 14 days after it, within the orders' dates,
 * under the view's filters: the chart behind `baseline_daily_gmv`, `uplift` and `after_dip`.
 */
export async function computeCampaignDays(
  engine: Engine,
  campaign: { starts_on: string; ends_on: string },
  filters: Filters = {},
  description?: DataDescription,
): Promise<CampaignDay[]> {
  const data = description ?? (await describeData(engine));
  const { firstDate, lastDate } = data.orders;
  if (firstDate === null || lastDate === null) return [];
  const wanted = { from: shiftDay(campaign.starts_on, -BASELINE_DAYS), to: shiftDay(campaign.ends_on, AFTER_DAYS) };
  const span = {
    from: wanted.from > firstDate ? wanted.from : firstDate,
    to: wanted.to < lastDate ? wanted.to : lastDate,
  };
  if (span.from > span.to) return [];
  return gmvDays(await dailyGmv(engine, data, filters), span).map(({ date, gmv }) => {
    const phase = date < campaign.starts_on ? 'before' : date > campaign.ends_on ? 'after' : 'during';
    return { date, phase, gmv: gmv ?? 0 };
  });
}
