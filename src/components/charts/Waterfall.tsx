import { memo, useMemo, useState } from 'react';
import { columnPath } from './bar-shape';
import { GRID, TEXT_2 } from './palette';
import { ChartTooltip, niceTicks, textWidth, ValueGrid, valueAxisWidth } from './svg-axes';
import { useWidth } from './use-width';

export interface WaterfallChartBar {
  key: string;
  label: string;
  range: [number, number];
  value: number;
  tone: 'total' | 'up' | 'down' | 'flat';
}

export interface WaterfallProps {
  title: string;
  bars: readonly WaterfallChartBar[];
  formatValue: (v: number) => string;
  formatAxis: (v: number) => string;
  height?: number;
  /** Start the axis near the smallest end instead of 0, so small steps between large totals stay visible. */
  zoom?: boolean;
}

const FILL: Record<WaterfallChartBar['tone'], string> = {
  total: '#3b5bdb',
  up: '#2b8a3e',
  down: '#c92a2a',
  flat: '#adb5bd',
};

/** Font sizes of the bar values and the x labels, and the height of one line of them. */
const VALUE_FONT = 10;
const LABEL_FONT = 12;
const VALUE_LINE = 13;
const LABEL_LINE = 14;
/** Room above the plot for one line of bar values, and below it for two lines of x labels. */
const TOP = 8 + VALUE_LINE;
const BOTTOM = 40;
const LEFT = 8;
const RIGHT = 12;
/** The bars take 78 % of their slot (recharts' 22 % category gap), at most this wide. */
const MAX_BAR = 72;

/** Splits a label into at most two lines of whole words, so neighbouring labels do not run into each other. */
export function wrapLabel(label: string, maxChars = 12): string[] {
  const words = label.split(' ');
  if (label.length <= maxChars || words.length === 1) return [label];
  let best = 1;
  for (let i = 1; i < words.length; i += 1) {
    const first = words.slice(0, i).join(' ').length;
    const bestFirst = words.slice(0, best).join(' ').length;
    if (Math.abs(first - label.length / 2) < Math.abs(bestFirst - label.length / 2)) best = i;
  }
  return [words.slice(0, best).join(' '), words.slice(best).join(' ')];
}

/** The lowest and highest step ends with a margin: totals then rise from the bottom of the plot. */
export function zoomedDomain(bars: readonly WaterfallChartBar[]): [number, number] {
  const ends = bars.flatMap((b) => (b.tone === 'total' ? [b.range[1]] : b.range));
  const lo = Math.min(...ends);
  const hi = Math.max(...ends);
  const pad = Math.max((hi - lo) * 0.6, Math.abs(hi) * 0.002);
  return [lo - pad, hi + pad * 0.4];
}

/**
 * Round ticks inside [lo, hi] (not reaching out to 0 as niceTicks does): the finest step of 1, 2
 * or 5 × a power of ten that puts at most `count` ticks inside the span. No 2.5: its ticks need a
 * digit more than the axis labels of a zoomed money axis show.
 */
export function ticksWithin(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (hi <= lo) return [lo];
  const inside = (step: number) => {
    const ticks: number[] = [];
    for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + 1e-9 * step; k += 1) ticks.push(Number((k * step).toPrecision(12)) + 0);
    return ticks;
  };
  let power = 10 ** Math.floor(Math.log10((hi - lo) / count));
  for (;;) {
    for (const m of [1, 2, 5]) {
      const ticks = inside(m * power);
      if (ticks.length <= count) return ticks;
    }
    power *= 10;
  }
}

/**
 * The value axis: without zoom from round ticks that include 0 (niceTicks over every end); with
 * zoom the zoomed domain itself, with the round ticks that fall inside it.
 */
export function waterfallAxis(bars: readonly WaterfallChartBar[], zoom: boolean): { domain: [number, number]; ticks: number[] } {
  if (!bars.length) return { domain: [0, 1], ticks: [0, 1] };
  if (zoom) {
    const domain = zoomedDomain(bars);
    return { domain, ticks: ticksWithin(domain[0], domain[1]) };
  }
  const ends = bars.flatMap((b) => b.range);
  const ticks = niceTicks(Math.min(...ends), Math.max(...ends));
  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks };
}

