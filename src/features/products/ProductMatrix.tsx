import { useMemo } from 'react';
import { ScatterChart, type ScatterPoint } from '../../components/charts/ScatterChart';
import { compareText } from '../../lib/compare-text';
import type { ProductRole, ProductRow } from '../../metrics/queries/products';

export const ROLE_COLOURS: Record<ProductRole, string> = {
  star: '#d97706',
  traffic: '#2563eb',
  profit: '#059669',
  strategic: '#7c3aed',
  unassigned: '#94a3b8',
};

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
 * SKUs with the most revenue are drawn. Drawn by the chart layer's ScatterChart.
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
  const points = useMemo((): ScatterPoint[] => {
    const drawn = matrixPoints(rows);
    const maxUnits = Math.max(1, ...drawn.map((p) => p.units));
    return drawn.map((p) => ({
      key: p.sku ?? '',
      x: p.revenue_share!,
      y: p.margin_rate!,
      size: p.units / maxUnits,
      color: ROLE_COLOURS[p.role],
      title: `${p.sku ?? '—'} ${p.product_name ?? ''} · ${roleLabel(p.role)} · ${xLabel} ${formatRate(p.revenue_share)} · ${yLabel} ${formatRate(p.margin_rate)} · ${p.units}`,
    }));
  }, [rows, roleLabel, xLabel, yLabel, formatRate]);
  const span = (values: number[]) =>
    values.length ? `${formatRate(Math.min(...values))} – ${formatRate(Math.max(...values))}` : '—';
  const summary = `${xLabel} × ${yLabel} (${points.length}): ${xLabel} ${span(points.map((p) => p.x))}; ${yLabel} ${span(points.map((p) => p.y))}`;
  return (
    <ScatterChart
      name="product-matrix"
      points={points}
      xLabel={xLabel}
      yLabel={yLabel}
      formatX={formatRate}
      formatY={formatRate}
      summary={summary}
    />
  );
}
