import { useEngineQuery } from '../../dataset/use-engine-query';
import type { Engine } from '../../engine/engine';
import { describeData } from '../../metrics/describe';
import { dimensionValues, skuOptions } from '../../metrics/dimension-values';
import { engineSeriesSource, type EngineSeriesSource } from '../../metrics/running-values';
import { useAppStore } from '../../stores/app-store';
import { usePlanStore } from '../../stores/plan-store';
import {
  bestYearOverYearGrowth,
  buildLadder,
  burnUp,
  checkInRunningValues,
  evaluateLadder,
  evaluateTarget,
  isKpiId,
  loadSeasonalShape,
  smartCheck,
  type KpiId,
  type LadderGrain,
  type Target,
  type TargetFilters,
} from '../../targets';
import { buildLadderTree, evaluateLadderTree } from '../../targets/ladder-tree';

type Roles = Readonly<Record<string, string>>;
let shared: {
  engine: Engine;
  version: number;
  currency: string | null;
  roles: Roles;
  sla: number | undefined;
  source: EngineSeriesSource;
} | null = null;

/**
 * One metric source for every goal on screen, so the ladder, the driver tree and the cards
 * share the KPI queries of a period; a new dataset (or currency) starts a fresh one.
 */
function sourceFor(
  engine: Engine,
  version: number,
  currency: string | null,
  roles: Roles,
  sla: number | undefined,
): EngineSeriesSource {
  if (
    !shared ||
    shared.engine !== engine ||
    shared.version !== version ||
    shared.currency !== currency ||
    shared.roles !== roles ||
    shared.sla !== sla
  ) {
    // Roles set on the Products page and the Service page's SLA decide those targets as they decide the pages' numbers.
    const source = engineSeriesSource(engine, { defaultCurrency: currency, roles, slaMinutes: sla });
    shared = { engine, version, currency, roles, sla, source };
  }
  return shared.source;
}

export function useDescription() {
  return useEngineQuery(['describe'], describeData);
}

/** The currency of money targets without a currency filter: the view's choice, else the data's. */
export function useGoalCurrency(): string | null {
  const viewCurrency = useAppStore((s) => s.view.currency);
  const description = useDescription();
  return viewCurrency ?? description.data?.orders.currencies[0] ?? null;
}

/**
 * The shared source for the engine a query runs on, and the key part that tells results
 * apart. It is only asked for inside a query, which runs once the engine has started.
 */
export function useGoalSource(): { sourceOf: (engine: Engine) => EngineSeriesSource; key: string } {
  const version = useAppStore((s) => s.dataset.version);
  const currency = useGoalCurrency();
  const roles = usePlanStore((s) => s.sku_roles);
  const sla = useAppStore((s) => s.view.sla);
  return {
    sourceOf: (engine) => sourceFor(engine, version, currency, roles, sla),
    key: `currency:${currency ?? ''}|roles:${JSON.stringify(roles)}|sla:${sla ?? ''}`,
  };
}

/** A target evaluated as of the data (the numbers `report --targets` gives). */
export function useTargetStatus(target: Target | null) {
  const { sourceOf, key } = useGoalSource();
  return useEngineQuery(
    ['goal-status', key, target],
    (engine) => evaluateTarget(target!, sourceOf(engine)),
    target !== null,
  );
}

/** The burn-up chart of a target: running actuals from the engine (or the check-in entries), paced by its phasing. */
export function useBurnUp(target: Target, asOf: string | null | undefined) {
  const { sourceOf, key } = useGoalSource();
  return useEngineQuery(
    ['goal-burn-up', key, target, asOf],
    async (engine) => {
      const source = sourceOf(engine);
      const running = target.checkin
        ? checkInRunningValues(target)
        : await source.runningValues(target.metric, target.period, target.filters);
      const lastYearDaily = await loadSeasonalShape(target, source);
      return burnUp(target, running, { lastYearDaily, ...(asOf ? { asOf } : {}) });
    },
    asOf !== undefined,
  );
}

