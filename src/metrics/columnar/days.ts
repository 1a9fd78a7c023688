import type { FilterDimension } from '../filters';
import { CANCELLED_FLAG, PAID_FLAG, type OrderColumns } from './store';

/**
 * Running totals of the orders' sums by day, made once with the column store: for all orders and
 * for the orders of each dimension value. The sums of any span of days are then one subtraction,
 * per value when a filter or a grouping names values of one dimension, so queries that ask for
 * sums only (revenue, orders, cancellations: most of the sales and traffic pages) visit no order.
 * Money is in ten-thousandths, so every running total is an exact integer and so is each difference.
 */
export interface DayCube {
  firstDay: number;
  /** Days from firstDay to the last order's day. */
  days: number;
  /** Entry (d * FIELDS + f): field f summed over the days before firstDay + d. */
  all: Float64Array;
  byCode: Partial<Record<FilterDimension, Float64Array[]>>;
}

/** The sums kept, in this order. */
export const DAY_FIELDS = ['gmv', 'refunds', 'discounts', 'orders', 'cancelled_orders'] as const;
const F = DAY_FIELDS.length;

function runningTotals(o: OrderColumns, days: number, firstDay: number, rowsOf: (i: number) => number, slices: number): Float64Array[] {
  const out = Array.from({ length: slices }, () => new Float64Array((days + 1) * F));
  const { flags, day } = o;
  const total = o.values.order_total!;
  const refund = o.values.refund_amount!;
  const discount = o.values.discount_amount!;
  for (let i = 0; i < o.rows; i++) {
    const into = out[rowsOf(i)]!;
    const at = (day[i]! - firstDay + 1) * F;
    if ((flags[i]! & PAID_FLAG) !== 0) {
      into[at]! += total[i]!;
      into[at + 1]! += refund[i]!;
      into[at + 2]! += discount[i]!;
      into[at + 3]! += 1;
    } else if ((flags[i]! & CANCELLED_FLAG) !== 0) into[at + 4]! += 1;
  }
  for (const into of out) for (let k = F; k < into.length; k++) into[k]! += into[k - F]!;
  return out;
}

export function buildDayCube(o: OrderColumns): DayCube | null {
  if (o.rows === 0) return null;
  const firstDay = o.day[0]!;
  const days = o.day[o.rows - 1]! - firstDay + 1;
  const [all] = runningTotals(o, days, firstDay, () => 0, 1);
  const byCode: DayCube['byCode'] = {};
  for (const [dimension, codes] of Object.entries(o.codes) as [FilterDimension, Int32Array][]) {
    byCode[dimension] = runningTotals(o, days, firstDay, (i) => codes[i]!, o.dictionaries[dimension]!.raw.length);
  }
  return { firstDay, days, all: all!, byCode };
}

/** Adds the sums of days [from, to] of one slice to group g of each field's array in `into` (DAY_FIELDS order). */
export function addSpan(cube: DayCube, slice: Float64Array, from: number, to: number, into: Float64Array[], g: number): void {
  const a = Math.max(0, Math.min(cube.days, from - cube.firstDay));
  const b = Math.max(0, Math.min(cube.days, to - cube.firstDay + 1));
  if (b <= a) return;
  for (let f = 0; f < F; f++) into[f]![g]! += slice[b * F + f]! - slice[a * F + f]!;
}
