import { memo } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { plainBar } from './bar-shape';

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

const WATERFALL_BAR = plainBar(2);

const FILL: Record<WaterfallChartBar['tone'], string> = {
  total: '#3b5bdb',
  up: '#2b8a3e',
  down: '#c92a2a',
  flat: '#adb5bd',
};

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

function WrappedTick({ x, y, payload }: { x?: number; y?: number; payload?: { value?: unknown } }) {
  const lines = wrapLabel(String(payload?.value ?? ''));
  return (
    <text x={x} y={y} textAnchor="middle" fontSize={12} fill="#5b6573">
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 12 : 14}>
          {line}
        </tspan>
      ))}
    </text>
  );
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
 * A waterfall: the two totals standing on 0 and each part floating between them, labelled
 * with its signed value (the sign says which way it moved, not only the colour).
 */
export const Waterfall = memo(function Waterfall({ title, bars, formatValue, formatAxis, height = 240, zoom = false }: WaterfallProps) {
  const domain = zoom ? zoomedDomain(bars) : undefined;
  const data = bars.map((bar) => ({
    ...bar,
    text:
      bar.tone === 'total'
        ? formatValue(bar.value)
        : `${bar.value > 0 ? '+' : bar.value < 0 ? '−' : '±'}${formatValue(Math.abs(bar.value))}`,
  }));
  return (
    <figure className="waterfall" aria-label={title} data-chart="waterfall">
      <div
        style={{ width: '100%', height }}
        role="img"
        aria-label={`${title}: ${data.map((d) => `${d.label} ${d.text}`).join(', ')}`}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 22, right: 12, bottom: 0, left: 4 }} barCategoryGap="22%">
            <CartesianGrid vertical={false} stroke="#eef0f3" />
            <XAxis dataKey="label" tickLine={false} axisLine={false} interval={0} height={36} tick={<WrappedTick />} />
            <YAxis tickFormatter={formatAxis} tickLine={false} axisLine={false} fontSize={11} width={76} {...(domain ? { domain, allowDataOverflow: true } : {})} />
            <ReferenceLine y={0} stroke="#ced4da" />
            <Tooltip
              formatter={(_v: unknown, _n: unknown, item: { payload?: { text?: string } }) => [
                item.payload?.text ?? '',
                title,
              ]}
              cursor={{ fill: '#f1f3f5' }}
            />
            <Bar dataKey="range" isAnimationActive={false} shape={WATERFALL_BAR}>
              {data.map((d) => (
                <Cell key={d.key} fill={FILL[d.tone]} />
              ))}
              <LabelList dataKey="text" position="top" fontSize={10} fill="#1c2430" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
});
