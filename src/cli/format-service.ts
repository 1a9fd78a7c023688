import { formatValue, MISSING, type Unit } from '../lib/format';
import type { ServiceSection } from '../metrics/queries/service';
import { SERVICE_ENTRIES, type ServiceId, type ServiceUnit } from '../metrics/registry/service';
import type { MarkdownTable } from './format-marketing';

/** The section's single figures by registry id, null where the table behind them is not loaded. */
function figures(s: ServiceSection): Record<ServiceId, number | null> {
  return {
    tickets: s.tickets,
    first_response_median: s.first_response_minutes.median,
    first_response_p90: s.first_response_minutes.p90,
    response_within_sla: s.response_within_sla,
    resolution_rate: s.resolution_rate,
    resolution_hours: s.resolution_hours,
    complaint_rate: s.complaint_rate,
    csat: s.csat,
    csat_avg: s.csat_avg,
    inquiry_conversion: s.inquiry_conversion,
    reviews: s.reviews?.reviews ?? null,
    avg_rating: s.reviews?.avg_rating ?? null,
    positive_rate: s.reviews?.positive_rate ?? null,
    negative_rate: s.reviews?.negative_rate ?? null,
    review_rate: s.reviews?.review_rate ?? null,
  };
}

function show(v: number | null, unit: ServiceUnit): string {
  if (v === null) return MISSING;
  switch (unit) {
    case 'minutes':
      return `${v.toFixed(1)} min`;
    case 'hours':
      return `${v.toFixed(1)} h`;
    case 'per_1000':
      return `${v.toFixed(2)} ‰`;
    case 'score':
      return v.toFixed(2);
    default:
      return formatValue(v, unit as Unit, 'en', null, false);
  }
}

/** The report's `service` figures as CSV rows (metric, label, unit, value), values at full precision. */
export function serviceCsvRows(section: ServiceSection | null): Record<string, string | number | null>[] {
  if (!section) return [];
  const values = figures(section);
  return (Object.keys(SERVICE_ENTRIES) as ServiceId[]).map((id) => ({
    metric: id,
    label: SERVICE_ENTRIES[id].label.en,
    unit: SERVICE_ENTRIES[id].unit,
    value: values[id],
    comparison: null,
    change: null,
  }));
}

/** The Markdown part of the report for the service section (METRICS.md "Customer service"). */
export function renderServiceMarkdown(section: ServiceSection, table: MarkdownTable): string {
  const values = figures(section);
  const rows = (Object.keys(SERVICE_ENTRIES) as ServiceId[]).map((id) => [
    SERVICE_ENTRIES[id].label.en,
    show(values[id], SERVICE_ENTRIES[id].unit),
  ]);
  const parts = ['## Customer service and reviews', table(['Metric', 'Value'], ['l', 'r'], rows)];
  if (section.by_category.length)
    parts.push(
      table(
        ['Category', 'Tickets'],
        ['l', 'r'],
        section.by_category.map((c) => [c.category, String(c.tickets)]),
      ),
    );
  if (section.by_channel.length)
    parts.push(
      table(
        ['Channel', 'Tickets'],
        ['l', 'r'],
        section.by_channel.map((c) => [c.channel, String(c.tickets)]),
      ),
    );
  const skus = section.reviews?.by_sku ?? [];
  if (skus.length)
    parts.push(
      `Reviews by SKU, worst rated first.\n\n${table(
        ['SKU', 'Reviews', 'Average rating', 'Positive', 'Negative', 'Review rate'],
        ['l', 'r', 'r', 'r', 'r', 'r'],
        skus.map((r) => [
          r.sku,
          String(r.reviews),
          show(r.avg_rating, 'score'),
          show(r.positive_rate, 'rate'),
          show(r.negative_rate, 'rate'),
          show(r.review_rate, 'rate'),
        ]),
      )}`,
    );
  return parts.join('\n\n');
}
