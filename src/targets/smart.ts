import {
  daysInclusive,
  isIsoDate,
  laterOf,
  earlierOf,
  periodLastYear,
  wholeMonthsWithin,
  type IsoDate,
  type Period,
} from './dates';
import { isKpiId, KPI_FACTS, type Direction, type KpiId, type SourceTable } from './metric-kinds';
import type { Target, TargetFilters } from './schema';
import type { MetricSource } from './source';

/**
 * The SMART check of a target (METRICS.md "Targets", SMART check; issue 5, item 2). Each
 * letter passes, fails, or (`pass: null`) cannot be judged, with its reason in plain words
 * in English and Simplified Chinese. A failing check warns; it never blocks saving.
 */
export type Locale = 'en' | 'zh-CN';
export type LocalizedText = Record<Locale, string>;

export interface SmartLetter {
  pass: boolean | null;
  reason: LocalizedText;
}

export interface SmartCheck {
  specific: SmartLetter;
  measurable: SmartLetter;
  achievable: SmartLetter;
  relevant: SmartLetter;
  timeBound: SmartLetter;
}

/** The best year-over-year change of a metric over its history, and the month it happened in. */
export interface BestGrowth {
  growth: number;
  /** 'YYYY-MM'. */
  month: string;
}

export interface SmartKnownValues {
  /** The values each filter dimension takes in the loaded data, e.g. `{ channel: ['email', …] }`. */
  dimensionValues: Readonly<Record<string, readonly string[]>>;
  /** Already computed by `bestYearOverYearGrowth` (it is the same for every edit of one metric and filter set). */
  bestGrowth?: BestGrowth | null;
}

const TABLE_NAMES: Record<SourceTable, LocalizedText> = {
  orders: { en: 'orders', 'zh-CN': '订单' },
  traffic: { en: 'traffic', 'zh-CN': '流量' },
  users: { en: 'users', 'zh-CN': '用户' },
  inventory: { en: 'inventory', 'zh-CN': '库存' },
  marketing_spend: { en: 'marketing spend', 'zh-CN': '推广花费' },
  service_tickets: { en: 'service tickets', 'zh-CN': '客服工单' },
  reviews: { en: 'reviews', 'zh-CN': '评价' },
};

function letter(pass: boolean | null, en: string, zh: string): SmartLetter {
  return { pass, reason: { en, 'zh-CN': zh } };
}

/** A signed percentage: whole percents from 10 % up, one decimal below ('+48 %', '−4.5 %'). */
export function signedPercent(fraction: number, locale: Locale): string {
  const percent = fraction * 100;
  const digits = Math.abs(percent) < 10 ? 1 : 0;
  const rounded = Number(Math.abs(percent).toFixed(digits));
  const sign = rounded === 0 ? '±' : percent > 0 ? '+' : '−';
  return `${sign}${rounded}${locale === 'en' ? ' %' : '%'}`;
}

async function tableSpan(tables: readonly SourceTable[], source: MetricSource): Promise<Period | null> {
  let span: Period | null = null;
  for (const table of tables) {
    const first = await source.firstDate(table);
    const last = await source.lastDate(table);
    if (first === null || last === null) return null;
    span =
      span === null ? { from: first, to: last } : { from: laterOf(span.from, first), to: earlierOf(span.to, last) };
  }
  return span !== null && span.from <= span.to ? span : null;
}

/**
 * The best year-over-year change in the metric's history: over every calendar month that the
 * loaded data covers whole, and whose same month a year earlier it also covers whole, the
 * change of the metric (with the target's filters) against that month a year earlier; the
 * highest for higher-is-better metrics, the lowest (the largest drop) for lower-is-better.
 * Months a year earlier at 0 or null are left out. Null when no month qualifies.
 */
export async function bestYearOverYearGrowth(
  metric: KpiId,
  filters: TargetFilters,
  source: MetricSource,
): Promise<BestGrowth | null> {
  const span = await tableSpan(KPI_FACTS[metric].tables, source);
  if (span === null) return null;
  const months = wholeMonthsWithin(span);
  const values = new Map<IsoDate, number | null>();
  for (const month of months) values.set(month.from, await source.value(metric, month, filters));
  const higher = KPI_FACTS[metric].direction === 'higher_is_better';
  let best: BestGrowth | null = null;
  for (const month of months) {
    const current = values.get(month.from);
    const lastYear = values.get(periodLastYear(month).from);
    if (current === undefined || current === null || lastYear === undefined || lastYear === null || !(lastYear > 0))
      continue;
    const growth = current / lastYear - 1;
    if (best === null || (higher ? growth > best.growth : growth < best.growth))
      best = { growth, month: month.from.slice(0, 7) };
  }
  return best;
}

