import { toCsv, type CsvColumn } from '../lib/csv';
import { formatDelta, formatValue, MISSING, relativeChange, type Unit } from '../lib/format';
import { ENTRIES, KPI_IDS, type ComponentId } from '../metrics/registry';
import { isOpsMetricId, OPS_ENTRIES, opsPlainUnit } from '../metrics/registry/operations';
import { describeAlert } from '../metrics/alert-text';
import type { ReportJson } from '../metrics/report-types';
import { lifecycleCsvRows, renderLifecycleMarkdown } from './format-lifecycle';
import { marketingCsvRows, renderMarketingMarkdown } from './format-marketing';
import { productsCsvRows, renderInventoryMarkdown, renderProductsMarkdown } from './format-products';
import { renderServiceMarkdown, serviceCsvRows } from './format-service';
import { renderHtml } from './format-html';

export type ReportFormat = 'json' | 'md' | 'csv' | 'html';

/** The report as the chosen format; JSON keeps full precision (METRICS.md "Precision"). */
export function renderReport(report: ReportJson, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'csv':
      return renderCsv(report);
    case 'md':
      return renderMarkdown(report);
    case 'html':
      return renderHtml(report, renderMarkdown(report));
  }
}

const KPI_CSV_COLUMNS: readonly CsvColumn[] = ['metric', 'label', 'unit', 'value', 'comparison', 'change'].map(
  (key) => ({ key, label: key }),
);

/**
 * One row per KPI: id, label, unit, value, comparison value and relative change, at full
 * precision; written by the app's one CSV writer (RFC 4180 line ends, formula-safe text).
 */
export function renderCsv(report: ReportJson): string {
  const rows = KPI_IDS.map((id) => {
    const value = report.kpis[id];
    const previous = report.comparison ? report.comparison.kpis[id] : null;
    const def = ENTRIES[id];
    return {
      metric: id,
      label: def.label.en,
      unit: def.unit,
      value,
      comparison: previous,
      change: relativeChange(value, previous),
    };
  });
  return toCsv(
    [
      ...rows,
      ...marketingCsvRows(report.marketing),
      ...serviceCsvRows(report.service),
      ...lifecycleCsvRows(report.lifecycle),
      ...productsCsvRows(report.products, report.inventory),
    ],
    KPI_CSV_COLUMNS,
  );
}

function show(value: number | null, unit: Unit, currency: string | null): string {
  const u: Unit = unit === 'money' && currency === null ? 'number' : unit;
  return formatValue(value, u, 'en', currency, false);
}

function table(head: string[], align: ('l' | 'r')[], rows: string[][]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const out = [
    `| ${head.map(cell).join(' | ')} |`,
    `| ${align.map((a) => (a === 'r' ? '---:' : '---')).join(' | ')} |`,
  ];
  for (const r of rows) out.push(`| ${r.map(cell).join(' | ')} |`);
  return out.join('\n');
}

const unitOf = (id: ComponentId): Unit => ENTRIES[id].unit;

/** Rates change in percentage points (2.26 % → 2.43 % is −0.17 pp), everything else relatively. */
function changeText(value: number | null, previous: number | null, unit: Unit): string {
  if (unit !== 'rate') return formatDelta(relativeChange(value, previous), 'en');
  if (value === null || previous === null) return MISSING;
  const points = (value - previous) * 100;
  const sign = points > 0.005 ? '+' : points < -0.005 ? '−' : '';
  return `${sign}${Math.abs(points).toFixed(2)} pp`;
}

