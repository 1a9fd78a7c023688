import {
  Bar,
  BarChart,
  LabelList,
  Rectangle,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
} from 'recharts';
import { ACCENT, ACCENT_SELECTED, MUTED_BAR } from './palette';

export interface BarItem {
  key: string;
  label: string;
  value: number | null;
  selected?: boolean;
  /** False for rows that cannot be a filter (an unknown value). */
  selectable?: boolean;
}

export interface BarListChartProps {
  title: string;
  items: readonly BarItem[];
  formatValue: (v: number | null) => string;
  valueLabel: string;
  onSelect?: (key: string) => void;
  /** Room for the category labels, in pixels; estimated from the labels when left out. */
  labelWidth?: number;
}

/** Roughly how wide a label is drawn at 12 px: CJK characters are about twice a Latin one. */
export function estimateLabelWidth(labels: readonly string[]): number {
  const widest = Math.max(
    0,
    ...labels.map((l) => [...l].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 12.5 : 7), 0)),
  );
  return Math.min(170, Math.max(56, Math.ceil(widest) + 14));
}

const ROW = 30;

/**
 * Horizontal bars, one per category, the value written at the end of each bar. When a value is
 * selected (the page is filtered to it) its bar is dark and ticked and the others fade: the tick
 * carries the meaning as well as the colour.
 */
export function BarListChart({ title, items, formatValue, valueLabel, onSelect, labelWidth }: BarListChartProps) {
  const anySelected = items.some((i) => i.selected);
  const data = items.map((i) => ({
    ...i,
    axisLabel: i.selected ? `✓ ${i.label}` : i.label,
    display: formatValue(i.value),
  }));
  const width = labelWidth ?? estimateLabelWidth(data.map((d) => d.axisLabel));
  const height = Math.max(2, items.length) * ROW + 16;
  const shape = (props: BarShapeProps) => {
    const item = props.payload as BarItem;
    const fill = item.selected ? ACCENT_SELECTED : anySelected ? MUTED_BAR : ACCENT;
    return <Rectangle {...props} fill={fill} />;
  };
  return (
    <div
      style={{ width: '100%', height }}
      role="img"
      aria-label={`${title}: ${items.map((i) => `${i.label} ${formatValue(i.value)}`).join(', ')}`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 72, bottom: 4, left: 4 }} barCategoryGap={7}>
          <XAxis type="number" hide domain={[0, 'auto']} />
          <YAxis
            type="category"
            dataKey="axisLabel"
            width={width}
            tickLine={false}
            axisLine={false}
            fontSize={12}
            interval={0}
          />
          <Tooltip
            formatter={(v: unknown) => formatValue(typeof v === 'number' ? v : null)}
            cursor={{ fill: '#f1f3f5' }}
          />
          <Bar
            dataKey="value"
            name={valueLabel}
            isAnimationActive={false}
            radius={[0, 3, 3, 0]}
            shape={shape}
            {...(onSelect
              ? {
                  cursor: 'pointer',
                  onClick: (d: { payload?: unknown }) => {
                    const item = d.payload as BarItem | undefined;
                    if (item && item.selectable !== false) onSelect(item.key);
                  },
                }
              : {})}
          >
            <LabelList dataKey="display" position="right" fontSize={12} fill="#5b6573" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
