/**
 * The page `scripts/bench-charts.ts` drives: one chart at a time, redrawn with new data, for
 * each chart as the app draws it and as recharts would (animation off). The recharts versions
 * are written plainly, the way the recharts docs build each kind; they exist only here.
 */
import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { BarList } from '../../src/components/charts/BarList';
import { BurnUpChart } from '../../src/components/charts/BurnUpChart';
import { ACCENT, COMPARE, DOWN, UP } from '../../src/components/charts/palette';
import { SeriesChart, type SeriesPoint } from '../../src/components/charts/SeriesChart';
import { Sparkline } from '../../src/components/charts/Sparkline';
import { StackedBarChart } from '../../src/components/charts/StackedBarChart';
import { Waterfall, type WaterfallChartBar } from '../../src/components/charts/Waterfall';

const noise = (n: number, seed: number) =>
  Array.from({ length: n }, (_, i) => (Math.abs(Math.sin(i * 12.9898 + seed) * 43758.5453) % 1000) + 100);
const money = (v: number | null) => (v === null ? '—' : `¥${Math.round(v).toLocaleString('en')}`);
const axis = (v: number) => `¥${Math.round(v / 1000)}K`;
const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);

function series(n: number, seed: number, compare: boolean): SeriesPoint[] {
  const a = noise(n, seed);
  const b = noise(n, seed + 7);
  return a.map((v, i) => (compare ? { label: day(i), value: v, compare: b[i]! } : { label: day(i), value: v }));
}
const items = (seed: number) =>
  noise(8, seed)
    .sort((a, b) => b - a)
    .map((v, i) => ({ key: `k${i}`, label: `Channel ${i}`, value: v }));
function waterfall(seed: number): WaterfallChartBar[] {
  const [a, b, c] = noise(3, seed).map((v) => v - 550) as [number, number, number];
  const base = 10_000;
  const part = (key: string, label: string, from: number, by: number): WaterfallChartBar => ({
    key,
    label,
    range: [Math.min(from, from + by), Math.max(from, from + by)],
    value: by,
    tone: by > 0 ? 'up' : 'down',
  });
  return [
    { key: 'base', label: 'Before', range: [0, base], value: base, tone: 'total' },
    part('sessions', 'Sessions', base, a),
    part('conversion', 'Conversion', base + a, b),
    part('aov', 'AOV', base + a + b, c),
    { key: 'now', label: 'Now', range: [0, base + a + b + c], value: base + a + b + c, tone: 'total' },
  ];
}
const STACK = [
  { key: 'new', label: 'New', color: ACCENT },
  { key: 'returning', label: 'Returning', color: COMPARE },
];
const stackRows = (seed: number) => {
  const [a, b] = [noise(12, seed), noise(12, seed + 3)];
  return a.map((v, i) => ({ label: `2026-${String(i + 1).padStart(2, '0')}`, values: { new: v, returning: b[i]! } }));
};
const burnUpRows = (seed: number) => {
  let sum = 0;
  return noise(365, seed).map((v, i) => {
    sum += v;
    const target = (i + 1) * 550;
    return {
      date: day(i),
      actual: i < 300 ? sum : null,
      target,
      projected: i >= 299 ? sum : null,
      band: [target * 0.9, target * 1.1] as [number, number],
    };
  });
};
const BURN_LABELS = {
  actual: 'Actual',
  target: 'Target',
  projected: 'Projected',
  band: 'Floor – stretch',
  asOf: 'Data until',
};

