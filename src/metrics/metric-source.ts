import type { Engine } from '../engine/engine';
import { describeData, type DataDescription } from './describe';
import { FILTER_DIMENSIONS, type Filters, type SourceTable } from './filters';
import type { Period } from './periods';
import { computeOpsValue, opsTableSpan, type OpsTableSpan } from './operations';
import { computeKpis, type Kpis } from './queries/kpis';
import { isMetricId } from './registry';
import { isOpsMetricId, type OpsTable } from './registry/operations';

/** The numbers targets ask for (the MetricSource port of src/targets/source.ts), read from an engine. */
export interface EngineMetricSource {
  value(metric: string, period: Period, filters: Record<string, readonly string[]>): Promise<number | null>;
  lastDate(table: SourceTable | OpsTable): Promise<string | null>;
  firstDate(table: SourceTable | OpsTable): Promise<string | null>;
}

const isKpiTable = (table: string): table is SourceTable => table === 'traffic' || table === 'users';

/**
 * Converts a targets-file filter object (dimension → values) to metric filters. `currency`
 * takes its first value; without one, `defaultCurrency` applies.
 */
export function toFilters(raw: Record<string, readonly string[]>, defaultCurrency?: string | null): Filters {
  const filters: Filters = {};
  for (const dim of FILTER_DIMENSIONS) {
    const values = raw[dim];
    if (!values || values.length === 0) continue;
    if (dim === 'currency') {
      const first = values[0];
      if (first !== undefined) filters.currency = first;
    } else filters[dim] = values;
  }
  if (filters.currency === undefined && defaultCurrency) filters.currency = defaultCurrency;
  return filters;
}

/** What a source over an engine needs besides the engine (shared by the targets' series source). */
export interface EngineSourceOptions {
  defaultCurrency?: string | null;
  description?: DataDescription;
  /** The SLA setting and planned SKU roles the operations metrics depend on (metrics/operations.ts). */
  slaMinutes?: number | undefined;
  roles?: Readonly<Record<string, string>> | undefined;
}

/**
 * A metric source over an engine whose data does not change while it is used (one report run,
 * one page render): the description is read once and each period/filter pair is queried once,
 * by the KPI query the pages run.
 */
export function engineMetricSource(
  engine: Engine,
  options: EngineSourceOptions = {},
): EngineMetricSource {
  let description: Promise<DataDescription> | undefined = options.description
    ? Promise.resolve(options.description)
    : undefined;
  const describe = () => (description ??= describeData(engine));
  const cache = new Map<string, Promise<Kpis>>();
  const opsCache = new Map<string, Promise<number | null>>();
  const spans = new Map<OpsTable, Promise<OpsTableSpan>>();
  const spanOf = (table: OpsTable) => {
    let hit = spans.get(table);
    if (!hit) spans.set(table, (hit = opsTableSpan(engine, table)));
    return hit;
  };

  const kpisFor = async (period: Period, filters: Filters): Promise<Kpis> => {
    const key = JSON.stringify([period.from, period.to, filters]);
    let hit = cache.get(key);
    if (!hit) {
      hit = describe().then((data) => computeKpis(engine, period, filters, data));
      cache.set(key, hit);
    }
    return hit;
  };

  return {
    async value(metric, period, filters) {
      if (isOpsMetricId(metric)) {
        const key = JSON.stringify([metric, period.from, period.to, filters]);
        let hit = opsCache.get(key);
        if (!hit) {
          const { defaultCurrency, slaMinutes, roles } = options;
          opsCache.set(
            key,
            (hit = computeOpsValue(engine, metric, period, filters, { defaultCurrency, slaMinutes, roles })),
          );
        }
        return hit;
      }
      if (!isMetricId(metric)) return null;
      const kpis = await kpisFor(period, toFilters(filters, options.defaultCurrency));
      return kpis[metric];
    },
    async lastDate(table) {
      if (table === 'orders' || isKpiTable(table)) return (await describe())[table].lastDate;
      const span = await spanOf(table);
      return span.rows > 0 ? span.last : null;
    },
    async firstDate(table) {
      if (table === 'orders' || isKpiTable(table)) return (await describe())[table].firstDate;
      const span = await spanOf(table);
      return span.rows > 0 ? span.first : null;
    },
  };
}