/** What the target asks over the same span last year: target ÷ last year's value − 1; null when that cannot be known. */
async function requiredGrowth(
  target: Target,
  metric: KpiId,
  source: MetricSource,
): Promise<{ growth: number } | { missing: 'history' | 'zero' }> {
  const lastYear = periodLastYear(target.period);
  const span = await tableSpan(KPI_FACTS[metric].tables, source);
  if (span === null || span.from > lastYear.from || span.to < lastYear.to) return { missing: 'history' };
  const value = await source.value(metric, lastYear, target.filters);
  if (value === null || !(value > 0)) return { missing: 'zero' };
  return { growth: target.ladder.target / value - 1 };
}

function specific(target: Target, known: SmartKnownValues): SmartLetter {
  if (target.checkin !== undefined) {
    const label = target.checkin.label.trim();
    return label === ''
      ? letter(false, 'the check-in metric has no name', '手动填报的指标没有名称')
      : letter(true, `check-in metric "${label}", entered by hand`, `手动填报的指标「${label}」`);
  }
  if (!isKpiId(target.metric))
    return letter(false, `unknown metric "${target.metric}"`, `未知指标「${target.metric}」`);
  const unknown: string[] = [];
  for (const [dimension, values] of Object.entries(target.filters)) {
    // A product's role or SKU is not among the view's dimension values: nothing to check it against here.
    if (dimension === 'role' || dimension === 'sku') continue;
    const present = known.dimensionValues[dimension] ?? [];
    for (const value of values) if (!present.includes(value)) unknown.push(`${dimension} "${value}"`);
  }
  if (unknown.length > 0) {
    return letter(false, `not in the data: ${unknown.join(', ')}`, `数据中没有：${unknown.join('，')}`);
  }
  const filters = Object.entries(target.filters).map(([dimension, values]) => `${dimension} = ${values.join(' / ')}`);
  return filters.length === 0
    ? letter(true, `${target.metric} over all the data`, `${target.metric}，不加筛选`)
    : letter(
        true,
        `${target.metric} where ${filters.join(', ')}; every value appears in the data`,
        `${target.metric}，筛选 ${filters.join('，')}；所有筛选值都在数据中`,
      );
}

async function measurable(target: Target, source: MetricSource): Promise<SmartLetter> {
  if (target.checkin !== undefined) {
    const count = target.checkin.entries.length;
    return letter(
      true,
      `entered by hand each period; ${count} ${count === 1 ? 'value' : 'values'} so far`,
      `每期手动填报，目前已有 ${count} 个值`,
    );
  }
  if (!isKpiId(target.metric)) return letter(null, 'no known metric to measure', '没有可度量的已知指标');
  const loaded: string[] = [];
  const loadedZh: string[] = [];
  for (const table of KPI_FACTS[target.metric].tables) {
    const first = await source.firstDate(table);
    const last = await source.lastDate(table);
    const name = TABLE_NAMES[table];
    if (first === null || last === null)
      return letter(false, `needs ${name.en} data, which is not loaded`, `需要${name['zh-CN']}数据，尚未载入`);
    if (first > target.period.from && last >= target.period.from) {
      return letter(
        false,
        `${name.en} data starts on ${first}, after the target starts on ${target.period.from}`,
        `${name['zh-CN']}数据从 ${first} 开始，晚于目标开始日 ${target.period.from}`,
      );
    }
    loaded.push(`${name.en} ${first} to ${last}`);
    loadedZh.push(`${name['zh-CN']} ${first} 至 ${last}`);
  }
  return letter(true, `loaded: ${loaded.join('; ')}`, `已载入：${loadedZh.join('；')}`);
}

