import { memo, useMemo, useState, type ReactNode } from 'react';
import { TableAlternative } from '../ui/TableAlternative';
import { columnPath } from './bar-shape';
import { ACCENT, COMPARE, GRID, TEXT_2 } from './palette';
import type { SeriesChartProps, SeriesPoint } from './SeriesChart';
import { useWidth } from './use-width';

const MARGIN = { top: 8, right: 8, bottom: 26, left: 8 };
const TICK_GAP = 12;
const BAR_GAP = 2;

/**
 * Round axis ticks from 0 (or the lowest value, if below 0) to at least the highest value:
 * about `count` steps of 1, 2, 2.5 or 5 × a power of ten.
 */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  const min = Math.min(0, lo);
  const max = Math.max(0, hi);
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0];
  if (max === min) return max === 0 ? [0, 1] : [min, max];
  const raw = (max - min) / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw * (1 - 1e-9))!;
  const first = Math.floor(min / step + 1e-9) * step;
  const ticks: number[] = [];
  for (let v = first; v < max + step - 1e-9 * step; v += step) ticks.push(Math.round(v / step) * step);
  return ticks.map((t) => Number(t.toPrecision(12)));
}

/**
 * Which buckets get an x-axis label: every `stride`-th one counted back from the last (the last
 * bucket, the latest, is always named), with the stride large enough that labels of this width do
 * not touch.
 */
export function labelStride(buckets: number, band: number, labelWidth: number): number {
  if (buckets <= 1 || band <= 0) return 1;
  return Math.max(1, Math.ceil((labelWidth + TICK_GAP) / band));
}

/**
 * Where the bucket labels go: every `stride`-th from the last, centred under its bucket but moved
 * in from the chart's edges so none is cut off; a label that would then touch the one after it is
 * left out (the last, the latest bucket, is always kept).
 */
export function placeLabels(
  labels: readonly string[],
  center: (i: number) => number,
  width: number,
  stride: number,
): { index: number; x: number }[] {
  const placed: { index: number; x: number }[] = [];
  let limit = Infinity;
  for (let i = labels.length - 1; i >= 0; i -= stride) {
    const half = textWidth(labels[i]!) / 2;
    const x = Math.max(half + 2, Math.min(center(i), width - half - 2));
    if (x + half + TICK_GAP / 2 > limit) continue;
    placed.push({ index: i, x });
    limit = x - half - TICK_GAP / 2;
  }
  return placed.reverse();
}

/** A line through the known values; a missing value breaks it (a lone value between gaps draws nothing). */
export function linePaths(values: readonly (number | null | undefined)[], x: (i: number) => number, y: (v: number) => number): string[] {
  const paths: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1) paths.push(`M${run.join('L')}`);
    run = [];
  };
  values.forEach((v, i) => {
    if (v === null || v === undefined || !Number.isFinite(v)) flush();
    else run.push(`${Math.round(x(i) * 100) / 100},${Math.round(y(v) * 100) / 100}`);
  });
  flush();
  return paths;
}

/** Roughly how wide a label is drawn at 12 px (CJK characters about twice a Latin one). */
export const textWidth = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 12 : 6.8), 0);

/**
 * A time series drawn as plain SVG: bars (with the comparison period's bar beside each) or a
 * line (the comparison dashed), round ticks on the value axis, the bucket labels thinned so they
 * never overlap, a tooltip with both values on hover, and a click on a bucket to drill into it.
 * It replaces recharts on the analyst pages, where every filter change redraws up to 62 bars and
 * recharts spent most of the page's render time on them. The table alternative stays below.
 */
