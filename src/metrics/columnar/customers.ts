import type { Row } from '../../engine/engine';
import type { QueryContext } from '../compile';
import { monthsBetween } from '../periods';
import { RFM_MAP, RFM_SEGMENTS } from '../queries/rfm-map';
import { previousPaidDay } from './buyer-counts';
import { dayNumber, lowerBound } from './day-numbers';
import { filterTests, passes, rowsToScan, type FilterTest } from './execute';
import { MONEY_SCALE, PAID_FLAG, type ColumnStore, type OrderColumns } from './store';

/**
 * The rows of cohortsSql (cohort, k, active, revenue, cumulative_revenue, last_active) from the
 * column store; null when a filter reads what the store does not hold. Rows are in day order, so
 * each customer's month offset k only grows: a customer is counted once per (cohort, k) by
 * remembering the last k seen, and that same k at the end is their last active month.
 */
export function cohortsFromColumns(store: ColumnStore, ctx: QueryContext): Row[] | null {
  const o = store.orders;
  const tests = filterTests(o, 'orders', ctx.filters);
  if (!tests) return null;
  const months = monthsBetween(ctx.period.from, ctx.period.to);
  const startDay = dayNumber(`${months[0]!}-01`);
  const toDay = dayNumber(ctx.period.to);
  const monthOfDay = new Int32Array(toDay - startDay + 1);
  for (let m = 1; m < months.length; m++) monthOfDay.fill(m, dayNumber(`${months[m]!}-01`) - startDay);
  const lo = lowerBound(o.day, startDay);
  const hi = lowerBound(o.day, toDay + 1);
  const { flags, cid, day, firstPaid } = o;
  const total = o.values.order_total!;

  // A customer belongs to a cohort when an order of their first month passes the filters.
  // state: 0 not a member; 1 member with no order counted yet; k + 2 after an order at offset k.
  const state = new Int32Array(o.customers);
  const cohortOf = (i: number) => (firstPaid[i]! >= startDay && firstPaid[i]! <= toDay ? monthOfDay[firstPaid[i]! - startDay]! : -1);
  const visit = rowsToScan(o, tests, startDay, toDay);
  const first = visit === null ? lo : 0;
  const last = visit === null ? hi : visit.length;
  for (let k = first; k < last; k++) {
    const i = visit === null ? k : visit[k]!;
    if ((flags[i]! & PAID_FLAG) === 0 || !passes(tests, i)) continue;
    const c = cohortOf(i);
    if (c >= 0 && monthOfDay[day[i]! - startDay] === c) state[cid[i]!] = 1;
  }

  const n = months.length;
  const active = new Float64Array(n * n);
  const revenue = new Float64Array(n * n);
  const lastActive = new Float64Array(n * n);
  for (let j = first; j < last; j++) {
    const i = visit === null ? j : visit[j]!;
    const customer = cid[i]!;
    const s = state[customer]!;
    if (s === 0 || (flags[i]! & PAID_FLAG) === 0 || !passes(tests, i)) continue;
    const c = cohortOf(i);
    const k = monthOfDay[day[i]! - startDay]! - c;
    const cell = c * n + k;
    revenue[cell]! += total[i]!;
    if (s !== k + 2) {
      active[cell]! += 1;
      lastActive[cell]! += 1;
      if (s >= 2) lastActive[c * n + s - 2]! -= 1;
      state[customer] = k + 2;
    }
  }

  const rows: Row[] = [];
  for (let c = 0; c < n; c++) {
    let cumulative = 0;
    for (let k = 0; k < n - c; k++) {
      const cell = c * n + k;
      if (active[cell] === 0) continue;
      cumulative += revenue[cell]!;
      rows.push({
        cohort: months[c]!,
        k,
        active: active[cell]!,
        revenue: revenue[cell]! / MONEY_SCALE,
        cumulative_revenue: cumulative / MONEY_SCALE,
        last_active: lastActive[cell]!,
      });
    }
  }
  return rows;
}

/** Segment index by (R, F) scores, 1–5 each: SEGMENT_BY_SCORES[(r - 1) * 5 + (f - 1)]. */
const SEGMENT_BY_SCORES = Int32Array.from({ length: 25 }, (_, x) => {
  const r = Math.floor(x / 5) + 1;
  const f = (x % 5) + 1;
  return RFM_SEGMENTS.indexOf(RFM_MAP.find((rule) => rule.r.includes(r) && rule.f.includes(f))!.segment);
});

/**
 * The quintile (1–5) of each customer ordered by `value` ascending, then by cid, as DuckDB's
 * NTILE(5) numbers them: with n customers and p = min(5, n) tiles, tile t starts at position
 * (t - 1) * (n // p) + min(t - 1, n % p). Positions come from a counting sort over the value's
 * range (days or order counts, both small), walking customers in cid order so ties keep it.
 */
