import { scaleLinear } from 'd3-scale';
import { memo } from 'react';
import { textWidth } from './axes';
import { ACCENT, TEXT, TEXT_2 } from './palette';
import { useWidth } from './use-width';

export interface FunnelBar {
  key: string;
  label: string;
  count: number | null;
  /** Share of the step before that reached this one; null for the first step. */
  rateFromPrevious: number | null;
  /** Share of the step before that did not reach this one. */
  dropOff: number | null;
  rateFromFirst: number | null;
}

export interface FunnelChartProps {
  title: string;
  steps: readonly FunnelBar[];
  formatCount: (v: number | null) => string;
  formatRate: (v: number | null) => string;
  /** "{rate} continue · {drop} drop off", already translated, with the two numbers filled in. */
  transitionText: (rate: string, drop: string) => string;
}

const BAR = 26;
const GAP = 24;
/** A step's name above its bar, when the names do not fit beside the bars. */
const NAME_ROW = 20;

/**
 * Where the steps' names go: beside the bars in a column as wide as the longest name, while that
 * takes at most 40 % of the chart; above each bar otherwise (a phone, a long name), never cut off.
 */
export function funnelNames(labels: readonly string[], width: number): { beside: boolean; column: number } {
  // The names are drawn at 13 px; textWidth measures 12 px text.
  const longest = Math.ceil((Math.max(0, ...labels.map(textWidth)) * 13) / 12) + 12;
  return longest <= width * 0.4 ? { beside: true, column: Math.max(96, longest) } : { beside: false, column: 0 };
}

/**
 * The funnel, drawn by the d3 layer: one bar per step against the first, and between steps the
 * share that went on and the share that dropped off. The spoken label reads every step's count.
 */
export const FunnelChart = memo(function FunnelChart({
  title,
  steps,
  formatCount,
  formatRate,
  transitionText,
}: FunnelChartProps) {
  const [ref, width, measured] = useWidth<HTMLDivElement>();
  const first = steps[0]?.count ?? null;
  const names = funnelNames(
    steps.map((s) => s.label),
    width,
  );
  const labelWidth = names.column;
  const nameRow = names.beside ? 0 : NAME_ROW;
  const valueWidth = 132;
  const length = scaleLinear()
    .domain([0, first || 1])
    .range([0, Math.max(40, width - labelWidth - valueWidth)])
    .clamp(true);
  const height = steps.length * (BAR + nameRow) + Math.max(0, steps.length - 1) * GAP + 4;

  return (
    <div ref={ref} style={{ width: '100%' }} data-testid="chart-funnel" data-state={measured ? 'drawn' : 'measuring'}>
      <svg
        data-export-chart="funnel"
        width={width}
        height={height}
        role="img"
        aria-label={`${title}: ${steps.map((s) => `${s.label} ${formatCount(s.count)}`).join(', ')}`}
        fontFamily="inherit"
        fontSize={12}
      >
        {steps.map((s, i) => {
          const top = i * (BAR + nameRow + GAP);
          const y = top + nameRow;
          const w = Math.max(2, first && s.count !== null ? length(Math.max(0, s.count)) : 0);
          return (
            <g key={s.key} data-step={s.key}>
              <text
                x={0}
                y={names.beside ? y + BAR / 2 : top + NAME_ROW / 2 - 2}
                dominantBaseline="central"
                fill={TEXT}
                fontSize={13}
              >
                {s.label}
              </text>
              <rect x={labelWidth} y={y} width={w} height={BAR} rx={3} fill={ACCENT} />
              <text x={labelWidth + w + 8} y={y + BAR / 2} dominantBaseline="central" fill={TEXT} fontWeight={600}>
                {formatCount(s.count)}
                <tspan fill={TEXT_2} fontWeight={400}>
                  {i > 0 ? `  ${formatRate(s.rateFromFirst)}` : ''}
                </tspan>
              </text>
              {i > 0 && (
                <text x={labelWidth} y={top - GAP / 2} dominantBaseline="central" fill={TEXT_2} fontSize={11.5}>
                  {`↓ ${transitionText(formatRate(s.rateFromPrevious), formatRate(s.dropOff))}`}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
});
