import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

export interface BurnUpChartRow {
  date: string;
  actual: number | null;
  target: number;
  projected: number | null;
  band: [number, number];
}

export interface BurnUpChartProps {
  title: string;
  rows: readonly BurnUpChartRow[];
  /** Dates that get an axis tick (the first of each month). */
  ticks: readonly string[];
  asOf: string | null;
  labels: { actual: string; target: string; projected: string; band: string; asOf: string };
  formatValue: (v: number | null) => string;
  formatAxis: (v: number) => string;
  formatTick: (date: string) => string;
  height?: number;
}

const ACTUAL = '#3b5bdb';
const TARGET = '#5b6573';
const BAND = '#e8edff';
const GRID = '#eef0f3';

/**
 * A burn-up chart: the actual to date as a solid line, the target line dashed, the projection
 * from the last day of data dotted, and floor to stretch as a shaded band. The legend names
 * each line in words beside its stroke pattern, so colour is not the only clue.
 */
export function BurnUpChart({
  title,
  rows,
  ticks,
  asOf,
  labels,
  formatValue,
  formatAxis,
  formatTick,
  height = 240,
}: BurnUpChartProps) {
  const tooltip = (value: unknown, name: unknown) => {
    const text = Array.isArray(value)
      ? `${formatValue(typeof value[0] === 'number' ? value[0] : null)} – ${formatValue(typeof value[1] === 'number' ? value[1] : null)}`
      : formatValue(typeof value === 'number' ? value : null);
    return [text, String(name)] as [string, string];
  };
  return (
    <figure className="burnup" aria-label={title} data-chart="burn-up">
      <ul className="goal-legend" aria-hidden="true">
        <li>
          <svg width="22" height="8">
            <line x1="0" y1="4" x2="22" y2="4" stroke={ACTUAL} strokeWidth="2.5" />
          </svg>
          {labels.actual}
        </li>
        <li>
          <svg width="22" height="8">
            <line x1="0" y1="4" x2="22" y2="4" stroke={TARGET} strokeWidth="1.5" strokeDasharray="5 3" />
          </svg>
          {labels.target}
        </li>
        <li>
          <svg width="22" height="8">
            <line x1="0" y1="4" x2="22" y2="4" stroke={ACTUAL} strokeWidth="2" strokeDasharray="2 3" />
          </svg>
          {labels.projected}
        </li>
        <li>
          <svg width="22" height="10">
            <rect x="0" y="1" width="22" height="8" fill={BAND} stroke="#c5d0fa" />
          </svg>
          {labels.band}
        </li>
      </ul>
      <div
        style={{ width: '100%', height }}
        role="img"
        aria-label={`${title}: ${labels.actual}, ${labels.target}, ${labels.projected}`}
      >
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={rows as BurnUpChartRow[]} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
            <CartesianGrid vertical={false} stroke={GRID} />
            <XAxis
              dataKey="date"
              ticks={ticks as string[]}
              tickFormatter={formatTick}
              tickLine={false}
              axisLine={false}
              fontSize={11}
              interval="preserveStartEnd"
              minTickGap={8}
            />
            <YAxis tickFormatter={formatAxis} tickLine={false} axisLine={false} fontSize={11} width={76} />
            <Tooltip formatter={tooltip} labelStyle={{ fontWeight: 600 }} itemStyle={{ color: '#1c2430' }} />
            <Area
              dataKey="band"
              name={labels.band}
              stroke="none"
              fill={BAND}
              fillOpacity={1}
              isAnimationActive={false}
              activeDot={false}
            />
            <Line
              dataKey="target"
              name={labels.target}
              stroke={TARGET}
              strokeWidth={1.5}
              strokeDasharray="5 3"
              dot={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="projected"
              name={labels.projected}
              stroke={ACTUAL}
              strokeWidth={2}
              strokeDasharray="2 3"
              dot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="actual"
              name={labels.actual}
              stroke={ACTUAL}
              strokeWidth={2.5}
              dot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
            {asOf && (
              <ReferenceLine
                x={asOf}
                stroke="#adb5bd"
                strokeDasharray="3 3"
                label={{ value: labels.asOf, position: 'insideTopLeft', fontSize: 11, fill: TARGET }}
              />
            )}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
