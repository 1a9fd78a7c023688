import { memo, useMemo, useState } from 'react';
import { textWidth, ValueGrid, valueAxisWidth } from './axes';
import { ChartTooltip } from './ChartTooltip';
import { ACCENT, AXIS, COMPARE, DOWN, GRID, HOVER, TEXT, TEXT_2, UP } from './palette';
import { bucketScale, spanScale, valueScale } from './scales';
import { columnPath } from './shapes';
import { useWidth } from './use-width';
import type { WaterfallBar } from './waterfall-bars';

/** The chart draws the bars waterfall-bars.ts builds; one shape for both. */
export type WaterfallChartBar = WaterfallBar;

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
  total: ACCENT,
  up: UP,
  down: DOWN,
  flat: COMPARE,
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
 * The value axis: without zoom from 0 over every end, its ends rounded to ticks; with zoom over
 * the zoomed domain itself, with only the round ticks that fall inside it.
 */
export function waterfallAxis(
  bars: readonly WaterfallChartBar[],
  zoom: boolean,
): { domain: [number, number]; ticks: number[] } {
  if (!bars.length) return { domain: [0, 1], ticks: [0, 1] };
  const scale = zoom
    ? spanScale(...zoomedDomain(bars), [1, 0])
    : valueScale(
        bars.flatMap((b) => b.range),
        [1, 0],
      );
  return { domain: scale.domain() as [number, number], ticks: scale.ticks(5) };
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
    for (let moved = true; moved;) {
      moved = false;
      items.forEach((bar, j) => {
        const hits =
          j !== i &&
          left < bar.x + barW / 2 &&
          right > bar.x - barW / 2 &&
          y + 1 > bar.top &&
          y - line + 3 < bar.bottom;
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
 * A waterfall, drawn by the d3 layer: the two totals standing on 0 (on the bottom of a zoomed
 * axis) and each part floating between them, labelled with its signed value. Not recharts: the
 * overview redraws it on every view change, and recharts took 15–20 ms for it (BENCHMARKS.md).
 */
export const Waterfall = memo(function Waterfall({
  title,
  bars,
  formatValue,
  formatAxis,
  height = 240,
  zoom = false,
}: WaterfallProps) {
  const [ref, width, measured] = useWidth<HTMLDivElement>();
  const [hover, setHover] = useState<number | null>(null);

  const layout = useMemo(() => {
    const texts = bars.map((bar) => barText(bar, formatValue));
    const { domain, ticks } = waterfallAxis(bars, zoom);
    const [lo, hi] = domain;
    const left = LEFT + valueAxisWidth(ticks.length ? ticks : [lo, hi], formatAxis);
    const plotW = Math.max(10, width - left - RIGHT);
    const x = bucketScale(bars.length, [left, left + plotW], 0.78);
    const slot = x.step();
    const barW = Math.min(MAX_BAR, x.bandwidth());
    const cx = (i: number) => x(i)! + x.bandwidth() / 2;
    const {
      lines,
      rows: labelRows,
      font: labelFont,
    } = xLabels(
      bars.map((b) => b.label),
      slot,
    );
    const valueWidths = texts.map((s) => (textWidth(s) * VALUE_FONT) / 12);
    const draw = (top: number) => {
      const plotH = Math.max(10, height - top - BOTTOM);
      const y = spanScale(lo, hi, [top + plotH, top]);
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

  const {
    top,
    plotH,
    y,
    spans,
    labelY,
    texts,
    domain,
    ticks,
    left,
    plotW,
    slot,
    barW,
    cx,
    lines,
    labelRows,
    labelFont,
  } = layout;
  const shown = hover !== null ? bars[hover] : undefined;
  const zeroShown = domain[0] <= 0 && domain[1] >= 0;
  // A zoomed axis that does not reach 0: the break is drawn on the axis and across each total's
  // foot, so the totals' heights are not read as their size.
  const broken = domain[0] > 0;
  const base = top + plotH;
  const zigzag = (x0: number, x1: number) => {
    let d = `M${x0},${base - 6}`;
    for (let x = x0, up = true; x < x1; x += 4, up = !up) d += ` L${Math.min(x + 4, x1)},${base - (up ? 10 : 6)}`;
    return d;
  };

  return (
    <figure className="waterfall" data-testid="chart-waterfall" data-state={measured ? 'drawn' : 'measuring'}>
      <div
        ref={ref}
        style={{ width: '100%', height, position: 'relative' }}
        role="img"
        aria-label={`${title}: ${bars.map((b, i) => `${b.label} ${texts[i]}`).join(', ')}${broken ? ` (${formatAxis(domain[0])}–)` : ''}`}
        data-axis-from={domain[0]}
        onMouseLeave={() => setHover(null)}
      >
        <svg
          data-export-chart="waterfall"
          width={width}
          height={height}
          fontFamily="inherit"
          fontSize={11}
          style={{ display: 'block' }}
        >
          <ValueGrid ticks={ticks} y={y} left={left} plotW={plotW} format={formatAxis} />
          {hover !== null && <rect x={cx(hover) - slot / 2} y={top} width={slot} height={plotH} fill={HOVER} />}
          {zeroShown && <line x1={left} x2={left + plotW} y1={y(0)} y2={y(0)} stroke={AXIS} />}
          {bars.map((bar, i) => {
            const [from, to] = spans[i]!;
            // A part that did not move (or too small to see) still shows as a 1 px line.
            const h = Math.max(1, y(from) - y(to));
            return (
              <g key={bar.key} data-bar={bar.key} onMouseEnter={() => setHover(i)}>
                <rect x={cx(i) - slot / 2} y={top} width={slot} height={plotH} fill="transparent" />
                <path d={columnPath(cx(i) - barW / 2, y(to), barW, h, 2)} fill={FILL[bar.tone]} />
                <text
                  x={cx(i)}
                  y={labelY[i]}
                  textAnchor="middle"
                  fontSize={VALUE_FONT}
                  fill={TEXT}
                  pointerEvents="none"
                >
                  {texts[i]}
                </text>
              </g>
            );
          })}
          {bars.map((bar, i) => (
            <text
              key={bar.key}
              x={cx(i)}
              y={top + plotH + 4 + labelRows[i]! * LABEL_LINE}
              textAnchor="middle"
              fontSize={labelFont}
              fill={TEXT_2}
            >
              {lines[i]!.map((line, j) => (
                <tspan key={j} x={cx(i)} dy={j === 0 ? labelFont : LABEL_LINE}>
                  {line}
                </tspan>
              ))}
            </text>
          ))}
          <line x1={left} x2={left + plotW} y1={top + plotH} y2={top + plotH} stroke={GRID} />
          {broken && (
            <g data-axis-break="" aria-hidden="true">
              <path d={`M${left - 6},${base - 3} l12,-6 M${left - 6},${base + 1} l12,-6`} stroke={TEXT_2} strokeWidth={1.2} />
              {bars.map((bar, i) =>
                bar.tone === 'total' ? (
                  <path key={bar.key} d={zigzag(cx(i) - barW / 2, cx(i) + barW / 2)} stroke="#fff" strokeWidth={2.5} fill="none" />
                ) : null,
              )}
            </g>
          )}
        </svg>
        {shown && (
          <ChartTooltip
            x={hover! < bars.length / 2 ? cx(hover!) + slot / 2 - 12 : cx(hover!) - slot / 2 + 12}
            width={width}
            side={hover! < bars.length / 2 ? 'right' : 'left'}
            heading={shown.label}
          >
            <div style={{ color: FILL[shown.tone] === FILL.flat ? TEXT_2 : FILL[shown.tone] }}>{texts[hover!]}</div>
          </ChartTooltip>
        )}
      </div>
    </figure>
  );
});
