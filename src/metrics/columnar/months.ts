import type { FilterDimension } from '../filters';
import { DAY_MS } from './day-numbers';
import { CANCELLED_FLAG, PAID_FLAG, type OrderColumns } from './store';

/**
 * Order aggregates per calendar month, made once with the column store: for all orders, and for
 * the orders of each single dimension value. A query over whole months with no filter, or with
 * one value of one dimension (a channel, a device …), reads these instead of visiting the
 * month's orders; the overview's twelve-month sparklines are such a query on every change.
 * Distinct buyers are counted per month here, so they are exact for that month alone.
 */
export interface MonthCube {
  /** Day number of the first day of each month, from the store's first month to one past its last. */
  starts: Int32Array;
  all: Float64Array;
  byCode: Partial<Record<FilterDimension, Float64Array[]>>;
}

/** The numbers kept per month, in this order (new buyers: first paid order in that month). */
export const MONTH_FIELDS = ['gmv', 'refunds', 'discounts', 'orders', 'cancelled_orders', 'buyers', 'new_buyers', 'repeat_buyers'] as const;
const F = MONTH_FIELDS.length;

function monthStarts(firstDay: number, lastDay: number): Int32Array {
  const starts: number[] = [];
  const first = new Date(firstDay * DAY_MS);
  for (let m = 0; ; m++) {
    const start = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m, 1) / DAY_MS;
    starts.push(start);
    if (start > lastDay) break;
  }
  return Int32Array.from(starts);
}

/** Scratch shared by the slices: the month (plus a per-slice base) each customer was last counted in, and their orders in it (capped at 2). */
interface Stamps {
  seen: Int32Array;
  count: Uint8Array;
  base: number;
}

/** One slice: the paid and cancelled orders among `rows` (all rows when null), which are in day order. */
function slice(o: OrderColumns, rows: Int32Array | null, monthOf: Int32Array, firstDay: number, starts: Int32Array, stamps: Stamps): Float64Array {
  const months = starts.length - 1;
  const out = new Float64Array(months * F);
  const { flags, cid, day, firstPaid } = o;
  const total = o.values.order_total!;
  const refund = o.values.refund_amount!;
  const discount = o.values.discount_amount!;
  const { seen, count } = stamps;
  const base = stamps.base;
  stamps.base += months;
  const n = rows === null ? o.rows : rows.length;
  for (let k = 0; k < n; k++) {
    const i = rows === null ? k : rows[k]!;
    const f = flags[i]!;
    const m = monthOf[day[i]! - firstDay]!;
    const at = m * F;
    if ((f & PAID_FLAG) === 0) {
      if ((f & CANCELLED_FLAG) !== 0) out[at + 4]! += 1;
      continue;
    }
    out[at]! += total[i]!;
    out[at + 1]! += refund[i]!;
    out[at + 2]! += discount[i]!;
    out[at + 3]! += 1;
    const c = cid[i]!;
    if (seen[c] !== base + m) {
      seen[c] = base + m;
      count[c] = 1;
      out[at + 5]! += 1;
      if (firstPaid[i]! >= starts[m]!) out[at + 6]! += 1;
    } else if (count[c] === 1) {
      count[c] = 2;
      out[at + 7]! += 1;
    }
  }
  return out;
}

export function buildMonthCube(o: OrderColumns): MonthCube | null {
  if (o.rows === 0) return null;
  const firstDay = o.day[0]!;
  const starts = monthStarts(firstDay, o.day[o.rows - 1]!);
  const monthOf = new Int32Array(starts[starts.length - 1]! - firstDay);
  for (let m = 1; m < starts.length - 1; m++) monthOf.fill(m, starts[m]! - firstDay);
  // Stamps start at 1: a customer never counted holds 0.
  const stamps: Stamps = { seen: new Int32Array(o.customers), count: new Uint8Array(o.customers), base: 1 };
  const all = slice(o, null, monthOf, firstDay, starts, stamps);
  const byCode: MonthCube['byCode'] = {};
  for (const [dimension, postings] of Object.entries(o.postings) as [FilterDimension, NonNullable<OrderColumns['postings'][FilterDimension]>][]) {
    byCode[dimension] = Array.from({ length: postings.start.length - 1 }, (_, code) =>
      slice(o, postings.rows.subarray(postings.start[code]!, postings.start[code + 1]!), monthOf, firstDay, starts, stamps),
    );
  }
  return { starts, all, byCode };
}

/** The month that is exactly the days [from, to], or -1. */
export function wholeMonth(cube: MonthCube, from: number, to: number): number {
  const { starts } = cube;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts.length - 1 && starts[lo] === from && starts[lo + 1]! - 1 === to ? lo : -1;
}