function achievableReason(direction: Direction, required: number, best: BestGrowth | null): SmartLetter {
  const need = { en: signedPercent(required, 'en'), zh: signedPercent(required, 'zh-CN') };
  const higher = direction === 'higher_is_better';
  if (higher ? required <= 0 : required >= 0) {
    return letter(
      true,
      `needs ${need.en} against the same months last year: no better than what was already done`,
      `相比去年同期 ${need.zh}：不高于已经做到的水平`,
    );
  }
  if (best === null) {
    return letter(
      null,
      `needs ${need.en} against the same months last year; the history is too short to show a year-over-year change`,
      `需要比去年同期 ${need.zh}；历史数据不足以计算同比变化`,
    );
  }
  const seen = { en: signedPercent(best.growth, 'en'), zh: signedPercent(best.growth, 'zh-CN') };
  const pass = higher ? required <= best.growth : required >= best.growth;
  return higher
    ? letter(
        pass,
        `needs ${need.en} over the same months last year; the best year-over-year growth in your history is ${seen.en} (${best.month})`,
        `需要比去年同期增长 ${need.zh}；历史上最好的同比增长为 ${seen.zh}（${best.month}）`,
      )
    : letter(
        pass,
        `needs ${need.en} against the same months last year; the largest year-over-year drop in your history is ${seen.en} (${best.month})`,
        `需要比去年同期 ${need.zh}；历史上最大的同比降幅为 ${seen.zh}（${best.month}）`,
      );
}

async function achievable(target: Target, source: MetricSource, known: SmartKnownValues): Promise<SmartLetter> {
  if (target.checkin !== undefined)
    return letter(null, 'entered by hand: no history to compare with', '手动填报：没有可比较的历史');
  if (!isKpiId(target.metric) || !isIsoDate(target.period.from) || !isIsoDate(target.period.to)) {
    return letter(null, 'needs a known metric and a period to judge', '需要已知指标和有效周期才能判断');
  }
  const required = await requiredGrowth(target, target.metric, source);
  if ('missing' in required) {
    const lastYear = periodLastYear(target.period);
    return required.missing === 'history'
      ? letter(
          null,
          `the history does not cover the same span last year (${lastYear.from} to ${lastYear.to})`,
          `历史数据未覆盖去年同期（${lastYear.from} 至 ${lastYear.to}）`,
        )
      : letter(
          null,
          `the same span last year (${lastYear.from} to ${lastYear.to}) has no value to grow from`,
          `去年同期（${lastYear.from} 至 ${lastYear.to}）没有可比较的值`,
        );
  }
  const best =
    known.bestGrowth !== undefined
      ? known.bestGrowth
      : await bestYearOverYearGrowth(target.metric, target.filters, source);
  return achievableReason(KPI_FACTS[target.metric].direction, required.growth, best);
}

function relevant(target: Target): SmartLetter {
  const owner = target.owner?.trim() ?? '';
  const why = target.why?.trim() ?? '';
  if (owner !== '' && why !== '') return letter(true, `owner ${owner}: ${why}`, `负责人 ${owner}：${why}`);
  if (owner === '' && why === '') return letter(false, 'no owner and no why', '没有负责人，也没有说明原因');
  return owner === '' ? letter(false, 'no owner', '没有负责人') : letter(false, 'no why', '没有说明原因');
}

function timeBound(target: Target): SmartLetter {
  const { from, to } = target.period;
  if (!isIsoDate(from) || !isIsoDate(to))
    return letter(false, 'the period needs a start and an end date', '周期需要开始和结束日期');
  if (to < from)
    return letter(
      false,
      `the period ends (${to}) before it starts (${from})`,
      `周期结束日（${to}）早于开始日（${from}）`,
    );
  const days = daysInclusive(from, to);
  return letter(true, `${from} to ${to}, ${days} ${days === 1 ? 'day' : 'days'}`, `${from} 至 ${to}，共 ${days} 天`);
}

/**
 * Checks a target, or a draft being edited, letter by letter. `known.dimensionValues` are the
 * values each filter dimension has in the data; the best growth is computed from the source
 * unless `known.bestGrowth` is given.
 */
export async function smartCheck(target: Target, source: MetricSource, known: SmartKnownValues): Promise<SmartCheck> {
  return {
    specific: specific(target, known),
    measurable: await measurable(target, source),
    achievable: await achievable(target, source, known),
    relevant: relevant(target),
    timeBound: timeBound(target),
  };
}
