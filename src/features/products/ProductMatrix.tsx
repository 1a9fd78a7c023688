import { useMemo } from 'react';
import { compareText } from '../../lib/compare-text';
import type { ProductRole, ProductRow } from '../../metrics/queries/products';

export const ROLE_COLOURS: Record<ProductRole, string> = {
  star: '#d97706',
  traffic: '#2563eb',
  profit: '#059669',
  strategic: '#7c3aed',
  unassigned: '#94a3b8',
};

const W = 640;
const H = 320;
const PAD = { l: 64, r: 16, t: 12, b: 36 };

/**
 * Circles drawn at most. A catalogue of thousands of SKUs puts its tail in one blot on the y
 * axis (a share near 0), and drawing every circle cost ~150 ms of a view change at 5,000 SKUs.
 */
export const MATRIX_MAX_POINTS = 300;

/** A SKU has a place in the matrix when it has both a revenue share and a margin rate. */
export const hasMatrixPlace = (r: ProductRow): boolean => r.revenue_share !== null && r.margin_rate !== null;

/** The SKUs the matrix draws: those with a place in it, the largest shares first. */
export function matrixPoints(rows: readonly ProductRow[]): ProductRow[] {
  return rows
    .filter(hasMatrixPlace)
    .sort((a, b) => b.revenue_share! - a.revenue_share! || compareText(a.sku ?? '', b.sku ?? ''))
    .slice(0, MATRIX_MAX_POINTS);
}

/**
 * The product matrix: revenue share (x) against margin rate (y), each SKU a circle sized by
 * units and coloured by role, so a planner sees which SKUs do their role's job. SKUs without a
 * cost have no margin rate and are left out (the table lists them); past MATRIX_MAX_POINTS, the
 * SKUs with the most revenue are drawn.
 */
export function ProductMatrix({
  rows,
  roleLabel,
  xLabel,
  yLabel,
  formatRate,
}: {
  rows: readonly ProductRow[];
  roleLabel: (r: ProductRole) => string;
  xLabel: string;
  yLabel: string;
  formatRate: (v: number | null) => string;
}) {
  const points = useMemo(() => matrixPoints(rows), [rows]);
  const maxX = Math.max(0.01, ...points.map((p) => p.revenue_share!)) * 1.1;
  const minY = Math.min(0, ...points.map((p) => p.margin_rate!));
  const maxY = Math.max(0.1, ...points.map((p) => p.margin_rate!)) * 1.1;
  const maxUnits = Math.max(1, ...points.map((p) => p.units));
  const x = (v: number) => PAD.l + (v / maxX) * (W - PAD.l - PAD.r);
  const y = (v: number) => H - PAD.b - ((v - minY) / (maxY - minY)) * (H - PAD.t - PAD.b);
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-label={`${xLabel} × ${yLabel}`}
      data-chart="product-matrix"
    >
      {ticks.map((f) => (
        <g key={f}>
          <line
            x1={PAD.l}
            x2={W - PAD.r}
            y1={y(minY + f * (maxY - minY))}
            y2={y(minY + f * (maxY - minY))}
            stroke="#e5e7eb"
          />
          <text x={PAD.l - 6} y={y(minY + f * (maxY - minY)) + 4} fontSize="11" textAnchor="end" fill="#6b7280">
            {formatRate(minY + f * (maxY - minY))}
          </text>
          <text x={x(f * maxX)} y={H - PAD.b + 16} fontSize="11" textAnchor="middle" fill="#6b7280">
            {formatRate(f * maxX)}
          </text>
        </g>
      ))}
      <text x={(W + PAD.l) / 2} y={H - 4} fontSize="12" textAnchor="middle" fill="#374151">
        {xLabel}
      </text>
      <text x={12} y={H / 2} fontSize="12" textAnchor="middle" fill="#374151" transform={`rotate(-90 12 ${H / 2})`}>
        {yLabel}
      </text>
      {points.map((p) => (
        <circle
          key={p.sku ?? ''}
          data-sku={p.sku ?? ''}
          cx={x(p.revenue_share!)}
          cy={y(p.margin_rate!)}
          r={4 + 14 * Math.sqrt(p.units / maxUnits)}
          fill={ROLE_COLOURS[p.role]}
          fillOpacity={0.55}
          stroke={ROLE_COLOURS[p.role]}
        >
          <title>{`${p.sku ?? '—'} ${p.product_name ?? ''} · ${roleLabel(p.role)} · ${xLabel} ${formatRate(p.revenue_share)} · ${yLabel} ${formatRate(p.margin_rate)} · ${p.units}`}</title>
        </circle>
      ))}
    </svg>
  );
}