/**
 * The value span a bar covers on the axis, clipped to the domain: a part between its two ends; a
 * total, whose range starts at 0, from 0, or from the bottom of a zoomed axis that leaves 0 out.
 */
export function barSpan(bar: WaterfallChartBar, domain: readonly [number, number]): [number, number] {
  const [lo, hi] = domain;
  const clip = (v: number) => Math.max(lo, Math.min(hi, v));
  return [clip(Math.min(...bar.range)), clip(Math.max(...bar.range))];
}

/**
 * Where each bar's value label goes: its baseline `gap` px above its bar, moved up where it would
 * run into a neighbouring bar or the label of a bar before it (labels wider than their slot on a
 * narrow chart): above that bar, or a line above that label. Items are in left-to-right order,
 * each with its bar's centre, top and bottom, and the label's width; returns each baseline.
 */
export function stackLabels(
  items: readonly { x: number; top: number; bottom: number; width: number }[],
  barW: number,
  line: number,
  gap = 4,
): number[] {
  const placed: { left: number; right: number; y: number }[] = [];
  return items.map((item, i) => {
    const left = item.x - item.width / 2;
    const right = item.x + item.width / 2;
    let y = item.top - gap;
    for (let moved = true; moved; ) {
      moved = false;
      items.forEach((bar, j) => {
        const hits = j !== i && left < bar.x + barW / 2 && right > bar.x - barW / 2 && y + 1 > bar.top && y - line + 3 < bar.bottom;
        if (hits) {
          y = bar.top - gap;
          moved = true;
        }
      });
      for (const other of placed)
        if (left < other.right + 2 && right > other.left - 2 && y > other.y - line && y < other.y + line) {
          y = other.y - line;
          moved = true;
        }
    }
    placed.push({ left, right, y });
    return y;
  });
}

/**
 * The x labels under slots `slot` px wide: wrapped into two lines of what fits a slot; where a
 * word is still too wide for its slot (a phone), each label on one line at 11 px, every other one
 * a line lower, so neighbours never run into each other. `rows` is each label's line offset.
 */
export function xLabels(labels: readonly string[], slot: number): { lines: string[][]; rows: number[]; font: number } {
  const lines = labels.map((label) => wrapLabel(label, Math.max(6, Math.floor((slot - 6) / 6.8))));
  const widths = lines.map((ls) => Math.max(...ls.map(textWidth)));
  const fits = widths.every((w, i) => i === 0 || (w + widths[i - 1]!) / 2 + 4 <= slot);
  if (fits) return { lines, rows: labels.map(() => 0), font: LABEL_FONT };
  return { lines: labels.map((l) => [l]), rows: labels.map((_, i) => i % 2), font: 11 };
}

/** The signed text of a bar: totals as they are, parts with + / − / ± (the sign says the direction, not only the colour). */
const barText = (bar: WaterfallChartBar, format: (v: number) => string) =>
  bar.tone === 'total'
    ? format(bar.value)
    : `${bar.value > 0 ? '+' : bar.value < 0 ? '−' : '±'}${format(Math.abs(bar.value))}`;

/**
 * A waterfall as plain SVG: the two totals standing on 0 (on the bottom of a zoomed axis) and
 * each part floating between them, labelled with its signed value. It replaces recharts, whose
 * store, selectors and effects were most of the overview's redraw time on a period change.
 */
