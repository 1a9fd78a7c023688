import { formatValue } from '../lib/format';
import { ENTRIES, KPI_IDS, type ComponentId } from '../metrics/registry';
import { isOpsMetricId, OPS_ENTRIES, opsPlainUnit } from '../metrics/registry/operations';
import type { ReportJson } from '../metrics/report-types';
import { escapeHtml } from './html-escape';
import { markdownToHtml } from './md-to-html';
import { barChart, paceBars, type Pace } from './svg-charts';

/**
 * Inline CSS only, and simple: mail clients drop <style> in <head> less often than they drop
 * scripts, fonts or remote images, none of which the digest has.
 */
const CSS = `body{margin:0;padding:24px;background:#f6f7f9;color:#1f2937;font:14px/1.5 Helvetica,Arial,sans-serif}
main{max-width:760px;margin:0 auto;background:#fff;padding:24px 28px;border:1px solid #e5e7eb;border-radius:8px}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px;border-bottom:1px solid #e5e7eb;padding-bottom:4px}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{padding:4px 8px;border-bottom:1px solid #eef0f3;text-align:left;vertical-align:top}
th{color:#6b7280;font-weight:600}.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
ul{padding-left:20px}li{margin:4px 0}figure{margin:12px 0}figcaption{color:#6b7280;font-size:12px}svg{max-width:100%;height:auto}
.wide{overflow-x:auto}`;

/** The md digest as one self-contained HTML page with inline SVG charts, for a mail body or a file. */
export function renderHtml(report: ReportJson, markdown: string, lang = 'en'): string {
  const sections = markdown.trimEnd().split(/\n\n(?=## )/);
  const alertsAt = sections.findIndex((s) => s.startsWith('## Alerts'));
  const charts = chartsHtml(report);
  const body = sections
    .map((s, i) => {
      const html = markdownToHtml(s)
        .replace(/<table>/g, '<div class="wide"><table>')
        .replace(/<\/table>/g, '</table></div>');
      return i === alertsAt && charts ? `${html}\n${charts}` : html;
    })
    .join('\n');
  const title = `Yardstick report, ${report.period.from} to ${report.period.to}`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** The bucket of the series a day falls in: the last bucket starting on or before it. */
function bucketOf(periods: readonly string[], day: string): number {
  let at = -1;
  periods.forEach((p, i) => {
    if (p <= day) at = i;
  });
  return at;
}

function chartsHtml(report: ReportJson): string {
  const { currency } = report;
  const money = (v: number) => formatValue(v, currency === null ? 'number' : 'money', 'en', currency, true);
  const figures: string[] = [];
  const rows = report.series.rows;
  if (rows.length) {
    const periods = rows.map((r) => r.period);
    const odd = new Set(report.alerts.filter((a) => a.kind === 'anomaly').map((a) => bucketOf(periods, a.date)));
    const bars = rows.map((r, i) => ({ label: r.period, value: r.gmv, marked: odd.has(i) }));
    const caption = `GMV by ${report.series.grain}${odd.size ? '; in orange, the ones with an odd day (see Alerts)' : ''}.`;
    figures.push(
      `<figure>${barChart(bars, `GMV by ${report.series.grain}`, money)}<figcaption>${escapeHtml(caption)}</figcaption></figure>`,
    );
  }
  const paced: Pace[] = report.targets.map((t) => {
    const unit = KPI_IDS.includes(t.metric as (typeof KPI_IDS)[number])
      ? ENTRIES[t.metric as ComponentId].unit
      : isOpsMetricId(t.metric)
        ? (opsPlainUnit(OPS_ENTRIES[t.metric]) ?? 'number')
        : 'number';
    const u = unit === 'money' && currency === null ? 'number' : unit;
    return {
      label: `${t.id} (${formatValue(t.target, u, 'en', currency, true)})`,
      actual: t.actual_to_date,
      expected: t.expected_to_date,
      target: t.target,
      behind: t.status === 'at_risk' || t.status === 'off_track',
    };
  });
  if (paced.length) {
    figures.push(
      `<figure>${paceBars(paced, 'Targets: actual so far against the target')}<figcaption>Filled: actual so far (orange when at risk or off track); the tick: what was due by now; the whole bar: the target.</figcaption></figure>`,
    );
  }
  return figures.length ? `<h2>Charts</h2>\n${figures.join('\n')}` : '';
}
