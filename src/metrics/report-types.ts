import type { TableName } from '../model/tables';
import type { CohortRow } from './queries/cohorts';
import type { ChannelRow } from './queries/by-channel';
import type { FunnelRow } from './queries/funnel';
import type { Kpis } from './queries/kpis';
import type { Lifecycle } from './queries/lifecycle';
import type { ServiceSection } from './queries/service';
import type { MarketingSection } from './queries/marketing';
import type { InventorySection, ProductsSection, StockAlert } from './queries/products';
import type { SeriesRow } from './queries/series';
import type { Grain, Period } from './periods';

/**
 * A target's status (METRICS.md "Targets", `status`), and `no_data` when the number cannot be
 * computed (src/targets/README.md).
 */
export type TrackingStatus = 'ahead' | 'on_track' | 'at_risk' | 'off_track' | 'not_started' | 'no_data';

/** A `targets` row of the report (METRICS.md "Report JSON"), in its key order; filled by the targets module. */
export interface ReportTargetRow {
  id: string;
  metric: string;
  as_of: string | null;
  /** Part of an additive target due by `as_of`; null for ratio metrics and before the start. */
  share: number | null;
  /** The level to reach: the ladder's target, or for ratio metrics with custom phasing the current rung's level. */
  target: number;
  actual_to_date: number | null;
  expected_to_date: number | null;
  projected: number | null;
  attainment: number | null;
  status: TrackingStatus;
}

/** What loading did to one table, summed over its files (METRICS.md "Report JSON", `data_quality`). */
export interface DataQualityEntry {
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  duplicates: number;
  reasons: Record<string, number>;
  /**
   * Every reading decision and warning of the table's files, each as "file: message" (dates
   * read day-first, the decimal style, an encoding…). Not in METRICS.md's example; added so a
   * scheduled report carries what the page shows (issue 19, item 3).
   */
  warnings: string[];
}

export type DataQuality = Partial<Record<TableName, DataQualityEntry>>;

/** METRICS.md "Alerts": what went wrong, where, how far from what was expected. */
export type AlertKind = 'target' | 'anomaly' | StockAlert;
export type AlertSeverity = 'warning' | 'critical';

/** One alert of the report's `alerts` array (absent fields null). */
export interface Alert {
  kind: AlertKind;
  metric: string | null;
  sku: string | null;
  date: string;
  value: number | null;
  expected: number | null;
  severity: AlertSeverity;
}

/** `report --json`, exactly the shape of METRICS.md "Report JSON", numbers at full precision. */
export interface ReportJson {
  period: Period;
  /** The currency of every money figure; null when no order names one. */
  currency: string | null;
  kpis: Kpis;
  /** Null with `--compare none`. */
  comparison: (Period & { kpis: Kpis }) | null;
  series: { grain: Grain; rows: SeriesRow[] };
  cohorts: CohortRow[];
  funnel: FunnelRow[];
  by_channel: ChannelRow[];
  targets: ReportTargetRow[];
  /** METRICS.md "Report JSON" `marketing`: null unless marketing_spend or campaigns holds rows. */
  marketing: MarketingSection | null;
  /** METRICS.md "Report JSON" `service`: null unless service_tickets or reviews holds rows (or under a filter neither carries). */
  service: ServiceSection | null;
  /** METRICS.md "Report JSON" `products`: null unless products holds rows. */
  products: ProductsSection | null;
  /** METRICS.md "Report JSON" `inventory`: null unless inventory holds rows. */
  inventory: InventorySection | null;
  /** METRICS.md "Report JSON" `lifecycle`: needs only orders; null without them. */
  lifecycle: Lifecycle | null;
  /** METRICS.md "Report JSON" `alerts`: always present; targets, odd days of the daily KPIs, stock. */
  alerts: Alert[];
  data_quality: DataQuality;
}