function RechartsSeries({ points, kind }: { points: SeriesPoint[]; kind: 'bar' | 'line' }) {
  const hasCompare = points.some((p) => p.compare !== undefined);
  return (
    <div style={{ width: '100%', height: 260 }}>
      <ResponsiveContainer>
        {kind === 'bar' ? (
          <BarChart data={points}>
            <CartesianGrid vertical={false} />
            <XAxis dataKey="label" minTickGap={12} />
            <YAxis tickFormatter={axis} />
            <Tooltip />
            {hasCompare && <Bar dataKey="compare" fill={COMPARE} radius={[3, 3, 0, 0]} isAnimationActive={false} />}
            <Bar dataKey="value" fill={ACCENT} radius={[3, 3, 0, 0]} isAnimationActive={false} />
          </BarChart>
        ) : (
          <LineChart data={points}>
            <CartesianGrid vertical={false} />
            <XAxis dataKey="label" minTickGap={12} />
            <YAxis tickFormatter={axis} />
            <Tooltip />
            {hasCompare && <Line dataKey="compare" stroke={COMPARE} dot={false} isAnimationActive={false} />}
            <Line dataKey="value" stroke={ACCENT} dot={false} isAnimationActive={false} />
          </LineChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}

function RechartsBars({ seed }: { seed: number }) {
  return (
    <div style={{ width: '100%', height: 256 }}>
      <ResponsiveContainer>
        <BarChart data={items(seed)} layout="vertical" margin={{ right: 72 }}>
          <XAxis type="number" hide />
          <YAxis type="category" dataKey="label" width={90} />
          <Tooltip />
          <Bar dataKey="value" fill={ACCENT} radius={[0, 3, 3, 0]} isAnimationActive={false}>
            <LabelList dataKey="value" position="right" formatter={(v) => money(Number(v))} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

function RechartsWaterfall({ seed }: { seed: number }) {
  const bars = waterfall(seed);
  const fill = { total: ACCENT, up: UP, down: DOWN, flat: COMPARE };
  return (
    <div style={{ width: '100%', height: 220 }}>
      <ResponsiveContainer>
        <BarChart data={bars}>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="label" />
          <YAxis tickFormatter={axis} domain={['dataMin', 'dataMax']} />
          <Tooltip />
          <Bar dataKey="range" isAnimationActive={false}>
            {bars.map((b) => (
              <Cell key={b.key} fill={fill[b.tone]} />
            ))}
            <LabelList dataKey="value" position="top" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

function RechartsSparkline({ values }: { values: number[] }) {
  return (
    <LineChart width={96} height={32} data={values.map((v, i) => ({ i, v }))}>
      <YAxis hide domain={['dataMin', 'dataMax']} />
      <Line dataKey="v" dot={false} stroke={ACCENT} isAnimationActive={false} />
    </LineChart>
  );
}

const table = 'Show as table';
const spark = (seed: number, draw: (values: number[], k: number) => ReactNode) => (
  <>{[0, 1, 2, 3, 4, 5].map((k) => draw(noise(12, seed + k), k))}</>
);
/** Each chart kind: as the app draws it ("app") and, where the app does not use recharts for it, as recharts would ("recharts"). */
const CHARTS: Record<string, { app: (seed: number) => ReactNode; recharts?: (seed: number) => ReactNode }> = {
  'series, 31 days + comparison': {
    app: (s) => (
      <SeriesChart
        title="GMV"
        points={series(31, s, true)}
        formatValue={money}
        formatAxis={axis}
        valueLabel="GMV"
        compareLabel="Last year"
        tableLabel={table}
        onSelect={() => {}}
      />
    ),
    recharts: (s) => <RechartsSeries points={series(31, s, true)} kind="bar" />,
  },
  'series, 12 months': {
    app: (s) => (
      <SeriesChart
        title="GMV"
        points={series(12, s, false)}
        formatValue={money}
        formatAxis={axis}
        valueLabel="GMV"
        tableLabel={table}
      />
    ),
    recharts: (s) => <RechartsSeries points={series(12, s, false)} kind="bar" />,
  },
  'line, 365 days + comparison': {
    app: (s) => (
      <SeriesChart
        kind="line"
        title="AOV"
        points={series(365, s, true)}
        formatValue={money}
        formatAxis={axis}
        valueLabel="AOV"
        compareLabel="Last year"
        tableLabel={table}
      />
    ),
    recharts: (s) => <RechartsSeries points={series(365, s, true)} kind="line" />,
  },
  'bar list, 8 rows': {
    app: (s) => <BarList title="GMV by channel" items={items(s)} formatValue={money} onSelect={() => {}} />,
    recharts: (s) => <RechartsBars seed={s} />,
  },
  'waterfall, 5 bars': {
    app: (s) => <Waterfall title="What moved GMV" bars={waterfall(s)} formatValue={money} formatAxis={axis} zoom />,
    recharts: (s) => <RechartsWaterfall seed={s} />,
  },
  'six sparklines': {
    app: (s) => spark(s, (values, k) => <Sparkline key={k} values={values} label="GMV" format={axis} />),
    recharts: (s) => spark(s, (values, k) => <RechartsSparkline key={k} values={values} />),
  },
  'stacked bars, 12 months': {
    app: (s) => (
      <StackedBarChart
        title="Buyers"
        rows={stackRows(s)}
        series={STACK}
        formatValue={money}
        tableLabel={table}
        onSelect={() => {}}
      />
    ),
  },
  'burn-up, 365 days': {
    app: (s) => (
      <BurnUpChart
        title="Burn-up"
        rows={burnUpRows(s)}
        ticks={[]}
        asOf={day(299)}
        labels={BURN_LABELS}
        formatValue={money}
        formatAxis={axis}
        formatTick={(d) => d.slice(5)}
      />
    ),
  },
};

let draw: (seed: number) => ReactNode = () => null;
const root = createRoot(document.getElementById('root')!);
/** Draws the current chart with the data of `seed`: the same components get new props, as on a view change. */
const render = (seed: number) => flushSync(() => root.render(<>{draw(seed)}</>));
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

const api = {
  /** Each chart with how it can be drawn: the app's way (named after what draws it) and recharts', where the app does not use it. */
  charts: Object.fromEntries(
    Object.entries(CHARTS).map(([name, c]) => [
      name,
      c.recharts ? { app: 'd3 (app)', recharts: 'recharts' } : { app: 'recharts (app)' },
    ]),
  ),
  /** Shows a chart and redraws it a few times, so the runs after are warm. */
  async show(name: string, how: 'app' | 'recharts') {
    draw = CHARTS[name]![how]!;
    for (let i = 0; i < 6; i++) {
      render(1000 + i);
      await frame();
    }
  },
  /** One redraw with new data, through to the next frame. */
  async redraw(seed: number) {
    render(seed);
    await frame();
  },
};
(window as unknown as { chartBench: typeof api }).chartBench = api;