/** A target's ladder at a grain, with its locked rungs, and every rung's own tracking. */
export function useLadder(target: Target, grain: LadderGrain, locked: readonly string[], enabled = true) {
  const { sourceOf, key } = useGoalSource();
  return useEngineQuery(
    ['goal-ladder', key, target, grain, locked],
    async (engine) => {
      const source = sourceOf(engine);
      const lastYearDaily = await loadSeasonalShape(target, source);
      // Rungs that ended before the data's as-of date are finished (issue 18, item 8).
      const { as_of: asOf } = await evaluateTarget(target, source);
      const ladder = buildLadder(target, grain, lastYearDaily, locked, asOf);
      return { ladder, statuses: await evaluateLadder(target, ladder, source) };
    },
    enabled,
  );
}

/** A target's ladder tree (year → quarters → months, issue 18 item 9) with every rung's tracking and the year's. */
export function useLadderTree(target: Target, locked: readonly string[]) {
  const { sourceOf, key } = useGoalSource();
  return useEngineQuery(['goal-ladder-tree', key, target, locked], async (engine) => {
    const source = sourceOf(engine);
    const lastYearDaily = await loadSeasonalShape(target, source);
    const year = await evaluateTarget(target, source);
    const tree = buildLadderTree(target, lastYearDaily, locked, year.as_of);
    return { tree, year, statuses: await evaluateLadderTree(target, tree, source) };
  });
}

/** Each filter dimension's values in the loaded data (filter pickers and the SMART check). */
export function useDimensionValues() {
  return useEngineQuery(['dimension-values'], dimensionValues);
}

/** The SKUs a target can name (loaded products and SKUs sold), for the editor's SKU picker. */
export function useSkuOptions(enabled: boolean) {
  const version = useAppStore((s) => s.dataset.version);
  return useEngineQuery(['sku-options', version], skuOptions, enabled);
}

/** The best year-over-year growth of a metric under filters; the same for every edit of one draft. */
export function useBestGrowth(metric: string | null, filters: TargetFilters) {
  const { sourceOf, key } = useGoalSource();
  return useEngineQuery(
    ['goal-best-growth', key, metric, filters],
    (engine) => bestYearOverYearGrowth(metric as KpiId, filters, sourceOf(engine)),
    metric !== null && isKpiId(metric),
  );
}

/** The live SMART check of a draft; waits for the best growth so Achievable is judged once. */
export function useSmartCheck(target: Target | null) {
  const { sourceOf, key } = useGoalSource();
  const values = useDimensionValues();
  const description = useDescription();
  const kpi = target !== null && target.checkin === undefined && isKpiId(target.metric) ? target.metric : null;
  const best = useBestGrowth(kpi, target?.filters ?? {});
  const ready =
    target !== null && values.data !== undefined && description.data !== undefined && (kpi === null || best.isSuccess);
  return useEngineQuery(
    ['goal-smart', key, target, best.data ?? null],
    (engine) =>
      smartCheck(target!, sourceOf(engine), {
        dimensionValues: { ...values.data, currency: description.data?.orders.currencies ?? [] },
        ...(kpi === null ? {} : { bestGrowth: best.data ?? null }),
      }),
    ready,
  );
}

/** Driver values of the GMV trees over a span with the target's filters. */
export function useDriverValues(target: Target, span: { from: string; to: string } | null) {
  const { sourceOf, key } = useGoalSource();
  return useEngineQuery(
    ['goal-drivers', key, target.filters, span],
    async (engine) => {
      const source = sourceOf(engine);
      const ids = [
        'gmv',
        'sessions',
        'conversion_rate',
        'aov',
        'visitors',
        'buyer_conversion_rate',
        'revenue_per_buyer',
      ];
      const entries = await Promise.all(
        ids.map(async (id) => [id, await source.value(id, span!, target.filters)] as const),
      );
      return Object.fromEntries(entries) as Record<string, number | null>;
    },
    span !== null,
  );
}