export const TrendChart = memo(function TrendChart({
  title,
  points,
  kind = 'bar',
  formatValue,
  formatAxis,
  valueLabel,
  compareLabel,
  tableLabel,
  onSelect,
  height = 260,
  footer,
}: SeriesChartProps) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const [hover, setHover] = useState<number | null>(null);
  const hasCompare = points.some((p) => p.compare !== undefined && p.compare !== null);
  const axis = useMemo(() => formatAxis ?? ((v: number) => formatValue(v)), [formatAxis, formatValue]);

  const layout = useMemo(() => {
    const values = points.flatMap((p) => [p.value, hasCompare ? p.compare : null]).filter((v): v is number => v !== null && v !== undefined && Number.isFinite(v));
    const ticks = niceTicks(values.length ? Math.min(...values) : 0, values.length ? Math.max(...values) : 0);
    const lo = ticks[0]!;
    const hi = ticks[ticks.length - 1]!;
    // The value axis as wide as its longest label, so none is clipped.
    const axisW = Math.min(120, Math.max(36, Math.ceil(Math.max(...ticks.map((t) => textWidth(axis(t))))) + 12));
    const left = MARGIN.left + axisW;
    const plotW = Math.max(10, width - left - MARGIN.right);
    const plotH = Math.max(10, height - MARGIN.top - MARGIN.bottom);
    const band = plotW / Math.max(1, points.length);
    const y = (v: number) => MARGIN.top + plotH - ((v - lo) / (hi - lo || 1)) * plotH;
    const cx = (i: number) => left + band * (i + 0.5);
    const stride = labelStride(points.length, band, Math.max(0, ...points.map((p) => textWidth(p.label))));
    const group = band * 0.8;
    const barW = hasCompare ? Math.max(1, (group - BAR_GAP) / 2) : Math.max(1, group);
    return { ticks, y, cx, band, left, plotW, plotH, stride, barW, base: y(Math.max(lo, Math.min(0, hi))) };
  }, [points, hasCompare, width, height, axis]);

  const { ticks, y, cx, band, left, plotW, stride, barW, base } = layout;
  const shown = hover !== null ? points[hover] : undefined;

  const select = onSelect;
  const buckets = points.map((p, i) => {
    const x0 = cx(i) - (hasCompare ? barW + BAR_GAP / 2 : barW / 2);
    const bar = (v: number | null | undefined, x: number, fill: string) =>
      v === null || v === undefined || !Number.isFinite(v) || v === 0 ? null : (
        <path d={columnPath(x, y(Math.max(0, v)), barW, y(Math.min(0, v)) - y(Math.max(0, v)), 3)} fill={fill} />
      );
    return (
      <g
        key={p.label}
        data-bucket={p.label}
        onMouseEnter={() => setHover(i)}
        onClick={select ? () => select(p.label) : undefined}
        style={select ? { cursor: 'pointer' } : undefined}
      >
        <rect x={cx(i) - band / 2} y={MARGIN.top} width={band} height={layout.plotH} fill="transparent" />
        {kind === 'bar' && hasCompare && bar(p.compare, x0, COMPARE)}
        {/* The class is the one recharts gave a bar: tests and drills find the bars by it. */}
        {kind === 'bar' && (
          <g className="recharts-bar-rectangle">{bar(p.value, hasCompare ? x0 + barW + BAR_GAP : x0, ACCENT)}</g>
        )}
      </g>
    );
  });
  const lines: ReactNode =
    kind === 'line' ? (
      <g pointerEvents="none">
        {hasCompare &&
          linePaths(points.map((p) => p.compare), cx, y).map((d) => (
            <path key={`c${d}`} d={d} fill="none" stroke={COMPARE} strokeWidth={2} strokeDasharray="4 3" />
          ))}
        {linePaths(points.map((p) => p.value), cx, y).map((d) => (
          <path key={`v${d}`} d={d} fill="none" stroke={ACCENT} strokeWidth={2} strokeLinejoin="round" />
        ))}
        {shown && shown.value !== null && Number.isFinite(shown.value) && (
          <circle cx={cx(hover!)} cy={y(shown.value)} r={4} fill={ACCENT} stroke="#fff" strokeWidth={2} />
        )}
      </g>
    ) : null;

  const tipLeft = hover !== null ? cx(hover) : 0;
  return (
    <figure style={{ margin: 0 }} aria-label={title}>
      <div
        ref={ref}
        style={{ width: '100%', height, position: 'relative' }}
        role="img"
        aria-label={`${title}: ${points.length} points`}
        onMouseLeave={() => setHover(null)}
      >
        <svg data-export-chart="series" width={width} height={height} fontFamily="inherit" fontSize={12} style={{ display: 'block' }}>
          {ticks.map((t) => (
            <g key={t}>
              <line x1={left} x2={left + plotW} y1={y(t)} y2={y(t)} stroke={GRID} />
              <text x={left - 8} y={y(t)} textAnchor="end" dominantBaseline="central" fill={TEXT_2}>
                {axis(t)}
              </text>
            </g>
          ))}
          {hover !== null && kind === 'bar' && (
            <rect x={cx(hover) - band / 2} y={MARGIN.top} width={band} height={layout.plotH} fill="#f1f3f5" />
          )}
          <line x1={left} x2={left + plotW} y1={base} y2={base} stroke="#dee2e6" />
          {buckets}
          {lines}
          {placeLabels(points.map((p) => p.label), cx, width, stride).map(({ index, x }) => (
            <text key={points[index]!.label} x={x} y={height - MARGIN.bottom + 16} textAnchor="middle" fill={TEXT_2}>
              {points[index]!.label}
            </text>
          ))}
        </svg>
        {shown && (
          <div
            className="chart-tip"
            style={{
              position: 'absolute',
              top: 4,
              left: Math.min(Math.max(tipLeft + 12, 0), Math.max(0, width - 200)),
              pointerEvents: 'none',
              background: '#fff',
              border: '1px solid #dee2e6',
              borderRadius: 6,
              padding: '6px 10px',
              fontSize: 12,
              boxShadow: '0 2px 8px rgba(0,0,0,.08)',
              whiteSpace: 'nowrap',
              zIndex: 1,
            }}
          >
            <div style={{ fontWeight: 600, marginBottom: 2 }}>{shown.label}</div>
            <div style={{ color: ACCENT }}>
              {valueLabel}: {formatValue(shown.value)}
            </div>
            {hasCompare && (
              <div style={{ color: TEXT_2 }}>
                {compareLabel}: {formatValue(shown.compare ?? null)}
              </div>
            )}
          </div>
        )}
      </div>
      <TableAlternative label={tableLabel}>
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{title}</th>
                <th scope="col" className="n">
                  {valueLabel}
                </th>
                {hasCompare && (
                  <th scope="col" className="n">
                    {compareLabel}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {points.map((p: SeriesPoint) => (
                <tr key={p.label}>
                  <td>{p.label}</td>
                  <td className="n">{formatValue(p.value)}</td>
                  {hasCompare && <td className="n">{formatValue(p.compare ?? null)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </TableAlternative>
      {footer}
    </figure>
  );
});
