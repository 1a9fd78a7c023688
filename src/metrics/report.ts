import type { Engine } from '../engine/engine';
import { contextFor, type UnsupportedFilters } from './context';
import { hasDerived } from './derived-state';
import { describeData, type DataDescription } from './describe';
import type { Filters } from './filters';
import { comparisonPeriod, type ComparisonMode, type Grain, type Period } from './periods';
import { computeByChannel } from './queries/by-channel';
import { computeCohorts, type CohortMode } from './queries/cohorts';
import { computeFunnel } from './queries/funnel';
import { computeKpis } from './queries/kpis';
import { computeLifecycle } from './queries/lifecycle';
import { computeService } from './queries/service';
import { computeMarketing, spendUnsupported, type CalendarEntry } from './queries/marketing';
import { computeInventory, computeProducts } from './queries/products';
import { computeAlerts } from './alerts';
import { computeSeries } from './queries/series';
import type { DataQuality, ReportJson, ReportTargetRow } from './report-types';

/** Fills the report's `targets`; the targets module plugs in here (the report's own period does not apply to targets). */
export type TargetsHook = (input: {
  engine: Engine;
  description: DataDescription;
  currency: string | null;
  /** The report's SLA setting and SKU roles: targets on service and product metrics read them as the sections do. */
  slaMinutes?: number | undefined;
  roles?: Readonly<Record<string, string>> | undefined;
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
  /** The service-level agreement for a first response, in minutes (default 60, METRICS.md "Customer service"). */
  slaMinutes?: number;
  /** SKU roles set in the app (by SKU), winning over the products file's (METRICS.md "Products"). */
  roles?: Readonly<Record<string, string>>;
  /** Campaigns added by the planner (the targets file's `campaigns`), joining the loaded calendar. */
  campaigns?: readonly CalendarEntry[];
  /** Told about anything that changed a number's meaning: filters a source cannot honour. */
  onNotice?: (message: string) => void;
}

function describeUnsupported(unsupported: UnsupportedFilters): string[] {
  return Object.entries(unsupported).map(
    ([source, dims]) => `${source} cannot be filtered by ${dims.join(', ')}: its metrics are null`,
  );
}

/**
 * The whole report of METRICS.md "Report JSON" for a period, each section computed by the runner
 * the dashboard's pages call, so a number in the report is the number on the page for the same
 * view. Throws MixedCurrencyError when orders hold several currencies and `filters.currency`
 * names none.
 */
export async function computeReport(engine: Engine, options: ReportOptions): Promise<ReportJson> {
  const description = await describeData(engine);
  const filters = options.filters ?? {};
  const grain = options.grain ?? 'month';
  const { period } = options;
  const prepared = contextFor(description, period, filters, hasDerived(engine));
  describeUnsupported(prepared.unsupported).forEach((m) => options.onNotice?.(m));

  const kpis = await computeKpis(engine, period, filters, description);
  const otherPeriod = comparisonPeriod(period, options.compare ?? 'previous');
  const comparison = otherPeriod
    ? { ...otherPeriod, kpis: await computeKpis(engine, otherPeriod, filters, description) }
    : null;
  const series = await computeSeries(engine, period, grain, filters, description);
  const cohorts = await computeCohorts(engine, period, filters, options.cohortMode ?? 'in_month', description);
  const funnel = await computeFunnel(engine, period, filters, description);
  const byChannel = await computeByChannel(engine, period, filters, description);
  const targets = options.targets
    ? await options.targets({
        engine,
        description,
        currency: prepared.currency,
        slaMinutes: options.slaMinutes,
        roles: options.roles,
      })
    : [];
  const marketing = await computeMarketing(engine, period, filters, description, {
    campaigns: options.campaigns ?? [],
  });
  const spendDims = spendUnsupported(prepared.ctx.filters);
  if (marketing && spendDims.length)
    options.onNotice?.(`marketing_spend cannot be filtered by ${spendDims.join(', ')}: spend figures are null`);
  const service = await computeService(engine, period, filters, { slaMinutes: options.slaMinutes });
  const lifecycle = await computeLifecycle(engine, period, filters, description);
  const products = await computeProducts(engine, period, prepared.ctx.filters, {
    comparison: otherPeriod,
    ...(options.roles ? { roles: options.roles } : {}),
  });
  const inventory = await computeInventory(engine, period, prepared.ctx.filters);
  const alerts = await computeAlerts(engine, period, filters, { targets, inventory, description });

  return {
    period: { from: period.from, to: period.to },
    currency: prepared.currency,
    kpis,
    comparison,
    series: { grain, rows: series },
    cohorts,
    funnel,
    by_channel: byChannel,
    targets,
    marketing,
    service,
    lifecycle,
    products,
    inventory,
    alerts,
    data_quality: options.dataQuality ?? {},
  };
}
