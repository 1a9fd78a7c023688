/**
 * The shape of a registry entry: everything a metric means, as data (STYLE.md "The metrics layer
 * as modules grow"). The compiler, the rollups, the dictionary, target pacing, KPI colours and the
 * report's keys are functions of these fields; no other file spells out what a metric is.
 */
import type { EventScope, OptionalTrafficColumn, SourceTable } from './sources';

export type Direction = 'higher' | 'lower';
export type Unit = 'money' | 'count' | 'rate';

export interface Texts {
  en: string;
  zh: string;
}

/**
 * Where `report --json` prints the metric: among `kpis`, as a `funnel` step, or only through the
 * ratios it is a part of.
 */
export type ReportPlace = 'kpis' | 'funnel' | 'part';

/** Why an aggregate is never read from the daily rollups (the registry says so explicitly). */
export interface NotFromRollup {
  notFromRollup: string;
}

interface Common<Id extends string> {
  id: Id;
  /** The registry file (module) the entry sits in: METRICS.md's section. */
  module: 'orders' | 'traffic' | 'users';
  unit: Unit;
  direction: Direction;
  /** METRICS.md "Targets": additive metrics are paced as sums, every other one as a level. */
  additive: boolean;
  /** Tables the metric reads: it is null unless all are loaded; targets take `as_of` from them. */
  sources: readonly SourceTable[];
  label: Texts;
  /** A shorter name for tight places (table headings, chart legends, driver boxes); the label when absent. */
  short?: Texts;
  description: Texts;
  report: ReportPlace;
  /** The METRICS.md section that defines it. */
  spec: string;
}

/** Σ `measure` (an expression over the scope's columns) over the scope's rows. */
export interface SumEntry<Id extends string = string> extends Common<Id> {
  kind: 'sum';
  scope: EventScope;
  measure: string;
  /** The value is null when this optional traffic column is empty in the whole table. */
  requiresColumn?: OptionalTrafficColumn;
  rollup: 'daily';
}

/** The scope's rows (those meeting `where`, an expression over its columns, when given). */
export interface CountEntry<Id extends string = string> extends Common<Id> {
  kind: 'count';
  scope: EventScope;
  where?: string;
  rollup: 'daily';
}

/**
 * Distinct customers with a paid order in the span (trimmed, case-folded customer_id), keeping
 * those whose first paid order ever is in or before the span, or with at least `minOrders` paid
 * orders inside it. The span is the period, or each date bucket of a series on its own.
 */
export interface BuyersEntry<Id extends string = string> extends Common<Id> {
  kind: 'buyers';
  firstPaid?: 'in_span' | 'before_span';
  minOrders?: number;
  rollup: NotFromRollup;
}

/** `num / NULLIF(den₁ + den₂ …, 0)` over other entries' aggregates. */
export interface RatioEntry<Id extends string = string> extends Common<Id> {
  kind: 'ratio';
  num: AggregateEntry;
  den: readonly AggregateEntry[];
}

export type AggregateEntry<Id extends string = string> = SumEntry<Id> | CountEntry<Id> | BuyersEntry<Id>;
export type MetricEntry<Id extends string = string> = AggregateEntry<Id> | RatioEntry<Id>;

/** An entry as written, checked once: a buyers count is never summed from rollups, a ratio has parts. */
export function metric<const E extends MetricEntry>(entry: E): E {
  if (entry.kind === 'ratio' && entry.den.length === 0) throw new Error(`${entry.id}: a ratio needs a denominator`);
  if (entry.kind === 'buyers' && (entry.minOrders ?? 1) < 1) throw new Error(`${entry.id}: minOrders is at least 1`);
  if (entry.kind !== 'ratio' && entry.kind !== 'buyers' && !entry.sources.length) {
    throw new Error(`${entry.id}: an aggregate reads at least one table`);
  }
  return entry;
}
