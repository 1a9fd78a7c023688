import type { ProductRole, ProductsSection, RoleRow } from '../../metrics/queries/products';

/**
 * Whether each role does its job (METRICS.md "Products": star — revenue share, traffic — new
 * buyers, profit — margin, strategic — growth). METRICS.md names the job, not the bar; the bar
 * here (src/metrics/README.md decisions): star — its revenue share is above its share of the
 * SKUs sold (its SKUs sell more than the average SKU); traffic — its new-buyer share is above
 * the shop's (all SKUs' buyers); profit — its margin rate is above the shop's; strategic —
 * growth above 0. Null when the figure is null.
 */
export interface RoleVerdict {
  role: ProductRole;
  /** The figure the job is judged on, and the bar it is compared with. */
  value: number | null;
  bar: number | null;
  ok: boolean | null;
}

export function roleVerdicts(section: ProductsSection): RoleVerdict[] {
  const skus = section.rows.length;
  const buyers = section.rows.reduce((a, r) => a + r.buyers, 0);
  const newBuyers = section.rows.reduce((a, r) => a + (r.new_buyer_share ?? 0) * r.buyers, 0);
  const shopNew = buyers === 0 ? null : newBuyers / buyers;
  const t = section.totals;
  const costedRevenue = t.cost_coverage === null ? null : t.cost_coverage * t.item_revenue;
  const shopMargin = t.gross_margin === null || !costedRevenue ? null : t.gross_margin / costedRevenue;
  const judge = (r: RoleRow): [number | null, number | null] => {
    switch (r.role) {
      case 'star':
        return [r.revenue_share, skus === 0 ? null : r.skus / skus];
      case 'traffic':
        return [r.new_buyer_share, shopNew];
      case 'profit':
        return [r.margin_rate, shopMargin];
      case 'strategic':
        return [r.growth, 0];
      case 'unassigned':
        return [null, null];
    }
  };
  return section.roles.map((r) => {
    const [value, bar] = judge(r);
    return { role: r.role, value, bar, ok: value === null || bar === null ? null : value > bar };
  });
}
