import { scaleLinear } from 'd3-scale';
import { memo, useMemo, type KeyboardEvent } from 'react';
import { textWidth } from './axes';
import { ACCENT, ACCENT_SELECTED, MUTED_BAR, TEXT, TEXT_2 } from './palette';
import { rowBarPath } from './shapes';
import { useWidth } from './use-width';

export interface BarItem {
  key: string;
  label: string;
  value: number | null;
  selected?: boolean;
  /** False for rows that cannot be a filter (an unknown value). */
  selectable?: boolean;
}

export interface BarListProps {
  title: string;
  items: readonly BarItem[];
  formatValue: (v: number | null) => string;
  /** Drill-down: clicking a bar (or Enter / Space on it) filters the page to its value. */
  onSelect?: ((key: string) => void) | undefined;
  /** What a click does, read after the bar's label and value ("Filter the page to this"). */
  selectHint?: string | undefined;
  /** The same for the selected bar, whose click lifts the filter ("Remove this filter"). */
  clearHint?: string | undefined;
  /** Room for the category labels, in pixels; estimated from the labels when left out. */
  labelWidth?: number | undefined;
}

export interface BarListRow {
  key: string;
  /** The label as drawn: a selected value is ticked, so the tick carries the meaning as well as the colour. */
  label: string;
  /** The value as written at the end of the bar. */
  text: string;
  /** Top of the row and its bar, left end and length of the bar, in pixels. */
  y: number;
  barY: number;
  barX: number;
  barWidth: number;
  fill: string;
  selected: boolean;
  selectable: boolean;
}

export interface BarListLayout {
  width: number;
  height: number;
  labelWidth: number;
  rows: BarListRow[];
}

export const BAR_ROW = 30;
export const BAR_HEIGHT = 16;
const PAD_Y = 8;
const LABEL_GAP = 8;
const VALUE_GAP = 6;

/** Room for the category labels: the widest label and a gap, between 56 and 170 px. */
export function estimateLabelWidth(labels: readonly string[]): number {
  return Math.min(170, Math.max(56, Math.ceil(Math.max(0, ...labels.map(textWidth))) + 14));
}

/**
 * Where every bar of a bar list goes at a given width: labels in a column on the left, bars
 * scaled to the largest value (0 at the left end; a missing or negative value draws no bar), and
 * room on the right for the widest value written after its bar, so no text is clipped.
 */
export function barListLayout(
  items: readonly BarItem[],
  formatValue: (v: number | null) => string,
  width: number,
  labelWidth?: number,
): BarListLayout {
  const anySelected = items.some((i) => i.selected);
  const labels = items.map((i) => (i.selected ? `✓ ${i.label}` : i.label));
  const texts = items.map((i) => formatValue(i.value));
  const left = labelWidth ?? estimateLabelWidth(labels);
  const valueRoom = Math.max(40, Math.ceil(Math.max(0, ...texts.map(textWidth))) + VALUE_GAP + 4);
  const span = Math.max(20, width - left - valueRoom);
  const max = Math.max(0, ...items.map((i) => i.value ?? 0));
  const length = scaleLinear()
    .domain([0, max || 1])
    .range([0, span]);
  const rows = items.map((item, i): BarListRow => {
    const v = item.value ?? 0;
    const y = PAD_Y + i * BAR_ROW;
    return {
      key: item.key,
      label: labels[i]!,
      text: texts[i]!,
      y,
      barY: y + (BAR_ROW - BAR_HEIGHT) / 2,
      barX: left,
      barWidth: max > 0 && v > 0 ? Math.max(1, length(v)) : 0,
      fill: item.selected ? ACCENT_SELECTED : anySelected ? MUTED_BAR : ACCENT,
      selected: item.selected ?? false,
      selectable: item.selectable !== false,
    };
  });
  return { width, height: Math.max(2, items.length) * BAR_ROW + 2 * PAD_Y, labelWidth: left, rows };
}

/**
 * Horizontal bars, one per category, the value written at the end of each bar. When a value is
 * selected (the page is filtered to it) its bar is dark and ticked and the others fade.
 * Drawn by the d3 layer, not recharts: the sales and traffic pages redraw several of these on each
 * view change, where recharts took 10–15 ms apiece (BENCHMARKS.md). Each selectable row is a
 * button (click, Enter or Space), and the bar's own value is its hover title.
 */
export const BarList = memo(function BarList({
  title,
  items,
  formatValue,
  onSelect,
  selectHint,
  clearHint,
  labelWidth,
}: BarListProps) {
  const [ref, width, measured] = useWidth<HTMLDivElement>();
  const layout = useMemo(
    () => barListLayout(items, formatValue, width, labelWidth),
    [items, formatValue, width, labelWidth],
  );
  const summary = `${title}: ${items.map((i) => `${i.label} ${formatValue(i.value)}`).join(', ')}`;
  const hint = (selected: boolean) => {
    const text = selected ? (clearHint ?? selectHint) : selectHint;
    return text ? ` · ${text}` : '';
  };
  const onKey = (key: string) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect?.(key);
    }
  };
  return (
    <div ref={ref} style={{ width: '100%' }} data-testid="chart-bars" data-state={measured ? 'drawn' : 'measuring'}>
      <svg
        data-export-chart="bar-list"
        width={layout.width}
        height={layout.height}
        role={onSelect ? 'group' : 'img'}
        aria-label={summary}
        fontFamily="inherit"
        fontSize={12}
        style={{ display: 'block' }}
      >
        {layout.rows.map((r) => {
          const mid = r.y + BAR_ROW / 2;
          const interactive = onSelect !== undefined && r.selectable;
          const content = (
            <>
              {interactive && <rect x={0} y={r.y} width={layout.width} height={BAR_ROW} fill="transparent" />}
              <text
                x={r.barX - LABEL_GAP}
                y={mid}
                dominantBaseline="central"
                textAnchor="end"
                fill={TEXT}
                fontWeight={r.selected ? 600 : 400}
              >
                {r.label}
              </text>
              {r.barWidth > 0 && <path d={rowBarPath(r.barX, r.barY, r.barWidth, BAR_HEIGHT)} fill={r.fill} />}
              <text x={r.barX + r.barWidth + VALUE_GAP} y={mid} dominantBaseline="central" fill={TEXT_2}>
                {r.text}
              </text>
              <title>{`${r.label.replace(/^✓ /, '')}: ${r.text}`}</title>
            </>
          );
          return interactive ? (
            <g
              key={r.key}
              data-bar={r.key}
              role="button"
              tabIndex={0}
              aria-pressed={r.selected}
              aria-label={`${r.label.replace(/^✓ /, '')}: ${r.text}${hint(r.selected)}`}
              className="heat-row-label"
              style={{ cursor: 'pointer' }}
              onClick={() => onSelect(r.key)}
              onKeyDown={onKey(r.key)}
            >
              {content}
            </g>
          ) : (
            <g key={r.key} data-bar={r.key}>
              {content}
            </g>
          );
        })}
      </svg>
    </div>
  );
});