/** A readable report a manager could receive by mail. */
export function renderMarkdown(report: ReportJson): string {
  const { currency } = report;
  const money = (v: number | null) => show(v, 'money', currency);
  const count = (v: number | null) => show(v, 'count', currency);
  const rate = (v: number | null) => show(v, 'rate', currency);
  const parts: string[] = [];

  parts.push(`# Yardstick report, ${report.period.from} to ${report.period.to}`);
  const context = [`Currency: ${currency ?? 'not stated in the data'}`];
  if (report.comparison) context.push(`compared with ${report.comparison.from} to ${report.comparison.to}`);
  parts.push(context.join(' · '));

  const kpiRows = KPI_IDS.map((id) => {
    const value = report.kpis[id];
    const row = [ENTRIES[id].label.en, show(value, unitOf(id), currency)];
    if (report.comparison) {
      const previous = report.comparison.kpis[id];
      row.push(show(previous, unitOf(id), currency), changeText(value, previous, unitOf(id)));
    }
    return row;
  });
  const kpiHead = report.comparison ? ['Metric', 'Value', 'Comparison', 'Change'] : ['Metric', 'Value'];
  parts.push(
    `## Key figures\n\n${table(kpiHead, ['l', 'r', 'r', 'r'].slice(0, kpiHead.length) as ('l' | 'r')[], kpiRows)}`,
  );

  // What needs attention comes right after the figures: the digest is read top down.
  parts.push(
    report.alerts.length
      ? `## Alerts\n\n${report.alerts
          .map(
            (a) => `- **${a.severity === 'critical' ? 'Critical' : 'Warning'}**: ${describeAlert(a, 'en', currency)}`,
          )
          .join('\n')}`
      : '## Alerts\n\nNone: no target at risk, no odd day, no stock alert.',
  );

  const series = report.series.rows;
  if (series.length) {
    const traffic = series.some((r) => 'sessions' in r);
    const head = [
      'Period',
      'GMV',
      'Refunds',
      'Net revenue',
      'Orders',
      'Buyers',
      'AOV',
      ...(traffic ? ['Sessions', 'Conversion'] : []),
    ];
    const rows = series.map((r) => [
      r.period,
      money(r.gmv),
      money(r.refunds),
      money(r.net_revenue),
      count(r.orders),
      count(r.buyers),
      money(r.aov),
      ...(traffic ? [count(r.sessions ?? null), rate(r.conversion_rate ?? null)] : []),
    ]);
    parts.push(
      `## By ${report.series.grain}\n\n${table(
        head,
        head.map((_, i) => (i === 0 ? 'l' : 'r')),
        rows,
      )}`,
    );
  }

  if (report.by_channel.length) {
    const rows = report.by_channel.map((c) => [
      c.channel,
      money(c.gmv),
      count(c.orders),
      count(c.sessions),
      rate(c.conversion_rate),
    ]);
    parts.push(
      `## By channel\n\n${table(['Channel', 'GMV', 'Orders', 'Sessions', 'Conversion'], ['l', 'r', 'r', 'r', 'r'], rows)}`,
    );
  }

  if (report.funnel.length) {
    const rows = report.funnel.map((f) => [
      f.step.replace(/_/g, ' '),
      count(f.count),
      rate(f.rate_from_previous),
      rate(f.rate_from_sessions),
    ]);
    parts.push(
      `## Funnel\n\n${table(['Step', 'Count', 'From previous step', 'From sessions'], ['l', 'r', 'r', 'r'], rows)}`,
    );
  }

  if (report.cohorts.length) {
    const width = Math.max(...report.cohorts.map((c) => c.retention.length));
    const head = ['Cohort', 'Customers', ...Array.from({ length: width }, (_, k) => `M${k}`)];
    const rows = report.cohorts.map((c) => [
      c.cohort,
      count(c.customers),
      ...Array.from({ length: width }, (_, k) => (k < c.retention.length ? rate(c.retention[k] ?? null) : '')),
    ]);
    parts.push(
      `## Cohort retention\n\nShare of each month's new buyers who bought again in month k.\n\n${table(
        head,
        head.map((_, i) => (i === 0 ? 'l' : 'r')),
        rows,
      )}`,
    );
  }

  if (report.marketing) parts.push(renderMarketingMarkdown(report.marketing, currency, table));
  if (report.service) parts.push(renderServiceMarkdown(report.service, table));
  if (report.lifecycle) parts.push(renderLifecycleMarkdown(report.lifecycle, table));
  if (report.products) parts.push(renderProductsMarkdown(report.products, currency, table));
  if (report.inventory) parts.push(renderInventoryMarkdown(report.inventory, currency, table));

  if (report.targets.length) {
    const rows = report.targets.map((t) => {
      const unit = KPI_IDS.includes(t.metric as (typeof KPI_IDS)[number])
        ? unitOf(t.metric as ComponentId)
        : isOpsMetricId(t.metric)
          ? (opsPlainUnit(OPS_ENTRIES[t.metric]) ?? 'number')
          : 'number';
      return [
        t.id,
        t.metric,
        t.as_of ?? MISSING,
        show(t.actual_to_date, unit, currency),
        show(t.expected_to_date, unit, currency),
        show(t.projected, unit, currency),
        show(t.target, unit, currency),
        rate(t.attainment),
        t.status.replace(/_/g, ' '),
      ];
    });
    const head = [
      'Target',
      'Metric',
      'As of',
      'Actual',
      'Expected by now',
      'Projected',
      'Target',
      'Attainment',
      'Status',
    ];
    parts.push(`## Targets\n\n${table(head, ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'l'], rows)}`);
  }

  const quality = Object.entries(report.data_quality);
  if (quality.length) {
    const rows = quality.map(([name, q]) => [
      name,
      count(q.rows_read),
      count(q.rows_loaded),
      count(q.rows_rejected),
      count(q.duplicates),
      Object.entries(q.reasons)
        .map(([reason, n]) => `${reason}: ${n}`)
        .join('; ') || MISSING,
    ]);
    parts.push(
      `## Data quality\n\n${table(['Table', 'Rows read', 'Loaded', 'Rejected', 'Duplicates', 'Rejected because'], ['l', 'r', 'r', 'r', 'r', 'l'], rows)}`,
    );
    const notes = quality.flatMap(([, q]) => q.warnings);
    if (notes.length) parts.push(`How the files were read:\n\n${notes.map((n) => `- ${n}`).join('\n')}`);
  }

  parts.push('Values shown as — cannot be computed from the data loaded (for example, no traffic file).');
  return `${parts.join('\n\n')}\n`;
}