function quintiles(customers: Int32Array, count: number, value: Int32Array, min: number, max: number): Uint8Array {
  const p = Math.min(5, count);
  const starts = [1, 2, 3, 4].map((t) => (t < p ? t * Math.floor(count / p) + Math.min(t, count % p) : Infinity));
  const next = new Int32Array(max - min + 2);
  for (let k = 0; k < count; k++) next[value[customers[k]!]! - min + 1]! += 1;
  for (let v = 1; v < next.length; v++) next[v]! += next[v - 1]!;
  const tile = new Uint8Array(count);
  for (let k = 0; k < count; k++) {
    const position = next[value[customers[k]!]! - min]!++;
    tile[k] = 1 + (position >= starts[0]! ? 1 : 0) + (position >= starts[1]! ? 1 : 0) + (position >= starts[2]! ? 1 : 0) + (position >= starts[3]! ? 1 : 0);
  }
  return tile;
}

interface CustomerValues {
  /** Day of the last paid order. */
  lastDay: Int32Array;
  /** Paid orders (0: not a buyer). */
  frequency: Int32Array;
  /** Σ order_total, ten-thousandths. */
  monetary: Float64Array;
}

/** Each customer's values over the paid orders of rows [0, hi) that pass the filters. */
function filteredValues(o: OrderColumns, tests: readonly FilterTest[], hi: number): CustomerValues {
  const { flags, cid, day } = o;
  const total = o.values.order_total!;
  const values: CustomerValues = { lastDay: new Int32Array(o.customers), frequency: new Int32Array(o.customers), monetary: new Float64Array(o.customers) };
  const { lastDay, frequency, monetary } = values;
  const visit = rowsToScan(o, tests, day[0]!, day[hi - 1]!);
  const last = visit === null ? hi : visit.length;
  for (let k = 0; k < last; k++) {
    const i = visit === null ? k : visit[k]!;
    if ((flags[i]! & PAID_FLAG) === 0 || !passes(tests, i)) continue;
    const c = cid[i]!;
    lastDay[c] = day[i]!;
    frequency[c]! += 1;
    monetary[c]! += total[i]!;
  }
  return values;
}

const allTimeValues = new WeakMap<ColumnStore, CustomerValues>();

/**
 * Each customer's values over all paid orders up to row hi, unfiltered: their values over all
 * orders (made once) less the orders after hi, which are few when the date is recent. The last
 * paid day up to hi is the one before the customer's first order after it.
 */
function valuesAsOf(store: ColumnStore, hi: number): CustomerValues {
  const o = store.orders;
  const counts = store.counts!;
  let all = allTimeValues.get(store);
  if (!all) allTimeValues.set(store, (all = filteredValues(o, [], o.rows)));
  const values: CustomerValues = { lastDay: all.lastDay.slice(), frequency: all.frequency.slice(), monetary: all.monetary.slice() };
  const { lastDay, frequency, monetary } = values;
  const { flags, cid } = o;
  const total = o.values.order_total!;
  const later = new Uint8Array(o.customers);
  for (let i = hi; i < o.rows; i++) {
    if ((flags[i]! & PAID_FLAG) === 0) continue;
    const c = cid[i]!;
    frequency[c]! -= 1;
    monetary[c]! -= total[i]!;
    if (later[c] === 0) {
      later[c] = 1;
      // None before this one: none up to hi either (frequency is 0 by now).
      lastDay[c] = previousPaidDay(counts, i) ?? 0;
    }
  }
  return values;
}

/**
 * The rows of rfmSegmentsSql (segment, customers, monetary, share) from the column store; null
 * when a filter reads what the store does not hold. Recency is scored on the last paid day
 * ascending, which is recency descending.
 */
export function rfmSegmentsFromColumns(store: ColumnStore, ctx: QueryContext, asOf: string): Row[] | null {
  const o = store.orders;
  const tests = filterTests(o, 'orders', ctx.filters);
  if (!tests) return null;
  const hi = lowerBound(o.day, dayNumber(asOf) + 1);
  if (hi === 0) return [];
  const { lastDay, frequency, monetary } = tests.length === 0 && store.counts ? valuesAsOf(store, hi) : filteredValues(o, tests, hi);
  const buyers = new Int32Array(o.customers);
  let count = 0;
  let maxFrequency = 0;
  for (let c = 0; c < o.customers; c++) {
    if (frequency[c] === 0) continue;
    buyers[count++] = c;
    if (frequency[c]! > maxFrequency) maxFrequency = frequency[c]!;
  }
  if (count === 0) return [];
  const firstDay = o.day[0]!;
  const r = quintiles(buyers, count, lastDay, firstDay, o.day[hi - 1]!);
  const f = quintiles(buyers, count, frequency, 1, maxFrequency);
  const customers = new Float64Array(RFM_SEGMENTS.length);
  const money = new Float64Array(RFM_SEGMENTS.length);
  for (let k = 0; k < count; k++) {
    const segment = SEGMENT_BY_SCORES[(r[k]! - 1) * 5 + f[k]! - 1]!;
    customers[segment]! += 1;
    money[segment]! += monetary[buyers[k]!]!;
  }
  return RFM_SEGMENTS.flatMap((segment, s) =>
    customers[s] === 0 ? [] : [{ segment, customers: customers[s]!, monetary: money[s]! / MONEY_SCALE, share: customers[s]! / count }],
  );
}