export const Waterfall = memo(function Waterfall({ title, bars, formatValue, formatAxis, height = 240, zoom = false }: WaterfallProps) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const [hover, setHover] = useState<number | null>(null);

  const layout = useMemo(() => {
    const texts = bars.map((bar) => barText(bar, formatValue));
    const { domain, ticks } = waterfallAxis(bars, zoom);
    const [lo, hi] = domain;
    const left = LEFT + valueAxisWidth(ticks.length ? ticks : [lo, hi], formatAxis);
    const plotW = Math.max(10, width - left - RIGHT);
    const slot = plotW / Math.max(1, bars.length);
    const barW = Math.min(MAX_BAR, slot * 0.78);
    const cx = (i: number) => left + slot * (i + 0.5);
    const { lines, rows: labelRows, font: labelFont } = xLabels(bars.map((b) => b.label), slot);
    const valueWidths = texts.map((s) => (textWidth(s) * VALUE_FONT) / 12);
    const draw = (top: number) => {
      const plotH = Math.max(10, height - top - BOTTOM);
      const y = (v: number) => top + plotH - ((v - lo) / (hi - lo || 1)) * plotH;
      const spans = bars.map((bar) => barSpan(bar, domain));
      const labelY = stackLabels(
        spans.map(([from, to], i) => ({ x: cx(i), top: y(to), bottom: y(from), width: valueWidths[i]! })),
        barW,
        VALUE_LINE,
      );
      return { top, plotH, y, spans, labelY };
    };
    // One line of values above the plot; more where labels had to be stacked on a narrow chart.
    let drawn = draw(TOP);
    const highest = Math.min(...drawn.labelY, Infinity);
    if (highest - VALUE_FONT < 2) drawn = draw(TOP + Math.ceil(2 - (highest - VALUE_FONT)));
    return { ...drawn, texts, domain, ticks, left, plotW, slot, barW, cx, lines, labelRows, labelFont };
  }, [bars, zoom, width, height, formatValue, formatAxis]);

  const { top, plotH, y, spans, labelY, texts, domain, ticks, left, plotW, slot, barW, cx, lines, labelRows, labelFont } = layout;
  const shown = hover !== null ? bars[hover] : undefined;
  const zeroShown = domain[0] <= 0 && domain[1] >= 0;

  return (
    <figure className="waterfall" aria-label={title} data-chart="waterfall">
      <div
        ref={ref}
        style={{ width: '100%', height, position: 'relative' }}
        role="img"
        aria-label={`${title}: ${bars.map((b, i) => `${b.label} ${texts[i]}`).join(', ')}`}
        onMouseLeave={() => setHover(null)}
      >
        <svg data-export-chart="waterfall" width={width} height={height} fontFamily="inherit" fontSize={11} style={{ display: 'block' }}>
          <ValueGrid ticks={ticks} y={y} left={left} plotW={plotW} format={formatAxis} />
          {hover !== null && <rect x={cx(hover) - slot / 2} y={top} width={slot} height={plotH} fill="#f1f3f5" />}
          {zeroShown && <line x1={left} x2={left + plotW} y1={y(0)} y2={y(0)} stroke="#ced4da" />}
          {bars.map((bar, i) => {
            const [from, to] = spans[i]!;
            // A part that did not move (or too small to see) still shows as a 1 px line.
            const h = Math.max(1, y(from) - y(to));
            return (
              <g key={bar.key} data-bar={bar.key} onMouseEnter={() => setHover(i)}>
                <rect x={cx(i) - slot / 2} y={top} width={slot} height={plotH} fill="transparent" />
                {/* The class is the one recharts gave a bar: the e2e tests find the bars by it. */}
                <g className="recharts-bar-rectangle">
                  <path d={columnPath(cx(i) - barW / 2, y(to), barW, h, 2)} fill={FILL[bar.tone]} />
                </g>
                <text x={cx(i)} y={labelY[i]} textAnchor="middle" fontSize={VALUE_FONT} fill="#1c2430" pointerEvents="none">
                  {texts[i]}
                </text>
              </g>
            );
          })}
          {bars.map((bar, i) => (
            <text key={bar.key} x={cx(i)} y={top + plotH + 4 + labelRows[i]! * LABEL_LINE} textAnchor="middle" fontSize={labelFont} fill={TEXT_2}>
              {lines[i]!.map((line, j) => (
                <tspan key={j} x={cx(i)} dy={j === 0 ? labelFont : LABEL_LINE}>
                  {line}
                </tspan>
              ))}
            </text>
          ))}
          <line x1={left} x2={left + plotW} y1={top + plotH} y2={top + plotH} stroke={GRID} />
        </svg>
        {shown && (
          <ChartTooltip x={hover! < bars.length / 2 ? cx(hover!) + slot / 2 - 12 : cx(hover!) - slot / 2 + 12} width={width} side={hover! < bars.length / 2 ? 'right' : 'left'}>
            <div style={{ fontWeight: 600, marginBottom: 2 }}>{shown.label}</div>
            <div style={{ color: FILL[shown.tone] === FILL.flat ? TEXT_2 : FILL[shown.tone] }}>{texts[hover!]}</div>
          </ChartTooltip>
        )}
      </div>
    </figure>
  );
});
