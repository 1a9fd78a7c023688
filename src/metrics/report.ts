import type { Engine } from '../engine/engine';
import { contextFor, type UnsupportedFilters } from './context';
import { hasDerived } from './derived';
import { describeData, type DataDescription } from './describe';
import type { Filters } from './filters';
import { comparisonPeriod, type ComparisonMode, type Grain, type Period } from './periods';
import { byChannelSql, parseByChannel } from './queries/by-channel';
import { cohortsSql, parseCohorts, type CohortMode } from './queries/cohorts';
import { funnelSql, funnelSteps, parseFunnel } from './queries/funnel';
import { kpisSql, parseKpis } from './queries/kpis';
import { parseSeries, seriesSql } from './queries/series';
import type { DataQuality, ReportJson, ReportTargetRow } from './report-types';

/** Fills the report's `targets`; the targets module plugs in here (the report's own period does not apply to targets). */
export type TargetsHook = (input: {
  engine: Engine;
  description: DataDescription;
  currency: string | null;
}) => Promise<ReportTargetRow[]>;

export interface ReportOptions {
  period: Period;
  /** Default `previous` (METRICS.md "Comparison"). */
  compare?: ComparisonMode;
  /** Default `month`. */
  grain?: Grain;
  filters?: Filters;
  /** Default `in_month`. */
  cohortMode?: CohortMode;
  dataQuality?: DataQuality;
  targets?: TargetsHook;
  /** Told about anything that changed a number's meaning: filters a source cannot honour. */
  onNotice?: (message: string) => void;
}

function describeUnsupported(unsupported: UnsupportedFilters): string[] {
  return Object.entries(unsupported).map(
    ([source, dims]) => `${source} cannot be filtered by ${dims.join(', ')}: its metrics are null`,
  );
}

/**
 * The whole report of METRICS.md "Report JSON" for a period. Throws MixedCurrencyError when
 * orders hold several currencies and `filters.currency` names none.
 */
export async function computeReport(engine: Engine, options: ReportOptions): Promise<ReportJson> {
  const description = await describeData(engine);
  const filters = options.filters ?? {};
  const grain = options.grain ?? 'month';
  const prepared = contextFor(description, options.period, filters, hasDerived(engine));
  const { ctx } = prepared;
  describeUnsupported(prepared.unsupported).forEach((m) => options.onNotice?.(m));

  const kpis = parseKpis(await engine.query(kpisSql(ctx)));
  const otherPeriod = comparisonPeriod(options.period, options.compare ?? 'previous');
  const comparison = otherPeriod
    ? { ...otherPeriod, kpis: parseKpis(await engine.query(kpisSql({ ...ctx, period: otherPeriod }))) }
    : null;

  const withTraffic = description.traffic.rows > 0;
  const series = parseSeries(await engine.query(seriesSql(ctx, grain, withTraffic)), withTraffic);

  const ordersUsable = !ctx.blocked.includes('orders') && description.orders.rows > 0;
  const cohorts = ordersUsable
    ? parseCohorts(await engine.query(cohortsSql(ctx)), options.period, options.cohortMode ?? 'in_month')
    : [];

  const steps = funnelSteps(description);
  const funnel = steps.length ? parseFunnel(await engine.query(funnelSql(ctx, steps)), steps) : [];

  const channelsUsable = !(ctx.blocked.includes('orders') && ctx.blocked.includes('traffic'));
  const byChannel = channelsUsable ? parseByChannel(await engine.query(byChannelSql(ctx))) : [];

  const targets = options.targets ? await options.targets({ engine, description, currency: prepared.currency }) : [];

  return {
    period: { from: options.period.from, to: options.period.to },
    currency: prepared.currency,
    kpis,
    comparison,
    series: { grain, rows: series },
    cohorts,
    funnel,
    by_channel: byChannel,
    targets,
    data_quality: options.dataQuality ?? {},
  };
}
