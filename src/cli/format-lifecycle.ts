import { formatValue, MISSING } from '../lib/format';
import { STAGES, type Lifecycle } from '../metrics/queries/lifecycle';
import { LIFECYCLE_ENTRIES } from '../metrics/registry/lifecycle';
import type { MarkdownTable } from './format-marketing';

const count = (v: number | null) => formatValue(v, 'count', 'en', null, false);
const rate = (v: number | null) => formatValue(v, 'rate', 'en', null, false);

/**
 * The report's `lifecycle` as CSV rows (metric, label, unit, value): the stage counts at `as_of`
 * and the churn rate of the period's last month end (— when the period holds none).
 */
export function lifecycleCsvRows(section: Lifecycle | null): Record<string, string | number | null>[] {
  if (!section) return [];
  const stage = STAGES.map((s) => ({
    metric: `lifecycle_${s}`,
    label: `${LIFECYCLE_ENTRIES[s].label.en} customers on ${section.as_of}`,
    unit: 'count',
    value: section.stages[s],
    comparison: null,
    change: null,
  }));
  const last = section.months.at(-1);
  const churn = LIFECYCLE_ENTRIES.churn_rate;
  return [
    ...stage,
    {
      metric: 'churn_rate',
      label: last ? `${churn.label.en} (${last.month})` : churn.label.en,
      unit: churn.unit,
      value: last?.churn_rate ?? null,
      comparison: null,
      change: null,
    },
  ];
}

/** The Markdown part of the report for the lifecycle section (METRICS.md "Customer lifecycle"). */
export function renderLifecycleMarkdown(section: Lifecycle, table: MarkdownTable): string {
  const label = (s: (typeof STAGES)[number]) => LIFECYCLE_ENTRIES[s].label.en;
  const parts = [`## Customer lifecycle\n\nCustomers by stage on ${section.as_of}.`];
  parts.push(
    table(
      STAGES.map(label),
      STAGES.map(() => 'r'),
      [STAGES.map((s) => count(section.stages[s]))],
    ),
  );
  if (section.months.length) {
    parts.push(
      table(
        ['Month (at its end)', ...STAGES.map(label), LIFECYCLE_ENTRIES.churn_rate.label.en],
        ['l', 'r', 'r', 'r', 'r', 'r'],
        section.months.map((m) => [m.month, ...STAGES.map((s) => count(m[s])), rate(m.churn_rate)]),
      ),
    );
  }
  parts.push(
    section.acquisition.length
      ? table(
          ['First-order channel', 'New buyers'],
          ['l', 'r'],
          section.acquisition.map((a) => [a.channel, count(a.new_buyers)]),
        )
      : `New buyers by first-order channel: ${MISSING} (none in the period).`,
  );
  return parts.join('\n\n');
}
