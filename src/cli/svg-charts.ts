import { escapeHtml } from './html-escape';

/** One bar of a bar chart; `marked` bars are drawn in the alert colour with a dot above. */
export interface Bar {
  label: string;
  value: number | null;
  marked: boolean;
}

const INK = '#1f2937';
const MUTED = '#6b7280';
const BAR = '#4f6bed';
const ALERT = '#d9480f';
const GRID = '#e5e7eb';

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * A bar chart as inline SVG with fixed width and height attributes, so mail clients that
 * ignore CSS still size it; a missing value leaves a gap, never a zero bar.
 */
export function barChart(bars: readonly Bar[], title: string, formatValue: (v: number) => string): string {
  const width = 640;
  const height = 200;
  const left = 8;
  const top = 22;
  const bottom = 22;
  const plotH = height - top - bottom;
  const max = Math.max(0, ...bars.map((b) => b.value ?? 0));
  const step = bars.length ? (width - 2 * left) / bars.length : 0;
  const barW = Math.max(1, step * 0.7);
  const parts: string[] = [];
  parts.push(`<line x1="${left}" y1="${top + plotH}" x2="${width - left}" y2="${top + plotH}" stroke="${GRID}"/>`);
  bars.forEach((b, i) => {
    if (b.value === null || max <= 0) return;
    const h = (Math.max(0, b.value) / max) * plotH;
    const x = left + i * step + (step - barW) / 2;
    const y = top + plotH - h;
    parts.push(
      `<rect x="${round(x)}" y="${round(y)}" width="${round(barW)}" height="${round(h)}" fill="${b.marked ? ALERT : BAR}"><title>${escapeHtml(`${b.label}: ${formatValue(b.value)}${b.marked ? ' (alert)' : ''}`)}</title></rect>`,
    );
    if (b.marked) parts.push(`<circle cx="${round(x + barW / 2)}" cy="${round(y - 6)}" r="3" fill="${ALERT}"/>`);
  });
  if (bars.length) {
    parts.push(
      `<text x="${left}" y="${height - 6}" font-size="11" fill="${MUTED}">${escapeHtml(bars[0]!.label)}</text>`,
      `<text x="${width - left}" y="${height - 6}" font-size="11" fill="${MUTED}" text-anchor="end">${escapeHtml(bars[bars.length - 1]!.label)}</text>`,
    );
  }
  parts.push(`<text x="${left}" y="14" font-size="11" fill="${MUTED}">max ${escapeHtml(formatValue(max))}</text>`);
  return svg(width, height, title, parts);
}

/** One target's progress: actual so far against what was due by now and the whole target. */
export interface Pace {
  label: string;
  actual: number | null;
  expected: number | null;
  target: number;
  behind: boolean;
}

/** A pace bar per target: the filled part is the actual, the tick what was due by now. */
export function paceBars(rows: readonly Pace[], title: string): string {
  const width = 640;
  const rowH = 28;
  const labelW = 200;
  const barW = width - labelW - 16;
  const height = rows.length * rowH + 8;
  const parts: string[] = [];
  rows.forEach((r, i) => {
    const y = 4 + i * rowH;
    const scale = (v: number | null) =>
      v === null || r.target <= 0 ? 0 : Math.min(1, Math.max(0, v / r.target)) * barW;
    parts.push(
      `<text x="0" y="${y + 15}" font-size="12" fill="${INK}">${escapeHtml(r.label)}</text>`,
      `<rect x="${labelW}" y="${y + 4}" width="${barW}" height="14" fill="${GRID}"/>`,
      `<rect x="${labelW}" y="${y + 4}" width="${round(scale(r.actual))}" height="14" fill="${r.behind ? ALERT : BAR}"/>`,
    );
    if (r.expected !== null) {
      const x = round(labelW + scale(r.expected));
      parts.push(`<line x1="${x}" y1="${y}" x2="${x}" y2="${y + 22}" stroke="${INK}" stroke-width="2"/>`);
    }
  });
  return svg(width, height, title, parts);
}

function svg(width: number, height: number, title: string, parts: string[]): string {
  return `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}" font-family="Helvetica, Arial, sans-serif"><title>${escapeHtml(title)}</title>${parts.join('')}</svg>`;
}
